import type {
  GenerationRequest,
  GenerationResponse,
  LoglikelihoodRequest,
  LoglikelihoodResponse,
  ResultRecord,
} from "@zoo/suites";

/** What the record says of the model run: its adapter and exact version, never a key. */
export type ModelIdentity = Omit<ResultRecord["model"], "id">;

/** How one call to an adapter reports its work, so every answer is saved the moment it exists. */
export interface AnswerOptions<R> {
  /** Called once per computed request, by its index in the list, in any order. */
  onResponse(index: number, response: R): void;
  /**
   * Requests already answered (by an earlier, interrupted run). An adapter skips them, but plans its batches over
   * the whole list, so a resumed run computes every remaining request exactly as an uninterrupted run would.
   */
  isAnswered?(index: number): boolean;
  signal?: AbortSignal;
}

/** Thrown when a model cannot answer a kind of request: one line saying what to do instead. */
export class CapabilityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CapabilityError";
  }
}

/**
 * A model behind one interface: loglikelihood requests get {logprob, isGreedy}, generation requests get text.
 * Adapters answer lists of requests so they can batch, share prefixes and run requests concurrently.
 */
export interface ModelAdapter {
  readonly identity: ModelIdentity;
  readonly capabilities: { loglikelihood: boolean; generation: boolean };
  loglikelihood(
    requests: readonly LoglikelihoodRequest[],
    options: AnswerOptions<LoglikelihoodResponse>,
  ): Promise<void>;
  generate(requests: readonly GenerationRequest[], options: AnswerOptions<GenerationResponse>): Promise<void>;
  /**
   * The forward tokens `loglikelihood` would run for `requests` (those `isAnswered` leaves), before padding, running
   * nothing; absent where they cannot be counted ahead (APIs, baselines).
   */
  plannedForwardTokens?(
    requests: readonly LoglikelihoodRequest[],
    isAnswered?: (index: number) => boolean,
  ): Promise<number>;
  /** Tokens through the model's forward passes so far (local models); undefined for APIs. */
  forwardTokens(): number | undefined;
  /** Tokens an API has billed so far, from its answers' usage fields; undefined for local models and baselines. */
  usage(): TokenUsage | undefined;
  /** Versions for the record's environment (onnxruntime, transformers.js). */
  environment(): { onnxruntime?: string; transformers_js?: string };
  dispose(): Promise<void>;
}

/** Input and output tokens, as an API's usage fields count them. */
export interface TokenUsage {
  input_tokens: number;
  output_tokens: number;
}

/** An adapter with no local model: no forward passes to count, no runtime to report, nothing to release. */
export abstract class StatelessAdapter {
  forwardTokens(): undefined {
    return undefined;
  }

  usage(): TokenUsage | undefined {
    return undefined;
  }

  environment(): { onnxruntime?: string; transformers_js?: string } {
    return {};
  }

  async dispose(): Promise<void> {}
}
