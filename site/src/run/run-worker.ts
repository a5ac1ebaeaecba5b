// The /run/ page's worker: it runs the model, so the page stays responsive while ONNX Runtime computes (its
// WebAssembly holds the thread it runs on), and the page can always take a click on Stop. The page creates it when
// Run is pressed: transformers.js and ONNX Runtime are loaded only then.
import { runFailure } from "./run-error.ts";
import type { RunMessage, RunRequest } from "./run-messages.ts";
import { runPlan } from "./runtime.ts";

const scope = self as unknown as {
  postMessage(message: RunMessage): void;
  onmessage: ((event: MessageEvent<RunRequest>) => void) | null;
};
const stop = new AbortController();

scope.onmessage = async ({ data }) => {
  if (data.type === "stop") return stop.abort();
  try {
    await runPlan(data.plan, (message) => scope.postMessage(message), stop.signal);
    scope.postMessage({ type: "done" });
  } catch (error) {
    scope.postMessage(
      stop.signal.aborted ? { type: "stopped" } : { type: "failed", message: runFailure(error).message },
    );
  }
};
