/** Where the forward passes run: the GPU through WebGPU, or the CPU through WebAssembly. */
export type RunDevice = "wasm" | "webgpu";

export const DEVICE_NAMES: Record<RunDevice, string> = { wasm: "WebAssembly (CPU)", webgpu: "WebGPU" };

interface GpuLike {
  requestAdapter(): Promise<unknown>;
}

/**
 * WebGPU where the browser has it (`navigator.gpu`) and it gives an adapter; else WebAssembly, with the reason, so
 * the page can say which it uses and why.
 */
export async function detectDevice(
  browser: { gpu?: GpuLike } = navigator as { gpu?: GpuLike },
): Promise<{ device: RunDevice; reason: string }> {
  const { gpu } = browser;
  if (gpu === undefined) return { device: "wasm", reason: "this browser has no WebGPU" };
  try {
    if (await gpu.requestAdapter()) return { device: "webgpu", reason: "this browser has WebGPU" };
    return { device: "wasm", reason: "this browser has WebGPU, but no GPU adapter for it" };
  } catch {
    return { device: "wasm", reason: "this browser's WebGPU would not give a GPU adapter" };
  }
}

/** The weights to load: the catalogue entry's dtype, else 8-bit on WebAssembly and fp16 on WebGPU. */
export function defaultDtype(entryDtype: string | undefined, device: RunDevice): string {
  return entryDtype ?? (device === "webgpu" ? "fp16" : "q8");
}
