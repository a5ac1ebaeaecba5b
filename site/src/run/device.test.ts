import { describe, expect, it } from "vitest";
import { defaultDtype, detectDevice } from "./device.ts";

describe("the device", () => {
  it("is WebGPU where the browser gives a GPU adapter, else WebAssembly, with the reason", async () => {
    expect(await detectDevice({})).toEqual({ device: "wasm", reason: "this browser has no WebGPU" });
    expect(await detectDevice({ gpu: { requestAdapter: async () => ({}) } })).toEqual({
      device: "webgpu",
      reason: "this browser has WebGPU",
    });
    expect((await detectDevice({ gpu: { requestAdapter: async () => null } })).device).toBe("wasm");
    const refusing = { requestAdapter: () => Promise.reject(new Error("no")) };
    expect((await detectDevice({ gpu: refusing })).device).toBe("wasm");
  });

  it("defaults the dtype to the entry's, else q8 on WebAssembly and fp16 on WebGPU", () => {
    expect(defaultDtype("q4", "webgpu")).toBe("q4");
    expect(defaultDtype(undefined, "wasm")).toBe("q8");
    expect(defaultDtype(undefined, "webgpu")).toBe("fp16");
  });
});
