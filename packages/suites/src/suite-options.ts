import type { CacheStore, FileSource } from "./file-source.ts";
import type { HubOptions } from "./hub-dataset.ts";

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
  /** The Hub to download from unless a data source names one (Node: $HF_ENDPOINT); defaults to huggingface.co. */
  hubUrl?: string;
  /** Sent to the Hub unless a data source gives one (Node: $HF_TOKEN). */
  accessToken?: string;
}

/** What a Hub download needs: the source's choices first, then the io's settings. */
export function hubOptions(source: Extract<DataSource, { kind: "hub" }>, io: SuiteIo): HubOptions {
  const hubUrl = source.hubUrl ?? io.hubUrl;
  const accessToken = source.accessToken ?? io.accessToken;
  return {
    ...(source.revision === undefined ? {} : { revision: source.revision }),
    ...(hubUrl === undefined ? {} : { hubUrl }),
    ...(accessToken === undefined ? {} : { accessToken }),
    ...(io.fetch === undefined ? {} : { fetch: io.fetch }),
    ...(io.cache === undefined ? {} : { cache: io.cache }),
  };
}

export interface LoadSuiteOptions {
  io: SuiteIo;
  /** Few-shot examples per prompt; each suite has a default and a maximum. */
  shots?: number;
  /** The first N documents (of each subtask, as lm-evaluation-harness limits). */
  limit?: number;
  /** Defaults to the suite's real data: the Hub, the generator, or a custom suite's own file. */
  data?: DataSource;
  /** How the prompt is framed: a system instruction, and chat transcripts for a chat template. */
  prompt?: PromptOptions;
}

/**
 * lm-evaluation-harness's --system_instruction, --apply_chat_template and --fewshot_as_multiturn. Without `chat`
 * the system instruction opens the plain prompt, before the description; with it, requests carry chat transcripts.
 */
export interface PromptOptions {
  systemInstruction?: string;
  chat: boolean;
  fewshotAsMultiturn: boolean;
}
