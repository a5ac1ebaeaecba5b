import { exportCatalog, type DerivedFacts, type DescribedModel, type Figure, type ModelEntry } from "@zoo/catalog";
import type { ResultRecord } from "@zoo/suites";
import { boards } from "./boards.ts";
import { combine } from "./combined.ts";
import type { CsvColumn } from "./csv.ts";
import { defaultCombination, representativeScores, type BoardRow, type SuiteBoard } from "./leaderboard.ts";
import { cleanPercent, columnLabel, scoreTable } from "./score-columns.ts";
import type { SiteData } from "./site-data.ts";

/**
 * Bumped when a field of /api/results.json, /api/models/<id>.json or /api/leaderboards/*.json (or a column of the
 * CSV files) is removed or changes meaning.
 */
export const RESULTS_EXPORT_VERSION = 1;

export interface ExportedRun {
  /** The run's id: its page is /runs/<id>/ and its record /api/runs/<id>.json. */
  id: string;
  /** Whether leaderboards may rank it (not sample data, not limited, not a shard). */
  ranked: boolean;
  record: ResultRecord;
}

export interface ExportedReported {
  model: string;
  benchmark: string;
  /** Percent, as the source prints it. */
  value: number;
  shots: number;
  /** direct, chain-of-thought, maj@K, pass@K or other: with shots, the setting the score was measured in. */
  method: string;
  /** maker, or third-party. */
  by: string;
  source: string;
  date: string;
  note?: string;
}

export interface ResultsExport {
  version: typeof RESULTS_EXPORT_VERSION;
  /** The version of the result records inside (@zoo/suites' RESULT_RECORD_VERSION). */
  record_version: number;
  runs: ExportedRun[];
  reported: ExportedReported[];
}

export interface ModelExport {
  version: typeof RESULTS_EXPORT_VERSION;
  model: ModelEntry & { derived: DerivedFacts };
  runs: ExportedRun[];
  reported: ExportedReported[];
}

function runs(data: SiteData, modelId?: string): ExportedRun[] {
  return (modelId === undefined ? data.results : data.resultsOf(modelId)).map(({ id, record }) => ({
    id,
    ranked: !data.scoreOfRun(id).unranked,
    record,
  }));
}

function reported(data: SiteData, modelId?: string): ExportedReported[] {
  return data.models
    .filter(({ entry }) => modelId === undefined || entry.id === modelId)
    .flatMap(({ entry }) =>
      (entry.reported ?? []).map(({ benchmark, value, shots, method, by, source, date, note }) => ({
        model: entry.id,
        benchmark,
        value,
        shots,
        method,
        by,
        source,
        date,
        ...(note ? { note } : {}),
      })),
    );
}

export function resultsExport(data: SiteData, recordVersion: number): ResultsExport {
  return { version: RESULTS_EXPORT_VERSION, record_version: recordVersion, runs: runs(data), reported: reported(data) };
}

export function modelExport(data: SiteData, id: string): ModelExport {
  const model = exportCatalog({ ...data.catalog, models: data.catalog.models.filter((entry) => entry.id === id) })
    .models[0]!;
  return { version: RESULTS_EXPORT_VERSION, model, runs: runs(data, id), reported: reported(data, id) };
}

/** One row of a suite's leaderboard as /api/leaderboards/<suite>.json and .csv give it; scores in percent. */
export interface LeaderboardRowExport {
  /** Null for the rows that are never ranked. */
  rank: number | null;
  ranked: boolean;
  /** The catalogue id, or the run's label for a model outside the catalogue. */
  model: string;
  /** The name the leaderboard shows. */
  name: string;
  in_catalog: boolean;
  /** A random or always-first baseline run: a reference line. */
  baseline: boolean;
  provenance: "measured" | "reported";
  /** Reported: whether the model's maker published it, or a third party; null for measured scores. */
  by: "maker" | "third-party" | null;
  value: number;
  /** Percent points; null where the source published none (reported scores). */
  stderr: number | null;
  /** The 95% interval, ±1.96 standard errors (a point for reported scores). */
  low: number;
  high: number;
  shots: number;
  /** With the shots, the setting: direct, chain-of-thought, maj@K, pass@K or other. Only the standard one ranks. */
  method: string;
  /** Measured: the chat template the prompts were rendered with, when they were ("default", a name, or "api"). */
  chat_template: string | null;
  date: string;
  /** Measured: the run's id (/runs/<run>/). */
  run: string | null;
  /** Reported: the page that publishes the score. */
  source: string | null;
  /** Why an unranked row is not ranked: other setting, sample data, limited run, shard of a run, browser run. */
  unranked_reason: string | null;
}

export interface LeaderboardExport {
  version: typeof RESULTS_EXPORT_VERSION;
  /** The setting the leaderboard ranks: the benchmark's standard one. */
  suite: { id: string; title: string; chance: number | null; standard: { shots: number; method: string } };
  /** Ranked rows best first, then scores in other settings, then the runs never ranked: the page's order. */
  rows: LeaderboardRowExport[];
}

function leaderboardRow(row: BoardRow, otherSetting = false): LeaderboardRowExport {
  const { score } = row;
  return {
    rank: row.rank ?? null,
    ranked: row.rank !== undefined,
    model: score.modelId,
    name: row.label,
    in_catalog: row.inCatalog,
    baseline: row.baseline,
    provenance: score.provenance,
    by: score.by ?? null,
    value: cleanPercent(score.value),
    stderr: score.stderr === null ? null : cleanPercent(score.stderr),
    low: cleanPercent(score.interval.low),
    high: cleanPercent(score.interval.high),
    shots: score.shots,
    method: score.method,
    chat_template: score.chatTemplate ?? null,
    date: score.date,
    run: score.runId ?? null,
    source: score.source ?? null,
    unranked_reason: otherSetting ? "other setting" : (score.unranked ?? null),
  };
}

export function leaderboardExport(board: SuiteBoard): LeaderboardExport {
  return {
    version: RESULTS_EXPORT_VERSION,
    suite: {
      id: board.suite.id,
      title: board.suite.title,
      chance: board.suite.chance,
      standard: board.suite.standard,
    },
    rows: [
      ...board.ranked.map((row) => leaderboardRow(row)),
      ...board.reference.map((row) => leaderboardRow(row, true)),
      ...board.unranked.map((row) => leaderboardRow(row)),
    ],
  };
}

/** The columns of /api/leaderboards/<suite>.csv: the fields of each row of its JSON twin, in order. */
export const LEADERBOARD_CSV_COLUMNS: CsvColumn<LeaderboardRowExport>[] = [
  { name: "rank", description: "rank by interval overlap; empty for the rows never ranked", value: (row) => row.rank },
  { name: "ranked", description: "true or false", value: (row) => row.ranked },
  {
    name: "model",
    description: "catalogue id, or the label of a model outside the catalogue",
    value: (row) => row.model,
  },
  { name: "name", description: "the name the leaderboard shows", value: (row) => row.name },
  { name: "in_catalog", description: "true when the model has a catalogue entry", value: (row) => row.in_catalog },
  { name: "baseline", description: "true for the random and always-first baselines", value: (row) => row.baseline },
  {
    name: "provenance",
    description: "measured (run by zoo) or reported (published by a source)",
    value: (row) => row.provenance,
  },
  { name: "by", description: "reported: maker or third-party; empty for measured scores", value: (row) => row.by },
  { name: "value", description: "the score in percent", value: (row) => row.value },
  {
    name: "stderr",
    description: "standard error in percent points; empty for reported scores",
    value: (row) => row.stderr,
  },
  { name: "low", description: "lower end of the 95% interval", value: (row) => row.low },
  { name: "high", description: "upper end of the 95% interval", value: (row) => row.high },
  { name: "shots", description: "few-shot examples in the prompt", value: (row) => row.shots },
  {
    name: "method",
    description:
      "with the shots, the setting: direct, chain-of-thought, maj@K, pass@K or other; only the standard one ranks",
    value: (row) => row.method,
  },
  {
    name: "chat_template",
    description: "measured: the chat template the prompts were rendered with (default, a name, or api); empty for none",
    value: (row) => row.chat_template,
  },
  {
    name: "date",
    description: "when the run finished, or when the source published the score",
    value: (row) => row.date,
  },
  { name: "run", description: "measured: the run's id (its page is /runs/<run>/)", value: (row) => row.run },
  { name: "source", description: "reported: the page that publishes the score", value: (row) => row.source },
  {
    name: "unranked_reason",
    description: "why a row is not ranked: other setting, sample data, limited run, shard of a run or browser run",
    value: (row) => row.unranked_reason,
  },
];

/** One model's row of the combined leaderboard, over the benchmarks it combines by default. */
export interface CombinedRowExport {
  rank: number | null;
  model: string;
  name: string;
  /** Mean chance-normalised score; null unless the model has a score on every benchmark combined. */
  mean: number | null;
  stderr: number | null;
  low: number | null;
  high: number | null;
  /** How many of the combined benchmarks the model has a score on. */
  covered: number;
  /** True when some scores averaged came without a standard error, so the interval is too narrow. */
  partial_error: boolean;
  /** The score each combined benchmark contributes: the one that ranks the model on that benchmark's leaderboard. */
  scores: Record<string, { value: number; provenance: "measured" | "reported" }>;
}

export interface CombinedExport {
  version: typeof RESULTS_EXPORT_VERSION;
  /** The benchmarks averaged by default: the combination the most models share (defaultCombination). */
  benchmarks: { id: string; title: string; chance: number | null }[];
  rows: CombinedRowExport[];
}

/** The combined leaderboard as the page shows it before any choice: its default benchmarks, its order. */
export function combinedExport(data: SiteData): CombinedExport {
  const all = boards(data);
  const scores = all.flatMap(representativeScores);
  const chosen = defaultCombination(scores);
  const suites = all.map((board) => board.suite).filter((suite) => chosen.includes(suite.id));
  const clean = (value: number | undefined) => (value === undefined ? null : cleanPercent(value));
  return {
    version: RESULTS_EXPORT_VERSION,
    benchmarks: suites.map(({ id, title, chance }) => ({ id, title, chance })),
    rows: combine(scores, chosen).map((row) => ({
      rank: row.rank ?? null,
      model: row.modelId,
      name: data.model(row.modelId)?.entry.name ?? row.modelId,
      mean: clean(row.mean),
      stderr: clean(row.stderr),
      low: clean(row.interval?.low),
      high: clean(row.interval?.high),
      covered: row.covered.length,
      partial_error: row.partialError,
      scores: Object.fromEntries(
        suites.flatMap((suite) => {
          const score = scores.find((one) => one.modelId === row.modelId && one.suite === suite.id);
          return score ? [[suite.id, { value: cleanPercent(score.value), provenance: score.provenance }]] : [];
        }),
      ),
    })),
  };
}

/** The columns of /api/leaderboards/combined.csv: the row fields, then a value and a provenance per benchmark. */
export function combinedCsvColumns(exported: Pick<CombinedExport, "benchmarks">): CsvColumn<CombinedRowExport>[] {
  return [
    {
      name: "rank",
      description: "rank by interval overlap; empty for models lacking a benchmark",
      value: (row) => row.rank,
    },
    { name: "model", description: "catalogue id", value: (row) => row.model },
    { name: "name", description: "the model's name", value: (row) => row.name },
    { name: "mean", description: "mean chance-normalised score (chance 0, perfect 100)", value: (row) => row.mean },
    { name: "stderr", description: "pooled standard error, √Σse²/k", value: (row) => row.stderr },
    { name: "low", description: "lower end of the 95% interval", value: (row) => row.low },
    { name: "high", description: "upper end of the 95% interval", value: (row) => row.high },
    {
      name: "covered",
      description: "how many of the combined benchmarks the model has a score on",
      value: (row) => row.covered,
    },
    {
      name: "partial_error",
      description: "true when reported scores (no standard error) were averaged",
      value: (row) => row.partial_error,
    },
    ...exported.benchmarks.flatMap(({ id, title }) => [
      {
        name: id,
        description: `${title}: the score averaged, in percent`,
        value: (row: CombinedRowExport) => row.scores[id]?.value,
      },
      {
        name: `${id}_provenance`,
        description: `${title}: measured or reported`,
        value: (row: CombinedRowExport) => row.scores[id]?.provenance,
      },
    ]),
  ];
}

/**
 * The columns of /api/models.csv: one row per catalogue model, in /api/models.json's order, with the models
 * table's facts and then its score columns (<suite>_measured, <suite>_reported) for every benchmark that has any.
 */
export function modelsCsvColumns(data: SiteData): CsvColumn<DescribedModel>[] {
  const figure = (value: Figure | undefined) => (value && value.status !== "undisclosed" ? value.value : null);
  const status = (value: Figure | undefined) => value?.status ?? null;
  const table = scoreTable(data);
  return [
    { name: "id", description: "catalogue id (its page is /models/<id>/)", value: ({ entry }) => entry.id },
    { name: "name", description: "the model's name", value: ({ entry }) => entry.name },
    { name: "organization", description: "organization id", value: ({ entry }) => entry.organization },
    {
      name: "organization_name",
      description: "organization name",
      value: ({ entry }) => data.organization(entry.organization)?.name ?? entry.organization,
    },
    { name: "family", description: "family id", value: ({ entry }) => entry.family },
    {
      name: "released",
      description: "release date: YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source",
      value: ({ entry }) => entry.released,
    },
    { name: "kind", description: "base, instruct, chat, fine-tune or merge", value: ({ entry }) => entry.kind },
    {
      name: "parameters",
      description: "total parameters; empty when undisclosed",
      value: ({ entry }) => figure(entry.parameters?.total),
    },
    {
      name: "parameters_status",
      description: "stated, estimate or undisclosed; empty when the entry has no parameter count",
      value: ({ entry }) => status(entry.parameters?.total),
    },
    {
      name: "active_parameters",
      description: "parameters active per token (mixtures of experts); empty when not stated",
      value: ({ entry }) => figure(entry.parameters?.active),
    },
    { name: "context_length", description: "context window in tokens", value: ({ entry }) => entry.context_length },
    {
      name: "training_tokens",
      description: "training tokens; empty when undisclosed",
      value: ({ entry }) => figure(entry.training_tokens),
    },
    { name: "license", description: "license id", value: ({ entry }) => entry.license },
    {
      name: "license_class",
      description: "class in the license taxonomy",
      value: ({ derived }) => derived.licenseClass,
    },
    {
      name: "commercial_use",
      description: "allowed, conditional or forbidden",
      value: ({ derived }) => derived.commercialUse,
    },
    {
      name: "open_weights",
      description: "true when the weights can be downloaded, openly or gated",
      value: ({ derived }) => derived.openWeights,
    },
    {
      name: "weights",
      description: "openness of the weights: open, gated or closed",
      value: ({ entry }) => entry.openness.weights,
    },
    { name: "architecture", description: "architecture type", value: ({ entry }) => entry.architecture?.type },
    {
      name: "input_modalities",
      description: "input modalities, separated by ;",
      value: ({ entry }) => entry.modalities.input.join(";"),
    },
    {
      name: "output_modalities",
      description: "output modalities, separated by ;",
      value: ({ entry }) => entry.modalities.output.join(";"),
    },
    {
      name: "training_compute_flops",
      description: "derived training compute, 6·N·D FLOPs",
      value: ({ derived }) => derived.trainingComputeFlops?.value,
    },
    {
      name: "training_compute_estimate",
      description: "true when the training compute is derived from an estimate",
      value: ({ derived }) => derived.trainingComputeFlops?.estimate,
    },
    ...table.benchmarks.flatMap((benchmark) =>
      benchmark.columns.map((provenance): CsvColumn<DescribedModel> => ({
        name: `${benchmark.suite}_${provenance}`,
        description: `${benchmark.title}, ${columnLabel(benchmark, provenance)}: percent`,
        value: ({ entry }) => table.score(entry.id, benchmark.suite, provenance)?.value,
      })),
    ),
  ];
}
