import { mean, meanStderr, pooledSampleStderr, weightedMean } from "./metrics/mean-stderr.ts";
import type { PromptTask } from "./prompt-task.ts";
import type { Response } from "./request.ts";
import type { MetricValue, ResultGroup } from "./result-record.ts";
import { sha256Hex } from "./sha256.ts";
import { SuiteError } from "./suite-errors.ts";
import type { SuiteDocument, SuiteRun } from "./suite-run.ts";
import type { TaskDoc } from "./task-doc.ts";

/** Everything a suite family has worked out for one run, which `buildSuiteRun` turns into a SuiteRun. */
export interface SuiteSpec {
  id: string;
  version: string;
  primaryMetric: string;
  task: PromptTask;
  /** Every document of the suite in order; a group's documents are contiguous. */
  docs: TaskDoc[];
  /** The few-shot pool for a document, in order: the first `shots` are used. */
  fewshot?: (doc: TaskDoc) => TaskDoc[];
  shots: number;
  /** The first N documents (of each group, when documents have groups, as lm-evaluation-harness limits subtasks). */
  limit?: number;
  dataset: { id: string; revision: string | null; sample: boolean };
  /** The group (e.g. MMLU subject) each breakdown category holds, for category rows. */
  categories?: Record<string, string>;
  /** Replaces the task's own metrics (TruthfulQA MC2 and generation, arithmetic generation). */
  score?: (doc: TaskDoc, responses: readonly Response[]) => Record<string, number>;
  /** The primary metric's value for uniform guessing, from the documents used. */
  chance?: (docs: readonly TaskDoc[]) => number | undefined;
}

function limited(docs: readonly TaskDoc[], limit: number | undefined): TaskDoc[] {
  if (limit === undefined) return [...docs];
  const taken = new Map<string | undefined, number>();
  return docs.filter((doc) => {
    const count = taken.get(doc.group) ?? 0;
    taken.set(doc.group, count + 1);
    return count < limit;
  });
}

function metricNames(scored: readonly { metrics: Record<string, number> }[]): string[] {
  const names = new Set<string>();
  for (const { metrics } of scored) for (const name of Object.keys(metrics)) names.add(name);
  return [...names];
}

function byGroup(scored: readonly { document: SuiteDocument; metrics: Record<string, number> }[]) {
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

/** Turns a family's spec into the SuiteRun the runner uses: requests, scoring, aggregation and the data's hash. */
export async function buildSuiteRun(spec: SuiteSpec): Promise<SuiteRun> {
  const { task, shots } = spec;
  for (const doc of spec.docs) spec.task.check(doc);
  const used = limited(spec.docs, spec.limit);
  const examplesUsed = new Set<TaskDoc>();
  const byId = new Map<number, TaskDoc>();
  const documents: SuiteDocument[] = used.map((doc, docId) => {
    const pool = shots === 0 ? [] : (spec.fewshot?.(doc) ?? []);
    if (pool.length < shots)
      throw new SuiteError(
        `${spec.id}: ${shots}-shot needs ${shots} few-shot examples${doc.group ? ` for ${doc.group}` : ""}, the data has ${pool.length}`,
      );
    const examples = pool.slice(0, shots);
    for (const example of examples) {
      if (examplesUsed.has(example)) continue;
      task.check(example);
      examplesUsed.add(example);
    }
    byId.set(docId, doc);
    const context = task.context(doc, examples);
    return {
      docId,
      ...(doc.group === undefined ? {} : { group: doc.group }),
      requests: task.requests(docId, doc, context),
    };
  });

  const canonical = (doc: TaskDoc) => JSON.stringify([doc.group ?? null, doc.fields]);
  const hash = await sha256Hex(
    [...used.map(canonical), "few-shot examples", ...[...examplesUsed].map(canonical)].join("\n"),
  );

  const chance = spec.chance?.(used);
  return {
    id: spec.id,
    version: spec.version,
    primaryMetric: spec.primaryMetric,
    ...(chance === undefined ? {} : { chance }),
    dataset: { ...spec.dataset, hash: `sha256:${hash}` },
    shots,
    documents,
    totalDocuments: spec.docs.length,
    score(document, responses) {
      const doc = byId.get(document.docId);
      if (doc === undefined) throw new SuiteError(`${spec.id} has no document ${document.docId}`);
      if (responses.length !== document.requests.length)
        throw new SuiteError(
          `${spec.id} document ${document.docId} made ${document.requests.length} requests but got ${responses.length} responses`,
        );
      return spec.score ? spec.score(doc, responses) : task.score(doc, responses);
    },
    aggregate(scored) {
      const names = metricNames(scored);
      if (scored.length === 0) return { metrics: {}, groups: [] };
      if (scored.every((item) => item.document.group === undefined))
        return { metrics: summarise(scored, names), groups: [] };
      const subjects: ResultGroup[] = [...byGroup(scored)]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, items]) => ({ kind: "subject", name, documents: items.length, metrics: summarise(items, names) }));
      const categories: ResultGroup[] = [];
      if (spec.categories) {
        for (const category of [...new Set(Object.values(spec.categories))].sort()) {
          const parts = subjects.filter((subject) => spec.categories![subject.name] === category);
          if (parts.length === 0) continue;
          const documents = parts.reduce((total, part) => total + part.documents, 0);
          categories.push({ kind: "category", name: category, documents, metrics: pool(parts, names) });
        }
      }
      return { metrics: pool(subjects, names), groups: [...categories, ...subjects] };
    },
  };
}
