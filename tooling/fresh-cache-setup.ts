import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";

/*
 * Every test file, and every test in it, gets a zoo cache of its own, removed afterwards: no test sees answers,
 * models or datasets another test left behind. The folders live in the run's temp folder (hermetic-global-setup).
 */

const fileCache = mkdtempSync(join(tmpdir(), "zoo-cache-"));
process.env.ZOO_CACHE_DIR = fileCache;
let testCache: string | undefined;

beforeEach(() => {
  testCache = mkdtempSync(join(tmpdir(), "zoo-cache-"));
  process.env.ZOO_CACHE_DIR = testCache;
});

afterEach(() => {
  if (testCache) rmSync(testCache, { recursive: true, force: true });
  process.env.ZOO_CACHE_DIR = fileCache;
});
