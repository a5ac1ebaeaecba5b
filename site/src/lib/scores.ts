import {
  BENCHMARK_INFO,
  dateStart,
  describeSetting,
  type ModelEntry,
  type ReportedBenchmark,
  type ScoreMethod,
  type ScoreSetting,
} from "@zoo/catalog";
import { BUILTIN_SUITES, type ResultRecord } from "@zoo/suites";
import type { StoredResult } from "@zoo/suites/node";
import { interval, type Interval } from "./overlap-rank.ts";

export type Provenance = "measured" | "reported";

/** Why a score is shown but never ranked. */
export type UnrankedReason = "sample data" | "limited run" | "shard of a run" | "browser run";

/** One score of one model on one benchmark, measured by zoo or reported by a source, in percent. */
export interface Score {
  modelId: string;
  suite: string;
  provenance: Provenance;
  value: number;
  /** Standard error in percent points; null when the source published none. */
  stderr: number | null;
  interval: Interval;
  shots: number;
  /** With the shots, the setting: only scores of the same setting are ranked together. zoo's own runs are direct. */
  method: ScoreMethod;
  /** Reported: whether the model's maker published it, or someone else. */
  by?: "maker" | "third-party";
  /** Measured: the chat template its prompts were rendered with, when they were ("default", a name, or "api"). */
  chatTemplate?: string;
  /** ISO day (measured: when the run finished) or the source's partial date (reported). */
  date: string;
  /** Measured: the run's id. */
  runId?: string;
  /** Reported: the page that publishes the score. */
  source?: string;
  note?: string;
  unranked?: UnrankedReason;
}

export interface SuiteInfo {
  id: string;
  title: string;
  /** Chance level in percent, where the suite has one. */
  chance: number | null;
  /** The setting its leaderboard ranks: the benchmark's standard one (the Open LLM Leaderboard's where it has one). */
  standard: ScoreSetting;
}

/** Whether a score was measured in the setting its leaderboard ranks. */
export function inStandardSetting(score: Pick<Score, "shots" | "method">, suite: SuiteInfo): boolean {
  return score.shots === suite.standard.shots && score.method === suite.standard.method;
}

/** A score's setting in words, with how zoo prompted it: "5-shot", "0-shot chain-of-thought", "5-shot, chat template". */
export function settingWords(score: Pick<Score, "shots" | "method" | "chatTemplate">): string {
  return `${describeSetting(score)}${score.chatTemplate ? ", chat template" : ""}`;
}

/**
 * The reason a measured run may not be ranked: sample data, a limit, a shard not yet merged, or a run in a visitor's
 * browser (the /run/ page), listed apart until a maintainer reproduces it with zoo bench.
 */
export function unrankedReason(record: ResultRecord): UnrankedReason | undefined {
  if (record.suite.dataset.sample) return "sample data";
  if (record.limited) return "limited run";
  if (record.shard) return "shard of a run";
  if (record.environment.browser !== undefined) return "browser run";
  return undefined;
}

/** A measured run's primary metric as a score in percent. */
export function measuredScore({ id, record }: StoredResult): Score {
  const metric = record.metrics[record.suite.primary_metric];
  if (!metric) throw new Error(`run ${id} has no value for its primary metric ${record.suite.primary_metric}`);
  const value = metric.value * 100;
  const stderr = metric.stderr === null ? null : metric.stderr * 100;
  const unranked = unrankedReason(record);
  return {
    modelId: record.model.id,
    suite: record.suite.id,
    provenance: "measured",
    value,
    stderr,
    interval: interval(value, stderr),
    shots: record.shots,
    method: "direct",
    ...(record.prompt?.chat_template ? { chatTemplate: record.prompt.chat_template } : {}),
    date: record.date.slice(0, 10),
    runId: id,
    ...(unranked ? { unranked } : {}),
  };
}

/** The scores an entry's sources published, as the catalogue records them (already in percent). */
export function reportedScores(entry: ModelEntry): Score[] {
  return (entry.reported ?? []).map((reported) => ({
    modelId: entry.id,
    suite: reported.benchmark,
    provenance: "reported",
    value: reported.value,
    stderr: null,
    interval: interval(reported.value, null),
    shots: reported.shots,
    method: reported.method,
    by: reported.by,
    date: reported.date,
    source: reported.source,
    ...(reported.note ? { note: reported.note } : {}),
  }));
}

/**
 * A suite's title, chance level and ranked setting: the catalogue's benchmark where it knows one, else zoo's own
 * suite (its default shots, answered directly); the record's own chance where zoo measured it.
 */
export function suiteInfo(id: string, records: readonly ResultRecord[]): SuiteInfo {
  const known = id in BENCHMARK_INFO ? BENCHMARK_INFO[id as ReportedBenchmark] : undefined;
  const builtin = BUILTIN_SUITES.find((suite) => suite.id === id);
  const measuredChance = records.find((record) => record.suite.id === id && record.suite.chance !== null)?.suite.chance;
  const chance =
    measuredChance !== undefined && measuredChance !== null ? measuredChance * 100 : (known?.chance ?? null);
  return {
    id,
    title: known?.title ?? builtin?.title ?? id,
    chance,
    standard: known?.standard ?? { shots: builtin?.shots.default ?? 0, method: "direct" },
  };
}

/** Newest first, then by model id, so every listing of scores is stable. */
export function compareByDate(a: Score, b: Score): number {
  return dateStart(b.date).localeCompare(dateStart(a.date)) || a.modelId.localeCompare(b.modelId);
}
