import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { HUB_CORS_HEADERS } from "@zoo/suites/testing";
import type { BrowserContext } from "playwright-core";

/** huggingface.co's dataset API and files. */
export const HUB_DATASETS = /^https:\/\/huggingface\.co\/(api\/)?datasets\//;

/** huggingface.co's dataset API and files, answered by the Hub at `hubUrl` (the fake Hub of @zoo/suites/testing). */
export async function routeHubDatasets(context: BrowserContext, hubUrl: string): Promise<void> {
  await context.route(HUB_DATASETS, async (route) => {
    const { pathname, search } = new URL(route.request().url());
    await route.fulfill({ response: await route.fetch({ url: `${hubUrl}${pathname}${search}` }) });
  });
}

/**
 * The model repo `repo` on huggingface.co, its main branch at `commit`, its files those of `dir`, answered as the
 * Hub answers, with its CORS headers: the revision, a file (at any revision, as the Hub answers), its size alone
 * for the one-byte range transformers.js sizes it with, and EntryNotFound for a file the folder lacks. Requests
 * for other repos go on to the routes set before.
 */
export async function routeHubModel(context: BrowserContext, repo: string, dir: string, commit: string): Promise<void> {
  await context.route("https://huggingface.co/**", async (route) => {
    const request = route.request();
    const { pathname } = new URL(request.url());
    if (pathname === `/api/models/${repo}/revision/main`)
      return route.fulfill({ headers: HUB_CORS_HEADERS, json: { id: repo, sha: commit } });
    if (!pathname.startsWith(`/${repo}/resolve/`)) return route.fallback();
    const path = join(dir, pathname.replace(/^(\/[^/]+){2}\/resolve\/[^/]+\//, ""));
    if (!(await stat(path).catch(() => undefined))?.isFile())
      return route.fulfill({
        status: 404,
        headers: { ...HUB_CORS_HEADERS, "X-Error-Code": "EntryNotFound" },
        json: { error: "Entry not found" },
      });
    const bytes = await readFile(path);
    if ((await request.allHeaders()).range === "bytes=0-0")
      return route.fulfill({
        status: 206,
        headers: { ...HUB_CORS_HEADERS, "Content-Range": `bytes 0-0/${bytes.length}` },
        body: bytes.subarray(0, 1),
      });
    return route.fulfill({ headers: HUB_CORS_HEADERS, body: bytes });
  });
}
