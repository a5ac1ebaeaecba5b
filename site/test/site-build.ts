import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CHROMIUM, CHROMIUM_HINT } from "../scripts/chromium.ts";

export const SITE_DIR = fileURLToPath(new URL("..", import.meta.url));
export const REPO_DIR = join(SITE_DIR, "..");
export const FIXTURE_RESULTS = join(SITE_DIR, "test", "fixtures", "results");
/** The public URL the fixture site is built for (ZOO_SITE_URL), so its canonical links and sitemap are absolute. */
export const FIXTURE_SITE_URL = "https://zoo.example/";
/** Git-ignored: built sites and screenshots of the end-to-end tests. */
export const TEST_OUTPUT = join(SITE_DIR, "test-output");

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];
export { CHROMIUM };
export const hasChromium = existsSync(CHROMIUM);
export const CHROMIUM_MISSING = `SKIPPED (ZOO_SKIP_BROWSER=1): the browser tests need chromium at ${CHROMIUM}: ${CHROMIUM_HINT}`;
// Said once on the console too, so a developer without chromium cannot miss it among the passing tests.
if (!hasChromium) console.warn(`\n${CHROMIUM_MISSING}\n`);

/**
 * The fixture catalogue of @zoo/catalog with the site's own fixture entries added (a hostile description among
 * them), as a fresh folder.
 */
export async function fixtureCatalog(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "zoo-site-catalog-"));
  await cp(join(REPO_DIR, "packages", "catalog", "fixtures", "catalog"), dir, { recursive: true });
  await cp(join(SITE_DIR, "test", "fixtures", "catalog-extra"), dir, { recursive: true });
  return dir;
}

export interface BuiltSite {
  dir: string;
  output: string;
  code: number;
}

/**
 * The environment without what Vitest adds for Vite (NODE_ENV=test, MODE, DEV, PROD, SSR, BASE_URL): Astro's build
 * reads them and then builds about 16 times slower (161 s against 10 s for the real catalogue).
 */
function buildEnvironment(): NodeJS.ProcessEnv {
  const vitestKeys = new Set(["NODE_ENV", "TEST", "MODE", "DEV", "PROD", "SSR", "BASE_URL"]);
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !vitestKeys.has(key) && !key.startsWith("VITEST")),
  );
}

/**
 * The site built once per test run and shared by every test file that asks: from the fixture catalogue and result
 * records, or from the repository's own data. A run is known by its temp folder, fresh for each Vitest run
 * (tooling/hermetic-global-setup.ts), so a later run builds anew.
 */
export async function sharedSite(name: "fixture" | "real"): Promise<BuiltSite & { catalog: string }> {
  const stampFile = join(TEST_OUTPUT, "sites", `${name}.built-for.json`);
  const run = process.env.TMPDIR ?? "";
  const stamp = JSON.parse(await readFile(stampFile, "utf8").catch(() => "null")) as {
    run: string;
    site: BuiltSite & { catalog: string };
  } | null;
  if (stamp?.run === run && stamp.site.code === 0) return stamp.site;
  const catalog = name === "fixture" ? await fixtureCatalog() : join(REPO_DIR, "catalog");
  const built = await buildSite(
    name,
    name === "fixture" ? { catalog, results: FIXTURE_RESULTS, siteUrl: FIXTURE_SITE_URL } : {},
  );
  const site = { ...built, catalog };
  await writeFile(stampFile, JSON.stringify({ run, site }));
  return site;
}

/** Runs `astro build` as `pnpm build` does, on the given data, into test-output/sites/<name>. */
export async function buildSite(
  name: string,
  env: { catalog?: string; results?: string; siteUrl?: string },
): Promise<BuiltSite> {
  const dir = join(TEST_OUTPUT, "sites", name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const child = spawn(process.execPath, [join(SITE_DIR, "node_modules", "astro", "astro.js"), "build"], {
    cwd: SITE_DIR,
    env: {
      ...buildEnvironment(),
      ASTRO_TELEMETRY_DISABLED: "1",
      ZOO_SITE_OUT_DIR: dir,
      ...(env.catalog ? { ZOO_CATALOG_DIR: env.catalog } : {}),
      ...(env.results ? { ZOO_RESULTS_DIR: env.results } : {}),
      ...(env.siteUrl ? { ZOO_SITE_URL: env.siteUrl } : {}),
      NO_COLOR: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number>((done) => child.on("close", (status) => done(status ?? 1)));
  return { dir, output, code };
}
