import {
  ARITHMETIC_FILES,
  DEFAULT_ARITHMETIC_SEED,
  generateArithmetic,
  type ArithmeticItem,
  type ArithmeticTask,
} from "./arithmetic-generator.ts";
import { decodeText, joinPath, type FileSource } from "./file-source.ts";
import { downloadHubDataset } from "./hub-dataset.ts";
import { firstInteger } from "./metrics/document-scores.ts";
import { PromptTask } from "./prompt-task.ts";
import { pyStrip } from "./python-text.ts";
import { buildSuiteRun } from "./suite-run-builder.ts";
import { DataError, SuiteError, describeValue, type DataLocation } from "./suite-errors.ts";
import { hubOptions, type DataSource, type LoadSuiteOptions } from "./suite-options.ts";
import type { SuiteRun } from "./suite-run.ts";
import type { TaskConfigInput } from "./task-config.ts";
import type { TaskDoc } from "./task-doc.ts";

export const ARITHMETIC_HUB_REPO = "EleutherAI/arithmetic";
export const ARITHMETIC_VERSION = "1.0";

/** lm-evaluation-harness's arithmetic_* tasks: the greedy loglikelihood of the completion. */
export const ARITHMETIC_TASK: TaskConfigInput = {
  output_type: "loglikelihood",
  doc_to_text: "{{context}}",
  doc_to_target: "{{completion}}",
};

/** The same prompts for chat APIs without loglikelihoods: the reply's first integer must be the answer. */
export const ARITHMETIC_GEN_TASK: TaskConfigInput = {
  output_type: "generate_until",
  doc_to_text: "{{context}}",
  doc_to_target: "{{completion}}",
  generation_kwargs: { until: ["\n"], max_gen_toks: 32 },
};

/**
 * lm-evaluation-harness's process_docs for arithmetic (its dataset script's normalisation):
 * "Q: What is 98 plus 45?\n\nA:" becomes "Question: What is 98 plus 45?\nAnswer:".
 */
export function normaliseArithmeticContext(context: string): string {
  return pyStrip(context).replaceAll("\n\n", "\n").replaceAll("Q:", "Question:").replaceAll("A:", "Answer:");
}

function arithmeticDoc(item: unknown, file: string, location: DataLocation): TaskDoc {
  const { context, completion } = (item ?? {}) as Record<string, unknown>;
  if (typeof context !== "string" || context === "")
    throw new DataError(file, `expected "context" as text, found ${describeValue(context)}`, location);
  if (typeof completion !== "string" || completion === "")
    throw new DataError(file, `expected "completion" as text, found ${describeValue(completion)}`, location);
  return { fields: { context: normaliseArithmeticContext(context), completion }, file, location };
}

/** The original jsonl: one {"context", "completion"} object a line. */
function readJsonl(text: string, file: string): TaskDoc[] {
  const docs: TaskDoc[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    let item: unknown;
    try {
      item = JSON.parse(line);
    } catch (error) {
      throw new DataError(file, `not valid JSON (${(error as Error).message})`, { line: index + 1 });
    }
    docs.push(arithmeticDoc(item, file, { line: index + 1 }));
  });
  return docs;
}

async function readFolder(files: FileSource, dir: string, task: ArithmeticTask): Promise<TaskDoc[]> {
  const candidates = [joinPath(dir, ARITHMETIC_FILES[task]), joinPath(dir, "data", ARITHMETIC_FILES[task])];
  for (const path of candidates) {
    const bytes = await files.read(path);
    if (bytes !== undefined) return readJsonl(decodeText(bytes, path), path);
  }
  throw new DataError(candidates[0]!, "no such file");
}

async function readHub(task: ArithmeticTask, source: Extract<DataSource, { kind: "hub" }>, options: LoadSuiteOptions) {
  const path = `data/${ARITHMETIC_FILES[task]}`;
  const snapshot = await downloadHubDataset(
    ARITHMETIC_HUB_REPO,
    task,
    (candidate) => candidate === path,
    hubOptions(source, options.io),
  );
  const file = snapshot.files[0];
  if (file === undefined) throw new DataError(`${ARITHMETIC_HUB_REPO}@${snapshot.commit}`, `no ${path}`);
  const name = `${ARITHMETIC_HUB_REPO}/${path}`;
  return { docs: readJsonl(decodeText(file.bytes, name), name), commit: snapshot.commit };
}

const generatedDocs = (items: ArithmeticItem[], task: ArithmeticTask, seed: number) =>
  items.map((item, index) => arithmeticDoc(item, `generated ${task} (seed ${seed})`, { row: index }));

/** arithmetic_<task>, or with `generation` its arithmetic_<task>_gen variant for chat APIs. */
export async function loadArithmetic(
  task: ArithmeticTask,
  generation: boolean,
  options: LoadSuiteOptions,
): Promise<SuiteRun> {
  const id = `arithmetic_${task}${generation ? "_gen" : ""}`;
  if ((options.shots ?? 0) !== 0) throw new SuiteError(`${id} is 0-shot, as lm-evaluation-harness runs it`);
  const source = options.data ?? { kind: "generated" };
  let docs: TaskDoc[];
  let dataset: { id: string; revision: string | null; sample: boolean };
  if (source.kind === "generated") {
    const seed = source.seed ?? DEFAULT_ARITHMETIC_SEED;
    docs = generatedDocs(generateArithmetic(task, seed), task, seed);
    dataset = { id: "zoo/arithmetic-generator", revision: `seed-${seed}`, sample: false };
  } else if (source.kind === "hub") {
    const loaded = await readHub(task, source, options);
    docs = loaded.docs;
    dataset = { id: ARITHMETIC_HUB_REPO, revision: loaded.commit, sample: false };
  } else if (source.kind === "local") {
    docs = await readFolder(options.io.files, source.dir, task);
    dataset = { id: ARITHMETIC_HUB_REPO, revision: null, sample: false };
  } else {
    docs = await readFolder(options.io.files, joinPath(options.io.samplesDir, "arithmetic"), task);
    dataset = { id: "zoo/arithmetic-sample", revision: null, sample: true };
  }
  if (docs.length === 0) throw new SuiteError(`${id}: the data holds no items`);
  const base = {
    id,
    version: ARITHMETIC_VERSION,
    docs,
    shots: 0,
    limit: options.limit,
    prompt: options.prompt,
    dataset,
    chance: () => 0,
  };
  if (!generation) return buildSuiteRun({ ...base, primaryMetric: "acc", task: new PromptTask(ARITHMETIC_TASK, id) });
  return buildSuiteRun({
    ...base,
    primaryMetric: "exact_match",
    task: new PromptTask(ARITHMETIC_GEN_TASK, id),
    score: (doc, responses) => ({
      exact_match: firstInteger((responses[0] as { text: string }).text) === Number(doc.fields.completion) ? 1 : 0,
    }),
  });
}
