import type { LoglikelihoodRequest } from "@zoo/suites";
import { distinctRequests, unansweredByDocument } from "./distinct-requests.ts";
import type { RunSuiteOptions } from "./run-suite.ts";
import { shardDocuments } from "./shard.ts";

/** What a run of one suite has to do, before it starts: what runSuite would compute, and what it costs. */
export interface SuitePlan {
  suite: string;
  documents: number;
  /** Documents every request of which is answered in the store already. */
  documentsCached: number;
  /**
   * The forward tokens the run will take (before padding), counted through the prefix tree as the adapter will run
   * it; undefined where the adapter cannot count them ahead (APIs, baselines) or the suite generates.
   */
  forwardTokens?: number;
}

/**
 * Plans a run of `run` as runSuite would make it, running nothing: the same documents, the same distinct requests,
 * those the store answers left out.
 */
export async function planSuite(
  options: Pick<RunSuiteOptions, "adapter" | "cache" | "run" | "shard">,
): Promise<SuitePlan> {
  const { adapter, cache, run } = options;
  const documents = options.shard ? shardDocuments(run.documents, options.shard) : run.documents;
  const { requests } = await distinctRequests(documents);
  const entries = [...requests];
  const generates = entries.some(([key, { request }]) => request.type === "generation" && !cache.has(key));
  const loglikelihood = entries.filter(([, { request }]) => request.type === "loglikelihood");
  const forwardTokens =
    adapter.plannedForwardTokens === undefined || generates
      ? undefined
      : await adapter.plannedForwardTokens(
          loglikelihood.map(([, { request }]) => request as LoglikelihoodRequest),
          (index) => cache.has(loglikelihood[index]![0]),
        );
  return {
    suite: run.id,
    documents: documents.length,
    documentsCached: documents.length - unansweredByDocument(requests, cache).size,
    ...(forwardTokens === undefined ? {} : { forwardTokens }),
  };
}
