import { describe, expect, it } from "vitest";
import { combine, normalise, type SuiteScore } from "./combined.ts";

const score = (
  modelId: string,
  suite: string,
  value: number,
  stderr: number | null,
  chance: number | null,
): SuiteScore => ({
  modelId,
  suite,
  value,
  stderr,
  chance,
  provenance: stderr === null ? "reported" : "measured",
});

describe("normalise", () => {
  it("maps chance to 0 and a perfect score to 100", () => {
    expect(normalise(25, 25)).toBe(0);
    expect(normalise(100, 25)).toBe(100);
    expect(normalise(62.5, 25)).toBe(50);
    expect(normalise(40, null)).toBe(40);
    expect(normalise(20, 25)).toBeCloseTo(-6.6667, 4);
  });
});

describe("combine", () => {
  const scores = [
    score("a", "mmlu", 62.5, 1, 25), // normalised 50, se 1.3333
    score("a", "gsm8k", 30, 1, 0), // 30, se 1
    score("b", "mmlu", 40, null, 25), // 20, no se
    score("b", "gsm8k", 20, 2, 0), // 20, se 2
    score("c", "mmlu", 70, 1, 25),
  ];

  it("averages normalised scores with pooled standard errors and ranks complete rows", () => {
    const rows = combine(scores, ["mmlu", "gsm8k"]);
    expect(rows.map((row) => [row.modelId, row.rank, row.covered])).toEqual([
      ["a", 1, ["mmlu", "gsm8k"]],
      ["b", 2, ["mmlu", "gsm8k"]],
      ["c", undefined, ["mmlu"]],
    ]);
    const [a, b, c] = rows;
    expect(a!.mean).toBe(40);
    expect(a!.stderr).toBeCloseTo(Math.sqrt((4 / 3) ** 2 + 1) / 2, 12);
    expect(a!.partialError).toBe(false);
    expect(b!.mean).toBe(20);
    expect(b!.stderr).toBe(1);
    expect(b!.partialError).toBe(true);
    expect(c!.mean).toBeUndefined();
  });

  it("ranks on the chosen suites only", () => {
    const rows = combine(scores, ["mmlu"]);
    expect(rows.map((row) => [row.modelId, row.rank])).toEqual([
      ["c", 1], // 60 ± 2.6
      ["a", 2], // 50 ± 2.6: below c's interval
      ["b", 3], // 20, reported without an interval
    ]);
    expect(combine(scores, [])).toEqual([]);
  });
});
