import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSuiteRun } from "@zoo/suites";
import { nodeSuiteIo } from "@zoo/suites/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RandomAdapter } from "./adapters/baseline-adapters.ts";
import type { TransformersAdapter } from "./adapters/transformers-adapter.ts";
import { planSuite } from "./plan-suite.ts";
import { ResponseCache } from "./response-cache.ts";
import { runSuite, type RunSuiteOptions } from "./run-suite.ts";
import { openTinyLm } from "./testing/index.ts";

const load = (suite: string, shots?: number) =>
  loadSuiteRun(suite, { io: nodeSuiteIo(), data: { kind: "sample" }, ...(shots === undefined ? {} : { shots }) });
const freshCache = async () => ResponseCache.open(await mkdtemp(join(tmpdir(), "zoo-plan-")), "tiny-lm");

describe("planSuite", () => {
  let adapter: TransformersAdapter;
  beforeAll(async () => {
    adapter = await openTinyLm();
  });
  afterAll(() => adapter.dispose());

  const common = {
    modelId: "zoo:tiny-lm",
    logSamples: false,
    environment: { zoo_version: "0", node: "v20", platform: "linux-x64" },
  };

  /** Runs `options` and returns the forward tokens it took. */
  async function forwardTokensOf(options: Omit<RunSuiteOptions, keyof typeof common>): Promise<number> {
    const before = adapter.forwardTokens();
    await runSuite({ ...common, ...options });
    return adapter.forwardTokens() - before;
  }

  it("counts the documents and forward tokens a run will take, from scratch, resumed and sharded", async () => {
    const run = await load("mmlu", 5);
    const cache = await freshCache();
    const fresh = await planSuite({ adapter, cache, run });
    expect(fresh).toMatchObject({ suite: "mmlu", documents: 10, documentsCached: 0 });
    // Half the documents answered by a shard's run: the plan is what the rest costs.
    expect(await forwardTokensOf({ adapter, cache, run, shard: { index: 0, count: 2 } })).toBe(
      (await planSuite({ adapter, cache: await freshCache(), run, shard: { index: 0, count: 2 } })).forwardTokens,
    );
    const resumed = await planSuite({ adapter, cache, run });
    expect(resumed).toMatchObject({ documents: 10, documentsCached: 5 });
    expect(resumed.forwardTokens).toBeLessThan(fresh.forwardTokens!);
    expect(await forwardTokensOf({ adapter, cache, run })).toBe(resumed.forwardTokens);
    expect(await planSuite({ adapter, cache, run })).toEqual({
      suite: "mmlu",
      documents: 10,
      documentsCached: 10,
      forwardTokens: 0,
    });
  });

  it("cannot count ahead what a model generates, nor what a baseline or an API runs", async () => {
    const generated = await planSuite({ adapter, cache: await freshCache(), run: await load("arithmetic_2da_gen") });
    expect(generated).toEqual({ suite: "arithmetic_2da_gen", documents: 3, documentsCached: 0 });
    const baseline = await planSuite({
      adapter: new RandomAdapter(1),
      cache: await freshCache(),
      run: await load("truthfulqa_mc2"),
    });
    expect(baseline).toEqual({ suite: "truthfulqa_mc2", documents: 3, documentsCached: 0 });
  });
});
