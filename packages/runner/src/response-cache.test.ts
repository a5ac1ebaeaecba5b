import { appendFileSync, readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ResponseCache } from "./response-cache.ts";

describe("ResponseCache", () => {
  it("keeps every answer on disk as it is given, for the next run of the same model", async () => {
    const dir = await mkdtemp(join(tmpdir(), "zoo-cache-"));
    const cache = ResponseCache.open(dir, "model-a");
    cache.put("a".repeat(64), { logprob: -1.25, isGreedy: true });
    cache.put("b".repeat(64), { text: "Paris" });
    // Written at once, before the cache is closed: a killed run keeps them.
    expect(ResponseCache.open(dir, "model-a").get("b".repeat(64))).toEqual({ text: "Paris" });
    cache.close();
    const again = ResponseCache.open(dir, "model-a");
    expect(again.size).toBe(2);
    expect(again.get("a".repeat(64))).toEqual({ logprob: -1.25, isGreedy: true });
    expect(ResponseCache.open(dir, "model-b").size).toBe(0);
  });

  it("skips a line torn by a kill, and the next answer still lands on a line of its own", async () => {
    const dir = await mkdtemp(join(tmpdir(), "zoo-cache-"));
    const cache = ResponseCache.open(dir, "m");
    cache.put("a".repeat(64), { text: "one" });
    appendFileSync(cache.file, `\n{"key":"${"c".repeat(64)}","respo`);
    cache.put("b".repeat(64), { text: "two" });
    cache.close();
    const reread = ResponseCache.open(dir, "m");
    expect(reread.size).toBe(2);
    expect(reread.get("b".repeat(64))).toEqual({ text: "two" });
    expect(reread.has("c".repeat(64))).toBe(false);
    expect(
      readFileSync(cache.file, "utf8")
        .split("\n")
        .filter((line) => line !== ""),
    ).toHaveLength(3);
  });

  it("ignores lines that are not answers", async () => {
    const dir = await mkdtemp(join(tmpdir(), "zoo-cache-"));
    const cache = ResponseCache.open(dir, "m");
    cache.put("a".repeat(64), { text: "one" });
    appendFileSync(
      cache.file,
      `\n{"key":"short","response":{"text":"x"}}\n[1,2]\n{"key":"${"d".repeat(64)}","response":{"logprob":"high"}}`,
    );
    expect(ResponseCache.open(dir, "m").size).toBe(1);
  });
});
