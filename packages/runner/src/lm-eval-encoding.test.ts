import { describe, expect, it } from "vitest";
import { encodePair, pairTexts, truncatedInput } from "./lm-eval-encoding.ts";

/** A tokenizer that makes the boundary visible: every word with its leading spaces is one token. */
const vocabulary = new Map<string, number>();
const encode = (text: string) =>
  (text.match(/\s*\S+|\s+$/g) ?? []).map((piece) => {
    if (!vocabulary.has(piece)) vocabulary.set(piece, vocabulary.size + 10);
    return vocabulary.get(piece)!;
  });
const decode = (tokens: number[]) => tokens.map((token) => [...vocabulary].find(([, id]) => id === token)![0]).join("");

describe("encodePair", () => {
  it("takes the continuation's tokens from the whole text after the context's", () => {
    const pair = encodePair(encode, pairTexts("Answer:", " Paris"), 1);
    expect(decode(pair.context)).toBe("Answer:");
    expect(decode(pair.continuation)).toBe(" Paris");
  });

  it("moves the context's trailing spaces to the continuation", () => {
    const pair = encodePair(encode, pairTexts("Answer:  ", "Paris"), 1);
    expect(decode(pair.context)).toBe("Answer:");
    expect(decode(pair.continuation)).toBe("  Paris");
  });

  it("stands the prefix token in for an empty context", () => {
    expect(encodePair(encode, pairTexts("", " Paris"), 7)).toEqual({ context: [7], continuation: encode(" Paris") });
  });
});

describe("pairTexts", () => {
  it("names the texts encodePair encodes: the context less its trailing spaces, and the whole", () => {
    expect(pairTexts("Answer: ", "Paris")).toEqual({ context: "Answer:", whole: "Answer: Paris" });
    expect(pairTexts("Answer:", " Paris")).toEqual({ context: "Answer:", whole: "Answer: Paris" });
    expect(pairTexts("", " Paris")).toEqual({ context: undefined, whole: " Paris" });
  });
});

describe("truncatedInput", () => {
  it("keeps the last max_length + 1 tokens, less the last, as lm-evaluation-harness feeds the model", () => {
    expect(truncatedInput({ context: [1, 2, 3, 4], continuation: [5, 6] }, 3)).toEqual([3, 4, 5]);
    expect(truncatedInput({ context: [1, 2], continuation: [3] }, 8)).toEqual([1, 2]);
  });
});
