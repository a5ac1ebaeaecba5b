import type { TinyLmShape } from "../tiny-lm/tiny-lm-weights.ts";

export type BenchModel = "tiny" | "small" | "gpt2";

/**
 * The models zoo's speed scripts write with writeTinyLm (random weights, the tiny LM's design): zoo's tiny LM,
 * 11.6M parameters, and GPT-2 124M's shape with its 50,257-token vocabulary.
 */
export const BENCH_MODELS: Record<
  BenchModel,
  { title: string; shape: Partial<Omit<TinyLmShape, "vocabSize">>; vocabSize?: number }
> = {
  tiny: { title: "zoo:tiny-lm (65k parameters, window 1,024)", shape: {} },
  small: {
    title: "11.6M parameters, the tiny LM's design (window 2,048)",
    shape: { hidden: 384, heads: 6, ffn: 1536, layers: 6, maxPositions: 2048 },
  },
  gpt2: {
    title: "GPT-2 124M's shape: 12 layers, 768 wide, 12 heads, window 1,024, vocabulary 50,257 (163M weights untied)",
    shape: { hidden: 768, heads: 12, ffn: 3072, layers: 12, maxPositions: 1024 },
    vocabSize: 50257,
  },
};
