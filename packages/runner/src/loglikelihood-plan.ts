import { truncatedInput, type EncodedPair } from "./lm-eval-encoding.ts";

/** How many rows go into one forward pass: a fixed count, or as many as fit a budget of padded tokens. */
export type BatchSize = number | "auto";

/** With --batch-size auto: at most this many padded tokens (rows × longest row) in one forward pass. */
export const AUTO_BATCH_TOKENS = 8192;
export const AUTO_BATCH_MAX_ROWS = 64;

/** A request to score: its index in the adapter's list and its tokens as lm-evaluation-harness encodes them. */
export interface EncodedRequest {
  index: number;
  pair: EncodedPair;
}

/**
 * Contexts whose continuations are all one token long, run in one batch: one forward pass per distinct context
 * answers every request on it from the logits at the context's last position (MMLU: one pass per question).
 */
export interface PrefixUnit {
  kind: "prefix";
  rows: { context: number[]; requests: EncodedRequest[] }[];
}

/**
 * One context with continuations of several tokens (TruthfulQA): the context runs once, its key/value cache is
 * shared by every continuation, and the continuations (but their last tokens) run together in batches.
 */
export interface SharedContextUnit {
  kind: "shared-context";
  context: number[];
  requests: EncodedRequest[];
  batches: EncodedRequest[][];
}

/** Requests too long for the model, run as lm-evaluation-harness runs each: the whole input, cut from the left. */
export interface TruncatedUnit {
  kind: "truncated";
  rows: { input: number[]; request: EncodedRequest }[];
}

export type PlanUnit = PrefixUnit | SharedContextUnit | TruncatedUnit;

function batches<T>(items: readonly T[], length: (item: T) => number, size: BatchSize): T[][] {
  const result: T[][] = [];
  let current: T[] = [];
  let longest = 0;
  for (const item of items) {
    const next = Math.max(longest, length(item));
    const full =
      size === "auto"
        ? current.length >= AUTO_BATCH_MAX_ROWS || next * (current.length + 1) > AUTO_BATCH_TOKENS
        : current.length >= size;
    if (current.length > 0 && full) {
      result.push(current);
      current = [];
      longest = length(item);
    } else longest = next;
    current.push(item);
  }
  if (current.length > 0) result.push(current);
  return result;
}

const byLengthDescending =
  <T>(length: (item: T) => number) =>
  (a: T, b: T) =>
    length(b) - length(a);

/**
 * The forward passes that answer `requests` (one window of a run: see encodingWindows), in a fixed order that
 * depends only on the requests, the model's maximum length and the batch size: the longest first (so a window
 * that cannot fit fails at once, as lm-evaluation-harness orders a run), rows of a batch of similar lengths so
 * little is padding.
 */
export function planLoglikelihood(
  requests: readonly EncodedRequest[],
  maxLength: number,
  batchSize: BatchSize,
): PlanUnit[] {
  const byContext = new Map<string, EncodedRequest[]>();
  for (const request of requests) {
    const key = request.pair.context.join(",");
    const group = byContext.get(key);
    if (group === undefined) byContext.set(key, [request]);
    else group.push(request);
  }
  const prefixRows: PrefixUnit["rows"] = [];
  const shared: SharedContextUnit[] = [];
  const truncated: TruncatedUnit["rows"] = [];
  for (const group of byContext.values()) {
    const context = group[0]!.pair.context;
    const longest = Math.max(...group.map((request) => request.pair.continuation.length));
    if (context.length + longest - 1 > maxLength || group.some((request) => request.pair.continuation.length === 0)) {
      for (const request of group) truncated.push({ input: truncatedInput(request.pair, maxLength), request });
    } else if (longest === 1) prefixRows.push({ context, requests: group });
    else {
      const continuing = group.filter((request) => request.pair.continuation.length > 1);
      const tail = (request: EncodedRequest) => request.pair.continuation.length - 1;
      shared.push({
        kind: "shared-context",
        context,
        requests: group,
        batches: batches(
          [...continuing].sort(byLengthDescending(tail)),
          (request) => context.length + tail(request),
          batchSize,
        ),
      });
    }
  }
  prefixRows.sort(byLengthDescending((row) => row.context.length));
  truncated.sort(byLengthDescending((row) => row.input.length));
  shared.sort(byLengthDescending((unit) => unit.context.length));
  return [
    ...batches(prefixRows, (row) => row.context.length, batchSize).map((rows): PrefixUnit => ({
      kind: "prefix",
      rows,
    })),
    ...shared,
    ...batches(truncated, (row) => row.input.length, batchSize).map((rows): TruncatedUnit => ({
      kind: "truncated",
      rows,
    })),
  ];
}

/**
 * Every (context, continuation) pair run on its own, the whole input each time: what a scorer without prefix
 * sharing does. `pnpm perf` measures the runner against it.
 */
export function planNaively(requests: readonly EncodedRequest[], maxLength: number): PlanUnit[] {
  return requests.map((request) => ({
    kind: "truncated",
    rows: [{ input: truncatedInput(request.pair, maxLength), request }],
  }));
}

/** The requests a unit answers. */
export function unitRequests(unit: PlanUnit): EncodedRequest[] {
  if (unit.kind === "prefix") return unit.rows.flatMap((row) => row.requests);
  if (unit.kind === "shared-context") return unit.requests;
  return unit.rows.map((row) => row.request);
}
