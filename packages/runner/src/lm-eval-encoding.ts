/** A tokenizer as lm-evaluation-harness's tok_encode uses it: text to ids, without special tokens. */
export type Encode = (text: string) => number[];

export interface EncodedPair {
  context: number[];
  continuation: number[];
}

/**
 * lm-evaluation-harness's `_encode_pair`: trailing spaces of the context move to the continuation, the context is
 * encoded alone, and the continuation's tokens are those of context + continuation after the context's. An empty
 * context is the prefix token (BOS, else EOS) alone, and the continuation is encoded on its own.
 */
export function encodePair(
  encode: Encode,
  context: string,
  continuation: string,
  prefixTokenId: number,
  /** Encodes the (space-trimmed) context: a memo, since the choices of a question share one. */
  encodeContext: Encode = encode,
): EncodedPair {
  if (context === "") return { context: [prefixTokenId], continuation: encode(continuation) };
  const spaces = context.length - context.trimEnd().length;
  // Python's rstrip() and JavaScript's trimEnd() agree on what whitespace is for the characters prompts hold.
  const movedContext = spaces > 0 ? context.slice(0, -spaces) : context;
  const movedContinuation = spaces > 0 ? context.slice(-spaces) + continuation : continuation;
  const whole = encode(movedContext + movedContinuation);
  const contextTokens = encodeContext(movedContext);
  return { context: contextTokens, continuation: whole.slice(contextTokens.length) };
}

/**
 * The model input lm-evaluation-harness builds for a pair: (context + continuation)[-(maxLength + 1):][:-1], so a
 * long prompt loses tokens from the left; the continuation's log-probabilities are read off its last positions.
 */
export function truncatedInput(pair: EncodedPair, maxLength: number): number[] {
  const whole = [...pair.context, ...pair.continuation];
  return whole.slice(-(maxLength + 1)).slice(0, -1);
}
