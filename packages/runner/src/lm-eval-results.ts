import {
  ARITHMETIC_ITEMS,
  BUILTIN_SUITES,
  MMLU_CATEGORY,
  MMLU_SUBJECTS,
  RESULT_RECORD_VERSION,
  resultRecordSchema,
  type MetricValue,
  type OutputType,
  type ResultGroup,
  type ResultRecord,
  type SuiteInfo,
} from "@zoo/suites";

// lm-evaluation-harness's results file (`lm_eval --output_path`, the v0.4 layout) and zoo's result records, each
// read from the other. lm-evaluation-harness keys a metric as "<metric>,<filter>" and its standard error as
// "<metric>_stderr,<filter>"; zoo's suites apply no filter, which lm-evaluation-harness names "none".

/** A file that cannot be turned into records, or records that cannot be written as one file: one line saying why. */
export class LmEvalResultsError extends Error {
  override readonly name = "LmEvalResultsError";
}

/** One task's or group's row of "results": its display alias and its "<metric>,<filter>" values. */
export interface LmEvalRow {
  alias: string;
  [key: string]: string | number;
}

/** What a configs entry holds of a task's YAML config, as far as a zoo run can state it. */
export interface LmEvalTaskConfig {
  task: string;
  dataset_path: string;
  /** Passed to `datasets.load_dataset`: the dataset revision the documents came from, where known. */
  dataset_kwargs?: { revision: string };
  num_fewshot: number;
  output_type: OutputType;
  metric_list: { metric: string; aggregation: "mean"; higher_is_better: boolean }[];
  metadata: { version: number | string };
}

/** The results file lm-evaluation-harness writes, with the keys a zoo run can fill truthfully. */
export interface LmEvalResults {
  results: Record<string, LmEvalRow>;
  /** The rows of the groups (MMLU and its categories), again; present only when there are groups. */
  groups?: Record<string, LmEvalRow>;
  group_subtasks: Record<string, string[]>;
  configs: Record<string, LmEvalTaskConfig>;
  versions: Record<string, number | string>;
  "n-shot": Record<string, number>;
  higher_is_better: Record<string, Record<string, boolean>>;
  "n-samples": Record<string, { original: number; effective: number }>;
  config: { model: string; model_args: string; batch_size: null; device: string | null; limit: number | null };
  git_hash: null;
  /** Unix seconds. */
  date: number;
  task_hashes: Record<string, string>;
  model_source: string;
  model_name: string;
  model_name_sanitized: string;
  system_instruction?: null;
  system_instruction_sha?: null;
  fewshot_as_multiturn?: false;
  chat_template?: null;
  chat_template_sha?: null;
  total_evaluation_time_seconds: string;
}

export interface LmEvalImportOptions {
  /** The record's model id: a catalogue id, or a label such as "hf:org/repo". */
  modelId: string;
  /** The environment of the import (the run's own is lm-evaluation-harness's). */
  environment: ResultRecord["environment"];
  /** Named in errors. */
  file?: string;
}

export interface LmEvalImport {
  records: ResultRecord[];
  /** lm-evaluation-harness's names of the tasks and groups in "results" that are no zoo suite, in file order. */
  skipped: string[];
}

const FILTER = "none";
const MMLU = "mmlu";
const SUITES = new Map(BUILTIN_SUITES.map((suite) => [suite.id, suite]));

/** The order lm-evaluation-harness's mmlu group lists its categories in (its _mmlu.yaml). */
const MMLU_GROUP_ORDER = ["stem", "other", "social_sciences", "humanities"] as const;

/** Test documents per subject of cais/mmlu, which a limited run's n-samples states as the task's "original". */
const MMLU_TEST_DOCUMENTS: Readonly<Record<string, number>> = {
  abstract_algebra: 100,
  anatomy: 135,
  astronomy: 152,
  business_ethics: 100,
  clinical_knowledge: 265,
  college_biology: 144,
  college_chemistry: 100,
  college_computer_science: 100,
  college_mathematics: 100,
  college_medicine: 173,
  college_physics: 102,
  computer_security: 100,
  conceptual_physics: 235,
  econometrics: 114,
  electrical_engineering: 145,
  elementary_mathematics: 378,
  formal_logic: 126,
  global_facts: 100,
  high_school_biology: 310,
  high_school_chemistry: 203,
  high_school_computer_science: 100,
  high_school_european_history: 165,
  high_school_geography: 198,
  high_school_government_and_politics: 193,
  high_school_macroeconomics: 390,
  high_school_mathematics: 270,
  high_school_microeconomics: 238,
  high_school_physics: 151,
  high_school_psychology: 545,
  high_school_statistics: 216,
  high_school_us_history: 204,
  high_school_world_history: 237,
  human_aging: 223,
  human_sexuality: 131,
  international_law: 121,
  jurisprudence: 108,
  logical_fallacies: 163,
  machine_learning: 112,
  management: 103,
  marketing: 234,
  medical_genetics: 100,
  miscellaneous: 783,
  moral_disputes: 346,
  moral_scenarios: 895,
  nutrition: 306,
  philosophy: 311,
  prehistory: 324,
  professional_accounting: 282,
  professional_law: 1534,
  professional_medicine: 272,
  professional_psychology: 612,
  public_relations: 110,
  security_studies: 245,
  sociology: 201,
  us_foreign_policy: 100,
  virology: 166,
  world_religions: 171,
};

/** TruthfulQA's validation split, both configurations. */
const TRUTHFULQA_DOCUMENTS = 817;

/**
 * The whole dataset a task's documents were drawn from, which lm-evaluation-harness states beside the documents
 * scored; a zoo record keeps only whether it was limited, so the size comes from what the dataset is known to hold.
 */
function fullSize(record: ResultRecord, subject: string | undefined): number {
  const { id } = record.suite.dataset;
  let size: number | undefined;
  if (id === "cais/mmlu" && subject !== undefined) size = MMLU_TEST_DOCUMENTS[subject];
  else if (id === "truthfulqa/truthful_qa") size = TRUTHFULQA_DOCUMENTS;
  // GPT-3's files (the Hub's copy or a local one) and zoo's generator hold the same 2,000 items per task.
  else if (id === "EleutherAI/arithmetic" || id === "zoo/arithmetic-generator") size = ARITHMETIC_ITEMS;
  if (size === undefined)
    throw new LmEvalResultsError(
      `${record.suite.id} is limited, and how many documents ${id} holds is not known: n-samples needs it`,
    );
  return size;
}

function builtinSuite(record: ResultRecord): SuiteInfo {
  const { id, dataset } = record.suite;
  const info = SUITES.get(id);
  if (info === undefined)
    throw new LmEvalResultsError(
      `${id} is not one of zoo's built-in suites, which mirror lm-evaluation-harness's tasks`,
    );
  if (dataset.sample)
    throw new LmEvalResultsError(
      `${id} ran on zoo's offline samples (${dataset.id}), not on the benchmark lm-evaluation-harness calls ${id}`,
    );
  if (record.shard !== undefined)
    throw new LmEvalResultsError(
      `${id} is shard ${record.shard.index} of ${record.shard.count}: merge the shards first (zoo results merge)`,
    );
  return info;
}

function metricRow(metrics: Record<string, MetricValue>): Record<string, number | string> {
  const row: Record<string, number | string> = {};
  for (const [name, { value, stderr }] of Object.entries(metrics)) {
    row[`${name},${FILTER}`] = value;
    row[`${name}_stderr,${FILTER}`] = stderr ?? "N/A";
  }
  return row;
}

// Every metric zoo's suites report (accuracy, exact match, BLEU and ROUGE scores and their differences) is better
// higher, as lm-evaluation-harness's task configs say.
const higherIsBetter = (metrics: Record<string, MetricValue>) =>
  Object.fromEntries(Object.keys(metrics).map((metric) => [metric, true]));

/** lm-evaluation-harness writes its task versions as YAML floats; zoo's are their text. */
function versionValue(version: string): number | string {
  return /^\d+(\.\d+)?$/.test(version) ? Number(version) : version;
}

function taskConfig(task: string, record: ResultRecord, info: SuiteInfo): LmEvalTaskConfig {
  const { dataset, version } = record.suite;
  return {
    task,
    dataset_path: dataset.id,
    ...(dataset.revision === null ? {} : { dataset_kwargs: { revision: dataset.revision } }),
    num_fewshot: record.shots,
    output_type: info.outputType,
    metric_list: Object.keys(record.metrics).map((metric) => ({ metric, aggregation: "mean", higher_is_better: true })),
    metadata: { version: versionValue(version) },
  };
}

/** What one record contributes to the file. */
interface Part {
  /** Rows of "results", in lm-evaluation-harness's order. */
  rows: [string, LmEvalRow][];
  groups: [string, LmEvalRow][];
  /** Its task hierarchy (group, then its members), which the file lists reversed. */
  hierarchy: [string, string[]][];
  higherIsBetter: [string, Record<string, boolean>][];
  tasks: { name: string; config: LmEvalTaskConfig; effective: number; original: number }[];
}

function taskPart(record: ResultRecord, info: SuiteInfo): Part {
  const name = record.suite.id;
  return {
    rows: [[name, { alias: name, ...metricRow(record.metrics) }]],
    groups: [],
    hierarchy: [[name, []]],
    higherIsBetter: [[name, higherIsBetter(record.metrics)]],
    tasks: [
      {
        name,
        config: taskConfig(name, record, info),
        effective: record.documents,
        original: record.limited ? fullSize(record, undefined) : record.documents,
      },
    ],
  };
}

/** MMLU as lm-evaluation-harness runs it: the group mmlu of four category groups of one task per subject. */
function mmluPart(record: ResultRecord, info: SuiteInfo): Part {
  const subjects = record.groups.filter((group) => group.kind === "subject");
  if (subjects.length === 0)
    throw new LmEvalResultsError("mmlu has no subject rows, the tasks lm-evaluation-harness's mmlu group is made of");
  const categoryOf = (subject: ResultGroup) => {
    const category = MMLU_CATEGORY[subject.name];
    if (category === undefined) throw new LmEvalResultsError(`mmlu has a row for ${subject.name}, which is no subject`);
    return category;
  };
  const categories = new Map(
    record.groups.filter((group) => group.kind === "category").map((group) => [group.name, group]),
  );
  const members = (category: string) =>
    subjects.filter((subject) => categoryOf(subject) === category).sort((a, b) => (a.name < b.name ? -1 : 1));
  const present = MMLU_GROUP_ORDER.filter((category) => members(category).length > 0);
  for (const category of present)
    if (!categories.has(category))
      throw new LmEvalResultsError(
        `mmlu has ${category} subjects but no ${category} row for lm-evaluation-harness's group`,
      );

  const part: Part = {
    rows: [[MMLU, { ...metricRow(record.metrics), alias: MMLU }]],
    groups: [],
    hierarchy: [[MMLU, present.map((category) => `mmlu_${category}`)]],
    higherIsBetter: [[MMLU, higherIsBetter(record.metrics)]],
    tasks: [],
  };
  part.groups.push(part.rows[0]!);
  for (const category of [...present].sort()) {
    const group = categories.get(category)!;
    const row: [string, LmEvalRow] = [
      `mmlu_${category}`,
      // The aliases of lm-evaluation-harness's category groups: "social sciences" is written with a space.
      { ...metricRow(group.metrics), alias: ` - ${category.replaceAll("_", " ")}` },
    ];
    part.rows.push(row);
    part.groups.push(row);
    part.higherIsBetter.push([row[0], higherIsBetter(group.metrics)]);
    for (const subject of members(category)) {
      const name = `mmlu_${subject.name}`;
      part.rows.push([name, { alias: `  - ${subject.name}`, ...metricRow(subject.metrics) }]);
      part.higherIsBetter.push([name, higherIsBetter(subject.metrics)]);
      part.tasks.push({
        name,
        config: taskConfig(name, record, info),
        effective: subject.documents,
        original: record.limited ? fullSize(record, subject.name) : subject.documents,
      });
    }
  }
  for (const category of present)
    part.hierarchy.push([`mmlu_${category}`, members(category).map((subject) => `mmlu_${subject.name}`)]);
  return part;
}

/** The `--model` and `--model_args` that name the model a record ran, in lm-evaluation-harness's key=value form. */
function runOf(record: ResultRecord): { model: string; model_args: string; device: string | null } {
  const { model } = record;
  if (record.imported_from !== undefined)
    return { model: record.imported_from.model_type, model_args: record.imported_from.model_args, device: null };
  const args: [string, string | number | undefined][] = [
    ["pretrained", model.repo],
    ["revision", model.revision],
    ["dtype", model.dtype],
    ["model", model.api_model],
    ["base_url", model.base_url],
    ["seed", model.seed],
  ];
  return {
    model: model.adapter,
    model_args: args
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}=${value}`)
      .join(","),
    device: model.device ?? null,
  };
}

/** lm-evaluation-harness's model name: the value of the first of these arguments that model_args holds. */
function modelName(modelArgs: string): string {
  for (const prefix of ["peft=", "delta=", "pretrained=", "model=", "path=", "engine="])
    if (modelArgs.includes(prefix)) return modelArgs.split(prefix)[1]!.split(",")[0]!;
  return "";
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const sortedEntries = <T>(entries: Iterable<[string, T]>) =>
  Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Writes one model's records as lm-evaluation-harness's results file of one run of them. */
export function toLmEvalResults(records: readonly ResultRecord[]): LmEvalResults {
  if (records.length === 0) throw new LmEvalResultsError("no records to write");
  const models = [...new Set(records.map((record) => record.model.id))];
  if (models.length > 1)
    throw new LmEvalResultsError(
      `records of ${models.length} models (${models.join(", ")}): an lm-evaluation-harness results file holds one model's`,
    );
  const sorted = [...records].sort((a, b) => (a.suite.id < b.suite.id ? -1 : a.suite.id > b.suite.id ? 1 : 0));
  sorted.forEach((record, index) => {
    const next = sorted[index + 1];
    if (next?.suite.id === record.suite.id)
      throw new LmEvalResultsError(
        `two records of ${record.suite.id} (${record.shots}-shot and ${next.shots}-shot): the file holds one result per task`,
      );
  });
  const run = runOf(sorted[0]!);
  for (const record of sorted) {
    const other = runOf(record);
    if (JSON.stringify(other) !== JSON.stringify(run))
      throw new LmEvalResultsError(
        `${record.suite.id} ran ${other.model} ${other.model_args}, ${sorted[0]!.suite.id} ran ${run.model} ${run.model_args}: the file describes one run`,
      );
  }
  const limits = [...new Set(sorted.map((record) => record.limit))];
  if (limits.length > 1)
    throw new LmEvalResultsError(
      `the records ran with different limits (${limits.map((limit) => limit ?? "none").join(", ")}): the file has one`,
    );

  const parts = sorted.map((record) => {
    const info = builtinSuite(record);
    return info.id === MMLU ? mmluPart(record, info) : taskPart(record, info);
  });
  const tasks = parts.flatMap((part) => part.tasks);
  const groups = parts.flatMap((part) => part.groups);
  const name = modelName(run.model_args);
  // Records imported from one lm-evaluation-harness run each carry the run's time; zoo runs its suites one by one.
  const imported = sorted[0]!.imported_from !== undefined;
  const seconds = sorted.map((record) => record.timings.wall_seconds);
  return {
    results: Object.fromEntries(parts.flatMap((part) => part.rows)),
    ...(groups.length > 0 ? { groups: Object.fromEntries(groups) } : {}),
    group_subtasks: Object.fromEntries(parts.flatMap((part) => part.hierarchy).reverse()),
    configs: sortedEntries(tasks.map((task) => [task.name, task.config])),
    versions: sortedEntries(tasks.map((task) => [task.name, task.config.metadata.version])),
    "n-shot": sortedEntries(tasks.map((task) => [task.name, task.config.num_fewshot])),
    higher_is_better: sortedEntries(parts.flatMap((part) => part.higherIsBetter)),
    "n-samples": sortedEntries(
      tasks.map((task) => [task.name, { original: task.original, effective: task.effective }]),
    ),
    config: {
      model: run.model,
      model_args: run.model_args,
      batch_size: null,
      device: run.device,
      limit: limits[0] ?? null,
    },
    git_hash: null,
    // lm-evaluation-harness dates the run by its start: the earliest record is the nearest to it.
    date: Math.min(...sorted.map((record) => Date.parse(record.date))) / 1000,
    // Its hashes of each task's logged samples; zoo hashes the documents instead (the record's dataset.hash).
    task_hashes: {},
    model_source: run.model,
    model_name: name,
    model_name_sanitized: name.replace(/["<>:/|\\?*[\]]+/g, "__"),
    // zoo sends each prompt whole, as one user message where the model is a chat API: no system instruction, no
    // chat template, few-shot examples inside the prompt. For an imported result the file said, and zoo did not keep.
    ...(imported
      ? {}
      : {
          system_instruction: null,
          system_instruction_sha: null,
          fewshot_as_multiturn: false,
          chat_template: null,
          chat_template_sha: null,
        }),
    // zoo's times are in milliseconds: the rounding only drops the sum's floating-point noise.
    total_evaluation_time_seconds: String(imported ? Math.max(...seconds) : round(sum(seconds), 3)),
  };
}

type Path = readonly string[];
type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isCount = (value: unknown): value is number => isNumber(value) && Number.isInteger(value) && value >= 0;
const isText = (value: unknown): value is string => typeof value === "string" && value !== "";

/** A path as JavaScript would reach it: results.mmlu_anatomy["acc,none"]. */
function where(path: Path): string {
  if (path.length === 0) return "the file";
  return path
    .map((key, index) => (/^[\w-]+$/.test(key) ? `${index ? "." : ""}${key}` : `[${JSON.stringify(key)}]`))
    .join("");
}

function shown(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Reads values out of the parsed file, each failure one line naming the file and where in it. */
class Reader {
  constructor(
    private readonly root: unknown,
    private readonly file: string | undefined,
  ) {}

  fail(path: Path, problem: string): never {
    throw new LmEvalResultsError(`${this.file ?? "lm-evaluation-harness results"}: ${where(path)} ${problem}`);
  }

  value(path: Path): unknown {
    let value = this.root;
    for (const key of path) value = isObject(value) ? value[key] : undefined;
    return value;
  }

  expect<T>(path: Path, test: (value: unknown) => value is T, what: string): T {
    const value = this.value(path);
    if (!test(value)) this.fail(path, value === undefined ? "is missing" : `is ${shown(value)}, not ${what}`);
    return value;
  }

  object = (path: Path) => this.expect(path, isObject, "an object");
  number = (path: Path) => this.expect(path, isNumber, "a number");
  count = (path: Path) => this.expect(path, isCount, "a whole number");
  text = (path: Path) => this.expect(path, isText, "text");
  /** Text where the file has some; lm-evaluation-harness writes "" or null for what it does not know. */
  optionalText = (path: Path) => {
    const value = this.value(path);
    return isText(value) ? value : undefined;
  };
}

/** A row's metrics under the filter zoo's suites correspond to: "none", or else the only one the metric has. */
function rowMetrics(read: Reader, path: Path): Record<string, MetricValue> {
  const row = read.object(path);
  const filters = new Map<string, string[]>();
  for (const key of Object.keys(row)) {
    const comma = key.indexOf(",");
    // alias and the like carry no filter: they are no metrics.
    if (comma < 0 || key.slice(0, comma).endsWith("_stderr")) continue;
    const metric = key.slice(0, comma);
    filters.set(metric, [...(filters.get(metric) ?? []), key.slice(comma + 1)]);
  }
  const metrics: Record<string, MetricValue> = {};
  for (const [metric, names] of filters) {
    const filter = names.includes(FILTER) ? FILTER : names.length === 1 ? names[0]! : undefined;
    if (filter === undefined)
      read.fail(path, `has ${metric} under several filters (${names.join(", ")}) and none named ${FILTER}`);
    const value = read.number([...path, `${metric},${filter}`]);
    const stderrPath = [...path, `${metric}_stderr,${filter}`];
    const stderr = read.value(stderrPath);
    // "N/A" where lm-evaluation-harness computed none (a single document, or no bootstrap); absent likewise.
    if (stderr !== undefined && stderr !== "N/A" && !(isNumber(stderr) && stderr >= 0))
      read.fail(stderrPath, `is ${shown(stderr)}, not a standard error or "N/A"`);
    metrics[metric] = { value, stderr: stderr === undefined || stderr === "N/A" ? null : stderr };
  }
  return metrics;
}

/** JSON cannot tell 2.0 from 2: lm-evaluation-harness's versions are YAML floats, which Python writes 2.0. */
function versionText(read: Reader, task: string): string {
  const path = ["versions", task];
  const value = read.expect(path, (v): v is number | string => isNumber(v) || isText(v), "a version");
  return typeof value === "string" ? value : Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/** What lm-evaluation-harness says of one task's run that zoo's record of it keeps. */
function taskFacts(read: Reader, task: string) {
  read.object(["n-samples", task]);
  return {
    shots: read.count(["n-shot", task]),
    version: versionText(read, task),
    datasetId: read.text(["configs", task, "dataset_path"]),
    revision: read.optionalText(["configs", task, "dataset_kwargs", "revision"]) ?? null,
    effective: read.count(["n-samples", task, "effective"]),
    original: read.count(["n-samples", task, "original"]),
  };
}

/** The model_args of the run as lm-evaluation-harness's key=value text, and its values by key. */
function modelArgs(read: Reader): { text: string; values: Map<string, string> } {
  const path = ["config", "model_args"];
  const raw = read.value(path);
  // Python's spelling of the values, as one would pass them on lm_eval's command line.
  const python = (value: unknown) =>
    value === true ? "True" : value === false ? "False" : value === null ? "None" : String(value);
  let pairs: [string, string][];
  if (raw === undefined || raw === null || raw === "") pairs = [];
  else if (typeof raw === "string")
    pairs = raw.split(",").map((pair) => {
      const equals = pair.indexOf("=");
      return equals < 0 ? [pair, ""] : [pair.slice(0, equals), pair.slice(equals + 1)];
    });
  // Newer versions write the arguments as an object.
  else if (isObject(raw)) pairs = Object.entries(raw).map(([key, value]) => [key, python(value)]);
  else read.fail(path, `is ${shown(raw)}, not key=value text or an object`);
  return {
    text: typeof raw === "string" ? raw : pairs.map(([key, value]) => `${key}=${value}`).join(","),
    values: new Map(pairs.filter(([, value]) => value !== "")),
  };
}

/** What every record of the file shares: the model, the limit, the run's time and date, where it came from. */
function runFacts(read: Reader, options: LmEvalImportOptions) {
  read.object(["config"]);
  const modelType = read.text(["config", "model"]);
  const args = modelArgs(read);
  const repo = args.values.get("pretrained") ?? read.optionalText(["model_name"]);
  // The commit the Hub resolved the revision to is the exact one run.
  const revision =
    read.optionalText(["config", "model_sha"]) ??
    args.values.get("revision") ??
    read.optionalText(["config", "model_revision"]);
  const dtype = args.values.get("dtype");

  const limitPath = ["config", "limit"];
  const limit = read.value(limitPath) ?? null;
  if (limit !== null && !(isCount(limit) && limit > 0))
    read.fail(limitPath, `is ${shown(limit)}, not a number of documents per task (a fraction, which zoo cannot state)`);

  // Written by lm_eval --output_path since v0.4.3; a file dumped by the Python API has no time.
  const timePath = ["total_evaluation_time_seconds"];
  const time = read.value(timePath);
  const wallSeconds = time === undefined ? 0 : typeof time === "string" ? Number(time) : time;
  if (!isNumber(wallSeconds) || wallSeconds < 0) read.fail(timePath, `is ${shown(time)}, not a number of seconds`);
  // lm-evaluation-harness answers the requests of all its tasks together, so only the run as a whole has a time and
  // a rate: every record states them.
  const samples = read.object(["n-samples"]);
  const documents = sum(Object.keys(samples).map((task) => read.count(["n-samples", task, "effective"])));

  const date = new Date(read.number(["date"]) * 1000);
  if (Number.isNaN(date.getTime()))
    read.fail(["date"], `is ${shown(read.value(["date"]))}, not a time in Unix seconds`);
  return {
    model: {
      id: options.modelId,
      adapter: "lm-eval" as const,
      ...(repo === undefined ? {} : { repo }),
      ...(revision === undefined ? {} : { revision }),
      ...(dtype === undefined ? {} : { dtype }),
    },
    limit: limit as number | null,
    timings: {
      wall_seconds: wallSeconds,
      items_per_second: wallSeconds > 0 ? round(documents / wallSeconds, 3) : 0,
      tokens_per_second: null,
    },
    environment: options.environment,
    date: date.toISOString(),
    origin: {
      tool: "lm-evaluation-harness" as const,
      model_type: modelType,
      model_args: args.text,
      version: read.optionalText(["git_hash"]) ?? read.optionalText(["lm_eval_version"]) ?? null,
    },
  };
}

type RunFacts = ReturnType<typeof runFacts>;

/** A suite's primary metric's value for uniform guessing, where zoo's definition makes it a constant. */
function constantChance(suite: string): number | null {
  if (suite === MMLU) return 0.25;
  // TruthfulQA's depends on each question's number of answers, which the file does not give.
  return suite.startsWith("arithmetic_") ? 0 : null;
}

function buildRecord(
  read: Reader,
  run: RunFacts,
  task: string,
  info: SuiteInfo,
  facts: Omit<ReturnType<typeof taskFacts>, "effective" | "original">,
  scored: { documents: number; limited: boolean; metrics: Record<string, MetricValue>; groups: ResultGroup[] },
): ResultRecord {
  if (scored.metrics[info.primaryMetric] === undefined)
    read.fail(["results", task], `has no ${info.primaryMetric} metric, which zoo ranks ${info.id} by`);
  const record: ResultRecord = {
    schema_version: RESULT_RECORD_VERSION,
    model: run.model,
    suite: {
      id: info.id,
      version: facts.version,
      primary_metric: info.primaryMetric,
      chance: constantChance(info.id),
      dataset: { id: facts.datasetId, revision: facts.revision, hash: null, sample: false },
    },
    shots: facts.shots,
    limit: run.limit,
    limited: scored.limited,
    documents: scored.documents,
    metrics: scored.metrics,
    groups: scored.groups,
    timings: run.timings,
    environment: run.environment,
    date: run.date,
    imported_from: { ...run.origin, task },
  };
  const parsed = resultRecordSchema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    read.fail(["results", task], `makes no valid record: ${issue.path.join(".")}: ${issue.message}`);
  }
  return parsed.data;
}

/** The one value every subject's task has, for the single MMLU record. */
function common<T>(read: Reader, tasks: readonly string[], path: (task: string) => Path, value: (task: string) => T) {
  const first = value(tasks[0]!);
  for (const task of tasks.slice(1)) {
    const other = value(task);
    if (other !== first)
      read.fail(path(task), `is ${shown(other)}, but ${where(path(tasks[0]!))} is ${shown(first)}: zoo's mmlu has one`);
  }
  return first;
}

function mmluRecord(read: Reader, run: RunFacts, results: JsonObject): ResultRecord {
  const subjects = MMLU_SUBJECTS.filter((subject) => `mmlu_${subject}` in results);
  if (subjects.length === 0) read.fail(["results", MMLU], "is a group without any mmlu_<subject> task");
  const tasks = subjects.map((subject) => `mmlu_${subject}`);
  const facts = new Map(tasks.map((task) => [task, taskFacts(read, task)]));
  const of = (task: string) => facts.get(task)!;
  const subjectRows: ResultGroup[] = subjects.map((subject) => ({
    kind: "subject",
    name: subject,
    documents: of(`mmlu_${subject}`).effective,
    metrics: rowMetrics(read, ["results", `mmlu_${subject}`]),
  }));
  const categoryRows: ResultGroup[] = [...new Set(subjects.map((subject) => MMLU_CATEGORY[subject]!))]
    .sort()
    .map((category) => ({
      kind: "category",
      name: category,
      documents: sum(subjectRows.filter((row) => MMLU_CATEGORY[row.name] === category).map((row) => row.documents)),
      metrics: rowMetrics(read, ["results", `mmlu_${category}`]),
    }));
  return buildRecord(
    read,
    run,
    MMLU,
    SUITES.get(MMLU)!,
    {
      shots: common(
        read,
        tasks,
        (task) => ["n-shot", task],
        (task) => of(task).shots,
      ),
      version: common(
        read,
        tasks,
        (task) => ["versions", task],
        (task) => of(task).version,
      ),
      datasetId: common(
        read,
        tasks,
        (task) => ["configs", task, "dataset_path"],
        (task) => of(task).datasetId,
      ),
      revision: common(
        read,
        tasks,
        (task) => ["configs", task, "dataset_kwargs", "revision"],
        (task) => of(task).revision,
      ),
    },
    {
      documents: sum(subjectRows.map((row) => row.documents)),
      // Fewer subjects than MMLU holds is fewer documents than the suite holds, as a limit would leave.
      limited: subjects.length < MMLU_SUBJECTS.length || tasks.some((task) => of(task).effective < of(task).original),
      metrics: rowMetrics(read, ["results", MMLU]),
      groups: [...categoryRows, ...subjectRows],
    },
  );
}

/**
 * zoo's records of the tasks in lm-evaluation-harness's results file that are zoo suites: mmlu (its group, with
 * its category and subject rows) once, truthfulqa_* and arithmetic_* each. The file's other tasks are skipped and
 * named. A file that is not the v0.4 layout is an LmEvalResultsError naming where.
 */
export function fromLmEvalResults(json: unknown, options: LmEvalImportOptions): LmEvalImport {
  const read = new Reader(json, options.file);
  read.object([]);
  const results = read.object(["results"]);
  const run = runFacts(read, options);
  // The rows the mmlu record is made of, which are not tasks of their own to zoo.
  const mmluRows = new Set(
    MMLU in results
      ? [MMLU, ...MMLU_GROUP_ORDER.map((category) => `mmlu_${category}`), ...MMLU_SUBJECTS.map((s) => `mmlu_${s}`)]
      : [],
  );
  const records: ResultRecord[] = [];
  const skipped: string[] = [];
  for (const task of Object.keys(results)) {
    const info = SUITES.get(task);
    if (task === MMLU) records.push(mmluRecord(read, run, results));
    else if (mmluRows.has(task)) continue;
    else if (info === undefined) skipped.push(task);
    else {
      const { effective, original, ...facts } = taskFacts(read, task);
      records.push(
        buildRecord(read, run, task, info, facts, {
          documents: effective,
          limited: effective < original,
          metrics: rowMetrics(read, ["results", task]),
          groups: [],
        }),
      );
    }
  }
  return { records, skipped };
}
