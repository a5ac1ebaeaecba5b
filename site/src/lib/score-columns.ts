import {
  BENCHMARK_INFO,
  dateStart,
  describeSetting,
  settingKey,
  type ModelEntry,
  type ReportedScore,
  type ScoreSetting,
} from "@zoo/catalog";
import type { StoredResult } from "@zoo/suites/node";
import { unrankedReason, type Provenance } from "./scores.ts";
import type { SiteData } from "./site-data.ts";

/** Percent, with the noise of binary fractions removed (0.4412 × 100 is 44.120000000000005): 44.12. */
export const cleanPercent = (value: number): number => Number(value.toPrecision(12));

/** The score one column of the models table shows for one model. */
export interface ColumnScore {
  /** Percent. */
  value: number;
  shots: number;
  /** ISO day (measured) or the source's partial date (reported). */
  date: string;
  /** Measured: the run's id. */
  runId?: string;
  /** Reported: method, who published it, and where. */
  method?: string;
  by?: string;
  source?: string;
}

/** One benchmark of the models table: the columns it has (measured, reported, or both) and their setting. */
export interface ScoreBenchmark {
  suite: string;
  title: string;
  /** The setting a reported score must have to count: BENCHMARK_INFO's standard; absent for zoo's own suites. */
  standard?: ScoreSetting;
  /** The provenances that have a score for at least one model, measured first. */
  columns: Provenance[];
}

/** The models table's scores: which benchmarks have columns, and each model's score in each. */
export interface ScoreTable {
  benchmarks: ScoreBenchmark[];
  /** The score of a model in one column, if it has one. */
  score(modelId: string, suite: string, provenance: Provenance): ColumnScore | undefined;
}

const standardOf = (suite: string): ScoreSetting | undefined =>
  (BENCHMARK_INFO as Record<string, { standard: ScoreSetting } | undefined>)[suite]?.standard;

/**
 * The reported score that stands for a model on a benchmark: only scores in the benchmark's standard setting
 * (shots and method) count; among several, the maker's own, then the newest; then the first in the entry.
 */
export function standardReported(entry: Pick<ModelEntry, "reported">, benchmark: string): ReportedScore | undefined {
  const standard = standardOf(benchmark);
  if (!standard) return undefined;
  const key = settingKey({ benchmark, ...standard });
  let best: ReportedScore | undefined;
  for (const score of entry.reported ?? []) {
    if (settingKey(score) !== key) continue;
    if (
      !best ||
      (score.by === "maker" && best.by !== "maker") ||
      (score.by === best.by && dateStart(score.date) > dateStart(best.date))
    )
      best = score;
  }
  return best;
}

/**
 * The measured score that stands for a model on a suite: its newest ranked run (never sample data, a limited run
 * or a shard); the latest run id breaks a tie.
 */
export function latestRanked(results: readonly StoredResult[]): Map<string, StoredResult> {
  const chosen = new Map<string, StoredResult>();
  for (const result of results) {
    if (unrankedReason(result.record)) continue;
    const key = `${result.record.model.id}\u0000${result.record.suite.id}`;
    const current = chosen.get(key);
    if (
      !current ||
      result.record.date > current.record.date ||
      (result.record.date === current.record.date && result.id > current.id)
    )
      chosen.set(key, result);
  }
  return chosen;
}

function measuredColumn(result: StoredResult): ColumnScore {
  const { record } = result;
  const metric = record.metrics[record.suite.primary_metric]!;
  return {
    value: cleanPercent(metric.value * 100),
    shots: record.shots,
    date: record.date.slice(0, 10),
    runId: result.id,
  };
}

function reportedColumn(score: ReportedScore): ColumnScore {
  return {
    value: score.value,
    shots: score.shots,
    date: score.date,
    method: score.method,
    by: score.by,
    source: score.source,
  };
}

const cache = new WeakMap<SiteData, ScoreTable>();

/**
 * Every leaderboard benchmark that some catalogue model has a score on, in the leaderboards' title order, with
 * each model's measured score (newest ranked run) and reported score (standard setting, maker first, newest).
 */
export function scoreTable(data: SiteData): ScoreTable {
  const cached = cache.get(data);
  if (cached) return cached;
  const cells = new Map<string, ColumnScore>();
  const cellKey = (modelId: string, suite: string, provenance: Provenance) =>
    `${modelId}\u0000${suite}\u0000${provenance}`;
  for (const result of latestRanked(data.results).values()) {
    if (!data.model(result.record.model.id)) continue;
    cells.set(cellKey(result.record.model.id, result.record.suite.id, "measured"), measuredColumn(result));
  }
  for (const { entry } of data.models) {
    for (const benchmark of new Set((entry.reported ?? []).map((score) => score.benchmark))) {
      const score = standardReported(entry, benchmark);
      if (score) cells.set(cellKey(entry.id, benchmark, "reported"), reportedColumn(score));
    }
  }
  const has = (suite: string, provenance: Provenance) =>
    data.models.some(({ entry }) => cells.has(cellKey(entry.id, suite, provenance)));
  const benchmarks = data.suites.flatMap(({ id, title }) => {
    const columns = (["measured", "reported"] as const).filter((provenance) => has(id, provenance));
    const standard = standardOf(id);
    return columns.length === 0 ? [] : [{ suite: id, title, ...(standard ? { standard } : {}), columns }];
  });
  const table: ScoreTable = {
    benchmarks,
    score: (modelId, suite, provenance) => cells.get(cellKey(modelId, suite, provenance)),
  };
  cache.set(data, table);
  return table;
}

/** The header words of a column: "measured", "reported, 5-shot". */
export function columnLabel(benchmark: ScoreBenchmark, provenance: Provenance): string {
  return provenance === "reported" && benchmark.standard
    ? `reported, ${describeSetting(benchmark.standard)}`
    : provenance;
}

/** The minimum-score choices of each column's filter: any score at all, then at least 10% … 90%. */
export const SCORE_THRESHOLDS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90] as const;

/** The query parameter that filters a column: min-mmlu-measured=50. No filter parameter ends so, so none collide. */
export const scoreParam = (suite: string, provenance: Provenance) => `min-${suite}-${provenance}`;

/** The query parameter that lists the benchmarks whose columns show: scores=mmlu,truthfulqa_mc2. */
export const COLUMNS_PARAM = "scores";

/**
 * A column's short key in the page's markup ("3m": the fourth benchmark, measured), so that classes, CSS and row
 * tokens never carry a suite id (which a result record may spell with any character).
 */
export const columnKey = (index: number, provenance: Provenance) => `${index}${provenance === "measured" ? "m" : "r"}`;

/**
 * The thresholds a model's scores pass, as tokens a row carries in data-scores ("0m0 0m10 0m20 1r0 …"): the CSS
 * that filters without JavaScript and the script that filters with it both only look a token up, so they can
 * never disagree.
 */
export function scoreTokens(table: ScoreTable, modelId: string): string {
  return table.benchmarks
    .flatMap((benchmark, index) =>
      benchmark.columns.flatMap((provenance) => {
        const score = table.score(modelId, benchmark.suite, provenance);
        return score
          ? SCORE_THRESHOLDS.filter((threshold) => score.value >= threshold).map(
              (threshold) => `${columnKey(index, provenance)}${threshold}`,
            )
          : [];
      }),
    )
    .join(" ");
}

/**
 * CSS for the score columns, in the element `controlsId` that holds their controls: a benchmark's columns are
 * hidden until it is ticked (or one of its columns filtered), which works with and without JavaScript; and,
 * without JavaScript only, a chosen minimum hides the rows whose tokens lack it (the script filters them itself,
 * counting what it shows).
 */
export function scoreColumnCss(controlsId: string, tableId: string, table: ScoreTable): string {
  const show = table.benchmarks.flatMap(({ columns }, index) => [
    `body:has(#${controlsId} input[data-column="${index}"]:checked) #${tableId} .score-${index}`,
    ...columns.map(
      (provenance) =>
        `body:has(#${controlsId} select[data-score-token="${columnKey(index, provenance)}"] option:checked:not([value=""])) #${tableId} .score-${index}`,
    ),
  ]);
  const filter = table.benchmarks.flatMap(({ columns }, index) =>
    columns.flatMap((provenance) =>
      SCORE_THRESHOLDS.map((threshold) => {
        const key = columnKey(index, provenance);
        return `:root:not(.js) body:has(#${controlsId} select[data-score-token="${key}"] option[value="${threshold}"]:checked) #${tableId} tr[data-model]:not([data-scores~="${key}${threshold}"])`;
      }),
    ),
  );
  return [
    `#${tableId} .score-col { display: none; }`,
    show.length > 0 ? `${show.join(",\n")} { display: table-cell; }` : "",
    filter.length > 0 ? `${filter.join(",\n")} { display: none; }` : "",
  ]
    .filter(Boolean)
    .join("\n");
}
