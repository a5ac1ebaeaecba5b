import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseYamlText } from "./yaml-file.ts";

const CATALOG = fileURLToPath(new URL("../../../catalog", import.meta.url));
const encode = (text: string) => new TextEncoder().encode(text);

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".yaml"))
    .map((file) => join(dir, file));
}

describe("parseYamlText", () => {
  it("reads every catalogue file to exactly what the yaml package reads", () => {
    const files = yamlFiles(CATALOG);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      expect(parseYamlText(encode(text), file).source?.data, file).toEqual(parse(text));
    }
  });

  it("reads YAML 1.2 core scalars the way the yaml package does", () => {
    const text = "a: yes\nb: 2023-07-18\nc: 0o17\nd: .inf\ne: ~\nf: 1e3\ng: '007'\nh: True\n";
    expect(parseYamlText(encode(text), "x.yaml").source?.data).toEqual(parse(text));
    expect(parse(text)).toEqual({ a: "yes", b: "2023-07-18", c: 15, d: Infinity, e: null, f: 1000, g: "007", h: true });
  });

  it("expands honest anchors and aliases", () => {
    const text = "base: &b { kind: base }\ncopy: *b\n";
    expect(parseYamlText(encode(text), "x.yaml").source?.data).toEqual({
      base: { kind: "base" },
      copy: { kind: "base" },
    });
  });

  it("locates problems in a file read on the fast path", () => {
    const { source } = parseYamlText(encode("id: x\nparameters:\n  total: 7X\n"), "x.yaml");
    expect(source?.problem(["parameters", "total"], "bad")).toEqual({
      file: "x.yaml",
      line: 3,
      column: 10,
      path: "parameters.total",
      message: "bad",
    });
    // A missing field points at the key of the mapping that lacks it.
    expect(source?.problem(["parameters", "missing"], "gone")).toMatchObject({ line: 2, column: 1 });
    expect(source?.problem(["parameters"], "key", { at: "key" })).toMatchObject({ line: 2, column: 1 });
  });
});
