import { describe, expect, it } from "vitest";
import { interval, overlapRanks } from "./overlap-rank.ts";

describe("interval", () => {
  it("spans ±1.96 standard errors, and is a point without one", () => {
    const { low, high } = interval(50, 1);
    expect(low).toBeCloseTo(48.04, 10);
    expect(high).toBeCloseTo(51.96, 10);
    expect(interval(35.1, null)).toEqual({ low: 35.1, high: 35.1 });
  });
});

describe("overlapRanks", () => {
  it("gives overlapping scores the same rank and separates the rest", () => {
    // A [70,74] and B [69,73] overlap; C [60,64] lies below both; D [63,65] overlaps C but not A or B.
    const ranks = overlapRanks([
      { low: 70, high: 74 },
      { low: 69, high: 73 },
      { low: 60, high: 64 },
      { low: 63, high: 65 },
    ]);
    expect(ranks).toEqual([1, 1, 3, 3]);
  });

  it("counts only scores strictly above the upper bound", () => {
    expect(
      overlapRanks([
        { low: 10, high: 10 },
        { low: 10, high: 10 },
        { low: 5, high: 5 },
      ]),
    ).toEqual([1, 1, 3]);
    expect(
      overlapRanks([
        { low: 9, high: 11 },
        { low: 11, high: 13 },
      ]),
    ).toEqual([1, 1]);
  });

  it("ranks points strictly when no score has an interval", () => {
    expect(
      overlapRanks([
        { low: 1, high: 1 },
        { low: 3, high: 3 },
        { low: 2, high: 2 },
      ]),
    ).toEqual([3, 1, 2]);
    expect(overlapRanks([])).toEqual([]);
  });

  it("lets a wide interval tie with scores far above and below it", () => {
    // The wide one [40,80] overlaps everything; the narrow ones are separated from each other.
    expect(
      overlapRanks([
        { low: 75, high: 77 },
        { low: 40, high: 80 },
        { low: 50, high: 52 },
      ]),
    ).toEqual([1, 1, 2]);
  });
});
