import { describe, expect, it } from "vitest";
import { resultRecordSchema, type ResultRecord } from "./result-record.ts";
import { EXAMPLE_RECORD } from "./testing/example-record.ts";

const RECORD: ResultRecord = EXAMPLE_RECORD;

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
