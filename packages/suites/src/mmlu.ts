import { parseCsv } from "./csv-records.ts";
import { decodeText, joinPath, readTextFile, type FileSource } from "./file-source.ts";
import { downloadHubDataset } from "./hub-dataset.ts";
import { MMLU_CATEGORY, MMLU_SUBJECTS } from "./mmlu-subjects.ts";
import { readParquetRows } from "./parquet-rows.ts";
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
async function localDataFolder(files: FileSource, dir: string): Promise<string> {
  const first = `test/${MMLU_SUBJECTS[0]}_test.csv`;
  for (const candidate of [joinPath(dir, "data"), dir])
    if ((await files.read(joinPath(candidate, first))) !== undefined) return candidate;
  throw new DataError(
    dir,
    "no MMLU copy here: expected data/test/<subject>_test.csv and data/dev/<subject>_dev.csv for the 57 subjects",
  );
}

/**
 * The original layout (data/dev/<subject>_dev.csv, data/test/<subject>_test.csv), in `dir` or in `dir`/data. A
 * local copy must hold all 57 subjects; the samples hold a few and say so.
 */
async function loadMmluFolder(files: FileSource, dir: string, sample: boolean): Promise<MmluData> {
  const base = sample ? joinPath(dir, "data") : await localDataFolder(files, dir);
  const test: TaskDoc[] = [];
  const dev = new Map<string, TaskDoc[]>();
  for (const subject of MMLU_SUBJECTS) {
    const testFile = joinPath(base, "test", `${subject}_test.csv`);
    const bytes = await files.read(testFile);
    if (bytes === undefined) {
      if (sample) continue;
      throw new DataError(
        testFile,
        "no such file (a local copy of MMLU holds data/test and data/dev files for all 57 subjects)",
      );
    }
    test.push(...readMmluCsv(decodeText(bytes, testFile), testFile, subject));
    const devFile = joinPath(base, "dev", `${subject}_dev.csv`);
    dev.set(subject, readMmluCsv(await readTextFile(files, devFile), devFile, subject));
  }
  if (test.length === 0) throw new DataError(joinPath(base, "test"), "no MMLU test files (<subject>_test.csv)");
  return {
    test,
    dev,
    dataset: sample
      ? { id: "zoo/mmlu-sample", revision: null, sample: true }
      : { id: MMLU_HUB_REPO, revision: null, sample: false },
  };
}

/** cais/mmlu's parquet files: <subject>/test-*.parquet and <subject>/dev-*.parquet. */
async function loadMmluHub(source: Extract<DataSource, { kind: "hub" }>, options: LoadSuiteOptions): Promise<MmluData> {
  const split = /^([a-z_]+)\/(test|dev)-[^/]*\.parquet$/;
  const snapshot = await downloadHubDataset(
    MMLU_HUB_REPO,
    "test+dev",
    (path) => {
      const match = split.exec(path);
      return match !== null && match[1]! in MMLU_CATEGORY;
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
  const missing = MMLU_SUBJECTS.filter((subject) => !test.some((doc) => doc.group === subject));
  if (missing.length > 0)
    throw new DataError(
      `${MMLU_HUB_REPO}@${snapshot.commit}`,
      `no test split for ${missing.length} subjects (${missing.slice(0, 3).join(", ")}…)`,
    );
  return { test, dev, dataset: { id: MMLU_HUB_REPO, revision: snapshot.commit, sample: false } };
}

/** Bumped when MMLU's requests or metrics change, so older results are not taken for current ones. */
export const MMLU_VERSION = "1.0";

export async function loadMmlu(options: LoadSuiteOptions): Promise<SuiteRun> {
  const source = options.data ?? { kind: "hub" };
  const shots = options.shots ?? 5;
  if (shots > 5) throw new SuiteError(`mmlu: at most 5 shots (the dev split holds 5 per subject), ${shots} asked`);
  let data: MmluData;
  if (source.kind === "hub") data = await loadMmluHub(source, options);
  else if (source.kind === "local") data = await loadMmluFolder(options.io.files, source.dir, false);
  else if (source.kind === "sample")
    data = await loadMmluFolder(options.io.files, joinPath(options.io.samplesDir, "mmlu"), true);
  else throw new SuiteError("mmlu: its documents come from the Hub, a local copy or the samples, not a generator");
  return buildSuiteRun({
    id: "mmlu",
    version: MMLU_VERSION,
    primaryMetric: "acc",
    task: new PromptTask(MMLU_TASK, "mmlu"),
    docs: data.test,
    fewshot: (doc) => data.dev.get(doc.group!) ?? [],
    shots,
    limit: options.limit,
    dataset: data.dataset,
    categories: MMLU_CATEGORY,
    chance: () => 0.25,
  });
}
