import { interval, overlapRanks, type Interval } from "./overlap-rank.ts";

/** A model's chosen score on one suite, in percent, with the suite's chance level. */
export interface SuiteScore {
  modelId: string;
  suite: string;
  value: number;
  stderr: number | null;
  /** Chance in percent; null counts as 0. */
  chance: number | null;
  provenance: "measured" | "reported";
}

export interface CombinedRow {
  modelId: string;
  /** Suites of the combination this model has a score on. */
  covered: string[];
  /** Mean chance-normalised score over the combination: present only when every suite is covered. */
  mean?: number;
  stderr?: number;
  interval?: Interval;
  rank?: number;
  /** True when some of the scores averaged came without a standard error (reported), so the interval is too narrow. */
  partialError: boolean;
}

/**
 * 0 at chance and 100 at a perfect score, as the Open LLM Leaderboard normalises before averaging, so a suite
 * where guessing already scores 50 does not outweigh one where it scores 0.
 */
export function normalise(value: number, chance: number | null): number {
  const floor = chance ?? 0;
  return ((value - floor) / (100 - floor)) * 100;
}

/**
 * The combined leaderboard over `suites`: each model's mean normalised score, with its standard error
 * (√Σse²/k over independent suites), ranked by interval overlap. A model missing any suite is listed unranked.
 * Rows come ranked first (by mean, descending), then the incomplete ones by coverage and id.
 */
export function combine(scores: readonly SuiteScore[], suites: readonly string[]): CombinedRow[] {
  const wanted = new Set(suites);
  const byModel = new Map<string, SuiteScore[]>();
  for (const score of scores) {
    if (!wanted.has(score.suite)) continue;
    const list = byModel.get(score.modelId);
    if (list) list.push(score);
    else byModel.set(score.modelId, [score]);
  }
  const rows: CombinedRow[] = [...byModel.entries()].map(([modelId, own]) => {
    const covered = suites.filter((suite) => own.some((score) => score.suite === suite));
    const partialError = own.some((score) => score.stderr === null);
    if (covered.length < suites.length || suites.length === 0) return { modelId, covered, partialError };
    const k = own.length;
    const mean = own.reduce((sum, score) => sum + normalise(score.value, score.chance), 0) / k;
    const variance = own.reduce(
      (sum, score) => sum + (score.stderr === null ? 0 : (score.stderr / (100 - (score.chance ?? 0))) * 100) ** 2,
      0,
    );
    const stderr = Math.sqrt(variance) / k;
    return { modelId, covered, mean, stderr, interval: interval(mean, stderr), partialError };
  });
  const complete = rows.filter((row) => row.interval !== undefined);
  overlapRanks(complete.map((row) => row.interval!)).forEach((rank, index) => (complete[index]!.rank = rank));
  return rows.sort(
    (a, b) =>
      (b.mean ?? -Infinity) - (a.mean ?? -Infinity) ||
      b.covered.length - a.covered.length ||
      a.modelId.localeCompare(b.modelId),
  );
}
