/*
 * The tiny LM's tokenizer, in the Hugging Face tokenizers format (tokenizer.json): WordPiece over lowercased text,
 * split at whitespace and punctuation. Every ASCII letter, digit and punctuation mark is a piece on its own and as a
 * "##" continuation, so any ASCII word has tokens; common words have one token each. A newline is kept as the
 * visible mark "¶" (and decoded back), so generation can produce the "\n\n" that ends an answer.
 */

export const SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[BOS]", "[EOS]"] as const;
const NEWLINE_MARK = "¶";

const CHARACTERS = [..."abcdefghijklmnopqrstuvwxyz0123456789", ...".,:;?!'\"()[]{}-+*/=%$&#@_<>", NEWLINE_MARK];

/** The whole words the tiny LM's tokenizer holds as one token each. */
export const TINY_LM_WORDS: readonly string[] = (
  "the of and to in is a an what which who when where why how are was were be by for on with as at from that this " +
  "it its or not no yes do does can will would if than then there their they you your we our his her he she " +
  "following multiple choice questions question answer answers about true false plus minus times many most more " +
  "one two three four five six seven eight nine ten hundred year years people world country city capital " +
  "human life expectancy united states president law planet sun star earth water food body"
).split(" ");

/** The vocabulary in id order: special tokens, characters, continuation characters, then whole words. */
export function tinyLmVocabulary(): string[] {
  return [...new Set([...SPECIAL_TOKENS, ...CHARACTERS, ...CHARACTERS.map((c) => `##${c}`), ...TINY_LM_WORDS])];
}

/**
 * The vocabulary padded to `size` entries with BERT's placeholders "[unused0]", "[unused1]", …, so the model can
 * have a real model's vocabulary size (GPT-2's 50,257) and its embedding and unembedding matrices a real model's
 * cost. Text never encodes to a placeholder: the pre-tokenizer splits "[" and "]" off as words of their own, and
 * placeholders are not added tokens, which alone match raw text whole.
 */
export function paddedVocabulary(vocabulary: readonly string[], size: number): string[] {
  if (!Number.isInteger(size)) throw new Error(`vocabulary size ${size} is not a whole number`);
  if (size < vocabulary.length)
    throw new Error(
      `vocabulary size ${size} is smaller than the tiny LM's own vocabulary of ${vocabulary.length} tokens`,
    );
  return [...vocabulary, ...Array.from({ length: size - vocabulary.length }, (_, i) => `[unused${i}]`)];
}

/** tokenizer.json for the vocabulary. */
export function tinyLmTokenizerJson(vocabulary: readonly string[]): Record<string, unknown> {
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({
      id: vocabulary.indexOf(content),
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: "Sequence",
      normalizers: [
        { type: "Replace", pattern: { String: "\n" }, content: NEWLINE_MARK },
        { type: "BertNormalizer", clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
      ],
    },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: null,
    decoder: {
      type: "Sequence",
      decoders: [
        { type: "WordPiece", prefix: "##", cleanup: false },
        { type: "Replace", pattern: { String: ` ${NEWLINE_MARK}` }, content: "\n" },
        { type: "Replace", pattern: { String: NEWLINE_MARK }, content: "\n" },
      ],
    },
    model: {
      type: "WordPiece",
      unk_token: "[UNK]",
      continuing_subword_prefix: "##",
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocabulary.map((token, id) => [token, id])),
    },
  };
}
