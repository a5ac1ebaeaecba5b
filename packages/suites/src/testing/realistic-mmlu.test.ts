import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadSuiteRun } from "../index.ts";
import { nodeSuiteIo } from "../node.ts";
import { MMLU_LENGTH_STATISTICS } from "./mmlu-length-statistics.ts";
import { writeRealisticMmlu as writeWith, type RealisticMmluOptions } from "./realistic-mmlu.ts";

/** A vocabulary with a word of every length up to 9, as a model's whole-word tokens would be. */
const WORDS = "a an of is the law what year which water people between question multiple following".split(" ");
const writeRealisticMmlu = (to: string, options: Omit<RealisticMmluOptions, "words"> = {}) =>
  writeWith(to, { words: WORDS, ...options });

let dir: string;
beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), "zoo-realistic-mmlu-"))));
afterEach(() => rm(dir, { recursive: true, force: true }));

/** The prompts the suite (mmlu, or mmlu_<subject>) builds from the copy, by subject. */
async function prompts(suite: string, shots = 5): Promise<Map<string, string[]>> {
  const run = await loadSuiteRun(suite, { shots, data: { kind: "local", dir }, io: nodeSuiteIo() });
  const bySubject = new Map<string, string[]>();
  for (const document of run.documents) {
    const request = document.requests[0]!;
    if (request.type !== "loglikelihood") throw new Error(`expected loglikelihood requests, got ${request.type}`);
    bySubject.set(document.group!, [...(bySubject.get(document.group!) ?? []), request.context]);
  }
  return bySubject;
}

const promptLengths = async (suite: string) =>
  new Map([...(await prompts(suite))].map(([subject, texts]) => [subject, texts.map((text) => text.length)]));

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const within = (value: number, target: number, tolerance: number) =>
  expect(Math.abs(value / target - 1), `${value} vs ${target}`).toBeLessThanOrEqual(tolerance);

describe("writeRealisticMmlu", () => {
  it("refuses a vocabulary that cannot fill every length", async () => {
    await expect(writeWith(dir, { words: ["the", "law"] })).rejects.toThrow(
      "the words must be lowercase letters with every length from 1 to the longest (3); none has 1",
    );
  });

  it("gives every subject its published 5-shot prompt lengths and test count, 14,042 questions in all", async () => {
    await writeRealisticMmlu(dir);
    const lengths = await promptLengths("mmlu");
    expect([...lengths.keys()].sort()).toEqual(Object.keys(MMLU_LENGTH_STATISTICS).sort());
    expect([...lengths.values()].reduce((total, subject) => total + subject.length, 0)).toBe(14_042);
    for (const [subject, prompts] of lengths) {
      const published = MMLU_LENGTH_STATISTICS[subject]!;
      expect(prompts.length, subject).toBe(published.samples);
      within(mean(prompts), published.mean, 0.03);
      within(Math.min(...prompts), published.min, 0.05);
      within(Math.max(...prompts), published.max, 0.05);
    }
  });

  it("writes the subjects asked with the number of questions asked, keeping the mean", async () => {
    const subjects = ["abstract_algebra", "college_medicine", "high_school_european_history", "professional_law"];
    await writeRealisticMmlu(dir, { subjects, questionsPerSubject: 7 });
    expect((await readdir(join(dir, "data/test"))).sort()).toEqual(subjects.map((subject) => `${subject}_test.csv`));
    for (const subject of subjects) {
      const lengths = (await promptLengths(`mmlu_${subject}`)).get(subject)!;
      expect(lengths).toHaveLength(7);
      within(mean(lengths), MMLU_LENGTH_STATISTICS[subject]!.mean, 0.03);
    }
  });

  it("writes MMLU-shaped items: sentences ending in ? or ., four choices, passages for the long subjects", async () => {
    await writeRealisticMmlu(dir, { subjects: ["high_school_us_history"] });
    for (const prompt of (await prompts("mmlu_high_school_us_history", 0)).get("high_school_us_history")!) {
      const [, question] = /^The following [^\n]*\n\n([^]*)\nA\. .+\nB\. .+\nC\. .+\nD\. .+\nAnswer:$/.exec(prompt)!;
      expect(question).toMatch(/^[A-Z][^]*[?.]$/);
      // A passage in paragraphs, then the question on its own line.
      expect(question!.split("\n").length).toBeGreaterThan(1);
    }
  });

  it("is deterministic, and the seed changes the text but not the lengths", async () => {
    const read = () => readFile(join(dir, "data/test/anatomy_test.csv"), "utf8");
    await writeRealisticMmlu(dir, { subjects: ["anatomy"] });
    const first = await read();
    await writeRealisticMmlu(dir, { subjects: ["anatomy", "astronomy"] });
    expect(await read()).toBe(first);
    const sortedLengths = async () => (await promptLengths("mmlu_anatomy")).get("anatomy")!.sort((a, b) => a - b);
    const lengths = await sortedLengths();
    await writeRealisticMmlu(dir, { subjects: ["anatomy"], seed: 1 });
    expect(await read()).not.toBe(first);
    expect(await sortedLengths()).toEqual(lengths);
  });
});
