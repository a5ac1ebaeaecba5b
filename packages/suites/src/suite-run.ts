import type { Request, Response } from "./request.ts";
import type { PromptOptions } from "./suite-options.ts";
import type { MetricValue, ResultGroup } from "./result-record.ts";

/** One document of a suite, ready to run: its requests, and the group (e.g. MMLU subject) it counts towards. */
export interface SuiteDocument {
  docId: number;
  /** The finest breakdown the document belongs to (an MMLU subject, an arithmetic task); absent when none. */
  group?: string;
  requests: Request[];
  /** The gold answer, as lm-evaluation-harness logs it: the right choice's index, or the expected text. */
  target: number | string;
}

/** Where the documents came from, as the result record states it. */
export interface DatasetInfo {
  id: string;
  revision: string | null;
  /** "sha256:<hex>" of the documents used. */
  hash: string;
  /** True for the project's own offline samples, never shown as the real benchmark's score. */
  sample: boolean;
}

/**
 * A suite prepared for one run: data loaded, shots fixed, limit applied. The runner answers every request of
 * every document, then asks the suite to score each document and to aggregate the scores.
 */
export interface SuiteRun {
  id: string;
  version: string;
  /** The metric leaderboards rank by. */
  primaryMetric: string;
  /** Present when the prompt was framed other than plainly: a system instruction, chat transcripts. */
  prompt?: PromptOptions;
  /** The primary metric's value for a model that guesses uniformly, where one exists (0.25 for MMLU). */
  chance?: number;
  dataset: DatasetInfo;
  shots: number;
  /** The documents to run, after any limit or shard. */
  documents: SuiteDocument[];
  /** How many documents the suite holds without a limit, so a limited run can be marked as such. */
  totalDocuments: number;
  /** Per-document metrics from the responses, in the order of `document.requests`. */
  score(document: SuiteDocument, responses: Response[]): Record<string, number>;
  /** Metrics over documents with lm-evaluation-harness's standard errors, and the per-group breakdown. */
  aggregate(scored: readonly { document: SuiteDocument; metrics: Record<string, number> }[]): {
    metrics: Record<string, MetricValue>;
    groups: ResultGroup[];
  };
}
