import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { MMLU_SUBJECTS } from "../mmlu-subjects.ts";
import { mulberry32 } from "../seeded-random.ts";
import { realisticItem, type ItemSize } from "./realistic-mmlu-item.ts";
import { planSubject } from "./realistic-mmlu-lengths.ts";

export interface RealisticMmluOptions {
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

/** The words hold no quotes, so quoting each field is all the CSV needs (questions may span lines). */
function csvRows(random: () => number, sizes: readonly ItemSize[]): string {
  return sizes
    .map((size) => {
      const { question, choices } = realisticItem(random, size);
      const answer = "ABCD"[Math.floor(random() * 4)]!;
      return `${[question, ...choices].map((field) => `"${field}"`).join(",")},${answer}\n`;
    })
    .join("");
}

/**
 * A synthetic MMLU in the original CSV layout (data/test/<subject>_test.csv, data/dev/<subject>_dev.csv with five
 * questions each) whose 5-shot prompts, as the mmlu suite builds them, have each subject's published length in
 * characters (mean, min and max: MMLU_LENGTH_STATISTICS) and about one tiny-LM token per 4 characters, as GPT-2
 * has on English. For measuring what shared prefixes save at MMLU's real proportions; the text is not English.
 */
export async function writeRealisticMmlu(dir: string, options: RealisticMmluOptions = {}): Promise<void> {
  const { subjects = MMLU_SUBJECTS, questionsPerSubject, seed = 0 } = options;
  if (questionsPerSubject !== undefined && !(Number.isInteger(questionsPerSubject) && questionsPerSubject >= 1))
    throw new Error(`questionsPerSubject must be a whole number ≥ 1, not ${questionsPerSubject}`);
  await mkdir(join(dir, "data/test"), { recursive: true });
  await mkdir(join(dir, "data/dev"), { recursive: true });
  for (const subject of subjects) {
    const random = mulberry32(subjectSeed(subject, seed));
    const plan = planSubject(random, subject, questionsPerSubject);
    await writeFile(join(dir, "data/dev", `${subject}_dev.csv`), csvRows(random, plan.dev));
    await writeFile(join(dir, "data/test", `${subject}_test.csv`), csvRows(random, plan.test));
  }
}
