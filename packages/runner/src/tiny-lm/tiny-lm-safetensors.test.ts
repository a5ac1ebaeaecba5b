import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeSafetensors, writeTinyLmSafetensors } from "./tiny-lm-safetensors.ts";
import { tinyLmWeights } from "./tiny-lm-weights.ts";

const SHAPE = { vocabSize: 11, hidden: 8, heads: 2, ffn: 12, layers: 2, maxPositions: 5 };

interface Entry {
  dtype: string;
  shape: number[];
  data_offsets: [number, number];
}

/** The file read back by the format's rules alone. */
async function readSafetensors(path: string) {
  const bytes = await readFile(path);
  const headerLength = Number(bytes.readBigUInt64LE(0));
  const { __metadata__: metadata, ...entries } = JSON.parse(bytes.subarray(8, 8 + headerLength).toString("utf8"));
  const data = bytes.subarray(8 + headerLength);
  const values = (entry: Entry) =>
    new Float32Array(
      data.buffer.slice(data.byteOffset + entry.data_offsets[0], data.byteOffset + entry.data_offsets[1]),
    );
  return { bytes, headerLength, metadata, entries: entries as Record<string, Entry>, dataLength: data.length, values };
}

describe("writeTinyLmSafetensors", () => {
  it("writes every weight as float32 under the graph's names, in the format's layout", async () => {
    const weights = tinyLmWeights(SHAPE, 7);
    const path = join(await mkdtemp(join(tmpdir(), "zoo-safetensors-")), "model.safetensors");
    await writeTinyLmSafetensors(path, weights);
    const file = await readSafetensors(path);

    expect((8 + file.headerLength) % 8).toBe(0);
    expect(file.bytes.subarray(8, 8 + file.headerLength).toString("utf8")).toMatch(/^\{.*\} *$/);
    expect(file.metadata).toEqual({ format: "pt" });
    const names = Object.keys(file.entries);
    expect(names).toHaveLength(2 + SHAPE.layers * 12 + 3);
    expect(names.slice(0, 4)).toEqual([
      "token_embedding",
      "position_embedding",
      "layers.0.attention_norm.gamma",
      "layers.0.attention_norm.beta",
    ]);
    expect(names.at(-1)).toBe("unembedding");

    // Tensors follow one another from the start of the data to its end, each as long as its shape says.
    let offset = 0;
    for (const entry of Object.values(file.entries)) {
      expect(entry.dtype).toBe("F32");
      expect(entry.data_offsets[0]).toBe(offset);
      offset = entry.data_offsets[1];
      expect(offset - entry.data_offsets[0]).toBe(4 * entry.shape.reduce((count, dim) => count * dim, 1));
    }
    expect(offset).toBe(file.dataLength);

    const { hidden, ffn, vocabSize, maxPositions } = SHAPE;
    expect(file.entries.token_embedding!.shape).toEqual([vocabSize, hidden]);
    expect(file.entries.position_embedding!.shape).toEqual([maxPositions, hidden]);
    expect(file.entries["layers.1.up"]!.shape).toEqual([hidden, ffn]);
    expect(file.entries["layers.1.down"]!.shape).toEqual([ffn, hidden]);
    expect(file.entries.unembedding!.shape).toEqual([hidden, vocabSize]);
    expect(file.values(file.entries.token_embedding!)).toEqual(weights.tokenEmbedding);
    expect(file.values(file.entries["layers.1.query"]!)).toEqual(weights.layers[1]!.query);
    expect(file.values(file.entries["layers.0.mlp_norm.gamma"]!)).toEqual(weights.layers[0]!.mlpNorm.gamma);
    expect(file.values(file.entries["layers.1.down_bias"]!)).toEqual(weights.layers[1]!.downBias);
    expect(file.values(file.entries["final_norm.beta"]!)).toEqual(weights.finalNorm.beta);
    expect(file.values(file.entries.unembedding!)).toEqual(weights.unembedding);
  });

  it("refuses a tensor whose shape does not hold its values", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "zoo-safetensors-")), "bad.safetensors");
    await expect(writeSafetensors(path, [{ name: "w", shape: [2, 3], values: new Float32Array(5) }])).rejects.toThrow(
      "tensor w: shape [2, 3] does not hold its 5 values",
    );
  });
});
