// The scoring core, the same in Node and in a browser: transformers.js models scored exactly as
// lm-evaluation-harness scores them, through the prefix tree, and a suite run from its requests to its record.
// No Node built-ins are reachable from here (see scoring-bundle.test.ts); a host brings its own TokenEncoder (Node:
// startTokenizerThread, in the main index) and ResponseStore (Node: ResponseCache; a browser: IndexedDB).
export type { AnswerOptions, ModelAdapter, ModelIdentity } from "./adapter.ts";
export { inlineEncoder } from "./adapters/token-encoder.ts";
export type { TokenEncoder } from "./adapters/token-encoder.ts";
export { TransformersAdapter } from "./adapters/transformers-adapter.ts";
export type { TransformersModelOptions } from "./adapters/transformers-adapter.ts";
export type { BatchSize } from "./forward-batches.ts";
export type { Sharing } from "./prefix-tree.ts";
export { requestKey } from "./request-key.ts";
export { resultFileName } from "./result-file-name.ts";
export type { ResponseStore } from "./response-store.ts";
export { planSuite } from "./plan-suite.ts";
export type { SuitePlan } from "./plan-suite.ts";
export { runSuite } from "./run-suite.ts";
export type { RunProgress, RunSuiteOptions, SuiteResult } from "./run-suite.ts";
