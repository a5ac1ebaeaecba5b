import { z } from "zod";
import { huggingFaceRepoIdSchema, webUrlSchema } from "./ids.ts";
import { partialDateSchema } from "./release-date.ts";

/** The weight formats transformers.js can load, as its `dtype` option names them. */
export const DTYPES = ["fp32", "fp16", "q8", "int8", "uint8", "q4", "q4f16", "bnb4"] as const;
export type Dtype = (typeof DTYPES)[number];

const environmentVariable = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, {
  error: (issue) =>
    `expected an environment variable name such as OPENAI_API_KEY, found ${JSON.stringify(issue.input)}`,
});
const nightly = z.boolean().optional().describe("Run this model in the nightly leaderboard refresh");

const dollars = z.number().nonnegative();
const pricePerMillionTokens = z
  .strictObject({
    input: dollars.describe("US dollars per million input tokens"),
    output: dollars.describe("US dollars per million output tokens"),
    source: webUrlSchema.describe("The provider's pricing page"),
    date: partialDateSchema.describe("When the price was read there"),
  })
  .optional()
  .describe("The API's list price, for the cost a run prints");

const transformersJsRun = z.strictObject({
  adapter: z.literal("transformers-js"),
  repo: huggingFaceRepoIdSchema.describe("Hugging Face repo with ONNX weights for transformers.js"),
  revision: z.string().min(1).optional().describe("Branch, tag or commit; a commit pins the result"),
  dtype: z.enum(DTYPES).optional(),
  chat_template: z
    .boolean()
    .optional()
    .describe("Prompt through the tokenizer's chat template, as the Open LLM Leaderboard v2 runs instruct models"),
  nightly,
});

const openAiRun = z.strictObject({
  adapter: z.literal("openai"),
  model: z.string().min(1).describe("The model name the API takes"),
  base_url: z
    .url()
    .optional()
    .describe("An OpenAI-compatible server (vLLM, TGI, llama.cpp, Ollama); OpenAI's own when absent"),
  api_key_env: environmentVariable.optional().describe("Environment variable holding the key (default OPENAI_API_KEY)"),
  price_per_mtok: pricePerMillionTokens,
  nightly,
});

const anthropicRun = z.strictObject({
  adapter: z.literal("anthropic"),
  model: z.string().min(1).describe("The model name the Messages API takes"),
  api_key_env: environmentVariable
    .optional()
    .describe("Environment variable holding the key (default ANTHROPIC_API_KEY)"),
  price_per_mtok: pricePerMillionTokens,
  nightly,
});

/** How zoo runs a catalogue entry: through transformers.js, or through a provider's API. */
export const runSpecSchema = z
  .discriminatedUnion("adapter", [transformersJsRun, openAiRun, anthropicRun])
  .describe("How `zoo bench` runs this model");

export type RunSpec = z.output<typeof runSpecSchema>;
