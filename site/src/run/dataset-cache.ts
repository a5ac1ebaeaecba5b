import type { CacheStore } from "@zoo/suites";

/** The Cache API cache the /run/ page keeps Hub datasets in. */
export const DATASET_CACHE = "zoo-datasets";

/**
 * Downloaded datasets in this browser's Cache API, as the suites' CacheStore: each parquet file under its sha256
 * and each revision's manifest, so a second run of the same dataset downloads none of its files, and a run with no
 * network reads the revision it last saw. Entries are keyed by URLs below `base` (the page), which the site never
 * serves: they are names, never fetched. Undefined where the browser has no Cache API (a page not served over
 * HTTPS or from localhost): then every run downloads again.
 */
export async function datasetCache(base: string, storage = globalThis.caches): Promise<CacheStore | undefined> {
  if (storage === undefined) return undefined;
  const cache = await storage.open(DATASET_CACHE);
  const url = (key: string) => new URL(`zoo-dataset-cache/${key}`, base).href;
  return {
    get: async (key) => {
      const hit = await cache.match(url(key));
      return hit === undefined ? undefined : new Uint8Array(await hit.arrayBuffer());
    },
    set: async (key, bytes) => {
      await cache.put(
        url(key),
        new Response(bytes as BlobPart, { headers: { "Content-Type": "application/octet-stream" } }),
      );
    },
    where: (key) => `this browser's dataset cache (${key})`,
  };
}
