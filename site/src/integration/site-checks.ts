import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { siteData } from "../lib/site-data.ts";
import { pageWeight } from "./page-weight.ts";

/** The budget: the models, leaderboard and /run/ pages load under 150 KB of JS and CSS, gzipped. */
export const PAGE_BUDGET_BYTES = 150_000;

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/**
 * Reads and checks the data before the build, so bad data stops it with one clear message instead of a stack
 * trace; after the build, prints what the budgeted pages weigh and how long the build took.
 */
export function siteChecks(): AstroIntegration {
  let started = performance.now();
  let base = "/";
  return {
    name: "zoo-site",
    hooks: {
      "astro:config:setup": ({ config }) => {
        started = performance.now();
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      },
      "astro:build:start": async ({ logger }) => {
        try {
          const data = await siteData();
          logger.info(
            `${data.models.length} models, ${data.results.length} result records, ${data.scores.length} scores`,
          );
        } catch (error) {
          logger.error((error as Error).message);
          process.exit(1);
        }
      },
      "astro:build:done": async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const data = await siteData();
        // The /run/ page as it loads, before Run: its runtime is loaded on demand and does not count.
        const budgeted = [
          "models/",
          "leaderboards/",
          ...data.suites.map((suite) => `leaderboards/${suite.id}/`),
          "run/",
        ];
        let over = 0;
        for (const page of budgeted) {
          const file = join(root, page, "index.html");
          if (!existsSync(file)) continue;
          const weight = pageWeight(readFileSync(file, "utf8"), root, base);
          const total = weight.js + weight.css;
          const ok = total <= PAGE_BUDGET_BYTES;
          if (!ok) over += 1;
          logger.info(
            `budget ${ok ? "✓" : "✗"} /${page}: ${kb(total)} JS+CSS gzipped (JS ${kb(weight.js)}, CSS ${kb(weight.css)}; limit ${kb(PAGE_BUDGET_BYTES)})`,
          );
        }
        logger.info(
          `built ${data.models.length} models and ${data.results.length} runs in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
        if (over > 0) logger.warn(`${over} page(s) over the JS+CSS budget`);
      },
    },
  };
}
