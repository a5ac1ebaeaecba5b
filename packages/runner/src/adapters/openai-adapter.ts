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

export const OPENAI_BASE_URL = "https://api.openai.com/v1";
/** The chat completions API takes at most four stop sequences; the rest are cut here. */
const MAX_STOP_SEQUENCES = 4;
/** lm-evaluation-harness's default seed for API requests. */
const API_SEED = 1234;

/**
 * The chat completions field that caps an answer's length: OpenAI's own API wants `max_completion_tokens` (its
 * reasoning models refuse `max_tokens`); the servers people run themselves (vLLM, TGI, llama.cpp, Ollama) all read
 * `max_tokens`, and not all of them the newer name.
 */
export function answerLengthField(baseUrl: string): "max_completion_tokens" | "max_tokens" {
  return baseUrl.replace(/\/+$/, "") === OPENAI_BASE_URL ? "max_completion_tokens" : "max_tokens";
}

export interface OpenAiOptions {
  model: string;
  baseUrl: string;
  /** From the environment; sent as a bearer token, never written anywhere. */
  apiKey?: string;
  api: ApiOptions;
  limits: QueueLimits;
}

interface CompletionLogprobs {
  tokens?: unknown;
  token_logprobs?: unknown;
  top_logprobs?: unknown;
  text_offset?: unknown;
}

/**
 * An OpenAI-compatible server: OpenAI itself, vLLM, TGI, llama.cpp's server or Ollama. Generation goes through
 * chat completions; loglikelihoods through completions with echo and logprobs, which only some servers offer
 * (vLLM does, OpenAI's chat models do not): without them the run stops with one line saying so.
 */
export class OpenAiAdapter extends StatelessAdapter implements ModelAdapter {
  readonly capabilities = { loglikelihood: true, generation: true };
  private readonly meter = new UsageMeter();

  override usage(): TokenUsage {
    return this.meter.read();
  }
  readonly identity: ModelIdentity;

  constructor(private readonly options: OpenAiOptions) {
    super();
    this.identity = { adapter: "openai", api_model: options.model, base_url: options.baseUrl };
  }

  private get headers(): Record<string, string> {
    return this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {};
  }

  private url(path: string): string {
    return `${this.options.baseUrl.replace(/\/+$/, "")}${path}`;
  }

  private unsupported(why: string): CapabilityError {
    // One line, even where the server's own words span several.
    return new CapabilityError(
      `openai:${this.options.model} at ${this.options.baseUrl} cannot score loglikelihoods (${why.replace(/\s+/g, " ").trim()}): run a generation suite instead, such as truthfulqa_gen or arithmetic_gen`,
    );
  }

  private async scoreOne(request: LoglikelihoodRequest, signal?: AbortSignal): Promise<LoglikelihoodResponse> {
    if (request.messages)
      throw new CapabilityError(
        `openai:${this.options.model} cannot score chat transcripts' loglikelihoods (a chat template must be rendered locally): run a generation suite with --apply-chat-template, or a local model`,
      );
    const prompt = request.context + request.continuation;
    let answer: {
      choices?: { logprobs?: CompletionLogprobs | null }[];
      usage?: { prompt_tokens?: unknown; completion_tokens?: unknown };
    };
    try {
      answer = (await postJson(
        this.url("/completions"),
        { model: this.options.model, prompt, max_tokens: 1, temperature: 0, logprobs: 1, echo: true, seed: API_SEED },
        this.headers,
        this.options.api,
        signal,
      )) as typeof answer;
      this.meter.add(answer.usage?.prompt_tokens, answer.usage?.completion_tokens);
    } catch (error) {
      if (
        error instanceof ApiError &&
        (error.status === 404 || (error.status === 400 && /echo|logprob/i.test(error.detail)))
      )
        throw this.unsupported(error.status === 404 ? "it has no completions endpoint" : error.detail);
      throw error;
    }
    const logprobs = answer.choices?.[0]?.logprobs;
    const tokenLogprobs = logprobs?.token_logprobs;
    const offsets = logprobs?.text_offset;
    const tops = logprobs?.top_logprobs;
    if (!Array.isArray(tokenLogprobs) || !Array.isArray(offsets) || !Array.isArray(tops))
      throw this.unsupported("its completions do not echo the prompt's logprobs");
    // As lm-evaluation-harness encodes a pair, the context's trailing spaces belong to the continuation. Servers
    // count offsets in characters (code points), not UTF-16 units.
    const start = [...request.context.trimEnd()].length;
    const end = [...prompt].length;
    let logprob = 0;
    let isGreedy = true;
    let scored = 0;
    offsets.forEach((offset, index) => {
      if (typeof offset !== "number" || offset < start || offset >= end) return;
      scored += 1;
      const value = tokenLogprobs[index];
      if (typeof value !== "number") throw this.unsupported("a continuation token has no logprob");
      logprob += value;
      const top = tops[index] as Record<string, number> | null;
      if (top === null || typeof top !== "object" || value < Math.max(...Object.values(top))) isGreedy = false;
    });
    // A continuation inside a token that starts in the context has no tokens of its own: no score, not a zero.
    if (scored === 0 && request.continuation !== "")
      throw this.unsupported(
        `no token of the server's echo starts inside the continuation ${JSON.stringify(request.continuation)}`,
      );
    return { logprob, isGreedy };
  }

  async loglikelihood(requests: readonly LoglikelihoodRequest[], options: AnswerOptions<LoglikelihoodResponse>) {
    await answerAll(
      requests.length,
      this.options.limits,
      async (index) => options.onResponse(index, await this.scoreOne(requests[index]!, options.signal)),
      options,
    );
  }

  async generate(requests: readonly GenerationRequest[], options: AnswerOptions<GenerationResponse>) {
    await answerAll(
      requests.length,
      this.options.limits,
      async (index) => {
        const request = requests[index]!;
        const url = this.url("/chat/completions");
        const stop = request.until.filter((sequence) => sequence !== "").slice(0, MAX_STOP_SEQUENCES);
        const answer = (await postJson(
          url,
          {
            model: this.options.model,
            messages: request.messages ?? [{ role: "user", content: request.context }],
            [answerLengthField(this.options.baseUrl)]: request.maxTokens,
            temperature: 0,
            seed: API_SEED,
            // OpenAI refuses an empty list of stop sequences.
            ...(stop.length > 0 ? { stop } : {}),
          },
          this.headers,
          this.options.api,
          options.signal,
        )) as {
          choices?: { message?: { content?: unknown } }[];
          usage?: { prompt_tokens?: unknown; completion_tokens?: unknown };
        };
        this.meter.add(answer.usage?.prompt_tokens, answer.usage?.completion_tokens);
        // An answer without a message would otherwise be saved as the empty text, scored and cached as the model's.
        const message = Array.isArray(answer.choices) ? answer.choices[0]?.message : undefined;
        if (message === undefined) throw new ApiError(`${url} answered without a message`, 200, "");
        const content = message.content;
        if (content !== null && content !== undefined && typeof content !== "string")
          throw new ApiError(`${url} answered without a text message`, 200, "");
        options.onResponse(index, { text: cutAtStop(content ?? "", request.until) });
      },
      options,
    );
  }
}
