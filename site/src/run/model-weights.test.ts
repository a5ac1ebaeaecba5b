import { describe, expect, it } from "vitest";
import { WASM_MEMORY_BYTES, byteSize, tooLargeError } from "./model-weights.ts";

describe("a model's weights against the device", () => {
  it("writes sizes as the Hub shows them", () => {
    expect([byteSize(65_536), byteSize(870_400_000), byteSize(5_368_709_120)]).toEqual(["1 MB", "870 MB", "5.4 GB"]);
  });

  it("refuses weights past WebAssembly's 4 GiB, and leaves WebGPU to try", () => {
    expect(tooLargeError("acme/m", "q8", "wasm", WASM_MEMORY_BYTES - 1)).toBeUndefined();
    expect(tooLargeError("acme/m", "fp32", "wasm", 5_368_709_120)?.message).toBe(
      "acme/m's fp32 weights are 5.4 GB, more than the 4 GiB of memory WebAssembly can address: choose a smaller dtype, WebGPU, or score it with pnpm bench",
    );
    expect(tooLargeError("acme/m", "fp32", "webgpu", 5_368_709_120)).toBeUndefined();
  });
});
