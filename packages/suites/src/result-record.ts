import { z } from "zod";

/** Bumped when a field of the record is removed or changes meaning; adding an optional field keeps the version. */
export const RESULT_RECORD_VERSION = 1;

const metricSchema = z.strictObject({
  value: z.number(),
  /** Standard error of the mean as lm-evaluation-harness computes it; null where it has none (e.g. BLEU). */
  stderr: z.number().nonnegative().nullable(),
});

const metricsSchema = z.record(z.string().min(1), metricSchema);

/** A breakdown row: one subject, category or sub-task of the suite. */
const groupSchema = z.strictObject({
  kind: z.enum(["subject", "category", "task"]),
  name: z.string().min(1),
  documents: z.number().int().nonnegative(),
  metrics: metricsSchema,
});

/**
 * One scored run of one model on one suite at one shot count: what `zoo bench` writes under
 * benchmarks/results/<model-id>/, what the site shows, and what `zoo results merge` joins shards into.
 */
export const resultRecordSchema = z.strictObject({
  schema_version: z.literal(RESULT_RECORD_VERSION),
  model: z.strictObject({
    /** The catalogue id, or for a model outside the catalogue a label such as "hf:org/repo" or "local:name". */
    id: z.string().min(1),
    /** How the scores were made: one of zoo's adapters, or lm-evaluation-harness for an imported result. */
    adapter: z.enum(["transformers-js", "openai", "anthropic", "random", "first", "lm-eval"]),
    /** Hugging Face repo id or local folder name (transformers-js). */
    repo: z.string().min(1).optional(),
    /** The exact revision run: a commit sha where the hub gives one. */
    revision: z.string().min(1).optional(),
    dtype: z.string().min(1).optional(),
    device: z.string().min(1).optional(),
    /** The model name the API was called with (openai, anthropic). */
    api_model: z.string().min(1).optional(),
    base_url: z.string().min(1).optional(),
    /** Seed of a random baseline. */
    seed: z.number().int().optional(),
  }),
  suite: z.strictObject({
    id: z.string().min(1),
    version: z.string().min(1),
    /** The metric leaderboards rank by, a key of `metrics`. */
    primary_metric: z.string().min(1),
    /** The primary metric's expected value for a uniform random guess over each document's choices; null if none. */
    chance: z.number().min(0).max(1).nullable(),
    dataset: z.strictObject({
      id: z.string().min(1),
      revision: z.string().min(1).nullable(),
      /**
       * sha256 of the documents scored, so two runs can be shown to have used the same data; null only for a result
       * imported from lm-evaluation-harness, whose results file does not identify the documents this way.
       */
      hash: z
        .string()
        .regex(/^sha256:[0-9a-f]{64}$/)
        .nullable(),
      /** True for the project's own offline sample sets: such a score is never shown as the real benchmark's. */
      sample: z.boolean(),
    }),
  }),
  shots: z.number().int().nonnegative(),
  /**
   * How the prompt was framed, when not plainly (absent: lm-evaluation-harness's default prompt): the system
   * instruction, the chat template rendered with ("default" or its name; null for none), and whether few-shot
   * examples were turns of their own. API models, which take the chat turns as they are, state "api".
   */
  prompt: z
    .strictObject({
      system_instruction: z.string().nullable(),
      chat_template: z.string().min(1).nullable(),
      fewshot_as_multiturn: z.boolean(),
    })
    .optional(),
  /** The --limit given, if any. */
  limit: z.number().int().positive().nullable(),
  /** True when fewer documents were scored than the suite holds: never ranked. */
  limited: z.boolean(),
  documents: z.number().int().nonnegative(),
  metrics: metricsSchema,
  groups: z.array(groupSchema),
  timings: z.strictObject({
    wall_seconds: z.number().nonnegative(),
    /** Documents answered by this run a second; those answered from the cache do not count. */
    items_per_second: z.number().nonnegative(),
    /** Documents whose every answer was already in the cache when the run began (absent in older records: none). */
    documents_cached: z.number().int().nonnegative().optional(),
    /** Tokens through the model's forward passes per second (local models); null for APIs. */
    tokens_per_second: z.number().nonnegative().nullable(),
  }),
  /**
   * What ran it: Node (`zoo bench`), or a browser (the site's /run/ page), which also names the device its forward
   * passes ran on. A browser run is listed apart from nightly runs until a maintainer reproduces it.
   */
  environment: z
    .strictObject({
      zoo_version: z.string().min(1),
      node: z.string().min(1).optional(),
      browser: z.string().min(1).optional(),
      device: z.enum(["wasm", "webgpu"]).optional(),
      platform: z.string().min(1),
      onnxruntime: z.string().min(1).optional(),
      transformers_js: z.string().min(1).optional(),
    })
    .refine((environment) => (environment.node === undefined) !== (environment.browser === undefined), {
      message: "names either the Node version (zoo bench) or the browser (the site's /run/ page)",
    })
    .refine((environment) => (environment.browser === undefined) === (environment.device === undefined), {
      message: "a browser run names its device, wasm or webgpu; a Node run names none",
    }),
  /** Tokens an API billed for this run's requests, as its usage fields report them (API models only). */
  usage: z
    .strictObject({ input_tokens: z.number().int().nonnegative(), output_tokens: z.number().int().nonnegative() })
    .optional(),
  /** When the run finished, ISO 8601. */
  date: z.iso.datetime({ offset: true }),
  /** Present on the part of a sharded run; `zoo results merge` removes it. */
  shard: z.strictObject({ index: z.number().int().nonnegative(), count: z.number().int().positive() }).optional(),
  /** Per-document samples (--log-samples), a JSONL file beside the record. */
  samples_file: z.string().min(1).optional(),
  /**
   * Present on a result `zoo results import` read from lm-evaluation-harness's results JSON: what ran it. The
   * environment is then that of the import.
   */
  imported_from: z
    .strictObject({
      tool: z.literal("lm-evaluation-harness"),
      /** Its model type (hf, vllm, local-completions, …) and model_args, as its results file gives them. */
      model_type: z.string().min(1),
      model_args: z.string(),
      /** Its git hash or version, where the file gives one. */
      version: z.string().min(1).nullable(),
      /** lm-evaluation-harness's own name of the task. */
      task: z.string().min(1),
    })
    .optional(),
});

export type ResultRecord = z.output<typeof resultRecordSchema>;
export type MetricValue = z.output<typeof metricSchema>;
export type ResultGroup = z.output<typeof groupSchema>;
