// `pnpm perf`: how fast the runner scores loglikelihoods, against a scorer that runs every (context, continuation)
// pair on its own, and how much of its time is ONNX Runtime's own. By default on zoo's tiny test LM and on a
// 11.6M-parameter model of the same design (both written locally, offline); or on any local model given:
// pnpm perf [--model hf:org/repo | local:PATH] [--shape tiny|small] [--mmlu N] [--truthfulqa N]
// [--batch-size N|auto]. The figures go in the README; nothing here is a timed test.
import { mkdtemp, rm } from "node:fs/promises";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadSuiteRun, type LoglikelihoodRequest, type LoglikelihoodResponse } from "@zoo/suites";
import { defaultCacheDir, nodeSuiteIo } from "@zoo/suites/node";
import { writeSyntheticMmlu, writeSyntheticTruthfulqa } from "@zoo/suites/testing";
import { DEFAULT_API_OPTIONS } from "../src/adapters/api-request.ts";
import { TransformersAdapter } from "../src/adapters/transformers-adapter.ts";
import type { BatchSize } from "../src/forward-batches.ts";
import type { Sharing } from "../src/prefix-tree.ts";
import { parseModelSpec } from "../src/model-spec.ts";
import { DEFAULT_HUB_URL, openAdapter } from "../src/open-adapter.ts";
import { writeTinyLm } from "../src/tiny-lm/tiny-lm.ts";

/** A model big enough that inference, not bookkeeping, dominates: 11.6M parameters. */
const SMALL_SHAPE = { hidden: 384, heads: 6, ffn: 1536, layers: 6, maxPositions: 2048 };

const TARGETS = { mmlu: 1 / 3.5, truthfulqa_mc2: 1 / 2, overhead: 0.15 };

const { values } = parseArgs({
  options: {
    model: { type: "string" },
    shape: { type: "string" },
    mmlu: { type: "string" },
    truthfulqa: { type: "string" },
    "batch-size": { type: "string", default: "1" },
  },
});
const batchSize: BatchSize = values["batch-size"] === "auto" ? "auto" : Number(values["batch-size"]);
const work = await mkdtemp(join(tmpdir(), "zoo-perf-"));

interface Measure {
  seconds: number;
  sessionSeconds: number;
  /** Tokenising, on the tokenizer thread, alongside the forward passes. */
  tokenizingSeconds: number;
  forwardTokens: number;
  answers: LoglikelihoodResponse[];
}

/** Questions per suite: fewer on the bigger model, whose naive baseline takes minutes. */
const DEFAULT_ITEMS = { tiny: { mmlu: 114, truthfulqa: 100 }, small: { mmlu: 57, truthfulqa: 50 } };

async function openModel(sharing: Sharing, shape: "tiny" | "small" | undefined): Promise<TransformersAdapter> {
  if (shape !== undefined) {
    const dir = join(work, `tiny-lm-${shape}`);
    await writeTinyLm(dir, shape === "small" ? { shape: SMALL_SHAPE } : {});
    return TransformersAdapter.load({
      path: dir,
      identity: { adapter: "transformers-js", repo: "tiny-lm" },
      dtype: "fp32",
      device: "cpu",
      batchSize,
      sharing,
      offline: true,
    });
  }
  const { adapter } = await openAdapter(parseModelSpec(values.model!, [], process.cwd()), {
    cacheDir: defaultCacheDir(),
    batchSize,
    sharing,
    offline: false,
    hubUrl: process.env.HF_ENDPOINT ?? DEFAULT_HUB_URL,
    env: process.env,
    api: DEFAULT_API_OPTIONS,
    limits: { concurrency: 1 },
    ...(process.env.HF_TOKEN ? { accessToken: process.env.HF_TOKEN } : {}),
  });
  if (!(adapter instanceof TransformersAdapter))
    throw new Error(`${values.model}: pnpm perf measures local transformers.js models`);
  return adapter;
}

async function measure(adapter: TransformersAdapter, requests: LoglikelihoodRequest[]): Promise<Measure> {
  let sessionMs = 0;
  adapter.observeSessionRuns((ms) => (sessionMs += ms));
  // The first pass pays for ONNX Runtime's warm-up: it is not the harness's cost.
  await adapter.loglikelihood(requests.slice(0, 1), { onResponse: () => {} });
  sessionMs = 0;
  const tokensBefore = adapter.forwardTokens();
  const tokenizingBefore = adapter.tokenizingMilliseconds();
  const answers: LoglikelihoodResponse[] = [];
  const start = performance.now();
  await adapter.loglikelihood(requests, { onResponse: (index, response) => (answers[index] = response) });
  const seconds = (performance.now() - start) / 1000;
  return {
    seconds,
    sessionSeconds: sessionMs / 1000,
    tokenizingSeconds: (adapter.tokenizingMilliseconds() - tokenizingBefore) / 1000,
    forwardTokens: adapter.forwardTokens() - tokensBefore,
    answers,
  };
}

async function report(shape: "tiny" | "small" | undefined): Promise<{ text: string; failed: boolean }> {
  const items = DEFAULT_ITEMS[shape ?? "small"];
  const dir = await mkdtemp(join(work, "data-"));
  await writeSyntheticMmlu(join(dir, "mmlu"), Number(values.mmlu ?? items.mmlu));
  await writeSyntheticTruthfulqa(join(dir, "truthfulqa"), Number(values.truthfulqa ?? items.truthfulqa));
  const io = nodeSuiteIo();
  const shared = await openModel("prefix-tree", shape);
  const naive = await openModel("none", shape);
  const rows: string[] = [];
  let failed = false;
  const check = (ok: boolean) => {
    failed ||= !ok;
    return ok ? "✓" : "✗";
  };
  for (const suite of ["mmlu", "truthfulqa_mc2"] as const) {
    const run = await loadSuiteRun(suite, {
      io,
      data: { kind: "local", dir: join(dir, suite === "mmlu" ? "mmlu" : "truthfulqa") },
      ...(suite === "mmlu" ? { shots: 5 } : {}),
    });
    const requests = run.documents.flatMap((document) => document.requests) as LoglikelihoodRequest[];
    const count = run.documents.length;
    const ours = await measure(shared, requests);
    const base = await measure(naive, requests);
    const difference = Math.max(
      ...ours.answers.map((answer, i) => Math.abs(answer.logprob - base.answers[i]!.logprob)),
    );
    const ratio = ours.forwardTokens / base.forwardTokens;
    const overhead = (ours.seconds - ours.sessionSeconds) / ours.sessionSeconds;
    const perItem = (measure: Measure) => (measure.forwardTokens / count).toFixed(0);
    rows.push(
      `${suite} (${count} items${suite === "mmlu" ? ", 5-shot" : ""}, ${requests.length} requests)\n` +
        `  runner: ${(count / ours.seconds).toFixed(1)} items/s, ${perItem(ours)} forward tokens/item, ` +
        `${ours.seconds.toFixed(2)} s of which ONNX Runtime ${ours.sessionSeconds.toFixed(2)} s\n` +
        `  naive:  ${(count / base.seconds).toFixed(1)} items/s, ${perItem(base)} forward tokens/item, ${base.seconds.toFixed(2)} s\n` +
        `  forward tokens vs naive: ${ratio.toFixed(3)} (target ≤ ${TARGETS[suite].toFixed(3)}) ${check(ratio <= TARGETS[suite])}\n` +
        `  harness overhead: ${(overhead * 100).toFixed(1)}% of session time (target ≤ 15%) ${check(overhead <= TARGETS.overhead)}; ` +
        `tokenizing alongside: ${((ours.tokenizingSeconds / ours.sessionSeconds) * 100).toFixed(1)}%\n` +
        `  largest logprob difference from the naive scorer: ${difference.toExponential(1)}`,
    );
  }
  await shared.dispose();
  await naive.dispose();
  const model =
    values.model ??
    (shape === "small" ? "an 11.6M-parameter LM of the tiny LM's design" : "zoo:tiny-lm, the test model");
  return { text: `${model}, batch size ${batchSize}\n\n${rows.join("\n\n")}`, failed };
}

try {
  type Shape = "tiny" | "small" | undefined;
  const shapes: Shape[] =
    values.model !== undefined
      ? [undefined]
      : values.shape === "tiny" || values.shape === "small"
        ? [values.shape]
        : ["tiny", "small"];
  console.log(`pnpm perf, Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "unknown"})`);
  for (const shape of shapes) {
    const { text, failed } = await report(shape);
    console.log(`\n${text}`);
    if (failed) console.log("(✗: a target is missed)");
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
