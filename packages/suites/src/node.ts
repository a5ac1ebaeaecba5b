// @zoo/suites/node: the Node.js adapters (disk, cache folder). The main entry has no Node imports.
export { BENCHMARKS_DIR, defaultCacheDir, diskCache, nodeFiles, nodeSuiteIo } from "./node-io.ts";
export { ResultsError, readResults } from "./node-results.ts";
export type { StoredResult } from "./node-results.ts";
