import { mkdir } from "node:fs/promises";
import type { Server } from "node:http";
import { join } from "node:path";
import { describeModels, loadCatalog } from "@zoo/catalog";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic } from "../scripts/static-server.ts";
import {
  CHROMIUM,
  CHROMIUM_FLAGS,
  CHROMIUM_MISSING,
  REPO_DIR,
  TEST_OUTPUT,
  buildSite,
  hasChromium,
  type BuiltSite,
} from "./site-build.ts";

/* The site built from the repository's own catalogue and results, as `pnpm build` builds it. */

let site: BuiltSite;
let ids: string[];

beforeAll(async () => {
  ids = describeModels(await loadCatalog(join(REPO_DIR, "catalog"))).map(({ entry }) => entry.id);
  site = await buildSite("real", {});
  if (site.code !== 0) throw new Error(`the real catalogue did not build:\n${site.output}`);
});

describe("the real catalogue", () => {
  it("builds every model page and keeps the budgeted pages within 150 KB", () => {
    expect(site.output).toMatch(new RegExp(`built ${ids.length} models and \\d+ runs in \\d+\\.\\d s`));
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

  it("opens every page, model pages included, without a console error, and screenshots the main ones", async () => {
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
    for (const id of ids) {
      const response = await page.goto(new URL(`models/${id}/`, origin).href, { waitUntil: "domcontentloaded" });
      expect(response?.status(), id).toBe(200);
    }
    await page.goto(new URL(`models/${ids.includes("mixtral-8x7b") ? "mixtral-8x7b" : ids[0]}/`, origin).href);
    await page.screenshot({ path: join(TEST_OUTPUT, "screenshots", "real-model.png"), fullPage: true });
    await page.goto(new URL("models/", origin).href);
    expect(await page.$$eval("#models tbody tr", (rows) => rows.length)).toBe(ids.length);
    expect(errors).toEqual([]);
  }, 600_000); // hundreds of pages in a real browser, on a 2-core machine
});

if (!hasChromium) describe("the real catalogue in Chromium", () => it.skip(CHROMIUM_MISSING, () => {}));
