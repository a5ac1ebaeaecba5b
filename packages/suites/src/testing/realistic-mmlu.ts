import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { MMLU_SUBJECTS } from "../mmlu-subjects.ts";
import { mulberry32 } from "../seeded-random.ts";
import { realisticItem, type ItemSize } from "./realistic-mmlu-item.ts";
import { planSubject } from "./realistic-mmlu-lengths.ts";
import { WordVocabulary } from "./realistic-mmlu-words.ts";

export interface RealisticMmluOptions {
  /**
   * The words the model's tokenizer holds as one token each (the tiny LM's: TINY_LM_WORDS of @zoo/runner): the
   * text is written in them, so that its tokens, not only its characters, have MMLU's proportions.
   */
  words: readonly string[];
  /** The subjects to write; all 57 by default. */
  subjects?: readonly string[];
  /** Test questions per subject; by default each subject's real count, 14,042 in all. */
  questionsPerSubject?: number;
  /** Varies the text, not the lengths' statistics; 0 by default. */
  seed?: number;
}

/** FNV-1a of the subject's name, so a subject's text is the same whichever other subjects are written. */
function subjectSeed(subject: string, seed: number): number {
  let hash = 0x811c9dc5;
  for (const char of subject) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return (hash ^ seed) >>> 0;
}

/** One question as cais/mmlu holds it: the answer is the index of the right choice. */
export interface RealisticMmluRow {
  question: string;
  choices: string[];
  answer: number;
}

/** One subject's questions: five dev questions (the few-shot examples) and its test questions. */
export interface RealisticMmluSubject {
  subject: string;
  dev: RealisticMmluRow[];
  test: RealisticMmluRow[];
}

const rows = (vocabulary: WordVocabulary, random: () => number, sizes: readonly ItemSize[]): RealisticMmluRow[] =>
  sizes.map((size) => {
    const { question, choices } = realisticItem(vocabulary, random, size);
    return { question, choices, answer: Math.floor(random() * 4) };
  });

/** The words hold no quotes, so quoting each field is all the CSV needs (questions may span lines). */
const csvRows = (items: readonly RealisticMmluRow[]): string =>
  items
    .map((row) => `${[row.question, ...row.choices].map((field) => `"${field}"`).join(",")},${"ABCD"[row.answer]}\n`)
    .join("");

function checkOptions({ questionsPerSubject }: RealisticMmluOptions): void {
  if (questionsPerSubject !== undefined && !(Number.isInteger(questionsPerSubject) && questionsPerSubject >= 1))
    throw new Error(`questionsPerSubject must be a whole number ≥ 1, not ${questionsPerSubject}`);
}

/**
 * A synthetic MMLU's questions, subject by subject, whose 5-shot prompts, as the mmlu suite builds them, have each
 * subject's published length in characters (mean, min and max: MMLU_LENGTH_STATISTICS) and, for the model whose
 * words are given, about one token per 4 characters, as GPT-2 has on English. For measuring at MMLU's real proportions; the text is not English.
 */
export function realisticMmlu(options: RealisticMmluOptions): RealisticMmluSubject[] {
  checkOptions(options);
  const { subjects = MMLU_SUBJECTS, questionsPerSubject, seed = 0 } = options;
  const vocabulary = new WordVocabulary(options.words);
  return subjects.map((subject) => {
    const random = mulberry32(subjectSeed(subject, seed));
    const plan = planSubject(vocabulary, random, subject, questionsPerSubject);
    const dev = rows(vocabulary, random, plan.dev);
    return { subject, dev, test: rows(vocabulary, random, plan.test) };
  });
}

/**
 * The realistic MMLU (realisticMmlu) in the original CSV layout: data/test/<subject>_test.csv, and
 * data/dev/<subject>_dev.csv with five questions each. For measuring what shared prefixes save.
 */
export async function writeRealisticMmlu(dir: string, options: RealisticMmluOptions): Promise<void> {
  checkOptions(options);
  await mkdir(join(dir, "data/test"), { recursive: true });
  await mkdir(join(dir, "data/dev"), { recursive: true });
  for (const { subject, dev, test } of realisticMmlu(options)) {
    await writeFile(join(dir, "data/dev", `${subject}_dev.csv`), csvRows(dev));
    await writeFile(join(dir, "data/test", `${subject}_test.csv`), csvRows(test));
  }
}
