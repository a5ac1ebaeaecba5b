import { parseCsv } from "./csv-records.ts";
import { decodeText, joinPath, readTextFile, type FileSource } from "./file-source.ts";
import { downloadHubDataset } from "./hub-dataset.ts";
import { MMLU_CATEGORY, MMLU_SUBJECTS } from "./mmlu-subjects.ts";
import { readParquetRows } from "./parquet-rows.ts";
import { sha256Hex } from "./sha256.ts";
import { PromptTask } from "./prompt-task.ts";
import { buildSuiteRun } from "./suite-run-builder.ts";
import { DataError, SuiteError, describeValue, type DataLocation } from "./suite-errors.ts";
import { hubOptions, type DataSource, type LoadSuiteOptions } from "./suite-options.ts";
import type { SuiteRun } from "./suite-run.ts";
import type { TaskConfigInput } from "./task-config.ts";
import type { TaskDoc } from "./task-doc.ts";

export const MMLU_HUB_REPO = "cais/mmlu";
const LETTERS = ["A", "B", "C", "D"];

/**
 * lm-evaluation-harness's mmlu task (lm_eval/tasks/mmlu/default): its _default_template_yaml, and the description
 * each subject's YAML spells out, here as one template over the subject.
 */
export const MMLU_TASK: TaskConfigInput = {
  output_type: "multiple_choice",
  description: "The following are multiple choice questions (with answers) about {{ subject.replace('_', ' ') }}.\n\n",
  doc_to_text:
    "{{question.strip()}}\nA. {{choices[0]}}\nB. {{choices[1]}}\nC. {{choices[2]}}\nD. {{choices[3]}}\nAnswer:",
  doc_to_choice: LETTERS,
  doc_to_target: "answer",
};

/**
 * lm-evaluation-harness's mmlu_generative (lm_eval/tasks/mmlu/generative, task version 3.0): the same prompt,
 * answered by generating until a newline; the answer's first line, stripped, must equal the letter, ignoring case
 * and punctuation. For models that only generate, chat APIs above all.
 */
export const MMLU_GENERATIVE_TASK: TaskConfigInput = {
  output_type: "generate_until",
  description: MMLU_TASK.description,
  doc_to_text: MMLU_TASK.doc_to_text,
  doc_to_target: "{{['A', 'B', 'C', 'D'][answer]}}",
  generation_kwargs: { until: ["</s>", "\n"] },
  metric_list: [{ metric: "exact_match", ignore_case: true, ignore_punctuation: true }],
  filter_list: [
    {
      name: "get_response",
      filter: [
        { function: "regex", regex_pattern: "^(.*?)(?=\\n|$)" },
        { function: "remove_whitespace" },
        { function: "regex", regex_pattern: "^(.*?)\\s*$" },
        { function: "take_first" },
      ],
    },
  ],
};

export const MMLU_CATEGORIES = ["stem", "humanities", "social_sciences", "other"] as const;

/** One of the MMLU suites lm-evaluation-harness names: the whole, a category or a subject, scored or generated. */
export interface MmluVariant {
  id: string;
  title: string;
  generative: boolean;
  /** The subjects it asks, in alphabetical order. */
  subjects: readonly string[];
}

const words = (name: string) => name.replaceAll("_", " ");

/** Every MMLU suite: mmlu, mmlu_<category> and mmlu_<subject>, each with its _generative twin. */
export const MMLU_VARIANTS: readonly MmluVariant[] = [false, true].flatMap((generative) => {
  const suffix = generative ? "_generative" : "";
  const kind = generative ? " (generative)" : "";
  return [
    { id: `mmlu${suffix}`, title: `MMLU${kind}`, generative, subjects: MMLU_SUBJECTS },
    ...MMLU_CATEGORIES.map((category) => ({
      id: `mmlu_${category}${suffix}`,
      title: `MMLU: ${category === "stem" ? "STEM" : words(category)}${kind}`,
      generative,
      subjects: MMLU_SUBJECTS.filter((subject) => MMLU_CATEGORY[subject] === category),
    })),
    ...MMLU_SUBJECTS.map((subject) => ({
      id: `mmlu_${subject}${suffix}`,
      title: `MMLU: ${words(subject)}${kind}`,
      generative,
      subjects: [subject],
    })),
  ];
});

interface MmluData {
  test: TaskDoc[];
  dev: Map<string, TaskDoc[]>;
  dataset: { id: string; revision: string | null; sample: boolean };
}

function mmluDoc(
  file: string,
  location: DataLocation,
  subject: string,
  question: unknown,
  choices: unknown,
  answer: number,
): TaskDoc {
  if (typeof question !== "string" || question === "")
    throw new DataError(file, `expected the question as text, found ${describeValue(question)}`, location);
  if (!Array.isArray(choices) || choices.length !== 4 || !choices.every((choice) => typeof choice === "string"))
    throw new DataError(file, `expected 4 choices as text, found ${describeValue(choices)}`, location);
  return { fields: { question, subject, choices, answer }, group: subject, file, location };
}

/** One headerless CSV of the original layout: question, four choices, answer letter. */
function readMmluCsv(text: string, path: string, subject: string): TaskDoc[] {
  return parseCsv(text, path).map(({ line, fields }) => {
    if (fields.length !== 6)
      throw new DataError(path, `expected 6 fields (question, choices A–D, answer letter), found ${fields.length}`, {
        line,
      });
    const answer = LETTERS.indexOf(fields[5]!);
    if (answer < 0)
      throw new DataError(path, `expected the answer letter A, B, C or D, found ${describeValue(fields[5])}`, { line });
    return mmluDoc(path, { line }, subject, fields[0], fields.slice(1, 5), answer);
  });
}

/** The folder given may hold data/, as the original archive unpacks, or be that data/ folder. */
async function localDataFolder(files: FileSource, dir: string, subjects: readonly string[]): Promise<string> {
  for (const candidate of [joinPath(dir, "data"), dir])
    for (const subject of subjects)
      if ((await files.read(joinPath(candidate, "test", `${subject}_test.csv`))) !== undefined) return candidate;
  throw new DataError(
    dir,
    "no MMLU copy here: expected data/test/<subject>_test.csv and data/dev/<subject>_dev.csv for the subjects asked",
  );
}

/**
 * The original layout (data/dev/<subject>_dev.csv, data/test/<subject>_test.csv), in `dir` or in `dir`/data. A
 * local copy must hold every subject the suite asks, and may hold others; the samples hold a few and say so.
 */
async function loadMmluFolder(
  files: FileSource,
  dir: string,
  sample: boolean,
  variant: MmluVariant,
): Promise<MmluData> {
  const base = sample ? joinPath(dir, "data") : await localDataFolder(files, dir, variant.subjects);
  const test: TaskDoc[] = [];
  const dev = new Map<string, TaskDoc[]>();
  const missing: string[] = [];
  for (const subject of variant.subjects) {
    const testFile = joinPath(base, "test", `${subject}_test.csv`);
    const bytes = await files.read(testFile);
    if (bytes === undefined) {
      missing.push(testFile);
      continue;
    }
    test.push(...readMmluCsv(decodeText(bytes, testFile), testFile, subject));
    const devFile = joinPath(base, "dev", `${subject}_dev.csv`);
    dev.set(subject, readMmluCsv(await readTextFile(files, devFile), devFile, subject));
  }
  if (missing.length > 0 && !sample) {
    const count = variant.subjects.length;
    throw new DataError(
      missing[0]!,
      `no such file (${variant.id} asks ${count === 1 ? "this subject" : `${count} subjects`}: data/test and data/dev files for each; this copy lacks ${missing.length})`,
    );
  }
  if (test.length === 0)
    throw new DataError(
      joinPath(base, "test"),
      `no MMLU test files (<subject>_test.csv) for ${variant.subjects.length === 1 ? variant.subjects[0] : variant.id}`,
    );
  return {
    test,
    dev,
    dataset: sample
      ? { id: "zoo/mmlu-sample", revision: null, sample: true }
      : { id: MMLU_HUB_REPO, revision: null, sample: false },
  };
}

/** cais/mmlu's parquet files: <subject>/test-*.parquet and <subject>/dev-*.parquet. */
async function loadMmluHub(
  source: Extract<DataSource, { kind: "hub" }>,
  options: LoadSuiteOptions,
  variant: MmluVariant,
): Promise<MmluData> {
  const split = /^([a-z_]+)\/(test|dev)-[^/]*\.parquet$/;
  const asked = new Set(variant.subjects);
  // The cache keys a download by what it selected: the whole test and dev splits, or a digest of the subjects.
  const selection =
    asked.size === MMLU_SUBJECTS.length
      ? "test+dev"
      : `test+dev:${(await sha256Hex(variant.subjects.join(","))).slice(0, 16)}`;
  const snapshot = await downloadHubDataset(
    MMLU_HUB_REPO,
    selection,
    (path) => {
      const match = split.exec(path);
      return match !== null && asked.has(match[1]!);
    },
    hubOptions(source, options.io),
  );
  const test: TaskDoc[] = [];
  const dev = new Map<string, TaskDoc[]>();
  for (const { path, bytes } of snapshot.files) {
    const [, subject, part] = split.exec(path)!;
    const file = `${MMLU_HUB_REPO}/${path}`;
    const docs = (await readParquetRows(bytes, file)).map((row, index) => {
      const answer = row.answer;
      if (typeof answer !== "number" || !Number.isInteger(answer) || answer < 0 || answer > 3)
        throw new DataError(file, `expected the answer as an index 0–3, found ${describeValue(answer)}`, {
          row: index,
        });
      return mmluDoc(file, { row: index }, subject!, row.question, row.choices, answer);
    });
    if (part === "test") test.push(...docs);
    else dev.set(subject!, [...(dev.get(subject!) ?? []), ...docs]);
  }
  const missing = variant.subjects.filter((subject) => !test.some((doc) => doc.group === subject));
  if (missing.length > 0)
    throw new DataError(
      `${MMLU_HUB_REPO}@${snapshot.commit}`,
      `no test split for ${missing.length} subjects (${missing.slice(0, 3).join(", ")}…)`,
    );
  return { test, dev, dataset: { id: MMLU_HUB_REPO, revision: snapshot.commit, sample: false } };
}

/** Bumped when MMLU's requests or metrics change, so older results are not taken for current ones. */
export const MMLU_VERSION = "1.0";
/** The same for the generative suites, which began at zoo's 1.0 (lm-evaluation-harness's task is at 3.0). */
export const MMLU_GENERATIVE_VERSION = "1.0";

const tasks = new Map<boolean, PromptTask>();

/** One MMLU suite (see MMLU_VARIANTS) over its data: the Hub, a local copy in the original layout, or the samples. */
export async function loadMmlu(variant: MmluVariant, options: LoadSuiteOptions): Promise<SuiteRun> {
  const source = options.data ?? { kind: "hub" };
  const shots = options.shots ?? 5;
  if (shots > 5)
    throw new SuiteError(`${variant.id}: at most 5 shots (the dev split holds 5 per subject), ${shots} asked`);
  let data: MmluData;
  if (source.kind === "hub") data = await loadMmluHub(source, options, variant);
  else if (source.kind === "local") data = await loadMmluFolder(options.io.files, source.dir, false, variant);
  else if (source.kind === "sample")
    data = await loadMmluFolder(options.io.files, joinPath(options.io.samplesDir, "mmlu"), true, variant);
  else
    throw new SuiteError(
      `${variant.id}: its documents come from the Hub, a local copy or the samples, not a generator`,
    );
  if (!tasks.has(variant.generative))
    tasks.set(
      variant.generative,
      new PromptTask(
        variant.generative ? MMLU_GENERATIVE_TASK : MMLU_TASK,
        variant.generative ? "mmlu_generative" : "mmlu",
      ),
    );
  return buildSuiteRun({
    id: variant.id,
    version: variant.generative ? MMLU_GENERATIVE_VERSION : MMLU_VERSION,
    primaryMetric: variant.generative ? "exact_match" : "acc",
    task: tasks.get(variant.generative)!,
    docs: data.test,
    fewshot: (doc) => data.dev.get(doc.group!) ?? [],
    shots,
    limit: options.limit,
    prompt: options.prompt,
    dataset: data.dataset,
    categories: Object.fromEntries(variant.subjects.map((subject) => [subject, MMLU_CATEGORY[subject]!])),
    chance: () => 0.25,
  });
}
