import { describe, expect, it } from "vitest";
import { typedRepo } from "./model-choice.ts";

describe("a typed Hub repo", () => {
  it("is org/name, with a revision after @, filed as hf:org/name", () => {
    expect(typedRepo(" onnx-community/Qwen2.5-0.5B-Instruct ")).toEqual({
      id: "hf:onnx-community/Qwen2.5-0.5B-Instruct",
      kind: "hub",
      repo: "onnx-community/Qwen2.5-0.5B-Instruct",
      chat: false,
    });
    expect(typedRepo("https://huggingface.co/Xenova/gpt2@v1")).toMatchObject({ repo: "Xenova/gpt2", revision: "v1" });
  });

  it("is refused in one line when it is not one", () => {
    expect(typedRepo("")).toBe("type a Hub repo, such as onnx-community/Qwen2.5-0.5B-Instruct");
    for (const text of ["gpt2", "a/b/c", "a b/c", "a/b@", "a/b@c@d"])
      expect(typedRepo(text)).toBe(`"${text}" is not a Hub repo: expected org/name, or org/name@revision`);
  });
});
