/** A score with its 95% confidence interval, in the score's own unit. */
export interface Interval {
  low: number;
  high: number;
}

/** z for a two-sided 95% interval under the normal approximation lm-evaluation-harness's standard errors assume. */
export const Z_95 = 1.96;

/** value ± 1.96·stderr; a score published without a standard error is a point, an interval of width zero. */
export function interval(value: number, stderr: number | null): Interval {
  const half = stderr === null ? 0 : Z_95 * stderr;
  return { low: value - half, high: value + half };
}

/**
 * Ranks that only separate scores whose intervals do not overlap, as Chatbot Arena's "rank (UB)" does: a score's
 * rank is one plus the number of scores whose lower bound lies above its upper bound, i.e. the scores that beat it
 * beyond doubt. Ties are common and honest: two models whose intervals overlap may share a rank.
 */
export function overlapRanks(intervals: readonly Interval[]): number[] {
  const lows = intervals.map(({ low }) => low).sort((a, b) => b - a);
  return intervals.map(({ high }) => 1 + countAbove(lows, high));
}

/** How many of `descending` are strictly greater than `bound`: a binary search, so ranking n scores is n·log n. */
function countAbove(descending: readonly number[], bound: number): number {
  let lo = 0;
  let hi = descending.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (descending[mid]! > bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
