import type { ResultRecord, SampleLine } from "@zoo/suites";
import { describe, expect, it } from "vitest";
import { recordJson, samplesFileName, samplesJsonl } from "./result-files.ts";

const record = (overrides: Partial<ResultRecord>, sample = true) =>
  ({
    suite: { id: "mmlu", dataset: { sample } },
    shots: 5,
    limit: null,
    ...overrides,
  }) as unknown as ResultRecord;

describe("the downloads", () => {
  it("name the samples file after the record's, as zoo bench does", () => {
    expect(samplesFileName(record({}))).toBe("mmlu-sample-5shot.samples.jsonl");
    expect(samplesFileName(record({ limit: 3 }, false))).toBe("mmlu-5shot-limit3.samples.jsonl");
  });

  it("are the record naming its samples file, and the samples one JSON line each", () => {
    expect(JSON.parse(recordJson(record({})))).toMatchObject({ samples_file: "mmlu-sample-5shot.samples.jsonl" });
    expect(recordJson(record({}))).toMatch(/^\{\n {2}"suite"[\s\S]*\}\n$/);
    const lines = [{ doc_id: 0 }, { doc_id: 1 }] as unknown as SampleLine[];
    expect(samplesJsonl(lines)).toBe('{"doc_id":0}\n{"doc_id":1}\n');
  });
});
