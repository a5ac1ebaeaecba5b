import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { MMLU_SUBJECTS } from "../mmlu-subjects.ts";

const WORDS = "the of what which planet water city law year star people country food body sun earth".split(" ");

const words = (seed: number, count: number) =>
  Array.from({ length: count }, (_, index) => WORDS[(seed * 31 + index * 17) % WORDS.length]).join(" ");

const row = (seed: number) =>
  `"${words(seed, 10 + (seed % 50))}?",${[1, 2, 3, 4].map((choice) => `"${words(seed + choice, 1 + ((seed + choice) % 8))}"`).join(",")},${"ABCD"[seed % 4]}\n`;

/** Choices and their labels (1 true, 0 false), as truthfulqa/truthful_qa's multiple_choice config holds them. */
export interface SyntheticTargets {
  choices: string[];
  labels: number[];
}

/**
 * A synthetic TruthfulQA, as the Hub's multiple_choice config holds it: `questions` distinct questions (each ends
 * with its number, as TruthfulQA's 817 are all different), each with four MC1 choices and seven MC2 choices (three
 * true) of a few words.
 */
export function syntheticTruthfulqa(
  questions: number,
): { question: string; mc1_targets: SyntheticTargets; mc2_targets: SyntheticTargets }[] {
  const targets = (seed: number, count: number, truths: number): SyntheticTargets => ({
    choices: Array.from({ length: count }, (_, index) => `${words(seed + index, 4 + ((seed + index) % 9))} ${index}.`),
    labels: Array.from({ length: count }, (_, index) => (index < truths ? 1 : 0)),
  });
  return Array.from({ length: questions }, (_, seed) => ({
    question: `${words(seed, 8 + (seed % 7))} ${seed}?`,
    mc1_targets: targets(seed * 11, 4, 1),
    mc2_targets: targets(seed * 13, 7, 3),
  }));
}

/** The synthetic TruthfulQA (syntheticTruthfulqa) in the original repository's layout: data/mc_task.json. */
export async function writeSyntheticTruthfulqa(dir: string, questions: number): Promise<void> {
  const asObject = ({ choices, labels }: SyntheticTargets) =>
    Object.fromEntries(choices.map((choice, index) => [choice, labels[index]]));
  const items = syntheticTruthfulqa(questions).map((item) => ({
    question: item.question,
    mc1_targets: asObject(item.mc1_targets),
    mc2_targets: asObject(item.mc2_targets),
  }));
  await mkdir(join(dir, "data"), { recursive: true });
  await writeFile(join(dir, "data", "mc_task.json"), JSON.stringify(items, null, 2));
}

/**
 * A synthetic MMLU copy in the original CSV layout (data/test/<subject>_test.csv, data/dev/<subject>_dev.csv with
 * five questions each), for benchmarks and long-running tests: `questions` test questions spread over `subjects`.
 */
export async function writeSyntheticMmlu(
  dir: string,
  questions: number,
  subjects: readonly string[] = MMLU_SUBJECTS,
): Promise<void> {
  await mkdir(join(dir, "data/test"), { recursive: true });
  await mkdir(join(dir, "data/dev"), { recursive: true });
  let seed = 0;
  for (const [index, subject] of subjects.entries()) {
    const count = Math.floor(questions / subjects.length) + (index < questions % subjects.length ? 1 : 0);
    await writeFile(
      join(dir, "data/test", `${subject}_test.csv`),
      Array.from({ length: count }, () => row(seed++)).join(""),
    );
    await writeFile(join(dir, "data/dev", `${subject}_dev.csv`), Array.from({ length: 5 }, () => row(seed++)).join(""));
  }
}
