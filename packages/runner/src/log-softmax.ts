/** What a row of logits gives every token's log-probability from: its maximum, argmax and log Σ exp(x - max). */
export interface LogitRow {
  max: number;
  argmax: number;
  logSum: number;
}

/** The row's log-softmax terms, in float64 whatever the logits' type; the argmax is the first maximum, as torch's. */
export function logitRow(logits: ArrayLike<number>, offset: number, vocabSize: number): LogitRow {
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
  return { max, argmax, logSum: Math.log(sum) };
}

/** The log-probability of `token` under a row of logits, and whether `token` is the row's argmax. */
export function rowLogprob(
  logits: ArrayLike<number>,
  offset: number,
  row: LogitRow,
  token: number,
): { logprob: number; greedy: boolean } {
  return { logprob: logits[offset + token]! - row.max - row.logSum, greedy: row.argmax === token };
}
