import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { CacheStore, FileSource } from "./file-source.ts";
import type { SuiteIo } from "./suite-options.ts";
import { DataError } from "./suite-errors.ts";

/** The checkout's benchmarks/ folder: suite definitions and samples. */
export const BENCHMARKS_DIR = fileURLToPath(new URL("../../../benchmarks", import.meta.url));

const isMissing = (error: unknown) => ["ENOENT", "ENOTDIR"].includes((error as NodeJS.ErrnoException).code ?? "");

/** Files on disk; relative paths are taken from `cwd`. */
export function nodeFiles(cwd: string = process.cwd()): FileSource {
  return {
    read: async (path) => {
      try {
        return new Uint8Array(await readFile(resolve(cwd, path)));
      } catch (error) {
        if (isMissing(error)) return undefined;
        if ((error as NodeJS.ErrnoException).code === "EISDIR") throw new DataError(path, "a folder, not a file");
        throw error;
      }
    },
    list: async (path) => {
      try {
        return (await readdir(resolve(cwd, path))).sort();
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
  };
}

/** Where downloaded datasets are kept: $ZOO_CACHE_DIR, else $XDG_CACHE_HOME/zoo, else ~/.cache/zoo. */
export function defaultCacheDir(env: Record<string, string | undefined> = process.env): string {
  if (env.ZOO_CACHE_DIR) return resolve(env.ZOO_CACHE_DIR);
  return join(env.XDG_CACHE_HOME ? resolve(env.XDG_CACHE_HOME) : join(homedir(), ".cache"), "zoo");
}

/** A cache in a folder: each key a file below `dir`, written atomically so a killed download leaves no half file. */
export function diskCache(dir: string): CacheStore {
  const pathOf = (key: string) => join(dir, ...key.split("/"));
  return {
    get: async (key) => {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    set: async (key, bytes) => {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const partial = `${path}.${process.pid}.partial`;
      await writeFile(partial, bytes);
      await rename(partial, path);
    },
    where: pathOf,
  };
}

/**
 * Suites reading from disk, the checkout's benchmarks/, the network (the Hub at $HF_ENDPOINT, with $HF_TOKEN, where
 * set) and a disk cache of downloads.
 */
export function nodeSuiteIo(
  options: { cwd?: string; cacheDir?: string; benchmarksDir?: string; env?: Record<string, string | undefined> } = {},
): SuiteIo {
  const benchmarks = options.benchmarksDir ?? BENCHMARKS_DIR;
  const env = options.env ?? process.env;
  return {
    ...(env.HF_ENDPOINT ? { hubUrl: env.HF_ENDPOINT } : {}),
    ...(env.HF_TOKEN ? { accessToken: env.HF_TOKEN } : {}),
    files: nodeFiles(options.cwd),
    samplesDir: join(benchmarks, "samples"),
    suitesDir: join(benchmarks, "suites"),
    fetch: globalThis.fetch,
    cache: diskCache(join(options.cacheDir ?? defaultCacheDir(env), "datasets")),
  };
}
