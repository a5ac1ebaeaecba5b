import { readFile, writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { CatalogError, loadCatalog, type Catalog } from "./catalog-loader.ts";
import { findDrift, type Drift } from "./catalog-drift.ts";
import { didYouMean } from "./did-you-mean.ts";
import { HubRepoError, readHubEntry, type HubReading, type HubReadOptions, type OnnxSource } from "./hub-facts.ts";
import { formatHubStats, mergeHubStats, parseHubStats } from "./hub-stats.ts";
import type { ModelEntry } from "./model-schema.ts";
import { modelFiles } from "./model-files.ts";
import { formatProblem } from "./problem.ts";
import { applySync, planSync } from "./sync-edits.ts";

export interface SyncOptions {
  /** Only these entries; all entries with a Hub repo when empty. */
  ids?: readonly string[];
  /** Fill the facts the catalogue lacks. */
  write?: boolean;
  /** With write: also overwrite the facts that differ. */
  force?: boolean;
  /** Write what the Hub said (downloads, likes, ONNX variants …) to this JSON file. */
  statsFile?: string | undefined;
  hub?: HubReadOptions;
  /** Name files relative to this folder in the report. */
  relativeTo?: string;
  /** The time stamped on the stats. */
  now?: Date;
  /** The catalogue in `dir`, when the caller has already loaded it. */
  catalog?: Catalog;
}

export interface EntrySync {
  id: string;
  /** The entry's file, named relative to `relativeTo`. */
  file: string;
  /** The Hub repos read: the model's, and the one transformers.js runs when it is another. */
  repos: string[];
  status: "in-sync" | "drift" | "failed";
  /** Each difference, and whether this run wrote the Hub's value into the catalogue. */
  drift: (Drift & { written: boolean })[];
  /** What could not be read, and why. */
  notes: string[];
  /** Why the Hub could not be read for this entry, or why its file was not written. */
  error?: string;
}

export interface SyncReport {
  entries: EntrySync[];
  /** Files this run wrote. */
  written: string[];
}

/** The Hub repos an entry names: its weights (links.huggingface), and the ONNX repo transformers.js runs. */
export function hubSources(entry: ModelEntry): { repo?: string; onnx?: OnnxSource } {
  const run = entry.run?.adapter === "transformers-js" ? entry.run : undefined;
  const repo = entry.links?.huggingface;
  const onnx = run ? { repo: run.repo, revision: run.revision } : repo ? { repo } : undefined;
  return { ...(repo ? { repo } : {}), ...(onnx ? { onnx } : {}) };
}

/**
 * Compares every entry that names a Hub repo with what the Hub says of it, and with `write` fills the facts the
 * catalogue lacks (with `force`, also the ones that differ), keeping every other byte of each file. Entries are read
 * concurrently, as the fetch in `hub` allows. A repo the Hub cannot tell about is a failed entry, not a failed run;
 * an unreachable Hub fails the run before anything is written.
 */
export async function syncCatalog(dir: string, options: SyncOptions = {}): Promise<SyncReport> {
  const catalog = options.catalog ?? (await loadCatalog(dir));
  const files = await modelFiles(dir);
  const shown = (path: string) =>
    options.relativeTo === undefined ? path : relative(options.relativeTo, resolve(path));
  const entries = selectEntries(catalog.models, options.ids ?? []);
  const licenseIds = catalog.licenses.map(({ id }) => id);

  const readings = new Map<string, HubReading>();
  const results = await Promise.all(
    entries.map(async (entry): Promise<Synced> => {
      const { repo, onnx } = hubSources(entry);
      const file = files.get(entry.id)!;
      const base = {
        id: entry.id,
        file: shown(file),
        repos: [...new Set([repo, onnx?.repo].filter((r) => r !== undefined))],
      };
      let reading: HubReading;
      try {
        reading = await readHubEntry(repo, onnx, options.hub);
      } catch (error) {
        if (error instanceof HubRepoError)
          return { ...base, status: "failed", drift: [], notes: [], error: error.message };
        throw error;
      }
      readings.set(entry.id, reading);
      const drift = findDrift(entry, reading, licenseIds);
      const result = { ...base, notes: reading.notes };
      if (!options.write || !repo)
        return summarise({ ...result, drift: drift.map((item) => ({ ...item, written: false })) });
      const plan = planSync(entry, repo, drift, { force: options.force ?? false });
      if (plan.edits.length === 0)
        return summarise({ ...result, drift: drift.map((item) => ({ ...item, written: false })) });
      const applied = applySync(await readFile(file, "utf8"), shown(file), plan);
      if (!applied.text) {
        const problems = applied.problems.map(formatProblem).join("; ");
        return {
          ...summarise({ ...result, drift: drift.map((item) => ({ ...item, written: false })) }),
          status: "failed",
          error: `not written: the result would not pass the check: ${problems}`,
        };
      }
      return summarise({
        ...result,
        drift: drift.map((item) => ({ ...item, written: plan.written.includes(item) })),
        text: applied.text,
        path: file,
      });
    }),
  );

  const written: string[] = [];
  for (const result of results) {
    if (result.text === undefined || result.path === undefined) continue;
    await writeFile(result.path, result.text);
    written.push(result.file);
  }
  if (options.statsFile) {
    const previous = await readFile(options.statsFile, "utf8").then(
      (text) => parseHubStats(text, shown(options.statsFile!)),
      (error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return undefined;
        throw error;
      },
    );
    const stats = mergeHubStats(
      previous,
      readings,
      catalog.models.map(({ id }) => id),
      options.now ?? new Date(),
    );
    await writeFile(options.statsFile, formatHubStats(stats));
    written.push(shown(options.statsFile));
  }
  return { entries: results.map(({ text: _text, path: _path, ...entry }) => entry), written };
}

/** An entry's result, with the text to write to its file when there is one. */
type Synced = EntrySync & { text?: string; path?: string };

/** An entry is in sync once every difference found was written. */
function summarise(result: Omit<Synced, "status">): Synced {
  const open = result.drift.filter((item) => !item.written);
  return { ...result, status: open.length === 0 ? "in-sync" : "drift" };
}

function selectEntries(models: readonly ModelEntry[], ids: readonly string[]): ModelEntry[] {
  const withHub = models.filter((entry) => Object.keys(hubSources(entry)).length > 0);
  if (ids.length === 0) return [...withHub].sort((a, b) => a.id.localeCompare(b.id));
  return [...new Set(ids)].map((id) => {
    const entry = models.find((model) => model.id === id);
    if (!entry) {
      const suggestion = didYouMean(
        id,
        models.map((model) => model.id),
      );
      throw new CatalogError(
        `no model "${id}" in the catalogue${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`,
      );
    }
    if (!withHub.includes(entry)) {
      throw new CatalogError(`model "${id}" names no Hugging Face repo (links.huggingface or a transformers-js run)`);
    }
    return entry;
  });
}
