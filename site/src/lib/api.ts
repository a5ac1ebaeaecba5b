import { exportCatalog, type DerivedFacts, type ModelEntry } from "@zoo/catalog";
import type { ResultRecord } from "@zoo/suites";
import type { SiteData } from "./site-data.ts";

/** Bumped when a field of /api/results.json or /api/models/<id>.json is removed or changes meaning. */
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
