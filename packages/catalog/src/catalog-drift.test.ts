import { describe, expect, it } from "vitest";
import { agreesAtPrecision, findDrift } from "./catalog-drift.ts";
import type { HubModelFacts, HubReading } from "./hub-facts.ts";
import { modelSchema, type ModelEntry, type ModelInput } from "./model-schema.ts";

const ENTRY: ModelInput = {
  id: "x-7b",
  name: "X 7B",
  organization: "acme",
  family: "x",
  released: "2024",
  description: "A model.",
  modalities: { input: ["text"], output: ["text"] },
  kind: "base",
  parameters: { total: "6.7B" },
  license: "llama2",
  openness: { weights: "gated", inference_code: "open", training_code: "closed", training_data: "closed" },
  access: "open-weights",
  links: { huggingface: "acme/x-7b" },
  sources: [{ url: "https://acme.example/x", facts: ["released", "parameters", "license", "openness"] }],
};

const HUB: HubModelFacts = {
  repo: "acme/x-7b",
  sha: "0".repeat(40),
  lastModified: "2024-01-01T00:00:00.000Z",
  gated: "auto",
  private: false,
  licenses: ["llama2"],
  pipelineTag: "text-generation",
  tags: [],
  parameters: { total: 6738415616, from: "hub" },
  downloads: 1,
  likes: 1,
};

const entry = (changes: Partial<ModelInput> = {}): ModelEntry => modelSchema.parse({ ...ENTRY, ...changes });
const reading = (changes: Partial<HubModelFacts> = {}, rest: Partial<HubReading> = {}): HubReading => ({
  model: { ...HUB, ...changes },
  notes: [],
  ...rest,
});
const LICENSES = ["llama2", "Apache-2.0", "MIT"];

describe("findDrift", () => {
  it("finds nothing when the catalogue agrees with the Hub", () => {
    expect(findDrift(entry(), reading(), LICENSES)).toEqual([]);
  });

  it("maps the Hub's license tags onto catalogue ids", () => {
    expect(findDrift(entry(), reading({ licenses: ["apache-2.0"] }), LICENSES)).toEqual([
      { field: "license", catalogue: "llama2", hub: "apache-2.0", kind: "differs", value: "Apache-2.0" },
    ]);
    expect(findDrift(entry(), reading({ licenses: ["other"], licenseName: "x-license" }), LICENSES)).toEqual([
      { field: "license", catalogue: "llama2", hub: "other (x-license) (no catalogue license)", kind: "review" },
    ]);
    expect(findDrift(entry(), reading({ licenses: [] }), LICENSES)).toEqual([]);
  });

  it("compares gating with the openness of the weights, unless the repo is private", () => {
    expect(findDrift(entry(), reading({ gated: false }), LICENSES)).toEqual([
      { field: "openness.weights", catalogue: "gated", hub: "open", kind: "differs", value: "open" },
    ]);
    expect(findDrift(entry(), reading({ gated: false, private: true }), LICENSES)).toEqual([]);
  });

  it("compares parameter counts at the precision the catalogue states", () => {
    expect(findDrift(entry({ parameters: { total: "7B" } }), reading(), LICENSES)).toEqual([]);
    expect(findDrift(entry({ parameters: { total: "6.5B" } }), reading(), LICENSES)).toEqual([
      { field: "parameters.total", catalogue: "6.5B", hub: "6.74B (6,738,415,616)", kind: "differs", value: "6.74B" },
    ]);
    const unsourced: ModelInput["sources"] = [
      { url: "https://acme.example/x", facts: ["released", "license", "openness"] },
    ];
    const undisclosed = entry({ parameters: { total: "undisclosed" }, sources: unsourced });
    expect(findDrift(undisclosed, reading(), LICENSES)[0]).toMatchObject({
      catalogue: "undisclosed",
      kind: "differs",
    });
    const estimate = { total: { estimate: "7B", source: "https://rumours.example" } };
    expect(findDrift(entry({ parameters: estimate, sources: unsourced }), reading(), LICENSES)[0]).toMatchObject({
      catalogue: "~7B",
      kind: "differs",
    });
    const { parameters: _parameters, ...rest } = ENTRY;
    expect(findDrift(modelSchema.parse({ ...rest, sources: unsourced }), reading(), LICENSES)).toEqual([
      { field: "parameters.total", catalogue: "—", hub: "6.74B (6,738,415,616)", kind: "missing", value: "6.74B" },
    ]);
  });

  it("flags modalities the pipeline tag implies and the entry lacks", () => {
    expect(findDrift(entry(), reading({ pipelineTag: "text-to-image" }), LICENSES)).toEqual([
      { field: "modalities", catalogue: "text → text", hub: "text-to-image", kind: "review" },
    ]);
    expect(findDrift(entry(), reading({ pipelineTag: "fill-mask" }), LICENSES)).toEqual([]);
  });

  it("flags a transformers.js dtype the ONNX repo does not publish", () => {
    const run = { adapter: "transformers-js", repo: "acme/x-7b-onnx", dtype: "q4" } as const;
    const onnx = { repo: "acme/x-7b-onnx", revision: "main", files: [] };
    expect(findDrift(entry({ run }), reading({}, { onnx: { ...onnx, dtypes: ["fp32", "q8"] } }), LICENSES)).toEqual([
      { field: "run.dtype", catalogue: "q4", hub: "fp32, q8", kind: "review" },
    ]);
    expect(findDrift(entry({ run }), reading({}, { onnx: { ...onnx, dtypes: ["q4"] } }), LICENSES)).toEqual([]);
    expect(
      findDrift(entry({ run: { ...run, dtype: undefined } }), reading({}, { onnx: { ...onnx, dtypes: [] } }), LICENSES),
    ).toEqual([{ field: "run.dtype", catalogue: "—", hub: "no ONNX weights in acme/x-7b-onnx", kind: "review" }]);
  });
});

describe("agreesAtPrecision", () => {
  it.each([
    [7e9, 6738415616, true],
    [6.7e9, 6738415616, true],
    [6.74e9, 6738415616, true],
    [6.73e9, 6738415616, false],
    [46.7e9, 46702792704, true],
    [7e9, 8030261248, false],
    [6738415616, 6738415616, true],
    [6738415617, 6738415616, false],
  ])("%d against %d: %s", (catalogue, exact, agrees) => {
    expect(agreesAtPrecision(catalogue, exact)).toBe(agrees);
  });
});
