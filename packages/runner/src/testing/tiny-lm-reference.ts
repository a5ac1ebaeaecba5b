import { LAYER_NORM_EPSILON, type LayerNormWeights, type TinyLmWeights } from "../tiny-lm/tiny-lm-weights.ts";

/*
 * The tiny LM computed the plain way, in float64, from its weights: the whole sequence at once, no cache, no
 * batching, no ONNX. Tests hold the runner's answers against it.
 */

type Vector = Float64Array;

function layerNorm(x: Vector, norm: LayerNormWeights): Vector {
  const mean = x.reduce((sum, value) => sum + value, 0) / x.length;
  const variance = x.reduce((sum, value) => sum + (value - mean) ** 2, 0) / x.length;
  const scale = 1 / Math.sqrt(variance + LAYER_NORM_EPSILON);
  return x.map((value, i) => (value - mean) * scale * norm.gamma[i]! + norm.beta[i]!);
}

/** x · W for W stored row-major as [x.length, columns]. */
function times(x: Vector, matrix: Float32Array, columns: number): Vector {
  const out = new Float64Array(columns);
  for (let i = 0; i < x.length; i++) for (let j = 0; j < columns; j++) out[j]! += x[i]! * matrix[i * columns + j]!;
  return out;
}

const plus = (a: Vector, b: ArrayLike<number>): Vector => a.map((value, i) => value + b[i]!);

/** The logits at every position of `tokens`, as the model defines them. */
export function referenceLogits(weights: TinyLmWeights, tokens: readonly number[]): Vector[] {
  const { hidden, heads, ffn, vocabSize } = weights.shape;
  const headDim = hidden / heads;
  let states = tokens.map((token, position) =>
    plus(
      Float64Array.from(weights.tokenEmbedding.subarray(token * hidden, (token + 1) * hidden)),
      weights.positionEmbedding.subarray(position * hidden, (position + 1) * hidden),
    ),
  );
  for (const layer of weights.layers) {
    const normed = states.map((x) => layerNorm(x, layer.attentionNorm));
    const queries = normed.map((x) => times(x, layer.query, hidden));
    const keys = normed.map((x) => times(x, layer.key, hidden));
    const values = normed.map((x) => times(x, layer.value, hidden));
    states = states.map((x, i) => {
      const context = new Float64Array(hidden);
      // Plain loops rather than subarrays and closures: the same sums in the same order, several times faster.
      const scores = new Float64Array(i + 1);
      for (let h = 0; h < heads; h++) {
        const offset = h * headDim;
        const q = queries[i]!;
        for (let j = 0; j <= i; j++) {
          const k = keys[j]!;
          let dot = 0;
          for (let d = 0; d < headDim; d++) dot += k[offset + d]! * q[offset + d]!;
          scores[j] = dot / Math.sqrt(headDim);
        }
        let max = -Infinity;
        for (let j = 0; j <= i; j++) max = Math.max(max, scores[j]!);
        let total = 0;
        for (let j = 0; j <= i; j++) total += scores[j] = Math.exp(scores[j]! - max);
        for (let j = 0; j <= i; j++) {
          const v = values[j]!;
          for (let d = 0; d < headDim; d++) context[offset + d]! += (scores[j]! / total) * v[offset + d]!;
        }
      }
      return plus(x, times(context, layer.output, hidden));
    });
    states = states.map((x) => {
      const up = plus(times(layerNorm(x, layer.mlpNorm), layer.up, ffn), layer.upBias).map((value) =>
        Math.max(0, value),
      );
      return plus(plus(x, times(up, layer.down, hidden)), layer.downBias);
    });
  }
  return states.map((x) => times(layerNorm(x, weights.finalNorm), weights.unembedding, vocabSize));
}

/** log p(token | logits) in float64, and whether the token is the argmax. */
export function referenceLogprob(logits: Vector, token: number): { logprob: number; greedy: boolean } {
  const max = Math.max(...logits);
  const logSum = Math.log(logits.reduce((sum, value) => sum + Math.exp(value - max), 0));
  return { logprob: logits[token]! - max - logSum, greedy: logits.indexOf(max) === token };
}
