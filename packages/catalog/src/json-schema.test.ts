import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { catalogJsonSchemas } from "./json-schema.ts";

const SCHEMA_DIR = new URL("../../../catalog/schema/", import.meta.url);

describe("catalogJsonSchemas", () => {
  it("matches the committed schema files, so editors never complete against a stale schema", async () => {
    for (const [file, text] of Object.entries(catalogJsonSchemas())) {
      expect(
        await readFile(new URL(file, SCHEMA_DIR), "utf8"),
        `catalog/schema/${file} is stale: run "pnpm zoo catalog schema"`,
      ).toBe(text);
    }
  });

  it("closes every mapping and describes the YAML as written", () => {
    const model = JSON.parse(catalogJsonSchemas()["model.json"]!);
    expect(model.additionalProperties).toBe(false);
    expect(model.required).toEqual([
      "id",
      "name",
      "organization",
      "family",
      "released",
      "description",
      "modalities",
      "kind",
      "license",
      "openness",
      "access",
      "sources",
    ]);
    expect(model.properties.kind.enum).toEqual(["base", "instruct", "chat", "fine-tune", "merge"]);
    // Counts are written as "7B" or numbers, and dates as text or a bare year: the input side, not the parsed one.
    expect(model.properties.released.type).toEqual(["string", "number"]);
    expect(model.properties.parameters.properties.total.anyOf[0].type).toEqual(["number", "string"]);
  });
});
