import { dateStart } from "@zoo/catalog";
import type { SuiteScore } from "./combined.ts";
import { overlapRanks } from "./overlap-rank.ts";
import type { StoredResult } from "@zoo/suites/node";
import { inStandardSetting, type Score, type SuiteInfo } from "./scores.ts";

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
  /** The model's other scores in the same setting, not ranked: the reported figure beside zoo's own, other sources. */
  others: Score[];
}

export interface SuiteBoard {
  suite: SuiteInfo;
  /** One row per model, in the benchmark's standard setting: zoo's own measurement where it has one. */
  ranked: BoardRow[];
  /** Scores in other settings (other shots, chain-of-thought, maj@k), one per model and setting: shown, not ranked. */
  reference: BoardRow[];
  /** Sample-data, limited and shard runs: shown for what they are, never ranked. */
  unranked: BoardRow[];
}

const BASELINE_LABELS: Record<string, string> = { random: "Random baseline", first: "Always-first baseline" };

export interface BoardContext {
  modelName(id: string): string | undefined;
  result(runId: string): StoredResult | undefined;
}

function row(score: Score, others: Score[], context: BoardContext): Omit<BoardRow, "rank"> {
  const adapter = score.runId ? context.result(score.runId)?.record.model.adapter : undefined;
  const baseline = adapter === "random" || adapter === "first";
  const name = context.modelName(score.modelId);
  const label = baseline ? BASELINE_LABELS[adapter!]! : (name ?? score.modelId);
  return { score, label, inCatalog: name !== undefined, baseline, others };
}

/**
 * Which score stands for a model in one setting: zoo's own measurement (the latest) before any reported figure;
 * among reported figures, the maker's own before others', then the newest.
 */
function preferred(a: Score, b: Score): number {
  if (a.provenance !== b.provenance) return a.provenance === "measured" ? -1 : 1;
  if (a.by !== b.by) return a.by === "maker" ? -1 : b.by === "maker" ? 1 : 0;
  return dateStart(b.date).localeCompare(dateStart(a.date));
}

/** One row per model and setting: the preferred score, with the model's other scores in that setting beside it. */
function onePerModel(scores: readonly Score[], setting: (score: Score) => string, context: BoardContext) {
  const groups = new Map<string, Score[]>();
  for (const score of scores) {
    const key = `${score.modelId}|${setting(score)}`;
    groups.set(key, [...(groups.get(key) ?? []), score]);
  }
  return [...groups.values()].map((group) => {
    const [chosen, ...others] = [...group].sort(preferred);
    return row(chosen!, others, context);
  });
}

/**
 * A suite's leaderboard. Ranked: one row per model in the benchmark's standard setting (zoo's own measurement where
 * it has one, else the maker's reported figure), best first, ranked by interval overlap. Then, not ranked: the
 * scores in other settings, one per model and setting, and the runs that are never ranked (sample data, limits,
 * shards).
 */
export function suiteBoard(suite: SuiteInfo, scores: readonly Score[], context: BoardContext): SuiteBoard {
  const own = scores.filter((score) => score.suite === suite.id);
  const rankable = own.filter((score) => !score.unranked);
  const byValue = (a: BoardRow, b: BoardRow) =>
    b.score.value - a.score.value || a.score.modelId.localeCompare(b.score.modelId);
  const standard = onePerModel(
    rankable.filter((score) => inStandardSetting(score, suite)),
    () => "standard",
    context,
  ).sort(byValue);
  const ranks = overlapRanks(standard.map((candidate) => candidate.score.interval));
  const reference = onePerModel(
    rankable.filter((score) => !inStandardSetting(score, suite)),
    (score) => `${score.shots}|${score.method}`,
    context,
  ).sort(byValue);
  return {
    suite,
    ranked: standard.map((candidate, index) => ({ ...candidate, rank: ranks[index]! })),
    reference,
    unranked: own.filter((score) => score.unranked).map((score) => row(score, [], context)),
  };
}

/**
 * The row that stands for each model on a suite in the combined board and the compare page: its ranked row, which
 * is already one per model in the standard setting. Baselines take no part.
 */
export function representativeRows(board: SuiteBoard): BoardRow[] {
  return board.ranked.filter((candidate) => !candidate.baseline);
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

/**
 * The suites the combined board averages by default: the combination the most models share. Starting from the
 * suite most models have, it adds, one at a time, the suite that leaves the most models with a score on all of
 * them, as long as at least half of those models remain (and at least three): two benchmarks shared by forty models
 * say more than one benchmark shared by sixty, but not than one shared by a hundred.
 */
export function defaultCombination(scores: readonly SuiteScore[]): string[] {
  const suitesOf = new Map<string, Set<string>>();
  for (const score of scores) suitesOf.set(score.modelId, (suitesOf.get(score.modelId) ?? new Set()).add(score.suite));
  const all = [...new Set(scores.map((score) => score.suite))].sort();
  const covering = (suites: readonly string[]) =>
    [...suitesOf.values()].filter((own) => suites.every((suite) => own.has(suite))).length;
  if (all.length === 0) return [];
  const chosen = [all.reduce((best, suite) => (covering([suite]) > covering([best]) ? suite : best))];
  for (;;) {
    const current = covering(chosen);
    const next = all
      .filter((suite) => !chosen.includes(suite))
      .map((suite) => ({ suite, models: covering([...chosen, suite]) }))
      .sort((a, b) => b.models - a.models || a.suite.localeCompare(b.suite))[0];
    if (next === undefined || next.models < Math.max(3, current / 2)) break;
    chosen.push(next.suite);
  }
  return chosen.sort();
}
