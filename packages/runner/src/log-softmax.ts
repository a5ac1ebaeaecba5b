/**
 * The log-probability of `token` under one row of logits, computed in float64 whatever the logits' type, and
 * whether `token` is the row's argmax (the first maximum on ties, as torch's argmax).
 */
export function tokenLogprob(
  logits: ArrayLike<number>,
  offset: number,
  vocabSize: number,
  token: number,
): { logprob: number; greedy: boolean } {
  let max = -Infinity;
  let argmax = 0;
  for (let index = 0; index < vocabSize; index++) {
    const value = logits[offset + index]!;
    if (value > max) {
      max = value;
      argmax = index;
    }
  }
  let sum = 0;
  for (let index = 0; index < vocabSize; index++) sum += Math.exp(logits[offset + index]! - max);
  return { logprob: logits[offset + token]! - max - Math.log(sum), greedy: argmax === token };
}
