/**
 * What a suite asks of a model, in lm-evaluation-harness's two request kinds. A document yields one or more
 * requests; `index` orders the requests of one document (the choices of a multiple-choice question, in order).
 */
export type Request = LoglikelihoodRequest | GenerationRequest;

/** The log-probability of `continuation` following `context`, and whether it is the greedy continuation. */
export interface LoglikelihoodRequest {
  type: "loglikelihood";
  docId: number;
  index: number;
  context: string;
  continuation: string;
}

/** Text generated greedily after `context`, stopping at the first of `until` or after `maxTokens` new tokens. */
export interface GenerationRequest {
  type: "generation";
  docId: number;
  index: number;
  context: string;
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
  return request.type === "loglikelihood"
    ? { doc_id: request.docId, type: request.type, context: request.context, continuation: request.continuation }
    : {
        doc_id: request.docId,
        type: request.type,
        context: request.context,
        until: request.until,
        max_tokens: request.maxTokens,
      };
}
