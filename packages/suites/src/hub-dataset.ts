import type { CacheStore } from "./file-source.ts";
import { sha256Hex } from "./sha256.ts";
import { DataError, HubRefusedError, HubUnreachableError, SuiteError } from "./suite-errors.ts";

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

/** What a download from the Hub recorded: which Hub, which commit, and each file's sha256 as the Hub listed it. */
interface Manifest {
  hubUrl: string;
  repo: string;
  commit: string;
  files: { path: string; sha256: string }[];
}

const SHA256 = /^[0-9a-f]{64}$/;

// Filed under the Hub it came from: a download from a mirror or a test server is never taken for the real Hub's.
const manifestKey = (hubUrl: string, repo: string, revision: string, select: string) =>
  `manifests/${encodeURIComponent(new URL(hubUrl).origin)}/${repo}/${encodeURIComponent(revision)}/${encodeURIComponent(select)}.json`;
const blobKey = (sha256: string) => `blobs/${sha256}`;

/** A blob whose bytes hash to its name, or undefined when there is none or it was altered (then downloaded again). */
async function cachedBlob(cache: CacheStore | undefined, sha256: string): Promise<Uint8Array | undefined> {
  const bytes = await cache?.get(blobKey(sha256));
  return bytes !== undefined && (await sha256Hex(bytes)) === sha256 ? bytes : undefined;
}

/** The manifest a download wrote, or a SuiteError naming the cache file when something else wrote it. */
function readManifest(bytes: Uint8Array, where: string, expected: { hubUrl: string; repo: string }): Manifest {
  let manifest: Partial<Manifest>;
  try {
    manifest = JSON.parse(new TextDecoder().decode(bytes)) as Partial<Manifest>;
  } catch {
    manifest = {};
  }
  const wellFormed =
    typeof manifest.commit === "string" &&
    Array.isArray(manifest.files) &&
    manifest.files.every((file) => typeof file?.path === "string" && SHA256.test(String(file?.sha256)));
  if (!wellFormed || manifest.hubUrl !== expected.hubUrl || manifest.repo !== expected.repo)
    throw new SuiteError(
      `the cached manifest ${where} was not written by a download of ${expected.repo} from ${expected.hubUrl}: delete it, or run once with network access`,
    );
  return manifest as Manifest;
}

/**
 * Downloads the files of a dataset repository that `select` picks (named by `selection`, which keys the cache),
 * at the revision asked for, with @huggingface/hub. Each file is checked against the sha256 the Hub lists for it,
 * kept in the cache by that hash, and not downloaded again while the hash is unchanged. When the Hub cannot be
 * reached, the last snapshot of that revision in the cache is used; when it refuses the dataset (gated, private),
 * a HubRefusedError.
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
    const { statusCode, data } = error as { statusCode?: number; data?: { error?: unknown } };
    if (statusCode === 401 || statusCode === 403)
      throw new HubRefusedError(repo, statusCode, typeof data?.error === "string" ? data.error : "access denied");
    return fromCache(hubUrl, repo, revision, selection, options.cache, `${hubUrl}: ${(error as Error).message}`);
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
  const manifest: Manifest = { hubUrl, repo, commit, files: files.map(({ path, sha256 }) => ({ path, sha256 })) };
  const encoded = new TextEncoder().encode(JSON.stringify(manifest));
  await options.cache?.set(manifestKey(hubUrl, repo, revision, selection), encoded);
  if (revision !== commit) await options.cache?.set(manifestKey(hubUrl, repo, commit, selection), encoded);
  return { repo, commit, files };
}

/**
 * The last download of this revision from this Hub, each file verified against the sha256 the Hub listed when it
 * was downloaded; any other cache content is refused with one line naming the file.
 */
async function fromCache(
  hubUrl: string,
  repo: string,
  revision: string,
  selection: string,
  cache: CacheStore | undefined,
  reason: string,
): Promise<HubSnapshot> {
  const key = manifestKey(hubUrl, repo, revision, selection);
  const stored = await cache?.get(key);
  if (cache === undefined || stored === undefined) throw new HubUnreachableError(repo, revision, reason);
  const manifest = readManifest(stored, cache.where(key), { hubUrl, repo });
  const files: HubSnapshot["files"] = [];
  for (const { path, sha256 } of manifest.files) {
    const bytes = await cache.get(blobKey(sha256));
    if (bytes === undefined)
      throw new SuiteError(
        `the cached copy of ${repo}@${revision} lacks ${path} (sha256 ${sha256}) and the Hub cannot be reached`,
      );
    const actual = await sha256Hex(bytes);
    if (actual !== sha256)
      throw new SuiteError(
        `the cached file ${cache.where(blobKey(sha256))} (${repo}/${path}) has sha256 ${actual}, not the ${sha256} the Hub listed when it was downloaded: delete it, or run once with network access`,
      );
    files.push({ path, sha256, bytes });
  }
  return { repo, commit: manifest.commit, files };
}
