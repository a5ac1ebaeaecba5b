/**
 * The whole words a realistic MMLU copy is written in, and what they cost the model it is written for: the caller
 * gives the words its tokenizer holds as one token each (the tiny LM's: TINY_LM_WORDS of @zoo/runner), so a text's
 * tokens can be planned while its length in characters is kept. Any other word is taken to cost one token per
 * letter, and each punctuation mark and newline one, as a WordPiece tokenizer with single-character pieces counts.
 */
export class WordVocabulary {
  private readonly longest: number;
  /** The words by length; every length from 1 to `longest` has some, so any length can be filled exactly. */
  private readonly byLength: string[][];
  private readonly words: ReadonlySet<string>;

  constructor(words: readonly string[]) {
    this.words = new Set(words);
    this.longest = Math.max(...words.map((word) => word.length));
    this.byLength = Array.from({ length: this.longest + 1 }, (_, length) =>
      words.filter((word) => word.length === length),
    );
    const missing = this.byLength.findIndex((bucket, length) => length > 0 && bucket.length === 0);
    if (missing > 0 || words.some((word) => !/^[a-z]+$/.test(word)))
      throw new Error(
        `the words must be lowercase letters with every length from 1 to the longest (${this.longest}); none has ${missing}`,
      );
  }

  /**
   * Exactly `chars` characters (≥ 1) of words joined by single spaces: `count` of them, or the nearest count that
   * fits (1 to the longest word's letters each). Each word being one token, `count` sets the text's tokens while
   * `chars` sets its length.
   */
  fill(random: () => number, chars: number, count: number): string {
    const { longest } = this;
    const words = Math.min(Math.max(count, Math.ceil((chars + 1) / (longest + 1))), Math.floor((chars + 1) / 2));
    let letters = chars - (words - 1);
    const out: string[] = [];
    for (let left = words; left > 0; left--) {
      // Leave the words after this one letters they can hold: at least one each, at most the longest.
      const shortest = Math.max(1, letters - longest * (left - 1));
      const most = Math.min(longest, letters - (left - 1));
      // Symmetric about the average, and narrowed near the ends, so that one-letter words stay rare.
      const average = letters / left;
      const spread = Math.max(0, Math.min(LENGTH_SPREAD, average - 1.5, longest + 0.5 - average));
      const wanted = Math.round(average + (2 * random() - 1) * spread);
      const length = Math.min(Math.max(wanted, shortest), most);
      const bucket = this.byLength[length]!;
      out.push(bucket[Math.floor(random() * bucket.length)]!);
      letters -= length;
    }
    return out.join(" ");
  }

  /**
   * The tokens in `text`: a word of the vocabulary is one, any other word one per letter (its character pieces; a
   * vocabulary prefix can make it a few fewer), each punctuation mark and newline one. An estimate for text the copy
   * does not write itself, MMLU's description.
   */
  estimateTokens(text: string): number {
    return (text.match(/[a-z]+|\S|\n/gi) ?? []).reduce(
      (count, piece) => count + (/^[a-z]/i.test(piece) && !this.words.has(piece.toLowerCase()) ? piece.length : 1),
      0,
    );
  }
}

/** How far a word's length strays from the average the text needs, so the text is not of one word length. */
const LENGTH_SPREAD = 3;
