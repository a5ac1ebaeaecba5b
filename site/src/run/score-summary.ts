import type { MetricValue, ResultRecord } from "@zoo/suites";

/** z for a two-sided 95% interval, as the site's leaderboards use (lib/overlap-rank.ts; not imported, so that the
 * page's script shares no chunk with the other pages' and leaves their weight as it was). */
const Z_95 = 1.96;

export interface ScoreSummary {
  metric: string;
  /** Percent, as the site shows scores. */
  value: number;
  stderr: number | null;
  low: number | null;
  high: number | null;
  documents: number;
}

export function summarize(metric: string, value: MetricValue, documents: number): ScoreSummary {
  const percent = value.value * 100;
  const stderr = value.stderr === null ? null : value.stderr * 100;
  return {
    metric,
    value: percent,
    stderr,
    // The normal approximation's interval, cut to the scale: a share is never under 0% or over 100%.
    low: stderr === null ? null : Math.max(0, percent - Z_95 * stderr),
    high: stderr === null ? null : Math.min(100, percent + Z_95 * stderr),
    documents,
  };
}

/** "42.9 ± 4.1 (95% interval 34.8 to 51.0)". */
export function scoreText(summary: ScoreSummary): string {
  const value = summary.value.toFixed(1);
  if (summary.stderr === null) return value;
  return `${value} ± ${summary.stderr.toFixed(1)} (95% interval ${summary.low!.toFixed(1)} to ${summary.high!.toFixed(1)})`;
}

/** The primary metric of the run, and of each category where the suite has categories (MMLU's four). */
export function recordSummaries(record: ResultRecord): { overall: ScoreSummary; categories: [string, ScoreSummary][] } {
  const metric = record.suite.primary_metric;
  const overall = summarize(metric, record.metrics[metric]!, record.documents);
  const categories = record.groups
    .filter((group) => group.kind === "category" && group.metrics[metric] !== undefined)
    .map((group) => [group.name, summarize(metric, group.metrics[metric]!, group.documents)] as [string, ScoreSummary]);
  return { overall, categories };
}
