/** A tokenizer as lm-evaluation-harness's tok_encode uses it: text to ids, without special tokens. */
export type Encode = (text: string) => number[];

export interface EncodedPair {
  context: number[];
  continuation: number[];
}

/** The texts lm-evaluation-harness encodes for a pair; an empty context is no text but the prefix token. */
export interface PairTexts {
  context: string | undefined;
  whole: string;
}

/**
 * What `_encode_pair` encodes: the context with its trailing spaces moved to the continuation, and the context
 * and continuation whole. An empty context is not encoded, and the continuation is then encoded on its own.
 */
export function pairTexts(context: string, continuation: string): PairTexts {
  if (context === "") return { context: undefined, whole: continuation };
  // Python's rstrip() and JavaScript's trimEnd() agree on what whitespace is for the characters prompts hold.
  return { context: context.trimEnd(), whole: context + continuation };
}

/**
 * lm-evaluation-harness's `_encode_pair` of a pair's texts (see pairTexts): the continuation's tokens are those of
 * context + continuation after the (space-trimmed) context's own; an empty context is the prefix token (BOS, else
 * EOS).
 */
export function encodePair(encode: Encode, texts: PairTexts, prefixTokenId: number): EncodedPair {
  const whole = encode(texts.whole);
  if (texts.context === undefined) return { context: [prefixTokenId], continuation: whole };
  const contextTokens = encode(texts.context);
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
