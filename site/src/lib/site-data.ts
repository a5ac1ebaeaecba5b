import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import {
  describeModels,
  loadCatalog,
  type Catalog,
  type DescribedModel,
  type License,
  type Organization,
} from "@zoo/catalog";
import { lineage, type Lineage } from "./lineage.ts";
import { readResults, type StoredResult } from "@zoo/suites/node";
import { compareByDate, measuredScore, reportedScores, suiteInfo, type Score, type SuiteInfo } from "./scores.ts";

/** Everything the pages show, read once per build from the catalogue and the result records. */
export interface SiteData {
  catalog: Catalog;
  /** Every model with its derived facts, in id order. */
  models: DescribedModel[];
  model(id: string): DescribedModel | undefined;
  organization(id: string): Organization | undefined;
  license(id: string): License | undefined;
  results: StoredResult[];
  /** Every measured and reported score, newest first. */
  scores: Score[];
  /** The scores of one model (catalogue id or run label), newest first. */
  scoresOf(modelId: string): Score[];
  /** The measured runs of one model, in path order. */
  resultsOf(modelId: string): StoredResult[];
  /** The score a run measured. */
  scoreOfRun(runId: string): Score;
  /** The suites that have any score, in title order. */
  suites: SuiteInfo[];
  suite(id: string): SuiteInfo;
  lineage: Lineage;
  resultsDir: string;
}

export interface DataDirs {
  catalog: string;
  results: string;
}

/** The checkout's root: the nearest folder above `from` that holds pnpm-workspace.yaml. */
export function workspaceRoot(from: string): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`cannot find the zoo checkout above ${from}: set ZOO_CATALOG_DIR and ZOO_RESULTS_DIR`);
    dir = parent;
  }
  return dir;
}

/** catalog/ and benchmarks/results/ of the checkout, unless ZOO_CATALOG_DIR or ZOO_RESULTS_DIR name others. */
export function dataDirs(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): DataDirs {
  const root = env.ZOO_CATALOG_DIR && env.ZOO_RESULTS_DIR ? cwd : workspaceRoot(cwd);
  return {
    catalog: resolve(env.ZOO_CATALOG_DIR ?? join(root, "catalog")),
    results: resolve(env.ZOO_RESULTS_DIR ?? join(root, "benchmarks", "results")),
  };
}

export async function readSiteData(dirs: DataDirs): Promise<SiteData> {
  const [catalog, results] = await Promise.all([
    loadCatalog(dirs.catalog),
    readResults(dirs.results, relative(process.cwd(), dirs.results) || "."),
  ]);
  const models = describeModels(catalog);
  const byId = new Map(models.map((model) => [model.entry.id, model]));
  const organizations = new Map(catalog.organizations.map((organization) => [organization.id, organization]));
  const licenses = new Map(catalog.licenses.map((license) => [license.id, license]));
  const scores = [...results.map(measuredScore), ...models.flatMap(({ entry }) => reportedScores(entry))].sort(
    compareByDate,
  );
  const records = results.map(({ record }) => record);
  const suites = [...new Set(scores.map((score) => score.suite))]
    .map((id) => suiteInfo(id, records))
    .sort((a, b) => a.title.localeCompare(b.title));
  const suitesById = new Map(suites.map((suite) => [suite.id, suite]));
  const group = <T>(items: readonly T[], key: (item: T) => string) => {
    const groups = new Map<string, T[]>();
    for (const item of items) {
      const list = groups.get(key(item));
      if (list) list.push(item);
      else groups.set(key(item), [item]);
    }
    return groups;
  };
  const scoresByModel = group(scores, (score) => score.modelId);
  const resultsByModel = group(results, (result) => result.record.model.id);
  const scoreByRun = new Map(scores.flatMap((score) => (score.runId ? [[score.runId, score] as const] : [])));
  return {
    catalog,
    models,
    model: (id) => byId.get(id),
    organization: (id) => organizations.get(id),
    license: (id) => licenses.get(id),
    results,
    scores,
    scoresOf: (id) => scoresByModel.get(id) ?? [],
    resultsOf: (id) => resultsByModel.get(id) ?? [],
    scoreOfRun: (runId) => scoreByRun.get(runId)!,
    suites,
    suite: (id) => suitesById.get(id) ?? suiteInfo(id, records),
    lineage: lineage(catalog.models),
    resultsDir: dirs.results,
  };
}

const CACHE = Symbol.for("zoo.site.data");
type Cached = typeof globalThis & { [CACHE]?: Promise<SiteData> };

/**
 * The site's data, read once per build and shared by every page (and by the integration that checks it before
 * the build starts, which runs as a different module instance: hence the global). In `astro dev` it is read anew
 * on every request, so catalogue edits show on reload.
 */
export function siteData(): Promise<SiteData> {
  if (import.meta.env?.DEV) return readSiteData(dataDirs());
  const cached = globalThis as Cached;
  cached[CACHE] ??= readSiteData(dataDirs());
  return cached[CACHE];
}
