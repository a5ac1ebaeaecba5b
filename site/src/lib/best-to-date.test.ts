import { describe, expect, it } from "vitest";
import { bestToDate } from "./best-to-date.ts";

describe("bestToDate", () => {
  it("keeps the scores that beat every earlier one, open and closed apart", () => {
    const result = bestToDate([
      { modelId: "b", released: "2023-05-01", value: 40, openWeights: true },
      { modelId: "a", released: "2023-01-01", value: 35, openWeights: true },
      { modelId: "c", released: "2023-06-01", value: 38, openWeights: true },
      { modelId: "d", released: "2023-06-01", value: 40, openWeights: true },
      { modelId: "e", released: "2024-01-01", value: 55, openWeights: true },
      { modelId: "x", released: "2023-03-14", value: 86.4, openWeights: false },
      { modelId: "y", released: "2023-02-01", value: 70, openWeights: false },
    ]);
    expect(result.open).toEqual([
      { modelId: "a", released: "2023-01-01", value: 35 },
      { modelId: "b", released: "2023-05-01", value: 40 },
      { modelId: "e", released: "2024-01-01", value: 55 },
    ]);
    expect(result.closed.map(({ modelId }) => modelId)).toEqual(["y", "x"]);
    expect(bestToDate([])).toEqual({ open: [], closed: [] });
  });

  it("takes the higher of two scores released the same day", () => {
    const { open } = bestToDate([
      { modelId: "low", released: "2023-01-01", value: 30, openWeights: true },
      { modelId: "high", released: "2023-01-01", value: 50, openWeights: true },
    ]);
    expect(open).toEqual([{ modelId: "high", released: "2023-01-01", value: 50 }]);
  });
});
