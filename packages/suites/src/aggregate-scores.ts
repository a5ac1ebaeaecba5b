import { mean, meanStderr, pooledSampleStderr, weightedMean } from "./metrics/mean-stderr.ts";
import type { MetricValue, ResultGroup } from "./result-record.ts";

/** A document's metrics, with the group (e.g. MMLU subject) it counts towards. */
export interface ScoredDocument {
  document: { group?: string };
  metrics: Record<string, number>;
}

function metricNames(scored: readonly { metrics: Record<string, number> }[]): string[] {
  const names = new Set<string>();
  for (const { metrics } of scored) for (const name of Object.keys(metrics)) names.add(name);
  return [...names];
}

function byGroup(scored: readonly ScoredDocument[]) {
  const groups = new Map<string, (typeof scored)[number][]>();
  for (const item of scored) {
    const name = item.document.group ?? "";
    const members = groups.get(name);
    if (members === undefined) groups.set(name, [item]);
    else members.push(item);
  }
  return groups;
}

function summarise(items: readonly { metrics: Record<string, number> }[], names: readonly string[]) {
  const metrics: Record<string, MetricValue> = {};
  for (const name of names) {
    const values = items.map((item) => item.metrics[name]!);
    metrics[name] = { value: mean(values), stderr: meanStderr(values) };
  }
  return metrics;
}

/** Subtasks pooled as lm-evaluation-harness pools a group: size-weighted means, pooled standard errors. */
function pool(parts: readonly { documents: number; metrics: Record<string, MetricValue> }[], names: readonly string[]) {
  const metrics: Record<string, MetricValue> = {};
  const sizes = parts.map((part) => part.documents);
  for (const name of names) {
    metrics[name] = {
      value: weightedMean(
        parts.map((part) => part.metrics[name]!.value),
        sizes,
      ),
      stderr: pooledSampleStderr(
        parts.map((part) => part.metrics[name]!.stderr),
        sizes,
      ),
    };
  }
  return metrics;
}

/**
 * Metrics over documents as lm-evaluation-harness aggregates them: the mean with its standard error; with groups,
 * one row per group and the overall figures pooled over them (size-weighted means, pooled standard errors), and
 * category rows pooled over the groups `categories` assigns to each.
 */
export function aggregateScores(
  scored: readonly ScoredDocument[],
  categories?: Readonly<Record<string, string>>,
): { metrics: Record<string, MetricValue>; groups: ResultGroup[] } {
  const names = metricNames(scored);
  if (scored.length === 0) return { metrics: {}, groups: [] };
  if (scored.every((item) => item.document.group === undefined))
    return { metrics: summarise(scored, names), groups: [] };
  const subjects: ResultGroup[] = [...byGroup(scored)]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, items]) => ({ kind: "subject", name, documents: items.length, metrics: summarise(items, names) }));
  const categoryRows: ResultGroup[] = [];
  if (categories) {
    for (const category of [...new Set(Object.values(categories))].sort()) {
      const parts = subjects.filter((subject) => categories[subject.name] === category);
      if (parts.length === 0) continue;
      const documents = parts.reduce((total, part) => total + part.documents, 0);
      categoryRows.push({ kind: "category", name: category, documents, metrics: pool(parts, names) });
    }
  }
  return { metrics: pool(subjects, names), groups: [...categoryRows, ...subjects] };
}
