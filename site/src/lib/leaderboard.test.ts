import { describe, expect, it } from "vitest";
import { defaultCombination, representativeScores, suiteBoard, type BoardContext } from "./leaderboard.ts";
import { interval } from "./overlap-rank.ts";
import type { Score } from "./scores.ts";

const measured = (modelId: string, value: number, stderr: number, date: string, extra: Partial<Score> = {}): Score => ({
  modelId,
  suite: "mmlu",
  provenance: "measured",
  value,
  stderr,
  interval: interval(value, stderr),
  shots: 5,
  date,
  runId: `${modelId}/mmlu-${date}`,
  ...extra,
});
const reported = (modelId: string, value: number, date: string): Score => ({
  modelId,
  suite: "mmlu",
  provenance: "reported",
  value,
  stderr: null,
  interval: interval(value, null),
  shots: 5,
  date,
  source: "https://example.org/paper",
});

const context: BoardContext = {
  modelName: (id) => ({ "llama-7b": "LLaMA 7B", "gpt-4": "GPT-4" })[id],
  result: (runId) =>
    runId.startsWith("random/")
      ? ({ record: { model: { adapter: "random" } } } as never)
      : ({ record: { model: { adapter: "transformers-js" } } } as never),
};
const MMLU = { id: "mmlu", title: "MMLU", chance: 25 };

describe("suiteBoard", () => {
  const scores = [
    measured("llama-7b", 34.2, 0.4, "2026-11-20"),
    reported("llama-7b", 35.1, "2023-02-27"),
    reported("gpt-4", 86.4, "2023-03-15"),
    measured("random", 25.0, 0.37, "2026-11-19", { runId: "random/mmlu" }),
    measured("llama-7b", 90, 10, "2026-11-21", { unranked: "sample data" }),
    { ...reported("gpt-4", 70, "2023-01-01"), suite: "gsm8k" },
  ];
  const board = suiteBoard(MMLU, scores, context);

  it("ranks the suite's rankable scores best first by interval overlap", () => {
    expect(board.ranked.map((row) => [row.label, row.score.provenance, row.rank])).toEqual([
      ["GPT-4", "reported", 1],
      ["LLaMA 7B", "reported", 2], // a point at 35.1: only GPT-4 lies above it
      ["LLaMA 7B", "measured", 3], // [33.42, 34.98]: the point at 35.1 lies above its upper bound
      ["Random baseline", "measured", 4],
    ]);
  });

  it("keeps never-ranked runs apart and marks baselines and catalogue models", () => {
    expect(board.unranked.map((row) => [row.label, row.score.unranked])).toEqual([["LLaMA 7B", "sample data"]]);
    expect(board.ranked.map((row) => [row.baseline, row.inCatalog])).toEqual([
      [false, true],
      [false, true],
      [false, true],
      [true, false],
    ]);
  });

  it("stands for each model with its latest measurement, else its latest report", () => {
    expect(representativeScores(board)).toEqual([
      { modelId: "gpt-4", suite: "mmlu", value: 86.4, stderr: null, chance: 25, provenance: "reported" },
      { modelId: "llama-7b", suite: "mmlu", value: 34.2, stderr: 0.4, chance: 25, provenance: "measured" },
    ]);
  });
});

describe("defaultCombination", () => {
  it("takes the suites at least half of the scored models have", () => {
    const score = (modelId: string, suite: string) => ({
      modelId,
      suite,
      value: 50,
      stderr: 1,
      chance: 25,
      provenance: "measured" as const,
    });
    expect(
      defaultCombination([score("a", "mmlu"), score("b", "mmlu"), score("a", "gsm8k"), score("c", "arc")]),
    ).toEqual(["mmlu"]);
    expect(defaultCombination([score("a", "mmlu"), score("b", "gsm8k")])).toEqual(["gsm8k", "mmlu"]);
    expect(defaultCombination([])).toEqual([]);
  });
});
