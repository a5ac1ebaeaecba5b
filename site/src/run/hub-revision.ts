import { DEFAULT_HUB_URL } from "@zoo/suites";
import { RunError } from "./run-error.ts";

const COMMIT = /^[0-9a-f]{40}$/;

/**
 * The commit a Hub repo's revision is at now, as `zoo bench` resolves it: the record names it, answers are saved
 * under it, and the model's files are loaded from it, so a branch that moves never mixes two commits.
 */
export async function resolveCommit(
  repo: string,
  revision = "main",
  hubUrl = DEFAULT_HUB_URL,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): Promise<string> {
  if (COMMIT.test(revision)) return revision;
  const url = `${hubUrl.replace(/\/$/, "")}/api/models/${repo}/revision/${encodeURIComponent(revision)}`;
  const host = new URL(hubUrl).host;
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (error) {
    throw new RunError(
      `cannot reach the Hugging Face Hub (${host}) to find ${repo}: ${(error as Error).message}. Check the connection, or whether something blocks ${host}`,
    );
  }
  if ([401, 403, 404].includes(response.status))
    throw new RunError(
      `the Hub has no model repo ${repo}${revision === "main" ? "" : ` at ${revision}`}, or it is private or gated, which this page cannot open`,
    );
  if (!response.ok) throw new RunError(`the Hub answered ${response.status} ${response.statusText} for ${repo}`);
  const sha = ((await response.json().catch(() => ({}))) as { sha?: unknown }).sha;
  if (typeof sha !== "string" || !COMMIT.test(sha))
    throw new RunError(`the Hub gave no commit for ${repo}@${revision}`);
  return sha;
}
