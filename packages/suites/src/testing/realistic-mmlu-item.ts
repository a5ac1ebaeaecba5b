import { apportion, randomWeights } from "./apportion.ts";
import type { WordVocabulary } from "./realistic-mmlu-words.ts";

/** How long an item should be as lm-evaluation-harness's doc_to_text renders it, in characters and tokens. */
export interface ItemSize {
  chars: number;
  tokens: number;
}

export interface MmluItem {
  question: string;
  choices: string[];
}

/**
 * What doc_to_text puts around the question and choices: "\nA. " before each choice (newline, letter, full stop:
 * three tokens) and "\nAnswer:" after them (newline, "answer", colon).
 */
const FRAME: ItemSize = { chars: 4 * 4 + 8, tokens: 4 * 3 + 3 };

/** MMLU's choices run from a number to a sentence; past this the rest of a long item goes to the question. */
const LONGEST_CHOICE = 150;
const SENTENCE = { shortest: 30, longest: 160 };
/** Past this a question is a passage, in paragraphs, then the question itself on its own line. */
const PASSAGE = 400;
const OPENERS = ["what", "which", "who", "how", "why", "where", "when"];

const capitalise = (text: string) => text[0]!.toUpperCase() + text.slice(1);

/** Sentence lengths (each with its closing mark) that, joined by one character each, make `chars` (≥ 2). */
function sentenceLengths(random: () => number, chars: number): number[] {
  const lengths: number[] = [];
  let left = chars;
  for (;;) {
    const next = SENTENCE.shortest + Math.floor(random() * (SENTENCE.longest - SENTENCE.shortest));
    if (left - next - 1 < SENTENCE.shortest) return [...lengths, left];
    lengths.push(next);
    left -= next + 1;
  }
}

/** A sentence of `chars` characters ending in `mark`; a question opens with a question word when it has room. */
function sentence(
  vocabulary: WordVocabulary,
  random: () => number,
  chars: number,
  words: number,
  mark: string,
): string {
  const opener = OPENERS[Math.floor(random() * OPENERS.length)]!;
  const body =
    mark === "?" && words > 1 && chars - 1 > opener.length + 1
      ? `${opener} ${vocabulary.fill(random, chars - 2 - opener.length, words - 1)}`
      : vocabulary.fill(random, chars - 1, words);
  return capitalise(body) + mark;
}

/**
 * A question and four choices shaped like MMLU's, exactly `size.chars` long once rendered (`size.chars` ≥ 30) and,
 * as far as the words can stretch, `size.tokens` tokens of the vocabulary's model: the question is a few sentences, or for a long
 * item a passage in paragraphs, ending in "?" (or "." as MMLU's completions do); the choices vary in length.
 */
export function realisticItem(vocabulary: WordVocabulary, random: () => number, size: ItemSize): MmluItem {
  const text = size.chars - FRAME.chars;
  const allChoices = Math.min(Math.max(Math.round(text * (0.1 + 0.35 * random())), 4), text - 2, 4 * LONGEST_CHOICE);
  const choiceChars = apportion(allChoices - 4, randomWeights(random, 4, 0.7)).map((extra) => extra + 1);
  const sentences = sentenceLengths(random, text - allChoices);
  const passage = text - allChoices > PASSAGE;
  const joiners = sentences
    .slice(1)
    .map((_, index) => (passage && (index === sentences.length - 2 || random() < 0.2) ? "\n" : " "));
  // Every token not a word: the frame, each sentence's mark and each newline.
  const structure = FRAME.tokens + sentences.length + joiners.filter((joiner) => joiner === "\n").length;
  const words = apportion(Math.max(size.tokens - structure, 0), [
    ...sentences.map((chars) => chars - 1),
    ...choiceChars,
  ]);
  const last = sentences.length - 1;
  const question = sentences
    .map((chars, index) => {
      const mark = index < last ? "." : random() < 0.8 ? "?" : ".";
      return sentence(vocabulary, random, chars, words[index]!, mark) + (joiners[index] ?? "");
    })
    .join("");
  const choices = choiceChars.map((chars, index) =>
    capitalise(vocabulary.fill(random, chars, words[sentences.length + index]!)),
  );
  return { question, choices };
}
