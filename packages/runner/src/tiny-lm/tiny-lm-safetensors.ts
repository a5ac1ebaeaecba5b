import { open } from "node:fs/promises";
import type { TinyLmWeights } from "./tiny-lm-weights.ts";

/*
 * The tiny LM's weights in the safetensors format (https://github.com/huggingface/safetensors, "Format"), for a
 * peer outside Node (bench/torch_peer.py) to compute the same model: an 8-byte little-endian header length, a JSON
 * header naming each tensor's dtype, shape and byte range in the data that follows, then the raw data.
 */

/** A tensor of the file: its name, shape and float32 values. */
export interface NamedTensor {
  name: string;
  shape: number[];
  values: Float32Array;
}

/**
 * Every weight under the name the ONNX graph gives it, in the graph's shapes (matrices row-major, used as x · W):
 * token_embedding [vocab, hidden], position_embedding [maxPositions, hidden]; per layer i,
 * layers.i.attention_norm.gamma and .beta [hidden], layers.i.query, .key, .value and .output [hidden, hidden],
 * layers.i.mlp_norm.gamma and .beta [hidden], layers.i.up [hidden, ffn], layers.i.up_bias [ffn],
 * layers.i.down [ffn, hidden], layers.i.down_bias [hidden]; final_norm.gamma and .beta [hidden];
 * unembedding [hidden, vocab].
 */
export function tinyLmTensors(weights: TinyLmWeights): NamedTensor[] {
  const { vocabSize, hidden, ffn, maxPositions } = weights.shape;
  const norm = (prefix: string, values: { gamma: Float32Array; beta: Float32Array }): NamedTensor[] => [
    { name: `${prefix}.gamma`, shape: [hidden], values: values.gamma },
    { name: `${prefix}.beta`, shape: [hidden], values: values.beta },
  ];
  return [
    { name: "token_embedding", shape: [vocabSize, hidden], values: weights.tokenEmbedding },
    { name: "position_embedding", shape: [maxPositions, hidden], values: weights.positionEmbedding },
    ...weights.layers.flatMap((layer, i): NamedTensor[] => [
      ...norm(`layers.${i}.attention_norm`, layer.attentionNorm),
      { name: `layers.${i}.query`, shape: [hidden, hidden], values: layer.query },
      { name: `layers.${i}.key`, shape: [hidden, hidden], values: layer.key },
      { name: `layers.${i}.value`, shape: [hidden, hidden], values: layer.value },
      { name: `layers.${i}.output`, shape: [hidden, hidden], values: layer.output },
      ...norm(`layers.${i}.mlp_norm`, layer.mlpNorm),
      { name: `layers.${i}.up`, shape: [hidden, ffn], values: layer.up },
      { name: `layers.${i}.up_bias`, shape: [ffn], values: layer.upBias },
      { name: `layers.${i}.down`, shape: [ffn, hidden], values: layer.down },
      { name: `layers.${i}.down_bias`, shape: [hidden], values: layer.downBias },
    ]),
    ...norm("final_norm", weights.finalNorm),
    { name: "unembedding", shape: [hidden, vocabSize], values: weights.unembedding },
  ];
}

/** The file's first bytes: the header length, then the JSON header of tensors stored one after another. */
function safetensorsHeader(tensors: readonly NamedTensor[]): Buffer {
  const entries: Record<string, unknown> = { __metadata__: { format: "pt" } };
  let offset = 0;
  for (const { name, shape, values } of tensors) {
    if (shape.reduce((count, dim) => count * dim, 1) !== values.length)
      throw new Error(`tensor ${name}: shape [${shape.join(", ")}] does not hold its ${values.length} values`);
    entries[name] = { dtype: "F32", shape, data_offsets: [offset, offset + values.byteLength] };
    offset += values.byteLength;
  }
  const json = Buffer.from(JSON.stringify(entries), "utf8");
  // The format allows trailing spaces in the header; they start the data on an 8-byte boundary, so a reader can
  // view each float32 tensor in place.
  const padded = Math.ceil(json.length / 8) * 8;
  const header = Buffer.alloc(8 + padded, " ");
  header.writeBigUInt64LE(BigInt(padded), 0);
  json.copy(header, 8);
  return header;
}

/**
 * Writes `tensors` to a safetensors file at `path`, each straight from its Float32Array (little-endian on every
 * platform Node runs on): a GPT-2-sized model's 650 MB are never copied into one buffer.
 */
export async function writeSafetensors(path: string, tensors: readonly NamedTensor[]): Promise<void> {
  const file = await open(path, "w");
  try {
    for (const bytes of [
      safetensorsHeader(tensors),
      ...tensors.map(({ values }) => new Uint8Array(values.buffer, values.byteOffset, values.byteLength)),
    ]) {
      // One write() may take only part of a large buffer.
      for (let written = 0; written < bytes.length;) written += (await file.write(bytes, written)).bytesWritten;
    }
  } finally {
    await file.close();
  }
}

/** Writes the tiny LM's weights to `path` as safetensors, under the names tinyLmTensors gives them. */
export function writeTinyLmSafetensors(path: string, weights: TinyLmWeights): Promise<void> {
  return writeSafetensors(path, tinyLmTensors(weights));
}
