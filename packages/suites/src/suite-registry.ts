import { ARITHMETIC_TASKS, type ArithmeticTask } from "./arithmetic-generator.ts";
import { ARITHMETIC_HUB_REPO, ARITHMETIC_VERSION, loadArithmetic } from "./arithmetic.ts";
import { customSuiteTask, loadCustomSuite, readCustomSuite } from "./custom-suite.ts";
import { joinPath } from "./file-source.ts";
import { MMLU_GENERATIVE_VERSION, MMLU_HUB_REPO, MMLU_VARIANTS, MMLU_VERSION, loadMmlu } from "./mmlu.ts";
import { MMLU_CATEGORY } from "./mmlu-subjects.ts";
import { SuiteError } from "./suite-errors.ts";
import type { DataKind, LoadSuiteOptions, SuiteIo } from "./suite-options.ts";
import type { SuiteRun } from "./suite-run.ts";
import type { OutputType } from "./task-config.ts";
import { TRUTHFULQA_HUB_REPO, TRUTHFULQA_VERSIONS, loadTruthfulqa, type TruthfulqaSuite } from "./truthfulqa.ts";

/** What a suite is, for listings and for choosing how to run it. */
export interface SuiteInfo {
  id: string;
  title: string;
  /** Changes when the suite's requests or metrics do: a result of another version is not current. */
  version: string;
  outputType: OutputType;
  primaryMetric: string;
  shots: { default: number; max: number };
  /** The data sources it takes; the first is its default. */
  data: DataKind[];
  /** The Hugging Face dataset its real data comes from. */
  hubDataset?: string;
  /** For a suite declared in benchmarks/suites, its file. */
  file?: string;
  /** The category each breakdown group belongs to (MMLU's subjects), for category rows of the record. */
  categories?: Readonly<Record<string, string>>;
}

const arithmeticTitles: Record<ArithmeticTask, string> = {
  "1dc": "1-digit composite",
  "2da": "2-digit addition",
  "2ds": "2-digit subtraction",
  "2dm": "2-digit multiplication",
  "3da": "3-digit addition",
  "3ds": "3-digit subtraction",
  "4da": "4-digit addition",
  "4ds": "4-digit subtraction",
  "5da": "5-digit addition",
  "5ds": "5-digit subtraction",
};

const builtins: { info: SuiteInfo; load: (options: LoadSuiteOptions) => Promise<SuiteRun> }[] = [
  ...MMLU_VARIANTS.map((variant) => ({
    info: {
      id: variant.id,
      title: variant.title,
      version: variant.generative ? MMLU_GENERATIVE_VERSION : MMLU_VERSION,
      outputType: variant.generative ? ("generate_until" as const) : ("multiple_choice" as const),
      primaryMetric: variant.generative ? "exact_match" : "acc",
      shots: { default: 5, max: 5 },
      data: ["hub", "local", "sample"] as DataKind[],
      hubDataset: MMLU_HUB_REPO,
      categories: Object.fromEntries(variant.subjects.map((subject) => [subject, MMLU_CATEGORY[subject]!])),
    },
    load: (options: LoadSuiteOptions) => loadMmlu(variant, options),
  })),
  ...(["truthfulqa_mc1", "truthfulqa_mc2", "truthfulqa_gen"] as TruthfulqaSuite[]).map((id) => ({
    info: {
      id,
      title: `TruthfulQA ${id === "truthfulqa_gen" ? "generation" : id.slice(-3).toUpperCase()}`,
      version: TRUTHFULQA_VERSIONS[id],
      outputType: id === "truthfulqa_gen" ? ("generate_until" as const) : ("multiple_choice" as const),
      primaryMetric: id === "truthfulqa_gen" ? "bleu_acc" : "acc",
      shots: { default: 0, max: 0 },
      data: ["hub", "local", "sample"] as DataKind[],
      hubDataset: TRUTHFULQA_HUB_REPO,
    },
    load: (options: LoadSuiteOptions) => loadTruthfulqa(id, options),
  })),
  ...[false, true].flatMap((generation) =>
    ARITHMETIC_TASKS.map((task) => ({
      info: {
        id: `arithmetic_${task}${generation ? "_gen" : ""}`,
        title: `Arithmetic: ${arithmeticTitles[task]}${generation ? " (generation)" : ""}`,
        version: ARITHMETIC_VERSION,
        outputType: generation ? ("generate_until" as const) : ("loglikelihood" as const),
        primaryMetric: generation ? "exact_match" : "acc",
        shots: { default: 0, max: 0 },
        data: ["generated", "hub", "local", "sample"] as DataKind[],
        hubDataset: ARITHMETIC_HUB_REPO,
      },
      load: (options: LoadSuiteOptions) => loadArithmetic(task, generation, options),
    })),
  ),
];

/** The built-in suites, in a stable order. */
export const BUILTIN_SUITES: readonly SuiteInfo[] = builtins.map(({ info }) => info);

/** Names that stand for several suites. */
export const SUITE_GROUPS: Readonly<Record<string, readonly string[]>> = {
  /** What the site's leaderboard ranks: lm-evaluation-harness's settings, loglikelihood suites only. */
  leaderboard: ["mmlu", "truthfulqa_mc1", "truthfulqa_mc2", ...ARITHMETIC_TASKS.map((task) => `arithmetic_${task}`)],
  truthfulqa: ["truthfulqa_mc1", "truthfulqa_mc2", "truthfulqa_gen"],
  arithmetic: ARITHMETIC_TASKS.map((task) => `arithmetic_${task}`),
  arithmetic_gen: ARITHMETIC_TASKS.map((task) => `arithmetic_${task}_gen`),
  /** The leaderboard for models that only generate (chat APIs): MMLU generative, TruthfulQA generation, arithmetic. */
  leaderboard_gen: ["mmlu_generative", "truthfulqa_gen", ...ARITHMETIC_TASKS.map((task) => `arithmetic_${task}_gen`)],
};

/** A name that is neither a suite nor a group; `known` lists what would have been. */
export class UnknownSuiteError extends SuiteError {
  constructor(
    readonly suite: string,
    readonly known: readonly string[],
  ) {
    super(`no suite or suite group "${suite}"`);
    this.name = "UnknownSuiteError";
  }
}

/** The custom suites in the io's suites folder, by id. */
async function customSuiteIds(io: SuiteIo | undefined): Promise<string[]> {
  if (io?.suitesDir === undefined || io.files.list === undefined) return [];
  const names = (await io.files.list(io.suitesDir)) ?? [];
  return names.filter((name) => name.endsWith(".yaml")).map((name) => name.slice(0, -".yaml".length));
}

/** Every suite: the built-ins, then the custom suites declared in the io's suites folder. */
export async function listSuites(io?: SuiteIo): Promise<SuiteInfo[]> {
  const custom: SuiteInfo[] = [];
  for (const id of await customSuiteIds(io)) {
    if (BUILTIN_SUITES.some((suite) => suite.id === id)) continue;
    const suite = await readCustomSuite(io!.files, joinPath(io!.suitesDir!, `${id}.yaml`));
    custom.push({
      id,
      title: suite.title ?? id,
      version: suite.version,
      outputType: suite.output_type,
      primaryMetric: customSuiteTask(suite).primaryMetric,
      // A custom suite may run with more shots, up to the size of its few-shot file.
      shots: { default: suite.num_fewshot, max: suite.num_fewshot },
      data: ["local"],
      file: suite.file,
    });
  }
  return [...BUILTIN_SUITES, ...custom];
}

/** Suite ids for names that may be groups, each once, in order. */
export async function expandSuites(names: readonly string[], io?: SuiteIo): Promise<string[]> {
  const ids: string[] = [];
  let known: string[] | undefined;
  for (const name of names) {
    const group = SUITE_GROUPS[name];
    if (group !== undefined) ids.push(...group);
    else {
      known ??= [...(await listSuites(io)).map((suite) => suite.id), ...Object.keys(SUITE_GROUPS)];
      if (!known.includes(name)) throw new UnknownSuiteError(name, known);
      ids.push(name);
    }
  }
  return [...new Set(ids)];
}

/**
 * One suite ready to run: its documents loaded (from the Hub, a local copy, the samples or the generator), the
 * shot count and limit applied, and its requests built exactly as lm-evaluation-harness builds them.
 */
export async function loadSuiteRun(id: string, options: LoadSuiteOptions): Promise<SuiteRun> {
  const builtin = builtins.find((suite) => suite.info.id === id);
  if (builtin !== undefined) {
    const { info } = builtin;
    if (options.data !== undefined && !info.data.includes(options.data.kind))
      throw new SuiteError(`${id} takes its data from ${info.data.join(", ")}, not ${options.data.kind}`);
    if (options.shots !== undefined && (options.shots < 0 || options.shots > info.shots.max))
      throw new SuiteError(
        info.shots.max === 0
          ? `${id} is 0-shot, as lm-evaluation-harness runs it`
          : `${id} takes 0 to ${info.shots.max} shots, not ${options.shots}`,
      );
    if (options.limit !== undefined && (!Number.isInteger(options.limit) || options.limit < 1))
      throw new SuiteError(`limit must be a positive integer, not ${options.limit}`);
    return builtin.load(options);
  }
  const { io } = options;
  if (SUITE_GROUPS[id] !== undefined)
    throw new SuiteError(`${id} is a group of suites (${SUITE_GROUPS[id]!.join(", ")}): name one`);
  if (io.suitesDir !== undefined) {
    const file = joinPath(io.suitesDir, `${id}.yaml`);
    if ((await io.files.read(file)) !== undefined)
      return loadCustomSuite(await readCustomSuite(io.files, file), options);
  }
  throw new UnknownSuiteError(id, [...(await listSuites(io)).map((suite) => suite.id), ...Object.keys(SUITE_GROUPS)]);
}
