import { existsSync } from "node:fs";
import { CHROMIUM, CHROMIUM_HINT } from "./chromium.ts";

/*
 * Run before the site's tests: without chromium the browser tests cannot run, and a green run that skipped them
 * would claim what it never checked. ZOO_SKIP_BROWSER=1 skips them deliberately.
 */

if (!existsSync(CHROMIUM) && process.env.ZOO_SKIP_BROWSER !== "1") {
  process.stderr.write(
    `the site's browser tests need chromium at ${CHROMIUM}: ${CHROMIUM_HINT} (or set ZOO_SKIP_BROWSER=1 to skip them)\n`,
  );
  process.exit(1);
}
