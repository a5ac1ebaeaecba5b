import { describe, expect, it } from "vitest";
import { didYouMean } from "./did-you-mean.ts";

describe("didYouMean", () => {
  const licenses = ["Apache-2.0", "MIT", "CC-BY-NC-4.0", "llama2", "llama3", "openrail-m"];

  it("ignores case and punctuation", () => {
    expect(didYouMean("apache2", licenses)).toBe("Apache-2.0");
    expect(didYouMean("apache-2.0", licenses)).toBe("Apache-2.0");
    expect(didYouMean("cc-by-nc", licenses)).toBe("CC-BY-NC-4.0");
  });

  it("finds near-miss keys", () => {
    expect(didYouMean("contxt_length", ["context_length", "training_tokens"])).toBe("context_length");
    expect(didYouMean("paramters", ["parameters", "name"])).toBe("parameters");
    expect(didYouMean("caht", ["base", "chat", "merge"])).toBe("chat");
  });

  it("prefers the closest candidate", () => {
    expect(didYouMean("llama-2", licenses)).toBe("llama2");
    expect(didYouMean("Llama 3", licenses)).toBe("llama3");
  });

  it("says nothing when no candidate is close", () => {
    expect(didYouMean("gpl", licenses)).toBeUndefined();
    expect(didYouMean("colour", ["context_length"])).toBeUndefined();
    expect(didYouMean("", licenses)).toBeUndefined();
    expect(didYouMean("---", licenses)).toBeUndefined();
  });
});
