import type { TransformersAdapter } from "@zoo/runner/scoring";

/** Resolves in a task of its own, not a microtask: the thread handles its messages and callbacks first. */
export function nextTask(): Promise<void> {
  const channel = new MessageChannel();
  return new Promise((resolve) => {
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Gives the thread a turn before a forward pass, once `sliceMs` have passed since the last: ONNX Runtime's
 * WebAssembly build computes on the calling thread and its promises settle as microtasks, so a suite would
 * otherwise run from start to end without the worker ever reading a message (Stop) or IndexedDB reporting a write.
 */
export function yieldBeforeForwardPasses(adapter: TransformersAdapter, sliceMs = 10): void {
  let last = performance.now();
  adapter.beforeEachForwardPass(async () => {
    if (performance.now() - last < sliceMs) return;
    await nextTask();
    last = performance.now();
  });
}
