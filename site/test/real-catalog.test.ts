import { mkdir } from "node:fs/promises";
import type { Server } from "node:http";
import { join } from "node:path";
import { existsSync } from "node:fs";
import { describeModels, loadCatalog, type ModelEntry } from "@zoo/catalog";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic } from "../scripts/static-server.ts";
import {
  CHROMIUM,
  CHROMIUM_FLAGS,
  CHROMIUM_MISSING,
  REPO_DIR,
  TEST_OUTPUT,
  sharedSite,
  hasChromium,
  type BuiltSite,
} from "./site-build.ts";

/* The site built from the repository's own catalogue and results, as `pnpm build` builds it. */

let site: BuiltSite;
let ids: string[];
let sampled: string[];

/**
 * The model pages to open in the browser: one of every kind of entry the page template renders differently (each
 * kind × access, each way of running, reported scores, estimates, mixture-of-experts, lineage), and every 20th
 * entry besides. Every page is still checked on disk; opening all of them took most of the test suite's time.
 */
function samplePages(entries: readonly ModelEntry[]): string[] {
  const picked = new Set<string>();
  const firstWhere = (test: (entry: ModelEntry) => boolean) => {
    const entry = entries.find(test);
    if (entry) picked.add(entry.id);
  };
  for (const kind of new Set(entries.map(({ kind }) => kind)))
    for (const access of new Set(entries.map((entry) => entry.access)))
      firstWhere((entry) => entry.kind === kind && entry.access === access);
  for (const adapter of new Set(entries.flatMap(({ run }) => (run ? [run.adapter] : []))))
    firstWhere((entry) => entry.run?.adapter === adapter);
  firstWhere((entry) => entry.reported !== undefined && entry.reported.length > 3);
  firstWhere((entry) => entry.parameters?.total.status === "estimate");
  firstWhere((entry) => entry.architecture?.experts !== undefined);
  firstWhere((entry) => (entry.base_model?.length ?? 0) > 1);
  firstWhere((entry) => entry.modalities.input.includes("image"));
  entries.forEach((entry, index) => index % 20 === 0 && picked.add(entry.id));
  return [...picked];
}

beforeAll(async () => {
  const entries = describeModels(await loadCatalog(join(REPO_DIR, "catalog"))).map(({ entry }) => entry);
  ids = entries.map(({ id }) => id);
  sampled = samplePages(entries);
  site = await sharedSite("real");
  if (site.code !== 0) throw new Error(`the real catalogue did not build:\n${site.output}`);
});

describe("the real catalogue", () => {
  it("builds every model page and keeps the budgeted pages within 150 KB", () => {
    expect(site.output).toMatch(new RegExp(`built ${ids.length} models and \\d+ runs in \\d+\\.\\d s`));
    for (const id of ids) expect(existsSync(join(site.dir, "models", id, "index.html")), id).toBe(true);
    const budgets = site.output.split("\n").filter((line) => line.includes(" budget "));
    expect(budgets.length).toBeGreaterThanOrEqual(2);
    for (const line of budgets) expect(line).toContain("budget ✓");
  });
});

describe.skipIf(!hasChromium)("the real catalogue in Chromium", () => {
  let browser: Browser;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    ({ server, url: origin } = await serveStatic(site.dir));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    await mkdir(join(TEST_OUTPUT, "screenshots"), { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it("opens every kind of page, a sample of model pages included, without a console error, and screenshots the main ones", async () => {
    const errors: string[] = [];
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
    const main: [string, string][] = [
      ["", "real-home"],
      ["models/", "real-models"],
      ["leaderboards/", "real-leaderboards"],
      ["leaderboards/mmlu/", "real-leaderboard-mmlu"],
      ["timelines/", "real-timelines"],
      ["lineage/", "real-lineage"],
      ["licenses/", "real-licenses"],
      [`compare/?ids=${ids.slice(0, 3).join(",")}`, "real-compare"],
      ["api/", "real-api"],
    ];
    for (const [path, name] of main) {
      const response = await page.goto(new URL(path, origin).href);
      expect(response?.status(), path).toBe(200);
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: join(TEST_OUTPUT, "screenshots", `${name}.png`), fullPage: true });
    }
    const leaderboards = await page
      .goto(new URL("leaderboards/", origin).href)
      .then(() =>
        page.$$eval("a[href*='/leaderboards/']", (links) => [
          ...new Set(links.map((link) => link.getAttribute("href")!)),
        ]),
      );
    for (const href of leaderboards) {
      const response = await page.goto(new URL(href, origin).href, { waitUntil: "domcontentloaded" });
      expect(response?.status(), href).toBe(200);
    }
    for (const id of sampled) {
      const response = await page.goto(new URL(`models/${id}/`, origin).href, { waitUntil: "domcontentloaded" });
      expect(response?.status(), id).toBe(200);
    }
    await page.goto(new URL(`models/${ids.includes("mixtral-8x7b") ? "mixtral-8x7b" : ids[0]}/`, origin).href);
    await page.screenshot({ path: join(TEST_OUTPUT, "screenshots", "real-model.png"), fullPage: true });
    await page.goto(new URL("models/", origin).href);
    expect(await page.$$eval("#models tbody tr", (rows) => rows.length)).toBe(ids.length);
    expect(errors).toEqual([]);
  }, 300_000); // about a hundred pages in a real browser, on a 2-core machine

  it("ranks every leaderboard like for like: each model once, every score in the board's one setting", async () => {
    const page = await browser.newPage();
    await page.goto(new URL("leaderboards/", origin).href);
    const boards = await page.$$eval("a[href*='/leaderboards/']", (links) => [
      ...new Set(links.map((link) => link.getAttribute("href")!).filter((href) => !href.endsWith("/leaderboards/"))),
    ]);
    expect(boards.length).toBeGreaterThan(10);
    let reference = 0;
    for (const href of boards) {
      await page.goto(new URL(href, origin).href, { waitUntil: "domcontentloaded" });
      const board = await page.$eval("#board", (table) => ({
        standard: (table as HTMLElement).dataset.standard!,
        rows: [...(table as HTMLTableElement).tBodies[0]!.rows]
          .filter((row) => row.dataset.model !== undefined)
          .map((row) => ({ model: row.dataset.model!, setting: row.dataset.setting! })),
      }));
      const models = board.rows.map((row) => row.model);
      expect(new Set(models).size, href).toBe(models.length);
      expect(
        board.rows.filter((row) => row.setting !== board.standard),
        href,
      ).toEqual([]);
      const others = await page.$$eval("#reference-scores tbody tr", (rows) =>
        rows.map((row) => `${(row as HTMLElement).dataset.model} ${(row as HTMLElement).dataset.setting}`),
      );
      expect(new Set(others).size, href).toBe(others.length);
      expect(
        others.filter((other) => other.endsWith(` ${board.standard}`)),
        href,
      ).toEqual([]);
      reference += others.length;
    }
    // The catalogue reports scores in other settings (chain-of-thought MMLU, 0-shot GSM8K): they are listed, not ranked.
    expect(reference).toBeGreaterThan(0);
  });
});

if (!hasChromium) describe("the real catalogue in Chromium", () => it.skip(CHROMIUM_MISSING, () => {}));
