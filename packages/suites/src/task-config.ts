import { z } from "zod";

/** lm-evaluation-harness's output types that zoo runs. */
export const OUTPUT_TYPES = ["multiple_choice", "loglikelihood", "generate_until"] as const;
export type OutputType = (typeof OUTPUT_TYPES)[number];

/** Per-document metrics a task config can ask for; the built-in suites add their own (mc2, BLEU, ROUGE). */
export const CONFIG_METRICS = ["acc", "acc_norm", "exact_match"] as const;

const metricSchema = z.strictObject({
  metric: z.enum(CONFIG_METRICS),
  /** exact_match options, as lm-evaluation-harness's exact_match (Hugging Face evaluate) takes them. */
  ignore_case: z.boolean().default(false),
  ignore_punctuation: z.boolean().default(false),
  regexes_to_ignore: z.array(z.string()).default([]),
});

/** One step of an lm-evaluation-harness filter chain (lm_eval/filters), with its arguments and defaults. */
const filterStepSchema = z.discriminatedUnion("function", [
  z.strictObject({
    function: z.literal("regex"),
    /** A Python regular expression, as lm-evaluation-harness compiles it. */
    regex_pattern: z.string().min(1),
    group_select: z.number().int().default(0),
    fallback: z.string().default("[invalid]"),
  }),
  z.strictObject({ function: z.literal("remove_whitespace") }),
  z.strictObject({ function: z.literal("take_first") }),
]);

const filterSchema = z.strictObject({
  name: z.string().min(1),
  filter: z.array(filterStepSchema).min(1),
});

/**
 * How a document becomes a prompt and how its responses are scored, with lm-evaluation-harness's task-config keys
 * and meanings, so that a task YAML of theirs carries over. The text fields are Jinja templates over the
 * document's fields (or a field's name, which stands for that field).
 */
export const taskConfigSchema = z.strictObject({
  output_type: z.enum(OUTPUT_TYPES),
  /** Put before the few-shot examples; a template too. */
  description: z.string().default(""),
  doc_to_text: z.string().min(1),
  /** The choices of a multiple-choice document: a list, or a template or field giving one. */
  doc_to_choice: z.union([z.string().min(1), z.array(z.string()).min(1)]).optional(),
  /** The answer: an index into the choices, the text of one, or the continuation or reference text. */
  doc_to_target: z.union([z.string().min(1), z.number().int().nonnegative()]),
  target_delimiter: z.string().default(" "),
  fewshot_delimiter: z.string().default("\n\n"),
  generation_kwargs: z
    .strictObject({
      /** Stop sequences; lm-evaluation-harness's default is the few-shot delimiter. */
      until: z.array(z.string().min(1)).optional(),
      max_gen_toks: z.number().int().positive().default(256),
    })
    .optional(),
  metric_list: z.array(metricSchema).min(1).optional(),
  /**
   * Chains that turn a generation into what the metrics compare (generate_until only). With one chain the metrics
   * keep their names; with several, each is named `metric,chain` as lm-evaluation-harness reports them.
   */
  filter_list: z.array(filterSchema).min(1).optional(),
});

export type TaskConfigInput = z.input<typeof taskConfigSchema>;
export type TaskConfig = z.output<typeof taskConfigSchema>;
export type MetricConfig = z.output<typeof metricSchema>;
export type FilterStep = z.output<typeof filterStepSchema>;
