import { z } from "zod";
import { huggingFaceRepoIdSchema } from "./ids.ts";

/** The weight formats transformers.js can load, as its `dtype` option names them. */
export const DTYPES = ["fp32", "fp16", "q8", "int8", "uint8", "q4", "q4f16", "bnb4"] as const;
export type Dtype = (typeof DTYPES)[number];

const environmentVariable = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, {
  error: (issue) =>
    `expected an environment variable name such as OPENAI_API_KEY, found ${JSON.stringify(issue.input)}`,
});
const nightly = z.boolean().optional().describe("Run this model in the nightly leaderboard refresh");

const transformersJsRun = z.strictObject({
  adapter: z.literal("transformers-js"),
  repo: huggingFaceRepoIdSchema.describe("Hugging Face repo with ONNX weights for transformers.js"),
  revision: z.string().min(1).optional().describe("Branch, tag or commit; a commit pins the result"),
  dtype: z.enum(DTYPES).optional(),
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
  nightly,
});

const anthropicRun = z.strictObject({
  adapter: z.literal("anthropic"),
  model: z.string().min(1).describe("The model name the Messages API takes"),
  api_key_env: environmentVariable
    .optional()
    .describe("Environment variable holding the key (default ANTHROPIC_API_KEY)"),
  nightly,
});

/** How zoo runs a catalogue entry: through transformers.js, or through a provider's API. */
export const runSpecSchema = z
  .discriminatedUnion("adapter", [transformersJsRun, openAiRun, anthropicRun])
  .describe("How `zoo bench` runs this model");

export type RunSpec = z.output<typeof runSpecSchema>;
