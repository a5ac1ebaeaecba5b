import {
  RESULT_RECORD_VERSION,
  sampleLine,
  type GenerationRequest,
  type LoglikelihoodRequest,
  type PromptOptions,
  type Request,
  type Response,
  type ResultRecord,
  type SampleLine,
  type SuiteRun,
} from "@zoo/suites";
import { CapabilityError, type ModelAdapter, type TokenUsage } from "./adapter.ts";
import { distinctRequests, unansweredByDocument } from "./distinct-requests.ts";
import type { ResponseStore } from "./response-store.ts";
import { shardDocuments, type Shard } from "./shard.ts";

/** Where a run stands, for a progress bar. */
export interface RunProgress {
  suite: string;
  documents: number;
  documentsDone: number;
  /** Documents answered from the cache when the run began. */
  documentsCached: number;
  elapsedSeconds: number;
}

export interface RunSuiteOptions {
  modelId: string;
  adapter: ModelAdapter;
  cache: ResponseStore;
  run: SuiteRun;
  /** The --limit given, recorded as such. */
  limit?: number;
  shard?: Shard;
  /** Per-document samples for the record's sidecar (--log-samples; always for a shard, which merging needs). */
  logSamples: boolean;
  /** What runs it: Node's version, or a browser and the device of its forward passes. */
  environment: { zoo_version: string; platform: string } & (
    { node: string } | { browser: string; device: "wasm" | "webgpu" }
  );
  onProgress?: (progress: RunProgress) => void;
  signal?: AbortSignal;
  now?: () => Date;
  /** The chat template the model renders chat transcripts with ("default", a name, or "api" for a chat API). */
  chatTemplate?: string;
}

export interface SuiteResult {
  record: ResultRecord;
  samples?: SampleLine[];
}

/**
 * Runs one suite on one model: every request not yet in the cache is answered (each answer saved as it arrives),
 * then every document is scored from the cached answers and the scores aggregated into a result record. A run
 * that was interrupted and is run again redoes only what was missing, and ends with the same record.
 */
export async function runSuite(options: RunSuiteOptions): Promise<SuiteResult> {
  const { adapter, cache, run } = options;
  const now = options.now ?? (() => new Date());
  const started = performance.now();
  const tokensBefore = adapter.forwardTokens() ?? 0;
  const usageBefore = adapter.usage();
  const documents = options.shard ? shardDocuments(run.documents, options.shard) : run.documents;
  const { requests, keys: keyOf } = await distinctRequests(documents);
  const needs = new Set([...requests.values()].map(({ request }) => request.type));
  if (needs.has("loglikelihood") && !adapter.capabilities.loglikelihood)
    throw new CapabilityError(
      `${options.modelId} cannot score loglikelihoods, which ${run.id} needs: run a generation suite instead`,
    );

  const missing = unansweredByDocument(requests, cache);
  const documentsCached = documents.length - missing.size;
  let documentsDone = documentsCached;
  const report = () =>
    options.onProgress?.({
      suite: run.id,
      documents: documents.length,
      documentsDone,
      documentsCached,
      elapsedSeconds: (performance.now() - started) / 1000,
    });
  report();

  const answer = async <R extends Request>(type: R["type"], call: (list: R[], keys: string[]) => Promise<void>) => {
    const entries = [...requests].filter(([, { request }]) => request.type === type);
    if (entries.length === 0) return;
    await call(
      entries.map(([, { request }]) => request as R),
      entries.map(([key]) => key),
    );
  };
  const onResponse = (keys: string[]) => (index: number, response: Response) => {
    const key = keys[index]!;
    if (cache.has(key)) return;
    cache.put(key, response);
    for (const document of requests.get(key)!.askedBy) {
      const left = missing.get(document)! - 1;
      missing.set(document, left);
      if (left === 0) documentsDone += 1;
    }
    report();
  };
  const common = (keys: string[]) => ({
    onResponse: onResponse(keys),
    isAnswered: (index: number) => cache.has(keys[index]!),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  await answer<LoglikelihoodRequest>("loglikelihood", (list, keys) => adapter.loglikelihood(list, common(keys)));
  await answer<GenerationRequest>("generation", (list, keys) => adapter.generate(list, common(keys)));

  const scored = documents.map((document) => {
    const responses = document.requests.map((request) => cache.get(keyOf.get(request)!)!);
    return { document, responses, metrics: run.score(document, responses) };
  });
  const { metrics, groups } = run.aggregate(scored);
  const wallSeconds = (performance.now() - started) / 1000;
  const tokens = adapter.forwardTokens();
  const record: ResultRecord = {
    schema_version: RESULT_RECORD_VERSION,
    model: { id: options.modelId, ...adapter.identity },
    suite: {
      id: run.id,
      version: run.version,
      primary_metric: run.primaryMetric,
      chance: run.chance ?? null,
      dataset: run.dataset,
    },
    shots: run.shots,
    ...(run.prompt ? { prompt: promptRecord(run.prompt, options.chatTemplate) } : {}),
    limit: options.limit ?? null,
    limited: run.documents.length < run.totalDocuments,
    documents: documents.length,
    metrics,
    groups,
    timings: {
      wall_seconds: round(wallSeconds, 3),
      items_per_second: wallSeconds > 0 ? round((documents.length - documentsCached) / wallSeconds, 3) : 0,
      documents_cached: documentsCached,
      tokens_per_second:
        tokens === undefined ? null : wallSeconds > 0 ? round((tokens - tokensBefore) / wallSeconds, 1) : 0,
    },
    environment: { ...options.environment, ...adapter.environment() },
    ...usageOf(usageBefore, adapter.usage()),
    date: now().toISOString(),
    ...(options.shard ? { shard: { index: options.shard.index, count: options.shard.count } } : {}),
  };
  if (!options.logSamples && !options.shard) return { record };
  const samples = await Promise.all(
    scored.map(({ document, responses, metrics }) => sampleLine(document, responses, metrics)),
  );
  return { record, samples };
}

/** The record's statement of how the prompt was framed. */
function promptRecord(prompt: PromptOptions, chatTemplate: string | undefined): NonNullable<ResultRecord["prompt"]> {
  if (prompt.chat && chatTemplate === undefined) throw new Error("a run with chat transcripts names its chat template");
  return {
    system_instruction: prompt.systemInstruction ?? null,
    chat_template: prompt.chat ? chatTemplate! : null,
    fewshot_as_multiturn: prompt.fewshotAsMultiturn,
  };
}

/** What this run added to an API's billed tokens. */
function usageOf(before: TokenUsage | undefined, after: TokenUsage | undefined): { usage?: TokenUsage } {
  if (after === undefined) return {};
  return {
    usage: {
      input_tokens: after.input_tokens - (before?.input_tokens ?? 0),
      output_tokens: after.output_tokens - (before?.output_tokens ?? 0),
    },
  };
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
