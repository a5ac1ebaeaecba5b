import type { CacheStore } from "./file-source.ts";
import { sha256Hex } from "./sha256.ts";
import { DataError, SuiteError } from "./suite-errors.ts";

export const DEFAULT_HUB_URL = "https://huggingface.co";
const DOWNLOADS_AT_ONCE = 8;

/** Where and how to reach the Hugging Face Hub, and where to keep what was downloaded. */
export interface HubOptions {
  /** Defaults to https://huggingface.co; tests point it at a local server. */
  hubUrl?: string;
  /** A branch, tag or commit; defaults to "main". */
  revision?: string;
  accessToken?: string;
  fetch?: typeof fetch;
  /** Downloads are kept here by content hash and reused, offline too. Without it every run downloads again. */
  cache?: CacheStore;
}

/** Files of one dataset revision, by path within the repository. */
export interface HubSnapshot {
  repo: string;
  /** The commit the requested revision resolved to: what a result record states. */
  commit: string;
  files: { path: string; sha256: string; bytes: Uint8Array }[];
}

interface Manifest {
  repo: string;
  commit: string;
  files: { path: string; sha256: string }[];
}

const manifestKey = (repo: string, revision: string, select: string) =>
  `manifests/${repo}/${encodeURIComponent(revision)}/${encodeURIComponent(select)}.json`;
const blobKey = (sha256: string) => `blobs/${sha256}`;

async function cachedBlob(cache: CacheStore | undefined, sha256: string): Promise<Uint8Array | undefined> {
  const bytes = await cache?.get(blobKey(sha256));
  // A truncated or altered cache entry is treated as absent, so it is downloaded again.
  return bytes !== undefined && (await sha256Hex(bytes)) === sha256 ? bytes : undefined;
}

/**
 * Downloads the files of a dataset repository that `select` picks (named by `selection`, which keys the cache),
 * at the revision asked for, with @huggingface/hub. Each file is checked against the sha256 the Hub lists for it,
 * kept in the cache by that hash, and not downloaded again while the hash is unchanged. When the Hub cannot be
 * reached, the last snapshot of that revision in the cache is used.
 */
export async function downloadHubDataset(
  repo: string,
  selection: string,
  select: (path: string) => boolean,
  options: HubOptions = {},
): Promise<HubSnapshot> {
  const revision = options.revision ?? "main";
  const hubUrl = options.hubUrl ?? DEFAULT_HUB_URL;
  const { datasetInfo, downloadFile, listFiles } = await import("@huggingface/hub");
  const common = { hubUrl, fetch: options.fetch, ...(options.accessToken ? { accessToken: options.accessToken } : {}) };

  let commit: string;
  try {
    const info = await datasetInfo({ ...common, name: repo, revision, additionalFields: ["sha"] });
    commit = info.sha;
  } catch (error) {
    return fromCache(repo, revision, selection, options.cache, `${hubUrl}: ${(error as Error).message}`);
  }

  const entries: { path: string; lfs?: { oid: string } }[] = [];
  const listed = listFiles({ ...common, repo: { type: "dataset", name: repo }, revision: commit, recursive: true });
  for await (const entry of listed) if (entry.type === "file" && select(entry.path)) entries.push(entry);

  const fetchEntry = async (entry: (typeof entries)[number]): Promise<HubSnapshot["files"][number]> => {
    const expected = entry.lfs?.oid;
    const cached = expected === undefined ? undefined : await cachedBlob(options.cache, expected);
    if (cached !== undefined) return { path: entry.path, sha256: expected!, bytes: cached };
    const blob = await downloadFile({
      ...common,
      repo: { type: "dataset", name: repo },
      path: entry.path,
      revision: commit,
    });
    if (blob === null) throw new DataError(`${repo}/${entry.path}`, `listed by the Hub but not found at ${commit}`);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const sha256 = await sha256Hex(bytes);
    if (expected !== undefined && sha256 !== expected)
      throw new DataError(
        `${repo}/${entry.path}`,
        `downloaded content has sha256 ${sha256}, the Hub lists ${expected}`,
      );
    await options.cache?.set(blobKey(sha256), bytes);
    return { path: entry.path, sha256, bytes };
  };
  // A few downloads at a time: MMLU is 114 small files, and one at a time each waits out the round trips.
  const files: HubSnapshot["files"] = [];
  let next = 0;
  const worker = async () => {
    while (next < entries.length) files.push(await fetchEntry(entries[next++]!));
  };
  await Promise.all(Array.from({ length: Math.min(DOWNLOADS_AT_ONCE, entries.length) }, worker));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const manifest: Manifest = { repo, commit, files: files.map(({ path, sha256 }) => ({ path, sha256 })) };
  const encoded = new TextEncoder().encode(JSON.stringify(manifest));
  await options.cache?.set(manifestKey(repo, revision, selection), encoded);
  if (revision !== commit) await options.cache?.set(manifestKey(repo, commit, selection), encoded);
  return { repo, commit, files };
}

async function fromCache(
  repo: string,
  revision: string,
  selection: string,
  cache: CacheStore | undefined,
  reason: string,
): Promise<HubSnapshot> {
  const stored = await cache?.get(manifestKey(repo, revision, selection));
  if (stored === undefined)
    throw new SuiteError(
      `cannot download ${repo}@${revision} (${reason}) and it is not in the cache: run once with network access, or use a local copy or the samples`,
    );
  const manifest = JSON.parse(new TextDecoder().decode(stored)) as Manifest;
  const files: HubSnapshot["files"] = [];
  for (const { path, sha256 } of manifest.files) {
    const bytes = await cachedBlob(cache, sha256);
    if (bytes === undefined)
      throw new SuiteError(
        `the cached copy of ${repo}@${revision} lacks ${path} (sha256 ${sha256}) and the Hub cannot be reached`,
      );
    files.push({ path, sha256, bytes });
  }
  return { repo, commit: manifest.commit, files };
}
