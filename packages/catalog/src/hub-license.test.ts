import { describe, expect, it } from "vitest";
import { mapHubLicense } from "./hub-license.ts";

const IDS = ["Apache-2.0", "CC-BY-NC-4.0", "GPL-3.0-only", "llama2", "openrail-m", "deepseek"];

describe("mapHubLicense", () => {
  it.each([
    [{ tags: ["apache-2.0"] }, ["Apache-2.0"], "apache-2.0"],
    [{ tags: ["cc-by-nc-4.0"] }, ["CC-BY-NC-4.0"], "cc-by-nc-4.0"],
    [{ tags: ["llama2"] }, ["llama2"], "llama2"],
    [{ tags: ["gpl-3.0"] }, ["GPL-3.0-only"], "gpl-3.0"],
    [{ tags: ["other"], name: "deepseek" }, ["deepseek"], "other (deepseek)"],
    [{ tags: ["other"], name: "my-license" }, [], "other (my-license)"],
    [{ tags: ["openrail"] }, [], "openrail"],
    [{ tags: ["mit", "apache-2.0"] }, ["Apache-2.0"], "mit, apache-2.0"],
    [{ tags: [] }, [], ""],
  ])("maps %j onto %j", (license, ids, shown) => {
    expect(mapHubLicense(license, IDS)).toEqual({ ids, shown });
  });
});
