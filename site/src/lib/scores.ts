import { BENCHMARK_INFO, dateStart, type ModelEntry } from "@zoo/catalog";
import type { ResultRecord } from "@zoo/suites";
import type { StoredResult } from "@zoo/suites/node";
import { interval, type Interval } from "./overlap-rank.ts";

export type Provenance = "measured" | "reported";

/** Why a score is shown but never ranked. */
export type UnrankedReason = "sample data" | "limited run" | "shard of a run";

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
}

/** The reason a measured run may not be ranked: sample data, a limit, or a shard not yet merged. */
export function unrankedReason(record: ResultRecord): UnrankedReason | undefined {
  if (record.suite.dataset.sample) return "sample data";
  if (record.limited) return "limited run";
  if (record.shard) return "shard of a run";
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
    date: reported.date,
    source: reported.source,
    ...(reported.note ? { note: reported.note } : {}),
  }));
}

/** A suite's title and chance level: the record's own chance where zoo measured it, else the catalogue's. */
export function suiteInfo(id: string, records: readonly ResultRecord[]): SuiteInfo {
  const known = (BENCHMARK_INFO as Record<string, { title: string; chance: number | null } | undefined>)[id];
  const measuredChance = records.find((record) => record.suite.id === id && record.suite.chance !== null)?.suite.chance;
  const chance =
    measuredChance !== undefined && measuredChance !== null ? measuredChance * 100 : (known?.chance ?? null);
  return { id, title: known?.title ?? id, chance };
}

/** Newest first, then by model id, so every listing of scores is stable. */
export function compareByDate(a: Score, b: Score): number {
  return dateStart(b.date).localeCompare(dateStart(a.date)) || a.modelId.localeCompare(b.modelId);
}
