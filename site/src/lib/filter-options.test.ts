import { fileURLToPath } from "node:url";
import { describeModels, loadCatalog } from "@zoo/catalog";
import { describe, expect, it } from "vitest";
import { filterAttributes, filterCss, filterFields } from "./filter-options.ts";

const CATALOG = fileURLToPath(new URL("../../../packages/catalog/fixtures/catalog", import.meta.url));

describe("filter options", async () => {
  const models = describeModels(await loadCatalog(CATALOG, { today: new Date("2026-11-23") }));
  const fields = filterFields(models, (id) => ({ acme: "Acme Research", lab: "Lab Collective" })[id] ?? id);
  const options = (param: string) => fields.find((field) => field.param === param)!.options.map(({ value }) => value);

  it("offers the values the models have", () => {
    expect(fields.find((field) => field.param === "organization")!.options).toEqual([
      { value: "acme", label: "Acme Research" },
      { value: "lab", label: "Lab Collective" },
    ]);
    expect(options("license")).toEqual(["attribution", "non-commercial", "proprietary"]);
    expect(options("kind")).toEqual(["base", "chat"]);
    expect(options("modality")).toEqual(["text", "image"]);
    expect(options("year")).toEqual(["2024", "2023"]);
    expect(options("architecture")).toEqual(["decoder-only"]);
  });

  it("lists, for each select, the options a model passes according to matchesFilter", () => {
    const moe = models.find(({ entry }) => entry.id === "moe-8x1b")!;
    const attributes = filterAttributes(moe, fields);
    expect(attributes["data-f-organization"]).toBe("acme");
    expect(attributes["data-f-weights"]).toBe("closed");
    expect(attributes["data-f-commercial"]).toBe("conditional");
    // An estimated 6.4B: at least 100M, 1B and 3B; at most 7B and above.
    expect(attributes["data-f-min-params"]).toBe("100000000 1000000000 3000000000");
    expect(attributes["data-f-max-params"]).toBe(
      "7000000000 13000000000 30000000000 70000000000 200000000000 1000000000000",
    );
    // No context length stated: it passes no minimum.
    expect(attributes["data-f-min-context"]).toBe("");
    expect(attributes["data-f-modality"]).toBe("text image");
  });

  it("writes one CSS rule per option, off once scripts run", () => {
    const css = filterCss("f", "t", fields);
    expect(css.split(",\n")).toHaveLength(fields.reduce((sum, field) => sum + field.options.length, 0));
    expect(css).toContain(
      ':root:not(.js) body:has(#f [name="organization"] option[value="acme"]:checked) #t tr[data-model]:not([data-f-organization~="acme"])',
    );
    expect(css.endsWith(" { display: none; }\n")).toBe(true);
    expect(filterCss("f", "t", [])).toBe("");
  });
});
