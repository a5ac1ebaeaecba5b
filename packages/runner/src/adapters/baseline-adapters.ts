import { createHash } from "node:crypto";
import type { GenerationRequest, GenerationResponse, LoglikelihoodRequest, LoglikelihoodResponse } from "@zoo/suites";
import { StatelessAdapter, type AnswerOptions, type ModelAdapter, type ModelIdentity } from "../adapter.ts";

/** Baselines read no model: their answers are the chance rows of a leaderboard. */
abstract class BaselineAdapter extends StatelessAdapter implements ModelAdapter {
  readonly capabilities = { loglikelihood: true, generation: true };
  abstract readonly identity: ModelIdentity;

  protected abstract logprob(request: LoglikelihoodRequest): number;

  async loglikelihood(requests: readonly LoglikelihoodRequest[], options: AnswerOptions<LoglikelihoodResponse>) {
    requests.forEach((request, index) => {
      // A guess is never the exact greedy continuation, so a baseline scores 0 on arithmetic.
      if (!options.isAnswered?.(index)) options.onResponse(index, { logprob: this.logprob(request), isGreedy: false });
    });
  }

  async generate(requests: readonly GenerationRequest[], options: AnswerOptions<GenerationResponse>) {
    requests.forEach((_, index) => {
      if (!options.isAnswered?.(index)) options.onResponse(index, { text: "" });
    });
  }
}

/**
 * Guesses uniformly among a document's choices: each request gets a log-probability drawn from the seed and the
 * request alone, so the guess is the same however requests are batched, resumed or sharded.
 */
export class RandomAdapter extends BaselineAdapter {
  readonly identity: ModelIdentity;

  constructor(private readonly seed: number) {
    super();
    this.identity = { adapter: "random", seed };
  }

  protected logprob(request: LoglikelihoodRequest): number {
    const digest = createHash("sha256")
      .update(JSON.stringify([this.seed, request.context, request.continuation]))
      .digest();
    // 48 random bits as a uniform draw in (0, 1); its log is a log-probability below 0.
    return Math.log((digest.readUIntBE(0, 6) + 1) / 2 ** 48);
  }
}

/** Always picks a document's first choice. */
export class FirstChoiceAdapter extends BaselineAdapter {
  readonly identity: ModelIdentity = { adapter: "first" };

  protected logprob(request: LoglikelihoodRequest): number {
    return -request.index;
  }
}
