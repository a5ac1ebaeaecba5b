import { describe, expect, it } from "vitest";
import { modelSchema, type ModelInput } from "./model-schema.ts";

const VALID: ModelInput = {
  id: "m-7b",
  name: "M 7B",
  organization: "acme",
  family: "m",
  released: "2024-01",
  description: "A model.",
  modalities: { input: ["text"], output: ["text"] },
  kind: "base",
  parameters: { total: "7B" },
  license: "MIT",
  architecture: { type: "decoder-only", heads: 32, kv_heads: 8, attention: ["gqa"] },
  openness: { weights: "open", inference_code: "open", training_code: "closed", training_data: "closed" },
  access: "open-weights",
  sources: [{ url: "https://example.org/m", facts: ["released", "parameters", "license", "architecture", "openness"] }],
};

/** The messages, by path, of the entry `VALID` with `changes` merged in. */
function problems(changes: Partial<ModelInput>): string[] {
  const result = modelSchema.safeParse({ ...VALID, ...changes });
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("model consistency checks", () => {
  it("accepts a consistent entry", () => {
    expect(problems({})).toEqual([]);
  });

  it("checks heads against the attention variant", () => {
    expect(problems({ architecture: { type: "decoder-only", heads: 32, kv_heads: 40 } })).toEqual([
      "architecture.kv_heads: key/value heads (40) exceed attention heads (32)",
    ]);
    expect(problems({ architecture: { type: "decoder-only", heads: 32, kv_heads: 8, attention: ["mqa"] } })).toEqual([
      "architecture.kv_heads: multi-query attention has 1 key/value head, found 8",
    ]);
    expect(
      problems({
        architecture: { type: "decoder-only", heads: 32, kv_heads: 32, attention: ["gqa", "sliding-window"] },
      }),
    ).toEqual(["architecture.kv_heads: grouped-query attention has between 1 and 32 key/value heads, found 32"]);
    expect(problems({ architecture: { type: "decoder-only", heads: 32, kv_heads: 8, attention: ["mha"] } })).toEqual([
      "architecture.kv_heads: multi-head attention has one key/value head per head (32), found 8",
    ]);
  });

  it("ties active parameters to a mixture-of-experts architecture", () => {
    expect(problems({ parameters: { total: "7B", active: "2B" } })).toEqual([
      "parameters.active: active parameters are for mixture-of-experts models: add architecture.experts",
    ]);
    expect(problems({ architecture: { type: "decoder-only", experts: { total: 8, active: 9 } } })).toEqual([
      "architecture.experts.active: active experts (9) exceed total experts (8)",
    ]);
  });

  it("keeps access and the openness of the weights consistent", () => {
    expect(problems({ access: "api" })).toEqual([
      'access: access "api" contradicts openness.weights "open": use "open-weights" or "both"',
    ]);
    expect(problems({ openness: { ...VALID.openness, weights: "described" } })).toEqual([
      'access: access "open-weights" needs downloadable weights, but openness.weights is "described"',
    ]);
  });

  it("checks lineage within the entry", () => {
    expect(
      problems({
        base_model: ["m-7b"],
        sources: [
          {
            url: "https://e.org",
            facts: ["released", "parameters", "license", "architecture", "openness", "base_model"],
          },
        ],
      }),
    ).toEqual(["base_model.0: a model cannot derive from itself"]);
    expect(
      problems({
        kind: "merge",
        base_model: ["a"],
        sources: [
          {
            url: "https://e.org",
            facts: ["released", "parameters", "license", "architecture", "openness", "base_model"],
          },
        ],
      }),
    ).toEqual(["kind: a merge derives from at least two models, found 1 in base_model"]);
  });

  it("requires exactly one of url or seed in a source", () => {
    expect(
      problems({
        sources: [
          {
            url: "https://e.org",
            seed: "notes",
            facts: ["released", "parameters", "license", "architecture", "openness"],
          },
        ],
      }),
    ).toEqual(["sources.0: expected exactly one of url or seed"]);
  });

  const score = {
    benchmark: "mmlu" as const,
    value: 45.3,
    shots: 5,
    method: "direct",
    by: "maker" as const,
    source: "https://e.org/r",
    date: "2024-01",
  };

  it("rejects a reported score repeated from the same source in the same setting", () => {
    expect(problems({ reported: [score, { ...score, value: 45.4 }] })).toEqual([
      "reported.1: repeats reported[0]: the same benchmark, setting and source",
    ]);
    expect(problems({ reported: [score, { ...score, shots: 0 }] })).toEqual([]);
    expect(problems({ reported: [score, { ...score, method: "chain-of-thought" }] })).toEqual([]);
  });

  it("takes a method only of the known forms, and other only with a note", () => {
    expect(
      problems({
        reported: [
          { ...score, method: "maj@8" },
          { ...score, method: "pass@1" },
        ],
      }),
    ).toEqual([]);
    expect(problems({ reported: [{ ...score, method: "cot" }] })).toEqual([
      'reported.0.method: expected direct, chain-of-thought, maj@K, pass@K or other, found "cot"',
    ]);
    expect(problems({ reported: [{ ...score, method: "maj@0" }] })).toEqual([
      'reported.0.method: expected direct, chain-of-thought, maj@K, pass@K or other, found "maj@0"',
    ]);
    expect(problems({ reported: [{ ...score, method: "other" }] })).toEqual([
      'reported.0.method: method "other" needs a note that names the protocol',
    ]);
    expect(problems({ reported: [{ ...score, method: "other", note: "agentic, with a bash tool" }] })).toEqual([]);
  });
});

describe("links", () => {
  it("accept http(s) pages only", () => {
    const withSource = (url: string): Partial<ModelInput> => ({ sources: [{ ...VALID.sources[0]!, url }] });
    expect(problems(withSource("https://example.org/a"))).toEqual([]);
    expect(problems(withSource("javascript:alert(1)"))).toEqual([
      'sources.0.url: expected an http(s) URL, found "javascript:alert(1)"',
    ]);
    expect(problems({ links: { paper: "file:///etc/passwd" } })).toEqual([
      'links.paper: expected an http(s) URL, found "file:///etc/passwd"',
    ]);
  });
});
