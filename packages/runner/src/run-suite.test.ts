import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  loadSuiteRun,
  resultRecordSchema,
  type GenerationRequest,
  type LoglikelihoodRequest,
  type ResultRecord,
  type SuiteRun,
} from "@zoo/suites";
import { nodeSuiteIo } from "@zoo/suites/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ModelAdapter } from "./adapter.ts";
import type { TransformersAdapter } from "./adapters/transformers-adapter.ts";
import { ResponseCache } from "./response-cache.ts";
import { runSuite, type RunProgress } from "./run-suite.ts";
import {
  openTinyLm,
  referenceGeneration,
  referenceLoglikelihood,
  tinyLmFixture,
  type TinyLmFixture,
} from "./testing/index.ts";

const io = nodeSuiteIo();
const ENVIRONMENT = { zoo_version: "0.0.0-test", node: "v20", platform: "linux-x64" };
const CUSTOM = new Set(["capitals", "unit_conversions"]);

const load = (suite: string, shots?: number) =>
  loadSuiteRun(suite, {
    io,
    ...(CUSTOM.has(suite) ? {} : { data: { kind: "sample" as const } }),
    ...(shots === undefined ? {} : { shots }),
  });

async function freshCache(): Promise<ResponseCache> {
  return ResponseCache.open(await mkdtemp(join(tmpdir(), "zoo-run-")), "tiny-lm");
}

/** The record's scores with what differs between two runs of the same work (time, date) left out. */
function scores(record: ResultRecord) {
  const { timings: _timings, date: _date, ...rest } = record;
  return rest;
}

/** The suite's metrics from the float64 reference model's answers: what the runner must report. */
function referenceMetrics(fixture: TinyLmFixture, run: SuiteRun) {
  const scored = run.documents.map((document) => ({
    document,
    metrics: run.score(
      document,
      document.requests.map((request) =>
        request.type === "loglikelihood"
          ? referenceLoglikelihood(fixture, request as LoglikelihoodRequest)
          : { text: referenceGeneration(fixture, request as GenerationRequest) },
      ),
    ),
  }));
  return run.aggregate(scored);
}

/** Passes requests through, but fails once `after` answers have been given: a run killed part way. */
function crashingAfter(adapter: ModelAdapter, after: number): ModelAdapter {
  let given = 0;
  const count =
    <R>(onResponse: (index: number, response: R) => void) =>
    (index: number, response: R) => {
      if (given++ >= after) throw new Error("crash");
      onResponse(index, response);
    };
  return {
    identity: adapter.identity,
    capabilities: adapter.capabilities,
    loglikelihood: (requests, options) =>
      adapter.loglikelihood(requests, { ...options, onResponse: count(options.onResponse) }),
    generate: (requests, options) => adapter.generate(requests, { ...options, onResponse: count(options.onResponse) }),
    forwardTokens: () => adapter.forwardTokens(),
    usage: () => adapter.usage(),
    environment: () => adapter.environment(),
    dispose: () => adapter.dispose(),
  };
}

describe("runSuite on zoo's tiny LM", () => {
  let fixture: TinyLmFixture;
  let adapter: TransformersAdapter;
  beforeAll(async () => {
    fixture = await tinyLmFixture();
    adapter = await openTinyLm({ fixture });
  });
  afterAll(() => adapter.dispose());

  const run = async (suiteRun: SuiteRun, cache?: ResponseCache) =>
    runSuite({
      modelId: "zoo:tiny-lm",
      adapter,
      cache: cache ?? (await freshCache()),
      run: suiteRun,
      logSamples: false,
      environment: ENVIRONMENT,
      now: () => new Date("2026-12-01T00:00:00.000Z"),
    });

  it.each([
    ["mmlu", 5],
    ["mmlu", 0],
    ["truthfulqa_mc1", undefined],
    ["truthfulqa_mc2", undefined],
    ["arithmetic_1dc", undefined],
    ["arithmetic_4da", undefined],
    ["arithmetic_2dm_gen", undefined],
    ["capitals", undefined],
    ["unit_conversions", undefined],
  ])("scores %s (%s-shot) exactly as the reference model's answers score", async (suite, shots) => {
    const suiteRun = await load(suite, shots);
    const { record } = await run(suiteRun);
    const expected = referenceMetrics(fixture, suiteRun);
    expect(resultRecordSchema.parse(record)).toEqual(record);
    expect(record.groups.map((group) => [group.kind, group.name, group.documents])).toEqual(
      expected.groups.map((group) => [group.kind, group.name, group.documents]),
    );
    for (const [name, metric] of Object.entries(expected.metrics)) {
      // Accuracies are exact; a probability mass (MC2) carries float32's last digits.
      expect(record.metrics[name]!.value, name).toBeCloseTo(metric.value, 6);
      expect(record.metrics[name]!.stderr ?? 0, name).toBeCloseTo(metric.stderr ?? 0, 6);
    }
    expect(Object.keys(record.metrics)).toEqual(Object.keys(expected.metrics));
  });

  it("pins the tiny LM's scores, so a change in how it is scored shows", async () => {
    const value = async (suite: string, shots?: number) =>
      Object.fromEntries(
        Object.entries((await run(await load(suite, shots))).record.metrics).map(([name, metric]) => [
          name,
          metric.value,
        ]),
      );
    expect(await value("mmlu", 5)).toEqual({ acc: 0.3 });
    expect(await value("mmlu", 0)).toEqual({ acc: 0.2 });
    expect(await value("capitals")).toEqual({ acc: 2 / 3, acc_norm: 1 / 3 });
    expect((await value("truthfulqa_mc2")).acc).toBeCloseTo(0.037, 3);
  });

  it("writes the record zoo's schema describes, with what ran and on which data", async () => {
    const suiteRun = await load("mmlu", 5);
    const { record } = await run(suiteRun);
    expect(record).toMatchObject({
      schema_version: 1,
      model: { id: "zoo:tiny-lm", adapter: "transformers-js", repo: "tiny-lm", dtype: "fp32", device: "cpu" },
      suite: { id: "mmlu", version: "1.0", primary_metric: "acc", chance: 0.25, dataset: suiteRun.dataset },
      shots: 5,
      limit: null,
      limited: false,
      documents: 10,
      date: "2026-12-01T00:00:00.000Z",
      environment: { ...ENVIRONMENT, transformers_js: "4.3.2" },
    });
    expect(record.suite.dataset).toMatchObject({ id: "zoo/mmlu-sample", sample: true });
    expect(record.groups.filter((group) => group.kind === "category").map((group) => group.name)).toEqual([
      "humanities",
      "other",
      "social_sciences",
      "stem",
    ]);
    expect(record.timings.tokens_per_second).toBeGreaterThan(0);
  });

  it("marks a limited run, and runs only its shard's documents", async () => {
    const limited = await run(await loadSuiteRun("mmlu", { io, data: { kind: "sample" }, limit: 1 }));
    expect(limited.record).toMatchObject({ limited: true, documents: 4 });
    const suiteRun = await load("truthfulqa_mc2");
    const cache = await freshCache();
    const shard = await runSuite({
      modelId: "zoo:tiny-lm",
      adapter,
      cache,
      run: suiteRun,
      shard: { index: 1, count: 2 },
      logSamples: false,
      environment: ENVIRONMENT,
    });
    expect(shard.record).toMatchObject({ documents: 1, limited: false, shard: { index: 1, count: 2 } });
    expect(shard.samples!.map((sample) => sample.doc_id)).toEqual([1]);
    expect(cache.size).toBe(suiteRun.documents[1]!.requests.length);
  });

  it("logs each document's requests, answers, target and metrics", async () => {
    const suiteRun = await load("mmlu", 0);
    const result = await runSuite({
      modelId: "zoo:tiny-lm",
      adapter,
      cache: await freshCache(),
      run: suiteRun,
      logSamples: true,
      environment: ENVIRONMENT,
    });
    const first = result.samples![0]!;
    expect(result.samples).toHaveLength(suiteRun.documents.length);
    expect(first.requests.map((request) => (request.type === "loglikelihood" ? request.continuation : ""))).toEqual([
      " A",
      " B",
      " C",
      " D",
    ]);
    expect(first.group).toBe(suiteRun.documents[0]!.group);
    expect(first.target).toBe(suiteRun.documents[0]!.target);
    expect(first.responses).toHaveLength(4);
    expect(Object.keys(first.metrics)).toEqual(["acc"]);
  });

  it("resumed after a crash at any point, redoes only what was missing and ends with the same record", async () => {
    const suiteRun = await load("truthfulqa_mc2");
    const whole = await run(suiteRun);
    const total = suiteRun.documents.reduce((sum, document) => sum + document.requests.length, 0);
    for (const crashAt of [0, 1, 5, total - 1]) {
      const cache = await freshCache();
      await expect(
        runSuite({
          modelId: "zoo:tiny-lm",
          adapter: crashingAfter(adapter, crashAt),
          cache,
          run: suiteRun,
          logSamples: false,
          environment: ENVIRONMENT,
        }),
      ).rejects.toThrow("crash");
      expect(cache.size).toBe(crashAt);
      cache.close();
      const progress: RunProgress[] = [];
      const resumed = await runSuite({
        modelId: "zoo:tiny-lm",
        adapter,
        cache: ResponseCache.open(join(cache.file, "..", ".."), "tiny-lm"),
        run: suiteRun,
        logSamples: false,
        environment: ENVIRONMENT,
        now: () => new Date("2026-12-01T00:00:00.000Z"),
        onProgress: (step) => progress.push(step),
      });
      expect(scores(resumed.record)).toEqual(scores(whole.record));
      expect(progress.at(-1)).toMatchObject({ documents: 3, documentsDone: 3 });
    }
  });

  it("refuses a loglikelihood suite on a model that cannot score loglikelihoods", async () => {
    const generationOnly: ModelAdapter = {
      ...crashingAfter(adapter, 0),
      capabilities: { loglikelihood: false, generation: true },
    };
    await expect(
      runSuite({
        modelId: "anthropic:claude",
        adapter: generationOnly,
        cache: await freshCache(),
        run: await load("mmlu", 0),
        logSamples: false,
        environment: ENVIRONMENT,
      }),
    ).rejects.toThrow("anthropic:claude cannot score loglikelihoods, which mmlu needs: run a generation suite instead");
  });
});
