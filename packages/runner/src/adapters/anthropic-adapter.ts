import type { GenerationRequest, GenerationResponse, LoglikelihoodRequest, LoglikelihoodResponse } from "@zoo/suites";
import {
  CapabilityError,
  StatelessAdapter,
  type AnswerOptions,
  type ModelAdapter,
  type ModelIdentity,
  type TokenUsage,
} from "../adapter.ts";
import { cutAtStop } from "../stop-sequences.ts";
import { ApiError, postJson, type ApiOptions } from "./api-request.ts";
import { UsageMeter } from "./token-usage.ts";
import { answerAll, type QueueLimits } from "./request-queue.ts";

export const ANTHROPIC_BASE_URL = "https://api.anthropic.com";
export const ANTHROPIC_VERSION = "2023-06-01";

export interface AnthropicOptions {
  model: string;
  baseUrl: string;
  /** From the environment; sent as x-api-key, never written anywhere. */
  apiKey: string;
  api: ApiOptions;
  limits: QueueLimits;
}

/** Claude through the Messages API: generation only, since the API returns no log-probabilities. */
export class AnthropicAdapter extends StatelessAdapter implements ModelAdapter {
  readonly capabilities = { loglikelihood: false, generation: true };
  readonly identity: ModelIdentity;
  private readonly meter = new UsageMeter();

  override usage(): TokenUsage {
    return this.meter.read();
  }

  constructor(private readonly options: AnthropicOptions) {
    super();
    this.identity = { adapter: "anthropic", api_model: options.model, base_url: options.baseUrl };
  }

  async loglikelihood(_requests: readonly LoglikelihoodRequest[], _options: AnswerOptions<LoglikelihoodResponse>) {
    throw new CapabilityError(
      `anthropic:${this.options.model} cannot score loglikelihoods (the Messages API returns no log-probabilities): run a generation suite instead, such as truthfulqa_gen or arithmetic_gen`,
    );
  }

  async generate(requests: readonly GenerationRequest[], options: AnswerOptions<GenerationResponse>) {
    const url = `${this.options.baseUrl.replace(/\/+$/, "")}/v1/messages`;
    await answerAll(
      requests.length,
      this.options.limits,
      async (index) => {
        const request = requests[index]!;
        // As lm-evaluation-harness's anthropic-chat-completions: a first system turn goes in `system`.
        const [first, ...rest] = request.messages ?? [{ role: "user" as const, content: request.context }];
        const system = first!.role === "system" ? first!.content : undefined;
        const answer = (await postJson(
          url,
          {
            model: this.options.model,
            max_tokens: request.maxTokens,
            temperature: 0,
            ...(system === undefined ? {} : { system }),
            messages: system === undefined ? [first!, ...rest] : rest,
            // The API refuses stop sequences of whitespace alone ("\n\n"): those are cut here instead.
            stop_sequences: request.until.filter((stop) => stop.trim() !== ""),
          },
          { "x-api-key": this.options.apiKey, "anthropic-version": ANTHROPIC_VERSION },
          this.options.api,
          options.signal,
        )) as {
          content?: { type?: unknown; text?: unknown }[];
          usage?: { input_tokens?: unknown; output_tokens?: unknown };
        };
        this.meter.add(answer.usage?.input_tokens, answer.usage?.output_tokens);
        if (!Array.isArray(answer.content)) throw new ApiError(`${url} answered without content`, 200, "");
        const text = answer.content
          .filter((block) => block.type === "text" && typeof block.text === "string")
          .map((block) => block.text as string)
          .join("");
        options.onResponse(index, { text: cutAtStop(text, request.until) });
      },
      options,
    );
  }
}
