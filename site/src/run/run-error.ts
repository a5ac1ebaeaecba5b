import { HubRefusedError, HubUnreachableError } from "@zoo/suites";

/** A run that cannot go on, with the one line the page shows for it: what failed, and what to do. */
export class RunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RunError";
  }
}

/** A file the repo lacks: most often the chosen dtype's weights. */
export function missingWeightsError(repo: string, file: string, dtype: string): RunError {
  return new RunError(
    file.startsWith("onnx/")
      ? `${repo} has no ${file} (its ${dtype} weights): choose another dtype, or a repo with ONNX weights for transformers.js`
      : `${repo} has no ${file}: it is not a model transformers.js can load`,
  );
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
  if (missing !== undefined) return missingWeightsError(repo, missing.replace(/^.*\/resolve\/[^/]+\//, ""), dtype);
  if (/failed to fetch|networkerror|network error|load failed/i.test(message))
    return new RunError(`cannot download ${repo}'s files: the network failed (${message})`);
  if (/out of memory|\bOOM\b|could not allocate|Array buffer allocation failed|WebAssembly\.Memory/i.test(message))
    return new RunError(`${repo} (${dtype}) does not fit in this browser's memory: try a smaller dtype or model`);
  return new RunError(`cannot load ${repo}: ${message}`);
}

/**
 * Why a suite's data did not load, in one line: a dataset the Hub refuses (gated, private: this page sends no
 * token), a Hub out of reach with no copy in this browser, or the suites' own message (a file whose sha256 is not
 * the one the Hub lists, a malformed row).
 */
export function dataLoadError(suite: string, error: unknown): RunError {
  if (error instanceof HubRefusedError)
    return new RunError(
      `the Hub refused ${error.repo}, ${suite}'s dataset (${error.status}): it is gated or private, and this page sends no access token. Score it with pnpm bench and HF_TOKEN, or choose the samples`,
    );
  if (error instanceof HubUnreachableError)
    return new RunError(
      `cannot download ${error.repo}, ${suite}'s dataset, and this browser has no copy of it (${error.reason}): check the connection, or choose the samples`,
    );
  return new RunError(`cannot load ${suite}'s data: ${firstLine(error)}`);
}

/** Anything else that stops a run, in one line. */
export function runFailure(error: unknown): RunError {
  return error instanceof RunError ? error : new RunError(firstLine(error));
}
