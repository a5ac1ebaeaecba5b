import type { AstroIntegration } from "astro";
import { siteData } from "../lib/site-data.ts";

/** Reads and checks the data before the build, so bad data stops it with one clear message instead of a trace. */
export function siteChecks(): AstroIntegration {
  let started = 0;
  return {
    name: "zoo-site-checks",
    hooks: {
      "astro:build:start": async ({ logger }) => {
        started = performance.now();
        try {
          const data = await siteData();
          logger.info(`${data.models.length} models, ${data.results.length} result records, ${data.scores.length} scores`);
        } catch (error) {
          logger.error((error as Error).message);
          process.exit(1);
        }
      },
      "astro:build:done": async ({ logger }) => {
        logger.info(`built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
