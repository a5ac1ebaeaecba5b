import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { catalogJsonSchemas } from "@zoo/catalog";
import { describe, expect, it } from "vitest";
import { fixtureCheckout, runZoo } from "../testing/run-zoo.ts";
import { MODEL_TEMPLATE } from "./catalog-new.ts";

/**
 * Key paths of a JSON Schema's object properties ("architecture.experts.total"); with `unions`, also the keys of
 * objects inside anyOf alternatives (an estimate, each run adapter).
 */
function schemaKeys(schema: Record<string, unknown>, unions: boolean, prefix = ""): string[] {
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(properties).flatMap(([key, child]) => {
    const path = `${prefix}${key}`;
    const alternatives = unions ? ((child.anyOf ?? child.oneOf ?? []) as Record<string, unknown>[]) : [];
    const shapes = [child, (child.items ?? {}) as Record<string, unknown>, ...alternatives];
    return [
      path,
      ...shapes.filter((shape) => shape.properties).flatMap((shape) => schemaKeys(shape, unions, `${path}.`)),
    ];
  });
}

function yamlKeys(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => yamlKeys(item, prefix));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) => [`${prefix}${key}`, ...yamlKeys(child, `${prefix}${key}.`)]);
}

describe("zoo catalog new", () => {
  it("keeps the template in step with the schema: every field, and only fields that exist", async () => {
    const template = new Set(yamlKeys(parse(await readFile(MODEL_TEMPLATE, "utf8"))));
    const schema = JSON.parse(catalogJsonSchemas()["model.json"]!) as Record<string, unknown>;
    const everyField = schemaKeys(schema, false).filter((key) => key !== "$schema");
    expect(everyField.filter((key) => !template.has(key))).toEqual([]);
    const known = new Set(schemaKeys(schema, true));
    expect([...template].filter((key) => !known.has(key))).toEqual([]);
  });

  it("writes the skeleton, which catalog check then walks the contributor through", async () => {
    const root = await fixtureCheckout();
    expect(await runZoo(["catalog", "new", "new-model"], root)).toEqual({
      code: 0,
      out: 'wrote catalog/models/new-model.yaml: fill it in, then run "pnpm catalog:check"\n',
      err: "",
    });
    const written = await readFile(join(root, "catalog/models/new-model.yaml"), "utf8");
    expect(written.split("\n")[0]).toBe("# yaml-language-server: $schema=../schema/model.json");
    expect(written).toContain("\nid: new-model\n");
    const check = await runZoo(["catalog", "check"], root);
    expect(check.code).toBe(1);
    expect(check.out).toContain("catalog/models/new-model.yaml:9:7: name: expected non-empty text, found empty text\n");
    expect(check.out).toContain(
      "catalog/models/new-model.yaml:40:10: license: expected non-empty text, found empty text\n",
    );
  });

  it("refuses an existing entry or an id that is not kebab-case", async () => {
    const root = await fixtureCheckout();
    expect(await runZoo(["catalog", "new", "base-7b"], root)).toEqual({
      code: 1,
      out: "",
      err: "zoo: catalog/models/base-7b.yaml already exists\n",
    });
    expect(await runZoo(["catalog", "new", "Base_7B"], root)).toEqual({
      code: 2,
      out: "",
      err: 'zoo: expected a kebab-case id such as "llama-2-7b", found "Base_7B"\n',
    });
  });
});
