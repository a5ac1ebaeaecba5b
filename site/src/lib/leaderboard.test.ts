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
  method: "direct",
  date,
  runId: `${modelId}/mmlu-${date}`,
  ...extra,
});
const reported = (modelId: string, value: number, date: string, extra: Partial<Score> = {}): Score => ({
  modelId,
  suite: "mmlu",
  provenance: "reported",
  value,
  stderr: null,
  interval: interval(value, null),
  shots: 5,
  method: "direct",
  by: "maker",
  date,
  source: "https://example.org/paper",
  ...extra,
});

const context: BoardContext = {
  modelName: (id) => ({ "llama-7b": "LLaMA 7B", "gpt-4": "GPT-4" })[id],
  result: (runId) =>
    runId.startsWith("random/")
      ? ({ record: { model: { adapter: "random" } } } as never)
      : ({ record: { model: { adapter: "transformers-js" } } } as never),
};
const MMLU = { id: "mmlu", title: "MMLU", chance: 25, standard: { shots: 5, method: "direct" as const } };

describe("suiteBoard", () => {
  const scores = [
    measured("llama-7b", 34.2, 0.4, "2026-11-20"),
    reported("llama-7b", 35.1, "2023-02-27"),
    reported("gpt-4", 86.4, "2023-03-15"),
    reported("gpt-4", 86.0, "2023-06-01", { by: "third-party", source: "https://example.org/leaderboard" }),
    reported("gpt-4", 84.0, "2024-01-01"),
    reported("gpt-4", 88.7, "2024-05-13", { shots: 0, method: "chain-of-thought" }),
    reported("falcon-7b", 27.8, "2023-05-24", { shots: 0, method: "chain-of-thought" }),
    reported("falcon-7b", 26.2, "2023-05-24", { shots: 0, method: "chain-of-thought", by: "third-party" }),
    measured("random", 25.0, 0.37, "2026-11-19", { runId: "random/mmlu" }),
    measured("llama-7b", 90, 10, "2026-11-21", { unranked: "sample data" }),
    { ...reported("gpt-4", 70, "2023-01-01"), suite: "gsm8k" },
  ];
  const board = suiteBoard(MMLU, scores, context);

  it("ranks one row per model, in the standard setting only, zoo's measurement before any reported figure", () => {
    expect(board.ranked.map((row) => [row.label, row.score.provenance, row.score.value, row.rank])).toEqual([
      ["GPT-4", "reported", 84, 1],
      ["LLaMA 7B", "measured", 34.2, 2],
      ["Random baseline", "measured", 25, 3],
    ]);
    const models = board.ranked.map((row) => row.score.modelId);
    expect(new Set(models).size).toBe(models.length);
    expect(new Set(board.ranked.map((row) => `${row.score.shots}|${row.score.method}`))).toEqual(new Set(["5|direct"]));
  });

  it("prefers the maker's figure, then the newest, and keeps the others beside it", () => {
    const gpt4 = board.ranked.find((row) => row.score.modelId === "gpt-4")!;
    expect([gpt4.score.value, gpt4.score.by, gpt4.score.date]).toEqual([84, "maker", "2024-01-01"]);
    expect(gpt4.others.map((score) => [score.value, score.by])).toEqual([
      [86.4, "maker"],
      [86, "third-party"],
    ]);
    const llama = board.ranked.find((row) => row.score.modelId === "llama-7b")!;
    expect(llama.others.map((score) => [score.provenance, score.value])).toEqual([["reported", 35.1]]);
  });

  it("compares partial dates by the day they start, a full day newest", () => {
    const dated = suiteBoard(
      MMLU,
      [
        reported("gpt-4", 71, "2024"),
        reported("gpt-4", 72, "2024-03-02"),
        reported("gpt-4", 73, "2024-03"),
        reported("gpt-4", 70, "2025-06-01", { by: "third-party" }),
      ],
      context,
    );
    expect([dated.ranked[0]!.score.value, ...dated.ranked[0]!.others.map((score) => score.value)]).toEqual([
      72, 73, 71, 70,
    ]);
  });

  it("shows scores of other settings apart, one per model and setting, never ranked", () => {
    expect(
      board.reference.map((row) => [row.label, row.score.value, row.score.shots, row.score.method, row.rank]),
    ).toEqual([
      ["GPT-4", 88.7, 0, "chain-of-thought", undefined],
      ["falcon-7b", 27.8, 0, "chain-of-thought", undefined],
    ]);
  });

  it("keeps never-ranked runs apart and marks baselines and catalogue models", () => {
    expect(board.unranked.map((row) => [row.label, row.score.unranked])).toEqual([["LLaMA 7B", "sample data"]]);
    expect(board.ranked.map((row) => [row.baseline, row.inCatalog])).toEqual([
      [false, true],
      [false, true],
      [true, false],
    ]);
  });

  it("stands for each model with its ranked row", () => {
    expect(representativeScores(board)).toEqual([
      { modelId: "gpt-4", suite: "mmlu", value: 84, stderr: null, chance: 25, provenance: "reported" },
      { modelId: "llama-7b", suite: "mmlu", value: 34.2, stderr: 0.4, chance: 25, provenance: "measured" },
    ]);
  });
});

describe("defaultCombination", () => {
  const score = (modelId: string, suite: string) => ({
    modelId,
    suite,
    value: 50,
    stderr: 1,
    chance: 25,
    provenance: "measured" as const,
  });
  const covering = (suites: Record<string, number>) =>
    Object.entries(suites).flatMap(([suite, models]) =>
      Array.from({ length: models }, (_, index) => score(`m${index}`, suite)),
    );

  it("takes the benchmarks the most models share, adding one while half of the models keep a score on all", () => {
    // Models m0… have a score on each suite: mmlu on 10, hellaswag on the first 8, gsm8k on the first 4, arc on 2.
    expect(defaultCombination(covering({ mmlu: 10, hellaswag: 8, gsm8k: 4, arc: 2 }))).toEqual([
      "gsm8k",
      "hellaswag",
      "mmlu",
    ]);
    expect(defaultCombination(covering({ mmlu: 10, hellaswag: 4 }))).toEqual(["mmlu"]);
    expect(defaultCombination([score("a", "mmlu"), score("b", "gsm8k")])).toEqual(["gsm8k"]);
    expect(defaultCombination([])).toEqual([]);
  });
});
