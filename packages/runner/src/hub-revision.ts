import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { modelInfo } from "@huggingface/hub";

export interface HubAccess {
  hubUrl: string;
  accessToken?: string;
  offline: boolean;
  /** zoo's cache folder; the branch → commit refs live under models/refs/. */
  cacheDir: string;
  fetch?: typeof fetch;
}

/** A Hub model that cannot be used: not found, gated, unreachable, or not in the cache offline. */
export class HubModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HubModelError";
  }
}

/** The Hub gave no answer at all: offline, a DNS failure, a refused connection. */
export class HubModelUnreachableError extends HubModelError {
  constructor(hubUrl: string) {
    super(`cannot reach the Hugging Face Hub at ${hubUrl}: are you offline? (--offline runs from the cache)`);
    this.name = "HubModelUnreachableError";
  }
}

const COMMIT = /^[0-9a-f]{40}$/;

function refFile(cacheDir: string, repo: string, revision: string): string {
  return join(cacheDir, "models", "refs", repo, encodeURIComponent(revision));
}

/**
 * The commit a branch, tag or commit of a Hub model names, so that a result records exactly what ran and the
 * download cache never serves one commit's files for another. Online it asks the Hub and remembers the answer;
 * offline (--offline) it uses what an earlier run remembered, and never touches the network.
 */
export async function resolveHubRevision(
  repo: string,
  revision: string | undefined,
  access: HubAccess,
): Promise<string> {
  const asked = revision ?? "main";
  if (COMMIT.test(asked)) return asked;
  const ref = refFile(access.cacheDir, repo, asked);
  if (access.offline) {
    const commit = (await readFile(ref, "utf8").catch(() => "")).trim();
    if (!COMMIT.test(commit))
      throw new HubModelError(
        `offline, and ${repo}@${asked} is not in the cache: run it once online, or name a cached commit`,
      );
    return commit;
  }
  let sha: string | undefined;
  try {
    ({ sha } = await modelInfo({
      name: repo,
      revision: asked,
      hubUrl: access.hubUrl,
      additionalFields: ["sha"],
      ...(access.accessToken === undefined ? {} : { accessToken: access.accessToken }),
      ...(access.fetch === undefined ? {} : { fetch: access.fetch }),
    }));
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 401 || status === 403)
      throw new HubModelError(
        access.accessToken === undefined
          ? `${repo} is gated or private on ${access.hubUrl}: set HF_TOKEN to a token with access`
          : `${repo} is gated or private on ${access.hubUrl} and HF_TOKEN has no access to it`,
      );
    if (status === 404) throw new HubModelError(`${repo}@${asked}: no such model or revision on ${access.hubUrl}`);
    if (status === undefined) throw new HubModelUnreachableError(access.hubUrl);
    throw new HubModelError(`${repo}@${asked}: the Hub answered HTTP ${status}`);
  }
  if (sha === undefined || !COMMIT.test(sha)) throw new HubModelError(`${repo}@${asked}: the Hub gave no commit`);
  await mkdir(dirname(ref), { recursive: true });
  await writeFile(ref, `${sha}\n`);
  return sha;
}
