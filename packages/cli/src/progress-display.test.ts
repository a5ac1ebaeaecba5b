import { describe, expect, it } from "vitest";
import { progressLine } from "./progress-display.ts";

const progress = (documentsDone: number, documentsCached: number, elapsedSeconds: number) => ({
  suite: "mmlu",
  documents: 171,
  documentsDone,
  documentsCached,
  elapsedSeconds,
});

describe("progressLine", () => {
  it("shows the pace of a fresh run, and the time left", () => {
    expect(progressLine(progress(57, 0, 2), false)).toBe("mmlu: 57/171 documents (33.3%), 28.5 items/s, ETA 0:04");
  });

  it("counts only what this run answered towards its pace, and says what the cache answered", () => {
    expect(progressLine(progress(121, 100, 2), false)).toBe(
      "mmlu: 121/171 documents (70.8%), answered from the cache: 100 of 171, 10.5 items/s, ETA 0:05",
    );
  });

  it("gives no speed for a run the cache answered whole", () => {
    expect(progressLine(progress(171, 171, 0.01), false)).toBe(
      "mmlu: 171/171 documents (100.0%), answered from the cache: 171 of 171, done in 0:00",
    );
    expect(progressLine(progress(171, 171, 0.01), true)).toBe(
      "mmlu ████████████████████████ 171/171 answered from the cache: 171 of 171 done in 0:00",
    );
  });
});
