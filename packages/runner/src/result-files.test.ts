import { readFile, readdir } from "node:fs/promises";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseSampleLines, resultRecordSchema, type ResultRecord, type SampleLine } from "@zoo/suites";
import { describe, expect, it } from "vitest";
import { resultFileName } from "./result-file-name.ts";
import { modelFolder, writeAtomically, writeResult } from "./result-files.ts";
import { EXAMPLE_RECORD } from "@zoo/suites/testing";

const RECORD: ResultRecord = { ...EXAMPLE_RECORD, model: { ...EXAMPLE_RECORD.model, id: "hf:Xenova/gpt2" } };

describe("result files", () => {
  it("name a record by suite, data, shots, limit and shard, under a folder named for the model", () => {
    expect(modelFolder("gpt-2-124m")).toBe("gpt-2-124m");
    expect(modelFolder("hf:Xenova/gpt2")).toBe("hf--Xenova--gpt2");
    expect(resultFileName(RECORD)).toBe("mmlu-5shot.json");
    const sample = { ...RECORD.suite, dataset: { ...RECORD.suite.dataset, sample: true } };
    expect(resultFileName({ ...RECORD, suite: sample, shots: 0 })).toBe("mmlu-sample-0shot.json");
    expect(resultFileName({ ...RECORD, limit: 100, limited: true, shard: { index: 2, count: 4 } })).toBe(
      "mmlu-5shot-limit100-shard2of4.json",
    );
  });

  it("write the record, and its samples beside it, named by the record", async () => {
    const dir = await mkdtemp(join(tmpdir(), "zoo-results-"));
    const sample: SampleLine = {
      doc_id: 0,
      prompt_hash: `sha256:${"cd".repeat(32)}`,
      requests: [{ type: "loglikelihood", context: "Q:", continuation: " A" }],
      responses: [{ logprob: -1, is_greedy: true }],
      target: 0,
      metrics: { acc: 1 },
    };
    const path = await writeResult(dir, { record: RECORD, samples: [sample] });
    expect(path).toBe(join(dir, "hf--Xenova--gpt2", "mmlu-5shot.json"));
    const written = resultRecordSchema.parse(JSON.parse(await readFile(path, "utf8")));
    expect(written).toEqual({ ...RECORD, samples_file: "mmlu-5shot.samples.jsonl" });
    const samples = await readFile(join(dir, "hf--Xenova--gpt2", "mmlu-5shot.samples.jsonl"), "utf8");
    expect(parseSampleLines(samples, "s")).toEqual([sample]);
    expect((await readdir(join(dir, "hf--Xenova--gpt2"))).sort()).toEqual([
      "mmlu-5shot.json",
      "mmlu-5shot.samples.jsonl",
    ]);
  });

  it("write whole files only, even when two writers race for one", async () => {
    const dir = await mkdtemp(join(tmpdir(), "zoo-atomic-"));
    const path = join(dir, "r.json");
    const contents = Array.from({ length: 20 }, (_, i) => `${String(i).repeat(50_000)}\n`);
    await Promise.all(contents.map((content) => writeAtomically(path, content)));
    expect(contents).toContain(await readFile(path, "utf8"));
    expect(await readdir(dir)).toEqual(["r.json"]);
  });
});
