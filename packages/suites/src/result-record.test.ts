import { describe, expect, it } from "vitest";
import { resultRecordSchema, type ResultRecord } from "./result-record.ts";

const RECORD: ResultRecord = {
  schema_version: 1,
  model: {
    id: "gpt2",
    adapter: "transformers-js",
    repo: "Xenova/gpt2",
    revision: "0123abc",
    dtype: "fp32",
    device: "cpu",
  },
  suite: {
    id: "mmlu",
    version: "1",
    primary_metric: "acc",
    chance: 0.25,
    dataset: { id: "cais/mmlu", revision: "c30699e", hash: `sha256:${"ab".repeat(32)}`, sample: false },
  },
  shots: 5,
  limit: null,
  limited: false,
  documents: 14042,
  metrics: { acc: { value: 0.2569, stderr: 0.0037 } },
  groups: [{ kind: "category", name: "stem", documents: 3018, metrics: { acc: { value: 0.25, stderr: 0.0079 } } }],
  timings: { wall_seconds: 812.4, items_per_second: 17.3, tokens_per_second: 9120 },
  environment: { zoo_version: "0.1.0", node: "v20.20.2", platform: "linux-x64", onnxruntime: "1.30.0" },
  date: "2026-11-23T19:40:00.000Z",
};

describe("resultRecordSchema", () => {
  it("accepts a complete record", () => {
    expect(resultRecordSchema.parse(RECORD)).toEqual(RECORD);
  });

  it("rejects unknown fields, a malformed hash and a metric without stderr", () => {
    expect(resultRecordSchema.safeParse({ ...RECORD, extra: 1 }).success).toBe(false);
    expect(
      resultRecordSchema.safeParse({
        ...RECORD,
        suite: { ...RECORD.suite, dataset: { ...RECORD.suite.dataset, hash: "abc" } },
      }).success,
    ).toBe(false);
    expect(resultRecordSchema.safeParse({ ...RECORD, metrics: { acc: { value: 0.5 } } }).success).toBe(false);
  });

  it("takes an imported lm-evaluation-harness result, whose documents carry no hash, only with its origin", () => {
    const imported: ResultRecord = {
      ...RECORD,
      model: { id: "gpt2", adapter: "lm-eval", repo: "gpt2" },
      suite: { ...RECORD.suite, dataset: { ...RECORD.suite.dataset, hash: null } },
      imported_from: {
        tool: "lm-evaluation-harness",
        model_type: "hf",
        model_args: "pretrained=gpt2",
        version: "a1b2c3d",
        task: "mmlu",
      },
    };
    expect(resultRecordSchema.parse(imported)).toEqual(imported);
    expect(
      resultRecordSchema.safeParse({ ...imported, imported_from: { ...imported.imported_from, tool: "other" } })
        .success,
    ).toBe(false);
  });
});
