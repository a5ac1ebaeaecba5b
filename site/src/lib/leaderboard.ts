import { dateStart } from "@zoo/catalog";
import type { SuiteScore } from "./combined.ts";
import { overlapRanks } from "./overlap-rank.ts";
import type { StoredResult } from "@zoo/suites/node";
import type { Score, SuiteInfo } from "./scores.ts";

/** One row of a suite's leaderboard. */
export interface BoardRow {
  score: Score;
  /** Present on ranked rows only. */
  rank?: number;
  label: string;
  /** The catalogue entry the score belongs to, when it has one. */
  inCatalog: boolean;
  /** A random or first-choice baseline run: a reference line, shown whatever the filters. */
  baseline: boolean;
}

export interface SuiteBoard {
  suite: SuiteInfo;
  ranked: BoardRow[];
  /** Sample-data, limited and shard runs: shown for what they are, never ranked. */
  unranked: BoardRow[];
}

const BASELINE_LABELS: Record<string, string> = { random: "Random baseline", first: "Always-first baseline" };

export interface BoardContext {
  modelName(id: string): string | undefined;
  result(runId: string): StoredResult | undefined;
}

function row(score: Score, context: BoardContext): Omit<BoardRow, "rank"> {
  const adapter = score.runId ? context.result(score.runId)?.record.model.adapter : undefined;
  const baseline = adapter === "random" || adapter === "first";
  const name = context.modelName(score.modelId);
  const label = baseline ? BASELINE_LABELS[adapter!]! : (name ?? score.modelId);
  return { score, label, inCatalog: name !== undefined, baseline };
}

/**
 * A suite's leaderboard: ranked rows best first, ranked by interval overlap; then the runs that are never ranked.
 * Measured and reported scores of one model are separate rows, each saying which it is.
 */
export function suiteBoard(suite: SuiteInfo, scores: readonly Score[], context: BoardContext): SuiteBoard {
  const own = scores.filter((score) => score.suite === suite.id);
  const rankable = own
    .filter((score) => !score.unranked)
    .sort(
      (a, b) => b.value - a.value || a.modelId.localeCompare(b.modelId) || a.provenance.localeCompare(b.provenance),
    );
  const ranks = overlapRanks(rankable.map((score) => score.interval));
  return {
    suite,
    ranked: rankable.map((score, index) => ({ ...row(score, context), rank: ranks[index]! })),
    unranked: own.filter((score) => score.unranked).map((score) => row(score, context)),
  };
}

/**
 * The row that stands for each model on a suite in the combined board and the compare page: the latest ranked
 * measurement, else the latest reported score. Baselines and never-ranked runs take no part.
 */
export function representativeRows(board: SuiteBoard): BoardRow[] {
  const chosen = new Map<string, BoardRow>();
  const better = (a: BoardRow, b: BoardRow) =>
    a.score.provenance !== b.score.provenance
      ? a.score.provenance === "measured"
      : dateStart(a.score.date) > dateStart(b.score.date);
  for (const candidate of board.ranked) {
    if (candidate.baseline) continue;
    const current = chosen.get(candidate.score.modelId);
    if (!current || better(candidate, current)) chosen.set(candidate.score.modelId, candidate);
  }
  return [...chosen.values()];
}

/** representativeRows as the inputs of combine(). */
export function representativeScores(board: SuiteBoard): SuiteScore[] {
  return representativeRows(board).map(({ score }) => ({
    modelId: score.modelId,
    suite: score.suite,
    value: score.value,
    stderr: score.stderr,
    chance: board.suite.chance,
    provenance: score.provenance,
  }));
}

/** The suites the combined board averages by default: those at least half of the scored models have. */
export function defaultCombination(scores: readonly SuiteScore[]): string[] {
  const models = new Set(scores.map((score) => score.modelId));
  const coverage = new Map<string, number>();
  for (const score of scores) coverage.set(score.suite, (coverage.get(score.suite) ?? 0) + 1);
  const ordered = [...coverage.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const chosen = ordered.filter(([, count]) => count * 2 >= models.size).map(([suite]) => suite);
  return chosen.length > 0 ? chosen.sort() : ordered.slice(0, 1).map(([suite]) => suite);
}
