import { appendFileSync, readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Request } from "@zoo/suites";
import { describe, expect, it } from "vitest";
import { ResponseCache, requestKey } from "./response-cache.ts";

const ASK: Request = { type: "loglikelihood", docId: 0, index: 0, context: "Q:", continuation: " A" };

describe("requestKey", () => {
  it("names what is asked, not which document asked it", () => {
    expect(requestKey(ASK)).toBe(requestKey({ ...ASK, docId: 7, index: 2 }));
    expect(requestKey(ASK)).not.toBe(requestKey({ ...ASK, continuation: " B" }));
    expect(requestKey({ type: "generation", docId: 0, index: 0, context: "Q:", until: ["\n"], maxTokens: 8 })).not.toBe(
      requestKey({ type: "generation", docId: 0, index: 0, context: "Q:", until: ["\n"], maxTokens: 9 }),
    );
  });

  it("names a chat transcript by its turns, whose context is empty until a template renders them", () => {
    const chat = (question: string): Request => ({
      ...ASK,
      context: "",
      messages: [{ role: "user", content: question }],
    });
    expect(requestKey(chat("What is 1 + 1?"))).not.toBe(requestKey(chat("What is 2 + 2?")));
    expect(requestKey(chat("Q:"))).not.toBe(requestKey(ASK));
    // A plain prompt's key is what it was before transcripts existed: caches written then stay valid.
    expect(requestKey(ASK)).toBe("26b4cd1cd953685fb88c4f10b9c67ab648651cf632479592c1d0c1b202d578bd");
  });
});

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
