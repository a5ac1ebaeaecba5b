import { describe, expect, it } from "vitest";
import { editYaml, YamlEditError } from "./yaml-update.ts";

const ENTRY = `# yaml-language-server: $schema=../schema/model.json
id: tiny-lm   # the file name
name: Tiny LM
description: >-
  A folded description whose lines are longer than eighty columns, which printing the document again would re-fold
  at another width.
kind: base

# No size yet: the paper gives none.
license: Apache-2.0
openness: { weights: open, inference_code: open, training_code: closed, training_data: closed }
sources:
  - url: https://tiny.example/paper
    facts: [released, license]   # the paper
  - { url: "https://tiny.example/blog", facts: [openness] }
# trailing comment
`;

const ORDER = ["id", "name", "description", "kind", "parameters", "license", "openness", "sources"];

describe("editYaml", () => {
  it("adds a key after the keys that come before it, keeping every other byte", () => {
    expect(editYaml(ENTRY, [{ set: ["parameters"], value: { total: "124M" }, order: ORDER }])).toBe(
      ENTRY.replace("kind: base\n", "kind: base\nparameters:\n  total: 124M\n"),
    );
  });

  it("adds a key before the first key when none comes before it, and at the end without an order", () => {
    expect(editYaml("a: 1\nb: 2\n", [{ set: ["z"], value: 0, order: ["z", "a", "b"] }])).toBe("z: 0\na: 1\nb: 2\n");
    expect(editYaml("a: 1\nb: 2", [{ set: ["c"], value: [1, 2] }])).toBe("a: 1\nb: 2\nc: [1, 2]\n");
  });

  it("replaces a scalar in place, keeping its comment", () => {
    expect(editYaml(ENTRY, [{ set: ["id"], value: "small-lm" }])).toBe(ENTRY.replace("id: tiny-lm ", "id: small-lm "));
  });

  it("replaces a value inside a flow mapping", () => {
    expect(editYaml(ENTRY, [{ set: ["openness", "weights"], value: "gated" }])).toBe(
      ENTRY.replace("{ weights: open,", "{ weights: gated,"),
    );
  });

  it("replaces a block value from the colon on", () => {
    const text = "parameters:\n  total:\n    estimate: 1.8T\n    source: https://x.example\n  # rumour\nlicense: MIT\n";
    expect(editYaml(text, [{ set: ["parameters", "total"], value: "1.76T" }])).toBe(
      "parameters:\n  total: 1.76T\n  # rumour\nlicense: MIT\n",
    );
    expect(editYaml(ENTRY, [{ set: ["description"], value: "Short." }])).toBe(
      ENTRY.replace(/description: >-\n(?: {2}.*\n)+/, "description: Short.\n"),
    );
  });

  it("fills an empty value", () => {
    expect(editYaml("a:\nb: 1\n", [{ set: ["a"], value: "x" }])).toBe("a: x\nb: 1\n");
  });

  it("appends to flow and block lists", () => {
    const edited = editYaml(ENTRY, [
      { append: ["sources", 0, "facts"], value: "parameters" },
      { append: ["sources"], value: { url: "https://huggingface.co/acme/tiny-lm", facts: ["parameters"] } },
    ]);
    expect(edited).toBe(
      ENTRY.replace("[released, license]", "[released, license, parameters]").replace(
        '  - { url: "https://tiny.example/blog", facts: [openness] }\n',
        '  - { url: "https://tiny.example/blog", facts: [openness] }\n' +
          "  - url: https://huggingface.co/acme/tiny-lm\n    facts: [parameters]\n",
      ),
    );
    expect(editYaml("facts:\n- a\n- b\n", [{ append: ["facts"], value: "c" }])).toBe("facts:\n- a\n- b\n- c\n");
  });

  it("quotes what must be quoted", () => {
    expect(editYaml("a: 1\n", [{ set: ["b"], value: "x: y # z" }])).toBe('a: 1\nb: "x: y # z"\n');
  });

  it("refuses what it cannot do without rewriting other text", () => {
    expect(() => editYaml("a: { b: 1 }\n", [{ set: ["a", "c"], value: 2 }])).toThrow(
      new YamlEditError('cannot add "c" to a flow mapping'),
    );
    expect(() => editYaml("a: 1\n", [{ append: ["a"], value: 2 }])).toThrow(
      new YamlEditError("no list at a to append to"),
    );
    expect(() => editYaml("a: []\n", [{ append: ["a"], value: 2 }])).toThrow(
      new YamlEditError("cannot append to the empty list at a"),
    );
    expect(() => editYaml("a: 1\n", [{ set: ["x", "y"], value: 2 }])).toThrow(
      new YamlEditError("no mapping at x to set y in"),
    );
    expect(() => editYaml("a: [1\n", [{ set: ["a"], value: 2 }])).toThrow(YamlEditError);
  });
});
