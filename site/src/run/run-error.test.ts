import { describe, expect, it } from "vitest";
import { RunError, modelLoadError } from "./run-error.ts";

const url = (file: string) => `https://huggingface.co/acme/m/resolve/0123456789abcdef0123456789abcdef01234567/${file}`;

describe("why a model did not load, in one line", () => {
  it("names the file the repo lacks: the dtype's weights, or what makes it a model", () => {
    expect(
      modelLoadError("acme/m", "q4", new Error(`Could not locate file: "${url("onnx/model_q4.onnx")}".`)).message,
    ).toBe(
      "acme/m has no onnx/model_q4.onnx (its q4 weights): choose another dtype, or a repo with ONNX weights for transformers.js",
    );
    expect(modelLoadError("acme/m", "q8", new Error(`Could not locate file: "${url("config.json")}".`)).message).toBe(
      "acme/m has no config.json: it is not a model transformers.js can load",
    );
  });

  it("tells a network failure and a model too large for memory from the rest", () => {
    expect(modelLoadError("acme/m", "q8", new TypeError("Failed to fetch")).message).toBe(
      "cannot download acme/m's files: the network failed (Failed to fetch)",
    );
    expect(modelLoadError("acme/m", "fp32", new RangeError("Array buffer allocation failed")).message).toBe(
      "acme/m (fp32) does not fit in this browser's memory: try a smaller dtype or model",
    );
    expect(modelLoadError("acme/m", "q8", new Error("Unsupported model type: mamba\n  at …")).message).toBe(
      "cannot load acme/m: Unsupported model type: mamba",
    );
    const already = new RunError("said already");
    expect(modelLoadError("acme/m", "q8", already)).toBe(already);
  });
});
