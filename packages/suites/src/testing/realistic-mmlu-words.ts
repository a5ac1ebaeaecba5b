/**
 * The words the realistic MMLU copy is written in: the tiny test LM's whole-word vocabulary (WORDS in
 * packages/runner/src/tiny-lm/tiny-lm-tokenizer.ts, copied here because suites sits below runner), so each word is
 * one token for it. A runner test (tiny-lm/realistic-mmlu-tokens.test.ts) checks that they still are.
 */
export const REALISTIC_MMLU_WORDS: readonly string[] = (
  "the of and to in is a an what which who when where why how are was were be by for on with as at from that this " +
  "it its or not no yes do does can will would if than then there their they you your we our his her he she " +
  "following multiple choice questions question answer answers about true false plus minus times many most more " +
  "one two three four five six seven eight nine ten hundred year years people world country city capital " +
  "human life expectancy united states president law planet sun star earth water food body"
).split(" ");

const LONGEST = Math.max(...REALISTIC_MMLU_WORDS.map((word) => word.length));

/** The words by length; every length from 1 to LONGEST has some, so any length can be filled exactly. */
const BY_LENGTH: string[][] = Array.from({ length: LONGEST + 1 }, (_, length) =>
  REALISTIC_MMLU_WORDS.filter((word) => word.length === length),
);

/** How far a word's length strays from the average the text needs, so the text is not of one word length. */
const LENGTH_SPREAD = 3;

/**
 * Exactly `chars` characters (≥ 1) of lowercase words joined by single spaces: `words` of them, or the nearest count
 * that fits (1 to LONGEST letters a word). Each word being one tiny-LM token, `words` sets the text's tokens while
 * `chars` sets its length.
 */
export function fillWords(random: () => number, chars: number, words: number): string {
  const count = Math.min(Math.max(words, Math.ceil((chars + 1) / (LONGEST + 1))), Math.floor((chars + 1) / 2));
  let letters = chars - (count - 1);
  const out: string[] = [];
  for (let left = count; left > 0; left--) {
    // Leave the words after this one letters they can hold: at least one each, at most LONGEST.
    const shortest = Math.max(1, letters - LONGEST * (left - 1));
    const longest = Math.min(LONGEST, letters - (left - 1));
    // Symmetric about the average, and narrowed near the ends, so that one-letter "a" stays rare.
    const average = letters / left;
    const spread = Math.max(0, Math.min(LENGTH_SPREAD, average - 1.5, LONGEST + 0.5 - average));
    const wanted = Math.round(average + (2 * random() - 1) * spread);
    const length = Math.min(Math.max(wanted, shortest), longest);
    const bucket = BY_LENGTH[length]!;
    out.push(bucket[Math.floor(random() * bucket.length)]!);
    letters -= length;
  }
  return out.join(" ");
}

/**
 * The tiny LM's tokens in `text`, as its tokenizer counts them for the words above: a vocabulary word is one token,
 * any other word one per letter (its character pieces; a vocabulary prefix can make it a few fewer), each
 * punctuation mark and newline one. An estimate for text the copy does not write itself, MMLU's description.
 */
export function estimateTinyLmTokens(text: string): number {
  const vocabulary = new Set(REALISTIC_MMLU_WORDS);
  return (text.match(/[a-z]+|\S|\n/gi) ?? []).reduce(
    (count, piece) => count + (/^[a-z]/i.test(piece) && !vocabulary.has(piece.toLowerCase()) ? piece.length : 1),
    0,
  );
}
