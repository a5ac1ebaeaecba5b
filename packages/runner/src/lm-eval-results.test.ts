import { readFileSync } from "node:fs";
import { MMLU_CATEGORY, MMLU_SUBJECTS, aggregateScores, type ResultRecord } from "@zoo/suites";
import { describe, expect, it } from "vitest";
import { LmEvalResultsError, fromLmEvalResults, toLmEvalResults } from "./lm-eval-results.ts";

const FILE = "results_2024-11-15T07-57-37.json";
const FIXTURE: unknown = JSON.parse(
  readFileSync(new URL("../fixtures/lm-eval/results_mmlu_truthfulqa.json", import.meta.url), "utf8"),
);
const ENVIRONMENT = { zoo_version: "0.1.0", node: "v20.20.2", platform: "linux-x64" };
const OPTIONS = { modelId: "pythia-160m", environment: ENVIRONMENT, file: FILE };

/** A copy of the parsed file with the value at `path` replaced, or removed where `value` is undefined. */
function edit(json: unknown, path: readonly string[], value: unknown): unknown {
  const copy = structuredClone(json) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  if (value === undefined) delete node[path.at(-1)!];
  else node[path.at(-1)!] = value;
  return copy;
}

const imported = (json: unknown) => fromLmEvalResults(json, OPTIONS);
const failure = (json: unknown) => () => imported(json);

/** What every record read from the fixture shares. */
const FROM_FIXTURE = {
  schema_version: 1,
  model: {
    id: "pythia-160m",
    adapter: "lm-eval",
    repo: "EleutherAI/pythia-160m",
    revision: "50f5173d932e8e61f858120bcb800b97af589f46",
    dtype: "float16",
  },
  limit: null,
  // 5,006 documents over the run's 1,523.85 seconds, gsm8k's included: lm-evaluation-harness ran them together.
  timings: { wall_seconds: 1523.847102880478, items_per_second: 3.285, tokens_per_second: null },
  environment: ENVIRONMENT,
  date: "2024-11-15T07:32:13.517Z",
} as const;

const ORIGIN = {
  tool: "lm-evaluation-harness",
  model_type: "hf",
  model_args: "pretrained=EleutherAI/pythia-160m,revision=step143000,dtype=float16,trust_remote_code=True",
  version: "0.4.11",
} as const;

const acc = (value: number, stderr: number | null) => ({ acc: { value, stderr } });

describe("fromLmEvalResults", () => {
  it("reads one record per task zoo knows, mmlu as one record of its groups, and names the rest", () => {
    const { records, skipped } = imported(FIXTURE);
    expect(skipped).toEqual(["gsm8k"]);
    expect(records).toEqual([
      {
        ...FROM_FIXTURE,
        suite: {
          id: "arithmetic_2da",
          version: "1.0",
          primary_metric: "acc",
          chance: 0,
          dataset: { id: "EleutherAI/arithmetic", revision: null, hash: null, sample: false },
        },
        shots: 0,
        limited: false,
        documents: 2000,
        metrics: acc(0.0125, 0.0024849471787626834),
        groups: [],
        imported_from: { ...ORIGIN, task: "arithmetic_2da" },
      },
      {
        ...FROM_FIXTURE,
        suite: {
          id: "mmlu",
          version: "1.0",
          primary_metric: "acc",
          chance: 0.25,
          dataset: { id: "cais/mmlu", revision: null, hash: null, sample: false },
        },
        shots: 0,
        // 5 of MMLU's 57 subjects: fewer documents than the suite holds.
        limited: true,
        documents: 870,
        metrics: acc(0.2425287356321839, 0.014562026636236887),
        groups: [
          {
            kind: "category",
            name: "humanities",
            documents: 437,
            metrics: acc(0.2494279176201373, 0.02072746031525896),
          },
          {
            kind: "category",
            name: "social_sciences",
            documents: 198,
            metrics: acc(0.2474747474747475, 0.030746300742124484),
          },
          { kind: "category", name: "stem", documents: 235, metrics: acc(0.225531914893617, 0.027377867854863316) },
          { kind: "subject", name: "abstract_algebra", documents: 100, metrics: acc(0.22, 0.04163331998932266) },
          { kind: "subject", name: "anatomy", documents: 135, metrics: acc(0.22962962962962963, 0.03633384414073468) },
          {
            kind: "subject",
            name: "formal_logic",
            documents: 126,
            metrics: acc(0.2777777777777778, 0.04006168083848877),
          },
          {
            kind: "subject",
            name: "high_school_geography",
            documents: 198,
            metrics: acc(0.2474747474747475, 0.030746300742124484),
          },
          {
            kind: "subject",
            name: "philosophy",
            documents: 311,
            metrics: acc(0.2379421221864952, 0.024185150647818683),
          },
        ],
        imported_from: { ...ORIGIN, task: "mmlu" },
      },
      {
        ...FROM_FIXTURE,
        suite: {
          id: "truthfulqa_mc2",
          version: "2.0",
          primary_metric: "acc",
          chance: null,
          dataset: { id: "truthfulqa/truthful_qa", revision: null, hash: null, sample: false },
        },
        shots: 0,
        limited: false,
        documents: 817,
        metrics: acc(0.4079436734452853, 0.014606839137447434),
        groups: [],
        imported_from: { ...ORIGIN, task: "truthfulqa_mc2" },
      },
    ]);
  });

  it("takes the limit from the config and calls a task limited when it scored fewer documents than it holds", () => {
    let json = edit(FIXTURE, ["config", "limit"], 100.0);
    json = edit(json, ["n-samples", "truthfulqa_mc2"], { original: 817, effective: 100 });
    const truthfulqa = imported(json).records.find((record) => record.suite.id === "truthfulqa_mc2")!;
    expect([truthfulqa.limit, truthfulqa.limited, truthfulqa.documents]).toEqual([100, true, 100]);
  });

  it('reads a standard error of "N/A" as none, in tasks and in groups', () => {
    let json = edit(FIXTURE, ["results", "truthfulqa_mc2", "acc_stderr,none"], "N/A");
    json = edit(json, ["results", "mmlu_stem", "acc_stderr,none"], "N/A");
    const [, mmlu, truthfulqa] = imported(json).records;
    expect(truthfulqa!.metrics).toEqual(acc(0.4079436734452853, null));
    expect(mmlu!.groups[2]).toEqual({
      kind: "category",
      name: "stem",
      documents: 235,
      metrics: acc(0.225531914893617, null),
    });
  });

  it("reads model_args as older versions write them, the revision asked for when the Hub's commit is not given, and the git hash over the version", () => {
    let json = edit(
      FIXTURE,
      ["config", "model_args"],
      "pretrained=EleutherAI/pythia-160m,revision=step143000,dtype=float16",
    );
    json = edit(json, ["config", "model_sha"], "");
    json = edit(json, ["git_hash"], "4600d6bf");
    const [record] = imported(json).records;
    expect(record!.model).toEqual({
      id: "pythia-160m",
      adapter: "lm-eval",
      repo: "EleutherAI/pythia-160m",
      revision: "step143000",
      dtype: "float16",
    });
    expect(record!.imported_from).toEqual({
      ...ORIGIN,
      model_args: "pretrained=EleutherAI/pythia-160m,revision=step143000,dtype=float16",
      version: "4600d6bf",
      task: "arithmetic_2da",
    });
  });

  it("takes a metric under its one filter when it has none called none", () => {
    const json = edit(FIXTURE, ["results", "arithmetic_2da"], {
      alias: "arithmetic_2da",
      "acc,take_first": 0.0125,
      "acc_stderr,take_first": 0.0024849471787626834,
    });
    expect(imported(json).records[0]!.metrics).toEqual(acc(0.0125, 0.0024849471787626834));
  });

  it("has no time for a file without one, and takes the dataset revision the task config pins", () => {
    let json = edit(FIXTURE, ["total_evaluation_time_seconds"], undefined);
    json = edit(json, ["configs", "truthfulqa_mc2", "dataset_kwargs"], { revision: "741b827" });
    const truthfulqa = imported(json).records[2]!;
    expect(truthfulqa.timings).toEqual({ wall_seconds: 0, items_per_second: 0, tokens_per_second: null });
    expect(truthfulqa.suite.dataset).toEqual({
      id: "truthfulqa/truthful_qa",
      revision: "741b827",
      hash: null,
      sample: false,
    });
  });

  it("rejects what is not lm-evaluation-harness's results file with one line naming the key", () => {
    expect(failure([])).toThrow(new LmEvalResultsError(`${FILE}: the file is a list, not an object`));
    expect(() => fromLmEvalResults("results", { ...OPTIONS, file: undefined })).toThrow(
      'lm-evaluation-harness results: the file is "results", not an object',
    );
    expect(failure({})).toThrow(`${FILE}: results is missing`);
    expect(failure(edit(FIXTURE, ["results", "truthfulqa_mc2", "acc,none"], "0.41"))).toThrow(
      `${FILE}: results.truthfulqa_mc2["acc,none"] is "0.41", not a number`,
    );
    expect(failure(edit(FIXTURE, ["results", "truthfulqa_mc2", "acc_stderr,none"], "none"))).toThrow(
      `${FILE}: results.truthfulqa_mc2["acc_stderr,none"] is "none", not a standard error or "N/A"`,
    );
    expect(
      failure(edit(FIXTURE, ["results", "truthfulqa_mc2"], { alias: "truthfulqa_mc2", "acc_norm,none": 0.41 })),
    ).toThrow(`${FILE}: results.truthfulqa_mc2 has no acc metric, which zoo ranks truthfulqa_mc2 by`);
    expect(
      failure(edit(FIXTURE, ["results", "arithmetic_2da"], { alias: "arithmetic_2da", "acc,a": 0.1, "acc,b": 0.2 })),
    ).toThrow(`${FILE}: results.arithmetic_2da has acc under several filters (a, b) and none named none`);
    expect(failure(edit(FIXTURE, ["n-samples", "arithmetic_2da"], undefined))).toThrow(
      `${FILE}: n-samples.arithmetic_2da is missing`,
    );
    expect(failure(edit(FIXTURE, ["results", "mmlu_stem"], undefined))).toThrow(
      `${FILE}: results.mmlu_stem is missing`,
    );
    expect(failure(edit(FIXTURE, ["n-shot", "mmlu_philosophy"], 5))).toThrow(
      `${FILE}: n-shot.mmlu_philosophy is 5, but n-shot.mmlu_abstract_algebra is 0: zoo's mmlu has one`,
    );
    expect(failure(edit(FIXTURE, ["versions", "truthfulqa_mc2"], null))).toThrow(
      `${FILE}: versions.truthfulqa_mc2 is null, not a version`,
    );
    expect(failure(edit(FIXTURE, ["config", "limit"], 0.1))).toThrow(
      `${FILE}: config.limit is 0.1, not a number of documents per task (a fraction, which zoo cannot state)`,
    );
    expect(failure(edit(FIXTURE, ["config", "model"], undefined))).toThrow(`${FILE}: config.model is missing`);
    expect(failure(edit(FIXTURE, ["config", "model_args"], ["pretrained=gpt2"]))).toThrow(
      `${FILE}: config.model_args is a list, not key=value text or an object`,
    );
    expect(failure(edit(FIXTURE, ["total_evaluation_time_seconds"], "soon"))).toThrow(
      `${FILE}: total_evaluation_time_seconds is "soon", not a number of seconds`,
    );
    expect(failure(edit(FIXTURE, ["date"], "2024-11-15"))).toThrow(`${FILE}: date is "2024-11-15", not a number`);
  });
});

const DATE = "2026-11-23T19:40:00.000Z";

/** What zoo's runner writes for a run of the transformers.js adapter, less the suite's own part. */
function zooRecord(
  record: Pick<ResultRecord, "suite" | "shots" | "documents" | "metrics" | "groups"> & Partial<ResultRecord>,
) {
  return {
    schema_version: 1,
    model: {
      id: "pythia-160m",
      adapter: "transformers-js",
      repo: "onnx-community/pythia-160m",
      revision: "1f2e3d4c",
      dtype: "q8",
      device: "cpu",
    },
    limit: null,
    limited: false,
    timings: { wall_seconds: 812.4, items_per_second: 17.286, tokens_per_second: 9120.5 },
    environment: { ...ENVIRONMENT, onnxruntime: "1.30.0", transformers_js: "4.3.2" },
    date: DATE,
    ...record,
  } satisfies ResultRecord;
}

const HASH = `sha256:${"ab".repeat(32)}`;

/** An MMLU record as zoo aggregates it: every subject, `documents(index)` documents each, some answered right. */
function mmluRecord(documents: (index: number) => number, overrides: Partial<ResultRecord> = {}): ResultRecord {
  const scored = MMLU_SUBJECTS.flatMap((subject, index) =>
    Array.from({ length: documents(index) }, (_, doc) => ({
      document: { group: subject },
      metrics: { acc: (index + doc) % 3 === 0 ? 1 : 0 },
    })),
  );
  const { metrics, groups } = aggregateScores(scored, MMLU_CATEGORY);
  return zooRecord({
    suite: {
      id: "mmlu",
      version: "1.0",
      primary_metric: "acc",
      chance: 0.25,
      dataset: { id: "cais/mmlu", revision: "c30699e8", hash: HASH, sample: false },
    },
    shots: 5,
    documents: scored.length,
    metrics,
    groups,
    ...overrides,
  });
}

const TRUTHFULQA = zooRecord({
  suite: {
    id: "truthfulqa_mc2",
    version: "2.0",
    primary_metric: "acc",
    chance: 0.2271,
    dataset: { id: "truthfulqa/truthful_qa", revision: "741b8276", hash: HASH, sample: false },
  },
  shots: 0,
  documents: 817,
  metrics: acc(0.3871, 0.0141),
  groups: [],
  timings: { wall_seconds: 95.6, items_per_second: 8.546, tokens_per_second: 9001 },
  date: "2026-11-23T19:20:00.000Z",
});

const ARITHMETIC = zooRecord({
  suite: {
    id: "arithmetic_2da",
    version: "1.0",
    primary_metric: "acc",
    chance: 0,
    dataset: { id: "zoo/arithmetic-generator", revision: "seed-1234", hash: HASH, sample: false },
  },
  shots: 0,
  documents: 2000,
  // One value for every document, which lm-evaluation-harness writes as "N/A".
  metrics: acc(0, null),
  groups: [],
  timings: { wall_seconds: 40.25, items_per_second: 49.689, tokens_per_second: 9200 },
});

const MMLU = mmluRecord((index) => 3 + (index % 4));

describe("toLmEvalResults", () => {
  const file = toLmEvalResults([TRUTHFULQA, MMLU, ARITHMETIC]);
  const subjects = MMLU.groups.filter((group) => group.kind === "subject");
  const anatomy = subjects.find((group) => group.name === "anatomy")!;
  const stem = MMLU.groups.find((group) => group.name === "stem")!;

  it("writes lm-evaluation-harness's layout, with the keys a zoo run can fill", () => {
    expect(Object.keys(file)).toEqual([
      "results",
      "groups",
      "group_subtasks",
      "configs",
      "versions",
      "n-shot",
      "higher_is_better",
      "n-samples",
      "config",
      "git_hash",
      "date",
      "task_hashes",
      "model_source",
      "model_name",
      "model_name_sanitized",
      "system_instruction",
      "system_instruction_sha",
      "fewshot_as_multiturn",
      "chat_template",
      "chat_template_sha",
      "total_evaluation_time_seconds",
    ]);
    expect(file.config).toEqual({
      model: "transformers-js",
      model_args: "pretrained=onnx-community/pythia-160m,revision=1f2e3d4c,dtype=q8",
      batch_size: null,
      device: "cpu",
      limit: null,
    });
    expect(file).toMatchObject({
      git_hash: null,
      date: 1795461600,
      task_hashes: {},
      model_source: "transformers-js",
      model_name: "onnx-community/pythia-160m",
      model_name_sanitized: "onnx-community__pythia-160m",
      system_instruction: null,
      system_instruction_sha: null,
      fewshot_as_multiturn: false,
      chat_template: null,
      chat_template_sha: null,
      total_evaluation_time_seconds: "948.25",
    });
  });

  it("writes each task's row with its alias and metrics under the filter none, and N/A for no standard error", () => {
    expect(file.results["truthfulqa_mc2"]).toEqual({
      alias: "truthfulqa_mc2",
      "acc,none": 0.3871,
      "acc_stderr,none": 0.0141,
    });
    expect(file.results["arithmetic_2da"]).toEqual({
      alias: "arithmetic_2da",
      "acc,none": 0,
      "acc_stderr,none": "N/A",
    });
    expect(file.results["mmlu_anatomy"]).toEqual({
      alias: "  - anatomy",
      "acc,none": anatomy.metrics["acc"]!.value,
      "acc_stderr,none": anatomy.metrics["acc"]!.stderr,
    });
  });

  it("writes mmlu as lm-evaluation-harness's group of four category groups of 57 subject tasks", () => {
    const names = Object.keys(file.results);
    expect(names.length).toBe(64);
    expect(names.slice(0, 5)).toEqual([
      "arithmetic_2da",
      "mmlu",
      "mmlu_humanities",
      "mmlu_formal_logic",
      "mmlu_high_school_european_history",
    ]);
    expect(names.slice(-3)).toEqual(["mmlu_high_school_statistics", "mmlu_machine_learning", "truthfulqa_mc2"]);
    expect(file.results["mmlu"]).toEqual({
      "acc,none": MMLU.metrics["acc"]!.value,
      "acc_stderr,none": MMLU.metrics["acc"]!.stderr,
      alias: "mmlu",
    });
    expect(file.results["mmlu_stem"]).toEqual({
      "acc,none": stem.metrics["acc"]!.value,
      "acc_stderr,none": stem.metrics["acc"]!.stderr,
      alias: " - stem",
    });
    expect(file.results["mmlu_social_sciences"]!.alias).toBe(" - social sciences");
    expect(file.groups).toEqual({
      mmlu: file.results["mmlu"],
      mmlu_humanities: file.results["mmlu_humanities"],
      mmlu_other: file.results["mmlu_other"],
      mmlu_social_sciences: file.results["mmlu_social_sciences"],
      mmlu_stem: file.results["mmlu_stem"],
    });
    expect(Object.keys(file.group_subtasks)).toEqual([
      "truthfulqa_mc2",
      "mmlu_humanities",
      "mmlu_social_sciences",
      "mmlu_other",
      "mmlu_stem",
      "mmlu",
      "arithmetic_2da",
    ]);
    expect(file.group_subtasks["mmlu"]).toEqual(["mmlu_stem", "mmlu_other", "mmlu_social_sciences", "mmlu_humanities"]);
    expect(file.group_subtasks["mmlu_social_sciences"]).toEqual([
      "mmlu_econometrics",
      "mmlu_high_school_geography",
      "mmlu_high_school_government_and_politics",
      "mmlu_high_school_macroeconomics",
      "mmlu_high_school_microeconomics",
      "mmlu_high_school_psychology",
      "mmlu_human_sexuality",
      "mmlu_professional_psychology",
      "mmlu_public_relations",
      "mmlu_security_studies",
      "mmlu_sociology",
      "mmlu_us_foreign_policy",
    ]);
    expect(file.group_subtasks["truthfulqa_mc2"]).toEqual([]);
  });

  it("writes each task's config, version, shots, sizes and the metrics' direction", () => {
    expect(file.configs["mmlu_anatomy"]).toEqual({
      task: "mmlu_anatomy",
      dataset_path: "cais/mmlu",
      dataset_kwargs: { revision: "c30699e8" },
      num_fewshot: 5,
      output_type: "multiple_choice",
      metric_list: [{ metric: "acc", aggregation: "mean", higher_is_better: true }],
      metadata: { version: 1 },
    });
    expect(file.configs["arithmetic_2da"]).toEqual({
      task: "arithmetic_2da",
      dataset_path: "zoo/arithmetic-generator",
      dataset_kwargs: { revision: "seed-1234" },
      num_fewshot: 0,
      output_type: "loglikelihood",
      metric_list: [{ metric: "acc", aggregation: "mean", higher_is_better: true }],
      metadata: { version: 1 },
    });
    expect(Object.keys(file.configs)).toEqual(Object.keys(file["n-samples"]));
    expect(Object.keys(file.configs).length).toBe(59);
    expect([file.versions["truthfulqa_mc2"], file.versions["mmlu_anatomy"], file["n-shot"]["mmlu_anatomy"]]).toEqual([
      2, 1, 5,
    ]);
    expect(file["n-samples"]["mmlu_anatomy"]).toEqual({ original: 4, effective: 4 });
    expect(file["n-samples"]["truthfulqa_mc2"]).toEqual({ original: 817, effective: 817 });
    expect(file.higher_is_better["mmlu_stem"]).toEqual({ acc: true });
    expect(Object.keys(file.higher_is_better).length).toBe(64);
  });

  it("states the whole dataset beside the documents of a limited run", () => {
    const limited = toLmEvalResults([
      mmluRecord(() => 3, { limit: 3, limited: true }),
      { ...TRUTHFULQA, limit: 3, limited: true, documents: 3 },
    ]);
    expect(limited.config.limit).toBe(3);
    expect(limited["n-samples"]["mmlu_professional_law"]).toEqual({ original: 1534, effective: 3 });
    expect(limited["n-samples"]["truthfulqa_mc2"]).toEqual({ original: 817, effective: 3 });
    const held = (category: string) =>
      MMLU_SUBJECTS.filter((subject) => MMLU_CATEGORY[subject] === category).reduce(
        (total, subject) => total + limited["n-samples"][`mmlu_${subject}`]!.original,
        0,
      );
    expect(["stem", "humanities", "social_sciences", "other"].map(held)).toEqual([3153, 4705, 3077, 3107]);
  });

  it("writes an imported result as the run lm-evaluation-harness made", () => {
    const again = toLmEvalResults(imported(FIXTURE).records);
    expect(again.config).toEqual({
      model: "hf",
      model_args: ORIGIN.model_args,
      batch_size: null,
      device: null,
      limit: null,
    });
    expect(again.total_evaluation_time_seconds).toBe("1523.847102880478");
    expect(again.model_name_sanitized).toBe("EleutherAI__pythia-160m");
    expect("chat_template" in again).toBe(false);
  });

  it("refuses records it cannot write as one lm-evaluation-harness run", () => {
    expect(() => toLmEvalResults([])).toThrow(new LmEvalResultsError("no records to write"));
    expect(() => toLmEvalResults([MMLU, { ...TRUTHFULQA, model: { id: "gpt2", adapter: "random" } }])).toThrow(
      "records of 2 models (pythia-160m, gpt2): an lm-evaluation-harness results file holds one model's",
    );
    expect(() => toLmEvalResults([MMLU, { ...MMLU, shots: 0 }])).toThrow(
      "two records of mmlu (5-shot and 0-shot): the file holds one result per task",
    );
    expect(() => toLmEvalResults([MMLU, { ...TRUTHFULQA, limit: 100, limited: true, documents: 100 }])).toThrow(
      "the records ran with different limits (none, 100): the file has one",
    );
    expect(() => toLmEvalResults([{ ...ARITHMETIC, model: { ...ARITHMETIC.model, dtype: "fp16" } }, MMLU])).toThrow(
      "mmlu ran transformers-js pretrained=onnx-community/pythia-160m,revision=1f2e3d4c,dtype=q8, arithmetic_2da ran transformers-js pretrained=onnx-community/pythia-160m,revision=1f2e3d4c,dtype=fp16: the file describes one run",
    );
    expect(() =>
      toLmEvalResults([
        {
          ...MMLU,
          suite: { ...MMLU.suite, dataset: { id: "zoo/mmlu-sample", revision: null, hash: HASH, sample: true } },
        },
      ]),
    ).toThrow(
      "mmlu ran on zoo's offline samples (zoo/mmlu-sample), not on the benchmark lm-evaluation-harness calls mmlu",
    );
    expect(() => toLmEvalResults([{ ...TRUTHFULQA, shard: { index: 1, count: 4 } }])).toThrow(
      "truthfulqa_mc2 is shard 1 of 4: merge the shards first (zoo results merge)",
    );
    expect(() => toLmEvalResults([{ ...TRUTHFULQA, suite: { ...TRUTHFULQA.suite, id: "capitals" } }])).toThrow(
      "capitals is not one of zoo's built-in suites, which mirror lm-evaluation-harness's tasks",
    );
    expect(() => toLmEvalResults([{ ...MMLU, groups: [] }])).toThrow(
      "mmlu has no subject rows, the tasks lm-evaluation-harness's mmlu group is made of",
    );
    expect(() =>
      toLmEvalResults([
        {
          ...TRUTHFULQA,
          limit: 3,
          limited: true,
          suite: { ...TRUTHFULQA.suite, dataset: { ...TRUTHFULQA.suite.dataset, id: "acme/truthfulqa-mirror" } },
        },
      ]),
    ).toThrow(
      "truthfulqa_mc2 is limited, and how many documents acme/truthfulqa-mirror holds is not known: n-samples needs it",
    );
  });
});

/** What a round trip must keep of a record. */
function kept(record: ResultRecord) {
  const { model, suite, shots, limit, limited, documents, metrics, groups } = record;
  return {
    model: { repo: model.repo, revision: model.revision, dtype: model.dtype },
    suite: { ...suite, dataset: { ...suite.dataset, hash: null } },
    shots,
    limit,
    limited,
    documents,
    metrics,
    groups,
  };
}

/** Through lm-evaluation-harness's file, as written to disk and read back. */
const roundTrip = (records: ResultRecord[]) =>
  fromLmEvalResults(JSON.parse(JSON.stringify(toLmEvalResults(records))), OPTIONS);

describe("a round trip through lm-evaluation-harness's results file", () => {
  it("keeps the metrics, groups, shots, limit and documents of zoo's records", () => {
    const { records, skipped } = roundTrip([TRUTHFULQA, MMLU, ARITHMETIC]);
    expect(skipped).toEqual([]);
    expect(records.map(kept)).toEqual(
      // TruthfulQA's chance comes from its documents' choices, which lm-evaluation-harness's file does not give.
      [ARITHMETIC, MMLU, { ...TRUTHFULQA, suite: { ...TRUTHFULQA.suite, chance: null } }].map(kept),
    );
    expect(records[0]!.imported_from).toEqual({
      tool: "lm-evaluation-harness",
      model_type: "transformers-js",
      model_args: "pretrained=onnx-community/pythia-160m,revision=1f2e3d4c,dtype=q8",
      version: null,
      task: "arithmetic_2da",
    });
    expect(records[0]!.date).toBe("2026-11-23T19:20:00.000Z");
  });

  it("keeps a limited run limited, with its limit", () => {
    const limited = mmluRecord((index) => Math.min(2, 1 + index), { limit: 2, limited: true });
    const [record] = roundTrip([limited]).records;
    expect(kept(record!)).toEqual(kept(limited));
    expect(record!.timings).toEqual({ wall_seconds: 812.4, items_per_second: 0.139, tokens_per_second: null });
  });

  it("keeps an imported result's scores and its run's time, less what zoo's file does not say", () => {
    const { records } = imported(FIXTURE);
    const again = roundTrip(records).records;
    const scores = ({ model: _model, ...rest }: ReturnType<typeof kept>) => rest;
    expect(again.map(kept).map(scores)).toEqual(records.map(kept).map(scores));
    // The file zoo writes has no Hub commit (model_sha) and no version of lm-evaluation-harness: model_args names
    // the revision asked for.
    expect([again[0]!.model.revision, again[0]!.imported_from!.version]).toEqual(["step143000", null]);
    // The same time, now over the 3,687 documents of the tasks zoo kept.
    expect(again[0]!.timings).toEqual({
      wall_seconds: 1523.847102880478,
      items_per_second: 2.42,
      tokens_per_second: null,
    });
  });
});
