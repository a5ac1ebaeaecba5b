// Aggregation and standard errors exactly as lm-evaluation-harness computes them (lm_eval/api/metrics.py), so a
// zoo score and an lm-evaluation-harness score on the same model print the same digits.

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** `mean`: the arithmetic mean. */
export function mean(values: readonly number[]): number {
  return sum(values) / values.length;
}

/** `sample_stddev`: the standard deviation with Bessel's correction (n − 1). */
export function sampleStddev(values: readonly number[]): number {
  const mu = mean(values);
  return Math.sqrt(sum(values.map((value) => (value - mu) ** 2)) / (values.length - 1));
}

/**
 * `mean_stderr`: the sample standard deviation over √n. Null below two values, where lm-evaluation-harness
 * reports "N/A".
 */
export function meanStderr(values: readonly number[]): number | null {
  return values.length < 2 ? null : sampleStddev(values) / Math.sqrt(values.length);
}

/**
 * `aggregate_subtask_metrics` with weight_by_size: the subtasks' scores weighted by their sizes, which for means
 * is the micro-average over all their documents.
 */
export function weightedMean(values: readonly number[], sizes: readonly number[]): number {
  return sum(values.map((value, index) => value * sizes[index]!)) / sum(sizes);
}

/**
 * `pooled_sample_stderr`: a group's standard error from its subtasks' standard errors and sizes (pooled variance).
 * Null when any subtask has none, as lm-evaluation-harness then reports "N/A".
 */
export function pooledSampleStderr(stderrs: readonly (number | null)[], sizes: readonly number[]): number | null {
  if (stderrs.some((stderr) => stderr === null)) return null;
  const pooledVariance =
    sum(stderrs.map((stderr, index) => (sizes[index]! - 1) * stderr! ** 2 * sizes[index]!)) /
    (sum(sizes) - sizes.length);
  return Math.sqrt(pooledVariance / sum(sizes));
}
