import type { ModelEntry } from "@zoo/catalog";
import { BUILTIN_SUITES, type ResultRecord } from "@zoo/suites";
import { describe, expect, it } from "vitest";
import { CHAT_FLAGS, planNightly, type NightlyPlanInput } from "./nightly-plan.ts";
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

  it("runs the baselines on every suite, in one job each, until their records are current", async () => {
    const { jobs } = await planNightly(input({ entries: [], baselines: ["random", "first"], shards: {} }));
    expect(jobs.map((job) => [job.model, job.suite, job.shard, job.name])).toEqual([
      ["random", "mmlu,truthfulqa_mc2", "0/1", "random 2 suites 1 of 1"],
      ["first", "mmlu,truthfulqa_mc2", "0/1", "first 2 suites 1 of 1"],
    ]);
    const random = { ...current, model: { id: "random", adapter: "random" as const, seed: 1234 } };
    const again = await planNightly(input({ entries: [], baselines: ["random"], results: [random], shards: {} }));
    expect(again.jobs.map((job) => job.suite)).toEqual(["truthfulqa_mc2"]);
  });

  const local = (id: string, parameters: number) =>
    ({
      id,
      parameters: { total: { status: "stated", value: parameters } },
      run: { adapter: "transformers-js", repo: `org/${id}`, nightly: true },
    }) as unknown as ModelEntry;
  const leaderboard = suites(
    "mmlu",
    "truthfulqa_mc1",
    "truthfulqa_mc2",
    ...["1dc", "2da", "2ds", "2dm", "3da", "3ds", "4da", "4ds", "5da", "5ds"].map((task) => `arithmetic_${task}`),
  );

  it("splits MMLU into shards sized from the model's parameters, and packs the short suites into one job", async () => {
    const { jobs } = await planNightly(
      input({ entries: [local("small", 124e6), local("large", 7e9)], suites: leaderboard, shards: {} }),
    );
    const count = (model: string, suite: string) =>
      jobs.filter((job) => job.model === model && job.suite === suite).length;
    // 14,042 questions × (220 tokens × 2 × 124M FLOPs at 50 GFLOP/s + 5 ms) is 4.3 hours: two jobs of at most 4
    // hours; a 7B model's, 240.3 hours, is 61.
    expect(count("small", "mmlu")).toBe(2);
    expect(count("large", "mmlu")).toBe(61);
    const short = leaderboard.slice(1).map(({ id }) => id);
    expect(jobs.filter((job) => job.model === "small" && job.suite !== "mmlu")).toEqual([
      { model: "small", suite: short.join(","), shard: "0/1", key: "", flags: "", name: "small 12 suites 1 of 1" },
    ]);
    // A 7B model's TruthfulQA MC1, 817 questions × (80 tokens × 2 × 7B FLOPs at 50 GFLOP/s + 5 ms), takes 5.1 hours:
    // two jobs of its own.
    expect(count("large", "truthfulqa_mc1")).toBe(2);
  });

  it("holds at most maxJobs jobs, running the stalest first and deferring the rest", async () => {
    const record = (model: string, date: string): ResultRecord => ({
      ...current,
      model: { ...current.model, id: model },
      suite: { ...current.suite, id: "truthfulqa_mc2" },
      shots: 0,
      date,
    });
    const plan = await planNightly(
      input({
        entries: ["a", "b", "c"].map((id) => local(id, 124e6)),
        suites: suites("truthfulqa_mc2"),
        shards: {},
        maxJobs: 2,
        results: [record("a", "2026-11-30T00:00:00Z"), record("b", "2026-10-01T00:00:00Z")],
      }),
    );
    expect(plan.jobs.map((job) => job.model)).toEqual(["b", "c"]);
    expect(plan.deferred).toEqual([{ model: "a", suites: ["truthfulqa_mc2"], lastRun: "2026-11-30T00:00:00Z" }]);
  });

  it("prompts instruct models that ask for it, and chat APIs, in chat turns, and keeps their records apart", async () => {
    const instruct = {
      id: "smol-instruct",
      parameters: { total: { status: "stated", value: 135e6 } },
      run: { adapter: "transformers-js", repo: "org/smol-instruct", dtype: "q8", chat_template: true, nightly: true },
    } as unknown as ModelEntry;
    const plan = async (results: ResultRecord[] = []) =>
      (await planNightly(input({ entries: [instruct, entries[1]!], suites: suites("truthfulqa_mc2"), results }))).jobs;
    expect((await plan()).map((job) => [job.model, job.suite, job.flags])).toEqual([
      ["smol-instruct", "truthfulqa_mc2", CHAT_FLAGS],
      ["claude", "truthfulqa_gen", CHAT_FLAGS],
    ]);
    const record = {
      ...current,
      model: { ...current.model, id: "smol-instruct" },
      suite: { ...current.suite, id: "truthfulqa_mc2", version: suites("truthfulqa_mc2")[0]!.version },
      shots: 0,
    };
    const chatted = { system_instruction: null, chat_template: "default", fewshot_as_multiturn: true };
    expect((await plan([record])).map((job) => job.model)).toContain("smol-instruct");
    expect((await plan([{ ...record, prompt: chatted }])).map((job) => job.model)).not.toContain("smol-instruct");
  });
});
