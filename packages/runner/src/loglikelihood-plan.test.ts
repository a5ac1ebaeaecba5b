import { describe, expect, it } from "vitest";
import { planLoglikelihood, unitRequests, type EncodedRequest } from "./loglikelihood-plan.ts";

const request = (index: number, context: number[], continuation: number[]): EncodedRequest => ({
  index,
  pair: { context, continuation },
});

describe("planLoglikelihood", () => {
  it("answers single-token continuations of a context from one row, longest contexts first", () => {
    const requests = [
      request(0, [1, 2], [5]),
      request(1, [1, 2], [6]),
      request(2, [1, 2, 3, 4], [5]),
      request(3, [1, 2, 3, 4], [6]),
    ];
    const plan = planLoglikelihood(requests, 100, 1);
    expect(plan.map((unit) => unit.kind)).toEqual(["prefix", "prefix"]);
    expect(plan.map((unit) => unitRequests(unit).map((r) => r.index))).toEqual([
      [2, 3],
      [0, 1],
    ]);
  });

  it("shares a context among longer continuations, batching those by length", () => {
    const requests = [
      request(0, [1], [2]),
      request(1, [1], [3, 4]),
      request(2, [1], [5, 6, 7]),
      request(3, [1], [8, 9]),
    ];
    const unit = planLoglikelihood(requests, 100, 2)[0]!;
    expect(unit).toMatchObject({ kind: "shared-context", context: [1] });
    if (unit.kind !== "shared-context") throw new Error("unexpected unit");
    expect(unit.batches.map((batch) => batch.map((r) => r.index))).toEqual([[2, 1], [3]]);
    expect(unitRequests(unit).map((r) => r.index)).toEqual([0, 1, 2, 3]);
  });

  it("runs what does not fit the model as lm-evaluation-harness does, cut from the left", () => {
    const plan = planLoglikelihood([request(0, [1, 2, 3, 4], [5, 6])], 4, 1);
    expect(plan).toEqual([
      { kind: "truncated", rows: [{ input: [2, 3, 4, 5], request: request(0, [1, 2, 3, 4], [5, 6]) }] },
    ]);
  });

  it("with auto, fills a batch up to the padded-token budget", () => {
    const long = Array.from({ length: 3000 }, (_, i) => i);
    const requests = [0, 1, 2, 3].map((index) => request(index, [...long, index], [1]));
    const plan = planLoglikelihood(requests, 10_000, "auto");
    // 3001 tokens a row: two rows fit in 8,192 padded tokens, three do not.
    expect(plan.map((unit) => unitRequests(unit).length)).toEqual([2, 2]);
  });

  it("plans the same passes whatever order the requests come in", () => {
    const requests = [request(0, [1, 2], [5]), request(1, [3], [5, 6]), request(2, [4, 4, 4], [5])];
    const shuffled = [requests[2]!, requests[0]!, requests[1]!];
    const indices = (plan: ReturnType<typeof planLoglikelihood>) =>
      plan.map((unit) => unitRequests(unit).map((r) => r.index));
    expect(indices(planLoglikelihood(shuffled, 100, 2))).toEqual(indices(planLoglikelihood(requests, 100, 2)));
  });
});
