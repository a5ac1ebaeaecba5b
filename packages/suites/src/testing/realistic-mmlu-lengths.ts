import { JinjaTemplate } from "../jinja-template.ts";
import { MMLU_TASK } from "../mmlu.ts";
import { apportion, randomWeights } from "./apportion.ts";
import { MMLU_LENGTH_STATISTICS } from "./mmlu-length-statistics.ts";
import type { ItemSize } from "./realistic-mmlu-item.ts";
import type { WordVocabulary } from "./realistic-mmlu-words.ts";

/** The sizes of one subject's five dev examples and of its test questions. */
export interface SubjectPlan {
  dev: ItemSize[];
  test: ItemSize[];
}

const SHOTS = 5;
/** What follows each dev example in the prompt: " B" and the "\n\n" before the next (three tiny-LM tokens). */
const SHOT_END: ItemSize = { chars: 4, tokens: 3 };
/** About the shortest MMLU question with its choices and frame, e.g. "What is 2+2?" with one-word choices. */
const SHORTEST_ITEM = 48;
/**
 * Characters per GPT-2 token, which the copy gives the tiny LM too: the common rule of thumb for BPE tokenizers on
 * English, "For clean English prose, one token averages roughly four characters"
 * (https://eyesinai.com/explainers/tokenizers, which names GPT-2's 50,257-token vocabulary alongside). An assumption
 * for MMLU, not a count over it: its numbers, formulas and "A."/"Answer:" frame likely run shorter per token.
 */
export const CHARS_PER_TOKEN = 4;

const description = new JinjaTemplate(MMLU_TASK.description!, "description");
/** MMLU_TASK's description for the subject, as lm-evaluation-harness renders it. */
const mmluDescription = (subject: string) => description.render({ subject });

const itemSize = (chars: number): ItemSize => ({ chars, tokens: Math.round(chars / CHARS_PER_TOKEN) });

function shuffle<T>(random: () => number, items: T[]): T[] {
  for (let index = items.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
  return items;
}

/**
 * `count` lengths from `low` to `high` whose mean is `mean`, in random order: one `low` and one `high` where the
 * rest can still make the mean, the rest spread evenly about their mean. The mean holds for any count.
 */
function testLengths(random: () => number, count: number, low: number, high: number, mean: number): number[] {
  const restMean = (count * mean - low - high) / (count - 2);
  const pinned = count >= 3 && restMean >= low && restMean <= high;
  const centre = pinned ? restMean : mean;
  const rest = pinned ? count - 2 : count;
  const half = Math.min(centre - low, high - centre);
  const spread = Array.from({ length: rest }, (_, index) =>
    Math.round(rest === 1 ? centre : centre - half + (2 * half * index) / (rest - 1)),
  );
  return shuffle(random, pinned ? [low, high, ...spread] : spread);
}

/**
 * Item sizes that reproduce the subject's published 5-shot prompt lengths. Every prompt is the description, the
 * five dev examples (the same for all, as in MMLU) and a test question, so the shortest and longest test questions
 * set the min and max, and their mean the mean. How much of the prompt is dev examples is not published: it is
 * taken from the mean as if dev and test items were alike on average, the shortest test item then falling as far
 * below an average item as the published min falls below the mean (but no shorter than SHORTEST_ITEM). `count`
 * test questions, by default the subject's real count; the mean holds for any count, the min and max from three.
 */
export function planSubject(
  vocabulary: WordVocabulary,
  random: () => number,
  subject: string,
  count?: number,
): SubjectPlan {
  const stats = MMLU_LENGTH_STATISTICS[subject];
  if (stats === undefined) throw new Error(`no published MMLU prompt lengths for the subject ${subject}`);
  const description = mmluDescription(subject);
  const averageItem = (stats.mean - description.length - SHOTS * SHOT_END.chars) / (SHOTS + 1);
  const shortest = Math.max(SHORTEST_ITEM, Math.round(stats.min - stats.mean + averageItem));
  // Every prompt's first `shared` characters: the description and the answered dev examples.
  const shared = stats.min - shortest;
  const devChars = apportion(
    shared - description.length - SHOTS * (SHOT_END.chars + SHORTEST_ITEM),
    randomWeights(random, SHOTS, 0.4),
  ).map((extra) => extra + SHORTEST_ITEM);
  // The dev examples make up the tokens the description and the answers fall short of, so the shared part too
  // has one token per CHARS_PER_TOKEN characters.
  const devTokens =
    Math.round(shared / CHARS_PER_TOKEN) - vocabulary.estimateTokens(description) - SHOTS * SHOT_END.tokens;
  const dev = apportion(devTokens, devChars).map((tokens, index) => ({ chars: devChars[index]!, tokens }));
  const test = testLengths(random, count ?? stats.samples, shortest, stats.max - shared, stats.mean - shared).map(
    itemSize,
  );
  return { dev, test };
}
