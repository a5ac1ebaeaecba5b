// What the /run/ page's worker runs when Run is pressed (see run-worker.ts): transformers.js's web build, ONNX
// Runtime Web, zoo's scoring core and suites. Nothing here is loaded before then.
import { env } from "@huggingface/transformers";
import { TransformersAdapter, inlineEncoder, planSuite, runSuite, type ModelIdentity } from "@zoo/runner/scoring";
import {
  DEFAULT_HUB_URL,
  httpFiles,
  loadSuiteRun,
  sha256Hex,
  type CacheStore,
  type PromptOptions,
  type SuiteIo,
  type SuiteRun,
} from "@zoo/suites";
import { openAnswerStore } from "./answer-store.ts";
import { browserEnvironment } from "./browser-environment.ts";
import { datasetCache } from "./dataset-cache.ts";
import { byteSize, weightBytes } from "./model-weights.ts";
import { resolveCommit } from "./hub-revision.ts";
import { yieldBeforeForwardPasses } from "./next-task.ts";
import type { RunMessage } from "./run-messages.ts";
import type { RunPlan } from "./run-plan.ts";
import { dataLoadError, modelLoadError } from "./run-error.ts";
import { servedFiles } from "./served-files.ts";
import { SITE_HUB_DIR, SITE_SAMPLES_DIR, TINY_LM_SITE_REPO, TINY_LM_SITE_REVISION } from "./site-paths.ts";
// ONNX Runtime's WebAssembly build that transformers.js's web build runs (its WebGPU bundle's asyncify build, which
// runs WASM too), copied into the site by Vite from transformers.js's own onnxruntime-web (astro.config.ts's alias).
import ortWasmUrl from "onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url";

export type RunEvents = (message: RunMessage) => void;

/**
 * transformers.js pointed at the site: ONNX Runtime's WebAssembly files from it (transformers.js would fetch them
 * from a CDN), and no local model folder.
 */
function configureRuntime(pageUrl: string): void {
  env.allowLocalModels = false;
  const wasm = env.backends.onnx.wasm!;
  wasm.wasmPaths = { wasm: new URL(ortWasmUrl, pageUrl).href };
  // Threads need cross-origin isolation, which a static host seldom gives: without it, one thread.
  if (!globalThis.crossOriginIsolated) wasm.numThreads = 1;
}

/**
 * Where the model's files are, what the record calls it, and what keeps its saved answers apart: the tiny LM on this
 * site (its files' hash: a later build may change them under the same seed), or a Hub repo at its commit.
 */
async function locate(plan: RunPlan) {
  const { model, dtype, device } = plan;
  if (model.kind === "tiny-lm") {
    const identity: ModelIdentity = {
      adapter: "transformers-js",
      repo: "tiny-lm",
      revision: plan.tinyLm.revision,
      dtype,
      device,
    };
    return {
      identity,
      files: plan.tinyLm.files,
      path: TINY_LM_SITE_REPO,
      revision: TINY_LM_SITE_REVISION,
      remoteHost: new URL(SITE_HUB_DIR, plan.pageUrl).href,
    };
  }
  const commit = await resolveCommit(model.repo, model.revision);
  const identity: ModelIdentity = { adapter: "transformers-js", repo: model.repo, revision: commit, dtype, device };
  return { identity, files: commit, path: model.repo, revision: commit, remoteHost: DEFAULT_HUB_URL };
}

/**
 * A suite's documents and requests, as `zoo bench` loads them: from the samples the site serves, or from the Hub
 * (each parquet file checked against the sha256 the Hub lists, and kept in this browser's dataset cache).
 */
async function loadSuite(
  plan: RunPlan,
  suite: RunPlan["suites"][number],
  prompt: PromptOptions | undefined,
  cache: CacheStore | undefined,
): Promise<SuiteRun> {
  const io: SuiteIo = {
    files: servedFiles(httpFiles(new URL(SITE_SAMPLES_DIR, plan.pageUrl).href), plan.samples),
    samplesDir: ".",
    ...(cache ? { cache } : {}),
  };
  try {
    return await loadSuiteRun(suite.id, {
      io,
      data: { kind: plan.data },
      shots: suite.shots,
      ...(plan.limit === undefined ? {} : { limit: plan.limit }),
      ...(prompt ? { prompt } : {}),
    });
  } catch (error) {
    throw dataLoadError(suite.id, error);
  }
}

/**
 * Every suite's documents and requests, before the model: a dataset that cannot be had stops the run before the
 * model is downloaded, and with all of them loaded the run's forward tokens can be counted before it starts.
 */
async function loadSuites(
  plan: RunPlan,
  prompt: PromptOptions | undefined,
  tell: RunEvents,
  signal: AbortSignal,
): Promise<SuiteRun[]> {
  const cache = plan.data === "hub" ? await datasetCache(plan.pageUrl) : undefined;
  const runs: SuiteRun[] = [];
  for (const suite of plan.suites) {
    signal.throwIfAborted();
    tell({
      type: "status",
      text: plan.data === "hub" ? `loading ${suite.id}'s dataset from the Hub` : `loading ${suite.id}'s data`,
    });
    runs.push(await loadSuite(plan, suite, prompt, cache));
  }
  return runs;
}

/**
 * The model, loaded by transformers.js on the plan's device: a Hub model's weights are sized first, so weights
 * it lacks or too large for the device are refused before any download, and the status says how much it is.
 */
async function loadModel(
  plan: RunPlan,
  location: Omit<Awaited<ReturnType<typeof locate>>, "files">,
  prompt: PromptOptions | undefined,
  tell: RunEvents,
  signal: AbortSignal,
): Promise<TransformersAdapter> {
  const { repo } = plan.model;
  let size = "";
  try {
    if (plan.model.kind === "hub") {
      tell({ type: "status", text: `finding ${repo}'s ${plan.dtype} weights` });
      size = `, ${byteSize(await weightBytes(location.path, location.revision, plan.dtype, plan.device))}`;
      signal.throwIfAborted();
    }
    const on = plan.device === "webgpu" ? "WebGPU" : "WebAssembly";
    tell({ type: "status", text: `loading ${repo} (${plan.dtype}${size}) on ${on}` });
    return await TransformersAdapter.load({
      ...location,
      dtype: plan.dtype,
      device: plan.device,
      batchSize: 1,
      startEncoder: async (tokenizer) => inlineEncoder(tokenizer),
      ...(prompt ? { chatTemplate: {} } : {}),
    });
  } catch (error) {
    throw signal.aborted ? error : modelLoadError(repo, plan.dtype, error);
  }
}

/**
 * Runs the plan's suites on its model, one after another, each answer saved in this browser as it arrives and
 * each suite's result reported when it is scored. Stopped by `signal` (after the forward pass that is running; it
 * throws the signal's reason), or reloaded away, it leaves the answers saved so far, and the same plan run again
 * resumes from them.
 */
export async function runPlan(plan: RunPlan, tell: RunEvents, signal: AbortSignal): Promise<void> {
  configureRuntime(plan.pageUrl);
  // A catalogue entry the nightly prompts through its chat template is prompted so here too.
  const prompt: PromptOptions | undefined = plan.model.chat ? { chat: true, fewshotAsMultiturn: true } : undefined;
  const chatTemplate = prompt ? "default" : undefined;
  if (plan.model.kind === "hub") tell({ type: "status", text: `finding ${plan.model.repo} on the Hub` });
  const { files, ...location } = await locate(plan);
  // The model's answers: kept apart per identity (commit, dtype, device), files and prompt framing, as Node's cache
  // keeps them.
  const model = await sha256Hex(JSON.stringify([location.identity, files, ...(chatTemplate ? [chatTemplate] : [])]));
  // The Hub's files are cached in the browser under their commit; the tiny LM's, at main on this site, are not.
  env.useBrowserCache = plan.model.kind === "hub";
  const store = await openAnswerStore(model);
  try {
    signal.throwIfAborted();
    tell({ type: "stored", model, answers: store.loaded });
    const runs = await loadSuites(plan, prompt, tell, signal);
    const adapter = await loadModel(plan, location, prompt, tell, signal);
    try {
      yieldBeforeForwardPasses(adapter);
      tell({ type: "status", text: "counting the forward tokens" });
      const plans = [];
      for (const run of runs) {
        signal.throwIfAborted();
        plans.push(await planSuite({ adapter, cache: store, run }));
      }
      tell({ type: "plan", suites: plans });
      const tokensBefore = adapter.forwardTokens();
      const started = performance.now();
      for (const [index, run] of runs.entries()) {
        signal.throwIfAborted();
        tell({ type: "status", text: `running ${run.id}` });
        const result = await runSuite({
          modelId: plan.model.id,
          adapter,
          cache: store,
          run,
          logSamples: true,
          environment: browserEnvironment(plan.zooVersion, plan.device),
          onProgress: (progress) =>
            tell({
              type: "progress",
              suite: index,
              progress,
              forwardTokens: adapter.forwardTokens() - tokensBefore,
              seconds: (performance.now() - started) / 1000,
            }),
          signal,
          ...(plan.limit === undefined ? {} : { limit: plan.limit }),
          ...(chatTemplate ? { chatTemplate } : {}),
        });
        await store.flush();
        tell({ type: "result", suite: index, result });
      }
    } finally {
      await adapter.dispose();
    }
  } finally {
    await store.flush().catch(() => {});
    tell({ type: "saved", answers: store.size });
    store.close();
  }
}
