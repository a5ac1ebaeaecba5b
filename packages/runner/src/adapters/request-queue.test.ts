import { setTimeout as delay } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { answerAll } from "./request-queue.ts";

/** A fake request: records when it starts and, after `ms`, that it was saved. */
function recorder(ms: (index: number) => number = () => 10) {
  const started: number[] = [];
  const saved: number[] = [];
  const startTimes: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const answer = async (index: number) => {
    started.push(index);
    startTimes.push(Date.now());
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await delay(ms(index));
      saved.push(index);
    } finally {
      inFlight -= 1;
    }
  };
  return {
    answer,
    started,
    saved,
    startTimes,
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

describe("answerAll", () => {
  it("answers every index not yet answered", async () => {
    const run = recorder();
    await answerAll(5, { concurrency: 1 }, run.answer, { isAnswered: (index) => index === 1 || index === 3 });
    expect(run.saved).toEqual([0, 2, 4]);
  });

  it("has at most `concurrency` requests in flight", async () => {
    const run = recorder();
    await answerAll(10, { concurrency: 3 }, run.answer, {});
    expect(run.maxInFlight).toBe(3);
    expect([...run.saved].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("stops at the first failure and throws it once the requests in flight are saved", async () => {
    const failure = new Error("HTTP 400");
    const run = recorder(() => 30);
    const answer = async (index: number) => {
      if (index === 1) {
        run.started.push(index);
        await delay(5);
        throw failure;
      }
      await run.answer(index);
    };
    await expect(answerAll(8, { concurrency: 3 }, answer, {})).rejects.toBe(failure);
    expect(run.started).toEqual([0, 1, 2]);
    expect(run.saved).toEqual([0, 2]);
  });

  it("starts nothing more once its signal is aborted, and throws the reason after those in flight", async () => {
    const controller = new AbortController();
    const reason = new Error("interrupted");
    const run = recorder(() => 20);
    setTimeout(() => controller.abort(reason), 10);
    await expect(answerAll(6, { concurrency: 2 }, run.answer, { signal: controller.signal })).rejects.toBe(reason);
    expect(run.started).toEqual([0, 1]);
    expect(run.saved).toEqual([0, 1]);
  });

  it("returns at once when aborted while waiting for the rate limit", async () => {
    const controller = new AbortController();
    const reason = new Error("interrupted");
    const run = recorder(() => 0);
    setTimeout(() => controller.abort(reason), 20);
    const began = Date.now();
    const limits = { concurrency: 1, requestsPerMinute: 1, intervalMs: 60_000 };
    await expect(answerAll(3, limits, run.answer, { signal: controller.signal })).rejects.toBe(reason);
    expect(Date.now() - began).toBeLessThan(1000);
    expect(run.saved).toEqual([0]);
  });

  it("starts nothing when its signal is aborted already", async () => {
    const run = recorder();
    const reason = new Error("interrupted");
    await expect(answerAll(3, { concurrency: 2 }, run.answer, { signal: AbortSignal.abort(reason) })).rejects.toBe(
      reason,
    );
    expect(run.started).toEqual([]);
  });

  it("starts at most `requestsPerMinute` requests in any rolling interval", async () => {
    const run = recorder(() => 0);
    await answerAll(6, { concurrency: 6, requestsPerMinute: 2, intervalMs: 100 }, run.answer, {});
    expect(run.saved).toEqual([0, 1, 2, 3, 4, 5]);
    // A request reads the clock a moment after the queue does, which can cross a millisecond: windows 2 ms short.
    const window = 100 - 2;
    const mostInOneWindow = Math.max(
      ...run.startTimes.map((start) => run.startTimes.filter((time) => time >= start && time < start + window).length),
    );
    expect(mostInOneWindow).toBe(2);
    expect(run.startTimes.at(-1)! - run.startTimes[0]!).toBeGreaterThanOrEqual(2 * window);
  });
});
