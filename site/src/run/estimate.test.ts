import { describe, expect, it } from "vitest";
import { estimateText, planText, plannedTokens } from "./estimate.ts";

const titles: Record<string, string> = { mmlu: "MMLU", truthfulqa_mc2: "TruthfulQA MC2" };
const titleOf = (suite: string) => titles[suite] ?? suite;

describe("the run's estimate", () => {
  const plans = [
    { suite: "mmlu", documents: 10, documentsCached: 3, forwardTokens: 1900 },
    { suite: "truthfulqa_mc2", documents: 3, documentsCached: 0, forwardTokens: 334 },
  ];

  it("says how many forward tokens the run is, suite by suite, before it starts", () => {
    expect(plannedTokens(plans)).toBe(2234);
    expect(planText(plans, titleOf)).toBe(
      "This run is 2,234 forward tokens: MMLU 1,900 (7 of 10 documents to compute), TruthfulQA MC2 334 (3 of 3 documents to compute).",
    );
    const uncounted = [plans[0]!, { suite: "truthfulqa_gen", documents: 3, documentsCached: 0 }];
    expect(plannedTokens(uncounted)).toBeUndefined();
    expect(planText(uncounted, titleOf)).toBe(
      "This run computes MMLU 1,900 (7 of 10 documents to compute), truthfulqa_gen (3 of 3 documents to compute); its forward tokens cannot be counted ahead.",
    );
    expect(planText([{ suite: "mmlu", documents: 10, documentsCached: 10, forwardTokens: 0 }], titleOf)).toBe(
      "Every answer of this run is saved in this browser: there is nothing to compute.",
    );
  });

  it("times what is left at the speed of the passes run so far", () => {
    expect(estimateText(2234, 0, 0)).toBe("0 of 2,234 forward tokens run · time left: measured after the first passes");
    expect(estimateText(2234, 1000, 2)).toBe(
      "1,000 of 2,234 forward tokens run · 500 tokens/s · about 2 s left in all",
    );
    expect(estimateText(120_000, 1000, 10)).toBe(
      "1,000 of 120,000 forward tokens run · 100 tokens/s · about 19 min 50 s left in all",
    );
    expect(estimateText(undefined, 1000, 2)).toBe("");
  });
});
