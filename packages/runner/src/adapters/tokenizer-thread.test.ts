import { loadSuiteRun } from "@zoo/suites";
import { nodeSuiteIo } from "@zoo/suites/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tinyLmFixture, type TinyLmFixture } from "../testing/index.ts";
import { TokenizerThread, TokenizerThreadError, tokenizerRecipe } from "./tokenizer-thread.ts";

describe("TokenizerThread", () => {
  let fixture: TinyLmFixture;
  let thread: TokenizerThread;
  beforeAll(async () => {
    fixture = await tinyLmFixture();
    thread = await TokenizerThread.start(tokenizerRecipe(fixture.tokenizer));
  });
  afterAll(() => thread.close());

  it("encodes as the tokenizer it was built from, in order", async () => {
    const run = await loadSuiteRun("mmlu", { io: nodeSuiteIo(), data: { kind: "sample" }, shots: 5 });
    const texts = [
      ...run.documents.flatMap((document) => document.requests.map((request) => request.context)),
      "",
      "[BOS] special tokens stay special [EOS]",
      "Ünïcödé, emoji 🦒 and\ttabs\n\nnewlines",
    ];
    const expected = texts.map((text) => fixture.tokenizer.encode(text, { add_special_tokens: false }));
    expect(await thread.encode(texts)).toEqual(expected);
    expect(expected.at(-2)).toContain(fixture.vocabulary.indexOf("[EOS]"));
  });

  it("answers requests sent together each with its own texts, and counts its time", async () => {
    const before = thread.busyMilliseconds();
    const [a, b] = await Promise.all([thread.encode(["the sun"]), thread.encode(["the earth", "water"])]);
    const encode = (text: string) => fixture.tokenizer.encode(text, { add_special_tokens: false });
    expect(a).toEqual([encode("the sun")]);
    expect(b).toEqual([encode("the earth"), encode("water")]);
    expect(thread.busyMilliseconds()).toBeGreaterThan(before);
  });

  it("says in one line that it cannot build a tokenizer transformers.js does not have", async () => {
    const start = TokenizerThread.start({ ...tokenizerRecipe(fixture.tokenizer), className: "NoSuchTokenizer" });
    await expect(start).rejects.toThrow(TokenizerThreadError);
    await expect(start).rejects.toThrow(
      /^the tokenizer thread failed: transformers.js has no tokenizer class NoSuchTokenizer$/,
    );
  });

  it("refuses work once closed", async () => {
    const closed = await TokenizerThread.start(tokenizerRecipe(fixture.tokenizer));
    await closed.close();
    await expect(closed.encode(["the sun"])).rejects.toThrow("the tokenizer thread is closed");
  });
});
