import { readFile, readdir } from "node:fs/promises";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseSampleLines, resultRecordSchema, type ResultRecord, type SampleLine } from "@zoo/suites";
import { describe, expect, it } from "vitest";
import { modelFolder, resultFileName, writeAtomically, writeResult } from "./result-files.ts";

const RECORD: ResultRecord = {
  schema_version: 1,
  model: {
    id: "hf:Xenova/gpt2",
    adapter: "transformers-js",
    repo: "Xenova/gpt2",
    revision: "a".repeat(40),
    dtype: "q8",
    device: "cpu",
  },
  suite: {
    id: "mmlu",
    version: "1.0",
    primary_metric: "acc",
    chance: 0.25,
    dataset: { id: "cais/mmlu", revision: "c30699e", hash: `sha256:${"ab".repeat(32)}`, sample: false },
  },
  shots: 5,
  limit: null,
  limited: false,
  documents: 2,
  metrics: { acc: { value: 0.5, stderr: 0.5 } },
  groups: [],
  timings: { wall_seconds: 1, items_per_second: 2, tokens_per_second: 100 },
  environment: { zoo_version: "0.1.0", node: "v20.20.2", platform: "linux-x64" },
  date: "2026-12-01T00:00:00.000Z",
};

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
