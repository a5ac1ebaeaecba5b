import type { ModelEntry } from "@zoo/catalog";
import { BUILTIN_SUITES, type ResultRecord } from "@zoo/suites";
import { describe, expect, it } from "vitest";
import { planNightly, type NightlyPlanInput } from "./nightly-plan.ts";
import { EXAMPLE_RECORD } from "@zoo/suites/testing";

const COMMIT = "9a8b7c6d5e4f30211203f4e5d6c7b8a9f0e1d2c3";
const suites = (...ids: string[]) => ids.map((id) => BUILTIN_SUITES.find((suite) => suite.id === id)!);

const entries = [
  { id: "gpt2", run: { adapter: "transformers-js", repo: "Xenova/gpt2", dtype: "q8", nightly: true } },
  { id: "claude", run: { adapter: "anthropic", model: "claude-3-5-sonnet-20241022", nightly: true } },
  { id: "vllm-model", run: { adapter: "openai", model: "m", base_url: "http://gpu:8000/v1", nightly: true } },
  { id: "quiet", run: { adapter: "transformers-js", repo: "a/b" } },
  { id: "no-run" },
] as unknown as ModelEntry[];

const current: ResultRecord = {
  ...EXAMPLE_RECORD,
  model: { ...EXAMPLE_RECORD.model, revision: COMMIT, dtype: "q8" },
  environment: { ...EXAMPLE_RECORD.environment, zoo_version: "0.1.0" },
};

const input = (changes: Partial<NightlyPlanInput> = {}): NightlyPlanInput => ({
  entries,
  suites: suites("mmlu", "truthfulqa_mc2"),
  generationSuites: suites("truthfulqa_gen"),
  shards: { mmlu: 2 },
  baselines: [],
  results: [],
  zooVersion: "0.1.0",
  hubCommit: async () => COMMIT,
  ...changes,
});

describe("planNightly", () => {
  it("runs every suite of every nightly model, in shards; generation-only models get the generation suites", async () => {
    const { jobs, skipped } = await planNightly(input());
    expect(jobs.map((job) => [job.model, job.suite, job.shard, job.key])).toEqual([
      ["gpt2", "mmlu", "0/2", ""],
      ["gpt2", "mmlu", "1/2", ""],
      ["gpt2", "truthfulqa_mc2", "0/1", ""],
      ["claude", "truthfulqa_gen", "0/1", "ANTHROPIC_API_KEY"],
      ["vllm-model", "mmlu", "0/2", "OPENAI_API_KEY"],
      ["vllm-model", "mmlu", "1/2", "OPENAI_API_KEY"],
      ["vllm-model", "truthfulqa_mc2", "0/1", "OPENAI_API_KEY"],
    ]);
    expect(jobs[0]!.name).toBe("gpt2 mmlu 1 of 2");
    expect(skipped).toEqual([]);
  });

  it("skips what is up to date for the same model revision, suite version and zoo version", async () => {
    const plan = async (record: ResultRecord) =>
      (await planNightly(input({ results: [record] }))).jobs
        .filter((job) => job.model === "gpt2")
        .map((job) => job.suite);
    expect(await plan(current)).toEqual(["truthfulqa_mc2"]);
    expect(await plan({ ...current, model: { ...current.model, revision: "0".repeat(40) } })).toContain("mmlu");
    expect(await plan({ ...current, suite: { ...current.suite, version: "0.9" } })).toContain("mmlu");
    expect(await plan({ ...current, environment: { ...current.environment, zoo_version: "0.0.9" } })).toContain("mmlu");
    expect(await plan({ ...current, limited: true, limit: 10 })).toContain("mmlu");
    expect(await plan({ ...current, shard: { index: 0, count: 2 } })).toContain("mmlu");
    const { skipped } = await planNightly(input({ results: [current] }));
    expect(skipped).toEqual([{ model: "gpt2", suite: "mmlu", reason: "up to date" }]);
  });

  it("runs a model whose current revision the Hub cannot tell", async () => {
    const { jobs } = await planNightly(input({ results: [current], hubCommit: async () => undefined }));
    expect(jobs.filter((job) => job.model === "gpt2").map((job) => job.suite)).toEqual([
      "mmlu",
      "mmlu",
      "truthfulqa_mc2",
    ]);
  });

  it("runs the baselines on every suite, whole, until their records are current", async () => {
    const { jobs } = await planNightly(input({ entries: [], baselines: ["random", "first"] }));
    expect(jobs.map((job) => [job.model, job.suite, job.shard])).toEqual([
      ["random", "mmlu", "0/1"],
      ["random", "truthfulqa_mc2", "0/1"],
      ["first", "mmlu", "0/1"],
      ["first", "truthfulqa_mc2", "0/1"],
    ]);
    const random = { ...current, model: { id: "random", adapter: "random" as const, seed: 1234 } };
    const again = await planNightly(input({ entries: [], baselines: ["random"], results: [random] }));
    expect(again.jobs.map((job) => job.suite)).toEqual(["truthfulqa_mc2"]);
  });
});
