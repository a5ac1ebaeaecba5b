import type { PreTrainedTokenizer } from "@huggingface/transformers";

/**
 * What encodes a model's loglikelihood requests: the tokenizer on another thread where the host has threads to
 * spare (Node: see tokenizer-thread.ts), or inline.
 */
export interface TokenEncoder {
  /** The tokens of each text, without special tokens: `tokenizer.encode(text, { add_special_tokens: false })`. */
  encode(texts: readonly string[]): Promise<number[][]>;
  /** Milliseconds spent encoding: the tokenising that `pnpm perf` reports. */
  busyMilliseconds(): number;
  close(): Promise<void>;
}

/** Encodes on the calling thread, between forward passes: for hosts without worker threads. */
export function inlineEncoder(tokenizer: PreTrainedTokenizer): TokenEncoder {
  let busy = 0;
  return {
    encode: async (texts) => {
      const start = performance.now();
      const tokens = texts.map((text) => tokenizer.encode(text, { add_special_tokens: false }));
      busy += performance.now() - start;
      return tokens;
    },
    busyMilliseconds: () => busy,
    close: async () => {},
  };
}
