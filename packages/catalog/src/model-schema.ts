import { z } from "zod";
import { figureSchema } from "./figure.ts";
import { huggingFaceRepoIdSchema, idSchema, webUrlSchema } from "./ids.ts";
import { partialDateSchema } from "./release-date.ts";
import { runSpecSchema } from "./run-spec.ts";
import { reportedScoreSchema } from "./reported-score.ts";
import { checkModelConsistency } from "./model-consistency.ts";
import { sourceRefSchema } from "./source-ref.ts";

/** What a model takes in or produces; `embedding` is a vector output (CLIP, embedding models), `3d` a 3D object. */
export const MODALITIES = ["text", "code", "image", "audio", "video", "3d", "embedding"] as const;
export type Modality = (typeof MODALITIES)[number];

export const MODEL_KINDS = ["base", "instruct", "chat", "fine-tune", "merge"] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

export const ARCHITECTURE_TYPES = [
  "decoder-only",
  "encoder-only",
  "encoder-decoder",
  "recurrent",
  "state-space",
  "hybrid",
  "diffusion",
  "gan",
  "vae",
  "flow",
  "convolutional",
] as const;
export const ATTENTION_VARIANTS = ["mha", "mqa", "gqa", "sliding-window"] as const;
export const POSITIONAL_ENCODINGS = ["learned", "sinusoidal", "rope", "alibi", "relative", "none"] as const;
export const NORM_KINDS = ["parametric", "non-parametric", "rmsnorm"] as const;
export const TOKENIZER_KINDS = [
  "bpe",
  "byte-level-bpe",
  "wordpiece",
  "sentencepiece-bpe",
  "sentencepiece-unigram",
  "tiktoken",
] as const;

export const OPENNESS_LEVELS = ["open", "gated", "described", "closed"] as const;
export type OpennessLevel = (typeof OPENNESS_LEVELS)[number];
export const OPENNESS_COMPONENTS = ["weights", "inference_code", "training_code", "training_data"] as const;
export type OpennessComponent = (typeof OPENNESS_COMPONENTS)[number];

export const ACCESS_MODES = ["open-weights", "api", "both", "none"] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];

/** The facts that a source must vouch for whenever the entry states them. */
export const SOURCED_FACTS = [
  "released",
  "parameters",
  "context_length",
  "training_tokens",
  "license",
  "architecture",
  "openness",
  "base_model",
] as const;
export type SourcedFact = (typeof SOURCED_FACTS)[number];

const positiveInteger = z.number().int().positive();

const modalitiesSchema = z.strictObject({
  input: z.array(z.enum(MODALITIES)).min(1).describe("What the model takes in"),
  output: z.array(z.enum(MODALITIES)).min(1).describe("What the model produces"),
});

const parametersSchema = z.strictObject({
  total: figureSchema.describe('All parameters: a count ("7B"), "undisclosed", or {estimate, source}'),
  active: figureSchema.optional().describe("Parameters used per token, for mixture-of-experts models"),
});

const architectureSchema = z.strictObject({
  type: z.enum(ARCHITECTURE_TYPES).describe("The network family"),
  experts: z
    .strictObject({
      total: positiveInteger.describe("Experts per mixture-of-experts layer"),
      active: positiveInteger.describe("Experts routed to per token"),
    })
    .optional()
    .describe("Mixture-of-experts layout; absent for a dense model"),
  attention: z
    .array(z.enum(ATTENTION_VARIANTS))
    .min(1)
    .optional()
    .describe("Attention variants, e.g. [gqa, sliding-window]"),
  positional_encoding: z.enum(POSITIONAL_ENCODINGS).optional(),
  norm: z.enum(NORM_KINDS).optional().describe("Layer norm kind"),
  tokenizer: z
    .strictObject({
      kind: z.enum(TOKENIZER_KINDS),
      vocab_size: positiveInteger.optional(),
    })
    .optional(),
  layers: positiveInteger.optional(),
  hidden_size: positiveInteger.optional(),
  heads: positiveInteger.optional().describe("Attention (query) heads"),
  kv_heads: positiveInteger.optional().describe("Key/value heads (fewer than heads under GQA, 1 under MQA)"),
});

const opennessSchema = z.strictObject(
  Object.fromEntries(OPENNESS_COMPONENTS.map((component) => [component, z.enum(OPENNESS_LEVELS)])) as Record<
    OpennessComponent,
    z.ZodEnum<{ [K in OpennessLevel]: K }>
  >,
);

const linksSchema = z.strictObject({
  paper: webUrlSchema.optional(),
  announcement: webUrlSchema.optional(),
  website: webUrlSchema.optional(),
  huggingface: huggingFaceRepoIdSchema.optional().describe("Hugging Face repo id of the weights"),
});

const sourceSchema = sourceRefSchema({
  title: z.string().min(1).optional(),
  facts: z.array(z.enum(SOURCED_FACTS)).min(1).describe("The facts of this entry that this source vouches for"),
});

const modelFieldsSchema = z.strictObject({
  $schema: z.string().optional().describe("Path to the JSON Schema, for editors"),
  id: idSchema.describe("Kebab-case id, equal to the file name"),
  name: z.string().min(1).describe("The name its maker uses"),
  aliases: z.array(z.string().min(1)).optional().describe("Other names the model is known by"),
  organization: idSchema.describe("Organization id (catalog/organizations/)"),
  family: idSchema.describe("Family id that groups the sizes and versions of one model line, e.g. llama-2"),
  released: partialDateSchema,
  description: z.string().min(1),
  modalities: modalitiesSchema,
  kind: z.enum(MODEL_KINDS).describe("base (pretrained), instruct, chat, fine-tune (domain), merge"),
  base_model: z.array(idSchema).min(1).optional().describe("Catalogue ids of the models this one derives from"),
  parameters: parametersSchema.optional(),
  context_length: positiveInteger.optional().describe("Context window in tokens"),
  training_tokens: figureSchema.optional().describe("Tokens seen in pretraining"),
  license: z.string().min(1).describe("License id (catalog/licenses/): SPDX where one exists"),
  architecture: architectureSchema.optional(),
  openness: opennessSchema.describe("open / gated / described / closed, per component"),
  access: z.enum(ACCESS_MODES).describe("How the model can be used: downloadable weights, an API, both, or neither"),
  links: linksSchema.optional(),
  sources: z.array(sourceSchema).min(1).describe("Where the facts come from"),
  run: runSpecSchema.optional(),
  reported: z.array(reportedScoreSchema).min(1).optional().describe("Scores published by others"),
});
export type ModelFields = z.output<typeof modelFieldsSchema>;

export const modelSchema = modelFieldsSchema
  .superRefine(checkModelConsistency)
  .describe("A zoo catalogue entry: one model");

export type ModelInput = z.input<typeof modelSchema>;
export type ModelEntry = ModelFields;
export type ModelSource = ModelEntry["sources"][number];
export type Architecture = NonNullable<ModelEntry["architecture"]>;
