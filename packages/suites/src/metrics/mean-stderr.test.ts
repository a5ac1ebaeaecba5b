import { describe, expect, it } from "vitest";
import { mean, meanStderr, pooledSampleStderr, sampleStddev, weightedMean } from "./mean-stderr.ts";

describe("lm-evaluation-harness aggregation", () => {
  it("computes the mean and its standard error with n − 1", () => {
    // [1, 0, 1, 1]: mean 0.75; squared deviations 1/16, 9/16, 1/16, 1/16 sum to 0.75; variance 0.75 / 3 = 0.25.
    expect(mean([1, 0, 1, 1])).toBe(0.75);
    expect(sampleStddev([1, 0, 1, 1])).toBe(0.5);
    expect(meanStderr([1, 0, 1, 1])).toBe(0.25); // 0.5 / √4
    expect(meanStderr([1])).toBeNull();
  });

  it("micro-averages subtasks by size", () => {
    // Subject a: 3 of 4 right; subject b: 0 of 1 right. Micro 3/5 = 0.6, not the macro (0.75 + 0) / 2.
    expect(weightedMean([0.75, 0], [4, 1])).toBe(0.6);
  });

  it("pools subtask standard errors", () => {
    // stderr 0.25 (n=4) and 0.5 (n=3): ((3·0.0625·4) + (2·0.25·3)) / (7 − 2) = (0.75 + 1.5) / 5 = 0.45;
    // √(0.45 / 7).
    expect(pooledSampleStderr([0.25, 0.5], [4, 3])).toBe(Math.sqrt(0.45 / 7));
    expect(pooledSampleStderr([0.25, null], [4, 1])).toBeNull();
  });
});
