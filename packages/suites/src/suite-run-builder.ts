import { aggregateScores } from "./aggregate-scores.ts";
import type { PromptTask } from "./prompt-task.ts";
import type { Response } from "./request.ts";
import type { PromptOptions } from "./suite-options.ts";
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
  /** A system instruction, and chat transcripts instead of plain prompts (for a chat template or a chat API). */
  prompt?: PromptOptions | undefined;
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
    const framing = spec.prompt;
    const prompt = framing?.chat
      ? task.chatMessages(doc, examples, framing)
      : task.context(doc, examples, framing?.systemInstruction);
    return {
      docId,
      ...(doc.group === undefined ? {} : { group: doc.group }),
      requests: task.requests(docId, doc, prompt),
      target: task.config.output_type === "multiple_choice" ? task.gold(doc) : task.targetText(doc),
    };
  });

  const canonical = (doc: TaskDoc) => JSON.stringify([doc.group ?? null, doc.fields]);
  const hash = await sha256Hex(
    [...used.map(canonical), "few-shot examples", ...[...examplesUsed].map(canonical)].join("\n"),
  );

  const chance = spec.chance?.(used);
  return {
    id: spec.id,
    ...(spec.prompt ? { prompt: spec.prompt } : {}),
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
    aggregate: (scored) => aggregateScores(scored, spec.categories),
  };
}
