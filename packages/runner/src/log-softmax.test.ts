import { describe, expect, it } from "vitest";
import { logitRow, rowLogprob } from "./log-softmax.ts";

const tokenLogprob = (logits: ArrayLike<number>, offset: number, vocabSize: number, token: number) =>
  rowLogprob(logits, offset, logitRow(logits, offset, vocabSize), token);

describe("logitRow and rowLogprob", () => {
  it("is the log-softmax of the token's logit, in float64", () => {
    const logits = Float32Array.of(9, 1, 2, 3, 2);
    // The row at offset 1: [1, 2, 3, 2]; log Σ exp = 3 + log(1 + 2e^-1 + e^-2).
    const logSum = 3 + Math.log(1 + 2 * Math.exp(-1) + Math.exp(-2));
    const top = tokenLogprob(logits, 1, 4, 2);
    const low = tokenLogprob(logits, 1, 4, 0);
    expect([top.logprob, top.greedy]).toEqual([expect.closeTo(3 - logSum, 15), true]);
    expect([low.logprob, low.greedy]).toEqual([expect.closeTo(1 - logSum, 15), false]);
  });

  it("gives ties to the lowest index, as torch's argmax does", () => {
    expect(tokenLogprob([5, 5], 0, 2, 0).greedy).toBe(true);
    expect(tokenLogprob([5, 5], 0, 2, 1).greedy).toBe(false);
  });

  it("stays finite where float32 exponentials would overflow", () => {
    const { logprob } = tokenLogprob(Float32Array.of(1000, 0), 0, 2, 1);
    expect(logprob).toBe(-1000);
  });
});
