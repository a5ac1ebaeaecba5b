/**
 * What a suite asks of a model, in lm-evaluation-harness's two request kinds. A document yields one or more
 * requests; `index` orders the requests of one document (the choices of a multiple-choice question, in order).
 */
export type Request = LoglikelihoodRequest | GenerationRequest;

/** One turn of a chat transcript, as chat templates and chat APIs take it. */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/**
 * A request's prompt is `context`, or, when a chat template applies, the transcript `messages`: the model renders
 * it with its own template (a local model) or sends it as it is (a chat API), and `context` is then empty.
 */
interface Prompt {
  context: string;
  messages?: ChatMessage[];
}

/** The log-probability of `continuation` following the prompt, and whether it is the greedy continuation. */
export interface LoglikelihoodRequest extends Prompt {
  type: "loglikelihood";
  docId: number;
  index: number;
  continuation: string;
}

/** Text generated greedily after the prompt, stopping at the first of `until` or after `maxTokens` new tokens. */
export interface GenerationRequest extends Prompt {
  type: "generation";
  docId: number;
  index: number;
  until: string[];
  maxTokens: number;
}

export interface LoglikelihoodResponse {
  /** Sum of the log-probabilities of the continuation's tokens (natural log). */
  logprob: number;
  /** True when every continuation token is the model's argmax given what precedes it. */
  isGreedy: boolean;
}

export interface GenerationResponse {
  /** The generated text, cut before the first stop sequence. */
  text: string;
}

export type Response<R extends Request = Request> = R extends LoglikelihoodRequest
  ? LoglikelihoodResponse
  : GenerationResponse;

/**
 * The JSONL line `zoo requests` prints for a request: lm-evaluation-harness's field names, so the two tools'
 * requests can be compared byte for byte.
 */
export function requestRecord(request: Request): Record<string, unknown> {
  const prompt = request.messages ? { messages: request.messages } : { context: request.context };
  return request.type === "loglikelihood"
    ? { doc_id: request.docId, type: request.type, ...prompt, continuation: request.continuation }
    : {
        doc_id: request.docId,
        type: request.type,
        ...prompt,
        until: request.until,
        max_tokens: request.maxTokens,
      };
}
