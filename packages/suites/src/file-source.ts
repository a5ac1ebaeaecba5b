import { DataError } from "./suite-errors.ts";

/**
 * How suites read files, so the core runs wherever there is a way to read them: the disk in Node
 * (`@zoo/suites/node`), a web server in the browser (`httpFiles`), or memory in tests (`memoryFiles`). Paths use "/".
 */
export interface FileSource {
  /** The file's bytes, or undefined when there is no such file. */
  read(path: string): Promise<Uint8Array | undefined>;
  /** The entry names of a folder, or undefined when there is no such folder; sources that cannot list omit it. */
  list?(path: string): Promise<string[] | undefined>;
}

/** A key–value store for downloaded datasets: the disk in Node (`diskCache`), memory elsewhere (`memoryCache`). */
export interface CacheStore {
  get(key: string): Promise<Uint8Array | undefined>;
  set(key: string, bytes: Uint8Array): Promise<void>;
  /** Where an entry lives, for messages: a file's path on disk. */
  where(key: string): string;
}

/** `a/b` + `../c` style joining, "/"-separated, for paths handed to a FileSource. */
export function joinPath(...parts: string[]): string {
  const joined = parts.filter((part) => part !== "").join("/");
  const absolute = joined.startsWith("/");
  const segments: string[] = [];
  for (const segment of joined.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === ".." && segments.length > 0 && segments.at(-1) !== "..") segments.pop();
    else if (segment !== ".." || !absolute) segments.push(segment);
  }
  return (absolute ? "/" : "") + segments.join("/") || (absolute ? "/" : ".");
}

/** The folder part of a "/"-separated path. */
export function parentPath(path: string): string {
  return joinPath(path, "..");
}

/** A file's text (UTF-8, without a byte-order mark), or a DataError naming it when it is missing or not text. */
export async function readTextFile(files: FileSource, path: string): Promise<string> {
  const bytes = await files.read(path);
  if (bytes === undefined) throw new DataError(path, "no such file");
  return decodeText(bytes, path);
}

/**
 * UTF-8 bytes as text (without a byte-order mark), or a DataError naming `path` when they are not UTF-8 or there
 * are none: an empty data file is a broken copy, never a subject or task without questions.
 */
export function decodeText(bytes: Uint8Array, path: string): string {
  if (bytes.length === 0) throw new DataError(path, "empty file");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new DataError(path, "not UTF-8 text");
  }
}

const toBytes = (content: string | Uint8Array) =>
  typeof content === "string" ? new TextEncoder().encode(content) : content;

/** Files held in memory, keyed by path: for tests, and for data a page already has. */
export function memoryFiles(files: Record<string, string | Uint8Array>): FileSource {
  const entries = new Map(Object.entries(files).map(([path, content]) => [joinPath(path), toBytes(content)]));
  return {
    read: async (path) => entries.get(joinPath(path)),
    list: async (path) => {
      const prefix = `${joinPath(path)}/`;
      const names = [...entries.keys()]
        .filter((key) => key.startsWith(prefix))
        .map((key) => key.slice(prefix.length).split("/")[0]!);
      return names.length === 0 ? undefined : [...new Set(names)].sort();
    },
  };
}

/** Files served over HTTP under `baseUrl` (the site's copy of benchmarks/, say); a 404 is a missing file. */
export function httpFiles(baseUrl: string, fetchImpl: typeof fetch = globalThis.fetch): FileSource {
  return {
    read: async (path) => {
      const url = new URL(joinPath(path).replace(/^\//, ""), baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
      const response = await fetchImpl(url);
      if (response.status === 404) return undefined;
      if (!response.ok) throw new DataError(path, `${url} answered ${response.status} ${response.statusText}`);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}

/** A cache that lasts as long as the page (or the program) runs. */
export function memoryCache(): CacheStore {
  const entries = new Map<string, Uint8Array>();
  return {
    get: async (key) => entries.get(key),
    set: async (key, bytes) => void entries.set(key, bytes),
    where: (key) => `the in-memory cache's ${key}`,
  };
}
