import { BENCHMARK_INFO, describeSetting, type ScoreSetting } from "@zoo/catalog";
import { boards } from "./boards.ts";
import type { Provenance, Score } from "./scores.ts";
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

function columnScore(score: Score): ColumnScore {
  return {
    value: cleanPercent(score.value),
    shots: score.shots,
    date: score.date,
    ...(score.runId ? { runId: score.runId } : {}),
    ...(score.provenance === "reported" ? { method: score.method, by: score.by, source: score.source } : {}),
  };
}

const cache = new WeakMap<SiteData, ScoreTable>();

/**
 * Every leaderboard benchmark that some catalogue model has a score on, in the leaderboards' title order, with
 * each model's measured and reported score as its row on that leaderboard holds them: in the standard setting only,
 * the newest ranked run, and the maker's own figure before a third party's, then the newest.
 */
export function scoreTable(data: SiteData): ScoreTable {
  const cached = cache.get(data);
  if (cached) return cached;
  const cells = new Map<string, ColumnScore>();
  const cellKey = (modelId: string, suite: string, provenance: Provenance) =>
    `${modelId}\u0000${suite}\u0000${provenance}`;
  // A model's row on a leaderboard holds its scores in the standard setting, best-preferred first: the first
  // measured one and the first reported one are its two columns.
  for (const board of boards(data))
    for (const row of board.ranked) {
      if (!data.model(row.score.modelId)) continue;
      for (const provenance of ["measured", "reported"] as const) {
        const score = [row.score, ...row.others].find((candidate) => candidate.provenance === provenance);
        if (score) cells.set(cellKey(score.modelId, board.suite.id, provenance), columnScore(score));
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
