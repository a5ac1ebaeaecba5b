/** A run that cannot go on, with the one line the page shows for it: what failed, and what to do. */
export class RunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RunError";
  }
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0]!.trim();

/**
 * Why a model did not load, in one line: a file the repo lacks (most often the chosen dtype's weights), a network
 * failure, a model too large for this browser's memory, or transformers.js's own first line.
 */
export function modelLoadError(repo: string, dtype: string, error: unknown): RunError {
  if (error instanceof RunError) return error;
  const message = firstLine(error);
  const missing = /Could not locate file: "?([^"]+?)"?\.?$/.exec(message)?.[1];
  if (missing !== undefined) {
    const file = missing.replace(/^.*\/resolve\/[^/]+\//, "");
    return new RunError(
      file.startsWith("onnx/")
        ? `${repo} has no ${file} (its ${dtype} weights): choose another dtype, or a repo with ONNX weights for transformers.js`
        : `${repo} has no ${file}: it is not a model transformers.js can load`,
    );
  }
  if (/failed to fetch|networkerror|network error|load failed/i.test(message))
    return new RunError(`cannot download ${repo}'s files: the network failed (${message})`);
  if (/out of memory|\bOOM\b|could not allocate|Array buffer allocation failed|WebAssembly\.Memory/i.test(message))
    return new RunError(`${repo} (${dtype}) does not fit in this browser's memory: try a smaller dtype or model`);
  return new RunError(`cannot load ${repo}: ${message}`);
}

/** Anything else that stops a run, in one line. */
export function runFailure(error: unknown): RunError {
  return error instanceof RunError ? error : new RunError(firstLine(error));
}
