import type { LoglikelihoodRequest, LoglikelihoodResponse } from "@zoo/suites";
import { describe, expect, it } from "vitest";
import { FirstChoiceAdapter, RandomAdapter } from "./baseline-adapters.ts";

const question = (docId: number): LoglikelihoodRequest[] =>
  [" A", " B", " C", " D"].map((continuation, index) => ({
    type: "loglikelihood",
    docId,
    index,
    context: `Question ${docId}?\nAnswer:`,
    continuation,
  }));

async function answer(adapter: RandomAdapter | FirstChoiceAdapter, requests: LoglikelihoodRequest[]) {
  const got: LoglikelihoodResponse[] = [];
  await adapter.loglikelihood(requests, { onResponse: (index, response) => (got[index] = response) });
  return got;
}

const picks = (responses: LoglikelihoodResponse[]) =>
  Array.from({ length: responses.length / 4 }, (_, doc) => {
    const logprobs = responses.slice(doc * 4, doc * 4 + 4).map((response) => response.logprob);
    return logprobs.indexOf(Math.max(...logprobs));
  });

describe("baselines", () => {
  it("random guesses uniformly among the choices, the same guess for the same seed and request", async () => {
    const requests = Array.from({ length: 2000 }, (_, doc) => question(doc)).flat();
    const responses = await answer(new RandomAdapter(1234), requests);
    const counts = [0, 1, 2, 3].map((choice) => picks(responses).filter((pick) => pick === choice).length);
    // 2,000 fair draws: each count within 4.5 standard deviations (±87) of 500.
    for (const count of counts) expect(Math.abs(count - 500)).toBeLessThan(87);
    expect(await answer(new RandomAdapter(1234), requests.slice(0, 8))).toEqual(responses.slice(0, 8));
    expect(picks(await answer(new RandomAdapter(99), requests))).not.toEqual(picks(responses));
    expect(responses.every((response) => response.logprob < 0 && !response.isGreedy)).toBe(true);
  });

  it("first always picks the first choice, and is never the greedy continuation", async () => {
    const responses = await answer(new FirstChoiceAdapter(), [...question(0), ...question(1)]);
    expect(picks(responses)).toEqual([0, 0]);
    expect(responses.map((response) => response.logprob)).toEqual([-0, -1, -2, -3, -0, -1, -2, -3]);
    expect(responses.some((response) => response.isGreedy)).toBe(false);
  });

  it("generate nothing", async () => {
    const texts: string[] = [];
    await new RandomAdapter(1).generate(
      [{ type: "generation", docId: 0, index: 0, context: "Q:", until: [], maxTokens: 4 }],
      {
        onResponse: (index, response) => (texts[index] = response.text),
      },
    );
    expect(texts).toEqual([""]);
  });
});
