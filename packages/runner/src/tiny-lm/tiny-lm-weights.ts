import { mulberry32 } from "@zoo/suites";

/** The shape of zoo's tiny causal LM: a pre-norm decoder with learned positions, ReLU MLPs and a KV cache. */
export interface TinyLmShape {
  vocabSize: number;
  hidden: number;
  heads: number;
  ffn: number;
  layers: number;
  maxPositions: number;
}

export interface LayerNormWeights {
  gamma: Float32Array;
  beta: Float32Array;
}

export interface TinyLmLayer {
  attentionNorm: LayerNormWeights;
  /** [hidden, hidden], row-major: x · W. */
  query: Float32Array;
  key: Float32Array;
  value: Float32Array;
  output: Float32Array;
  mlpNorm: LayerNormWeights;
  /** [hidden, ffn] and [ffn], then [ffn, hidden] and [hidden]. */
  up: Float32Array;
  upBias: Float32Array;
  down: Float32Array;
  downBias: Float32Array;
}

/** Every weight of the model, as the float32 values the ONNX file holds. */
export interface TinyLmWeights {
  shape: TinyLmShape;
  /** [vocabSize, hidden] and [maxPositions, hidden]. */
  tokenEmbedding: Float32Array;
  positionEmbedding: Float32Array;
  layers: TinyLmLayer[];
  finalNorm: LayerNormWeights;
  /** [hidden, vocabSize]. */
  unembedding: Float32Array;
}

export const LAYER_NORM_EPSILON = 1e-5;

/** Seeded weights, normally distributed with the usual 1/√fan-in scale, so logits spread over a few nats. */
export function tinyLmWeights(shape: TinyLmShape, seed: number): TinyLmWeights {
  const next = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const matrix = (count: number, scale: number) => Float32Array.from({ length: count }, () => normal() * scale);
  const norm = (): LayerNormWeights => ({
    gamma: Float32Array.from({ length: shape.hidden }, () => 1 + 0.1 * normal()),
    beta: matrix(shape.hidden, 0.1),
  });
  const { hidden, ffn } = shape;
  return {
    shape,
    tokenEmbedding: matrix(shape.vocabSize * hidden, 1),
    positionEmbedding: matrix(shape.maxPositions * hidden, 0.3),
    layers: Array.from({ length: shape.layers }, () => ({
      attentionNorm: norm(),
      query: matrix(hidden * hidden, 2 / Math.sqrt(hidden)),
      key: matrix(hidden * hidden, 2 / Math.sqrt(hidden)),
      value: matrix(hidden * hidden, 1 / Math.sqrt(hidden)),
      output: matrix(hidden * hidden, 1 / Math.sqrt(hidden)),
      mlpNorm: norm(),
      up: matrix(hidden * ffn, 1 / Math.sqrt(hidden)),
      upBias: matrix(ffn, 0.1),
      down: matrix(ffn * hidden, 1 / Math.sqrt(ffn)),
      downBias: matrix(hidden, 0.1),
    })),
    finalNorm: norm(),
    unembedding: matrix(hidden * shape.vocabSize, 2 / Math.sqrt(hidden)),
  };
}
