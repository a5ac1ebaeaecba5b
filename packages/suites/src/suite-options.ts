import type { CacheStore, FileSource } from "./file-source.ts";

/**
 * Where a suite's documents come from:
 * - `hub`: the real dataset from the Hugging Face Hub (MMLU, TruthfulQA), cached by content hash;
 * - `local`: a local copy in the dataset's original layout, in `dir`;
 * - `sample`: the project's own small offline samples (benchmarks/samples), never scored as the real benchmark;
 * - `generated`: arithmetic's seeded generator.
 */
export type DataSource =
  | { kind: "hub"; revision?: string; hubUrl?: string; accessToken?: string }
  | { kind: "local"; dir: string }
  | { kind: "sample" }
  | { kind: "generated"; seed?: number };

export type DataKind = DataSource["kind"];

/** How suites reach files, the network and the download cache; `@zoo/suites/node` provides the Node ones. */
export interface SuiteIo {
  files: FileSource;
  /** The folder of benchmarks/samples within `files`. */
  samplesDir: string;
  /** The folder of benchmarks/suites within `files`, where custom suite YAML files live. */
  suitesDir?: string;
  fetch?: typeof fetch;
  cache?: CacheStore;
}

export interface LoadSuiteOptions {
  io: SuiteIo;
  /** Few-shot examples per prompt; each suite has a default and a maximum. */
  shots?: number;
  /** The first N documents (of each subtask, as lm-evaluation-harness limits). */
  limit?: number;
  /** Defaults to the suite's real data: the Hub, the generator, or a custom suite's own file. */
  data?: DataSource;
}
