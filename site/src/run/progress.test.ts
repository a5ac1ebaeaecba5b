import { describe, expect, it } from "vitest";
import { duration, progressLine } from "./progress.ts";

describe("the progress line", () => {
  it("counts speed and time left on the documents computed now, never those the store answered", () => {
    const line = progressLine({ documents: 100, documentsDone: 40, documentsCached: 20, elapsedSeconds: 10 });
    expect(line.fraction).toBe(0.4);
    expect(line.itemsPerSecond).toBe(2);
    expect(line.secondsLeft).toBe(30);
    expect(line.text).toBe("40 of 100 documents · 2.0 items/s · 30 s left · answered from the store: 20 of 100");
  });

  it("says the time left is being measured until a document is computed, and none is left at the end", () => {
    expect(progressLine({ documents: 10, documentsDone: 3, documentsCached: 3, elapsedSeconds: 1 }).text).toBe(
      "3 of 10 documents · time left: measuring · answered from the store: 3 of 10",
    );
    expect(progressLine({ documents: 10, documentsDone: 10, documentsCached: 10, elapsedSeconds: 0 }).secondsLeft).toBe(
      0,
    );
  });

  it("writes durations as people read them", () => {
    expect([duration(4.4), duration(125), duration(3780)]).toEqual(["4 s", "2 min 5 s", "1 h 3 min"]);
  });
});
