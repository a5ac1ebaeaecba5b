import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { encodeOnnxModel } from "./onnx-writer.ts";
import { tinyLmGraph } from "./tiny-lm-graph.ts";
import { paddedVocabulary, SPECIAL_TOKENS, tinyLmTokenizerJson, tinyLmVocabulary } from "./tiny-lm-tokenizer.ts";
import { tinyLmWeights, type TinyLmShape, type TinyLmWeights } from "./tiny-lm-weights.ts";
import chatTemplates from "./chat-templates.json" with { type: "json" };

/** The default tiny LM: small enough to run every sample suite in seconds, with a real two-layer KV cache. */
export const TINY_LM_SHAPE: Omit<TinyLmShape, "vocabSize"> = {
  hidden: 32,
  heads: 4,
  ffn: 64,
  layers: 2,
  maxPositions: 1024,
};

// Chosen among the first few seeds because its answers vary: it gets some questions right and others wrong.
export const TINY_LM_SEED = 3;

export interface TinyLm {
  /** The folder holding config.json, tokenizer files and onnx/model.onnx. */
  dir: string;
  weights: TinyLmWeights;
  vocabulary: string[];
}

/**
 * Writes zoo's own tiny causal LM to `dir` as transformers.js loads a model from a local folder: a Llama-style
 * config, a WordPiece tokenizer and an fp32 ONNX decoder with a KV cache. Its weights are random (seeded): it
 * answers no better than chance, and exists to test and time the runner on a real ONNX model without a network.
 * `vocabSize` pads the vocabulary with placeholders that text never encodes to (see paddedVocabulary): text keeps
 * its ids, but the weights, drawn from the seed one matrix after another, are not the unpadded model's.
 */
export async function writeTinyLm(
  dir: string,
  options: { seed?: number; shape?: Partial<Omit<TinyLmShape, "vocabSize">>; vocabSize?: number } = {},
): Promise<TinyLm> {
  const base = tinyLmVocabulary();
  const vocabulary = options.vocabSize === undefined ? base : paddedVocabulary(base, options.vocabSize);
  const shape: TinyLmShape = { ...TINY_LM_SHAPE, ...options.shape, vocabSize: vocabulary.length };
  if (shape.hidden % shape.heads !== 0)
    throw new Error(`hidden size ${shape.hidden} is not a multiple of ${shape.heads} heads`);
  const weights = tinyLmWeights(shape, options.seed ?? TINY_LM_SEED);
  const [pad, , bos, eos] = SPECIAL_TOKENS.map((token) => vocabulary.indexOf(token));
  await mkdir(join(dir, "onnx"), { recursive: true });
  const json = (file: string, value: unknown) => writeFile(join(dir, file), `${JSON.stringify(value, null, 2)}\n`);
  await json("config.json", {
    architectures: ["LlamaForCausalLM"],
    model_type: "llama",
    vocab_size: shape.vocabSize,
    hidden_size: shape.hidden,
    intermediate_size: shape.ffn,
    num_hidden_layers: shape.layers,
    num_attention_heads: shape.heads,
    num_key_value_heads: shape.heads,
    head_dim: shape.hidden / shape.heads,
    max_position_embeddings: shape.maxPositions,
    bos_token_id: bos,
    eos_token_id: eos,
    pad_token_id: pad,
    torch_dtype: "float32",
  });
  await json("generation_config.json", { bos_token_id: bos, eos_token_id: eos, pad_token_id: pad });
  await json("tokenizer.json", tinyLmTokenizerJson(vocabulary));
  await json("tokenizer_config.json", {
    tokenizer_class: "PreTrainedTokenizerFast",
    model_max_length: shape.maxPositions,
    bos_token: "[BOS]",
    eos_token: "[EOS]",
    unk_token: "[UNK]",
    pad_token: "[PAD]",
    clean_up_tokenization_spaces: false,
    chat_template: chatTemplates.templates,
  });
  await writeFile(join(dir, "onnx", "model.onnx"), encodeOnnxModel(tinyLmGraph(weights)));
  return { dir, weights, vocabulary };
}
