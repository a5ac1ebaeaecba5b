import { sha256Hex, type Request } from "@zoo/suites";

/**
 * The cache key of a request: what it asks, never which document or suite asked it. sha256 through Web Crypto, so
 * Node and a browser key an answer alike.
 */
export function requestKey(request: Request): Promise<string> {
  // A chat transcript is the prompt itself (its context is empty until a template renders it); a plain prompt
  // keeps the key it always had, so earlier answers stay valid.
  const prompt = request.messages ? { messages: request.messages } : request.context;
  const asked =
    request.type === "loglikelihood"
      ? [request.type, prompt, request.continuation]
      : [request.type, prompt, request.until, request.maxTokens];
  return sha256Hex(JSON.stringify(asked));
}
