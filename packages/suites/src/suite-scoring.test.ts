import { describe, expect, it } from "vitest";
import { nodeSuiteIo } from "./node-io.ts";
import type { LoglikelihoodResponse, Response } from "./request.ts";
import { loadSuiteRun } from "./suite-registry.ts";
import type { SuiteRun } from "./suite-run.ts";

const sample = { io: nodeSuiteIo(), data: { kind: "sample" } } as const;
const ll = (...logprobs: number[]): LoglikelihoodResponse[] =>
  logprobs.map((logprob) => ({ logprob, isGreedy: false }));

/** Scores every document of `run` with the responses given for it, then aggregates. */
function scoreAll(run: SuiteRun, responses: Response[][]) {
  const scored = run.documents.map((document, index) => ({
    document,
    metrics: run.score(document, responses[index]!),
  }));
  return { scored, ...run.aggregate(scored) };
}

describe("MMLU scoring", () => {
  // Sample answers: astronomy B B C, high_school_geography A B, nutrition B C B, world_religions B B.
  const responses = [
    ll(-2, -0.1, -3, -4), // astronomy: B, right
    ll(-0.5, -2, -3, -4), // astronomy: A, wrong
    ll(-3, -2, -1, -4), // astronomy: C, right
    ll(-1, -2, -3, -4), // geography: A, right
    ll(-2, -1, -3, -4), // geography: B, right
    ll(-1, -2, -3, -4), // nutrition: A, wrong
    ll(-1, -2, -3, -4), // nutrition: A, wrong
    ll(-1, -2, -3, -4), // nutrition: A, wrong
    ll(-1, -1, -2, -3), // world_religions: A and B tie, the lowest index wins: A, wrong
    ll(-3, -0.5, -1, -2), // world_religions: B, right
  ];

  it("scores acc as the argmax of the loglikelihoods, ties to the lowest index", async () => {
    const run = await loadSuiteRun("mmlu", { ...sample, shots: 0 });
    const { scored } = scoreAll(run, responses);
    expect(scored.map(({ metrics }) => metrics.acc)).toEqual([1, 0, 1, 1, 1, 0, 0, 0, 0, 1]);
  });

  it("micro-averages over questions, keeps per-subject scores, and pools standard errors", async () => {
    const run = await loadSuiteRun("mmlu", { ...sample, shots: 5 });
    const { metrics, groups } = scoreAll(run, responses);
    // 5 of 10 right: the micro-average, where the mean of the subject scores would be (2/3 + 1 + 0 + 1/2) / 4.
    expect(metrics.acc!.value).toBe(0.5);
    // Subject stderrs 1/3 (n=3), 0, 0, 1/2 (n=2) pooled: (2·(1/9)·3 + 1·(1/4)·2) / (10 − 4) = 7/36, over n = 10.
    expect(metrics.acc!.stderr).toBeCloseTo(Math.sqrt(7 / 36 / 10), 15);
    expect(
      groups.map(({ kind, name, documents, metrics: { acc } }) => [kind, name, documents, acc!.value, acc!.stderr]),
    ).toEqual([
      ["category", "humanities", 2, 0.5, 0.5],
      ["category", "other", 3, 0, 0],
      ["category", "social_sciences", 2, 1, 0],
      ["category", "stem", 3, 2 / 3, expect.closeTo(1 / 3, 15)],
      ["subject", "astronomy", 3, 2 / 3, expect.closeTo(1 / 3, 15)],
      ["subject", "high_school_geography", 2, 1, 0],
      ["subject", "nutrition", 3, 0, 0],
      ["subject", "world_religions", 2, 0.5, 0.5],
    ]);
    expect(run.chance).toBe(0.25);
  });

  it("limits each subject, as lm-evaluation-harness limits each subtask", async () => {
    const run = await loadSuiteRun("mmlu", { ...sample, limit: 1 });
    expect(run.documents.map((document) => document.group)).toEqual([
      "astronomy",
      "high_school_geography",
      "nutrition",
      "world_religions",
    ]);
    expect(run.totalDocuments).toBe(10);
    // One document per subject has no standard error, so neither do the groups, as in lm-evaluation-harness.
    expect(scoreAll(run, [responses[0]!, responses[3]!, responses[5]!, responses[8]!]).metrics.acc).toEqual({
      value: 0.5,
      stderr: null,
    });
  });

  it("refuses responses that do not match the requests", async () => {
    const run = await loadSuiteRun("mmlu", { ...sample, limit: 1 });
    expect(() => run.score(run.documents[0]!, ll(-1, -2))).toThrow(
      "mmlu document 0 made 4 requests but got 2 responses",
    );
  });
});

describe("TruthfulQA scoring", () => {
  it("mc1 is right when the first choice has the highest loglikelihood", async () => {
    const run = await loadSuiteRun("truthfulqa_mc1", sample);
    const { scored, metrics } = scoreAll(run, [ll(-1, -2, -3, -4), ll(-2, -1, -3), ll(-1, -1)]);
    expect(scored.map(({ metrics: { acc } }) => acc)).toEqual([1, 0, 1]);
    expect(metrics.acc!.value).toBe(2 / 3);
    // Chance: the mean of 1/choices over 4, 3 and 2 choices.
    expect(run.chance).toBeCloseTo((1 / 4 + 1 / 3 + 1 / 2) / 3, 15);
  });

  it("mc2 is the normalised probability of the true answers", async () => {
    const run = await loadSuiteRun("truthfulqa_mc2", sample);
    // Document 1: true "… in 1969." and "1969", false "1959" and "… never …".
    expect(
      run.score(run.documents[1]!, ll(Math.log(0.3), Math.log(0.1), Math.log(0.4), Math.log(0.2))).acc,
    ).toBeCloseTo(0.4, 15);
    // Equal loglikelihoods: the share of true answers, 2 of 4, 2 of 4, 3 of 5; which is also the chance level.
    const { metrics } = scoreAll(run, [ll(-5, -5, -5, -5), ll(-1, -1, -1, -1), ll(-2, -2, -2, -2, -2)]);
    expect(metrics.acc!.value).toBeCloseTo((0.5 + 0.5 + 0.6) / 3, 15);
    expect(run.chance).toBeCloseTo((0.5 + 0.5 + 0.6) / 3, 15);
  });

  it("gen scores BLEU and ROUGE against the formatted true and false answers", async () => {
    const run = await loadSuiteRun("truthfulqa_gen", sample);
    const scores = run.score(run.documents[0]!, [{ text: "It passes through your digestive system." }]);
    // BLEU against the true answer it repeats is 100; against the false ones sacrebleu gives 6.495…, 8.643…, 6.567….
    expect(scores.bleu_max).toBeCloseTo(100, 10);
    expect(scores.bleu_diff).toBeCloseTo(100 - 8.643019616048525, 10);
    expect(scores.bleu_acc).toBe(1);
    // ROUGE-1 against "It sticks to your heart.": "it" and "your" shared, precision 2/6, recall 2/5, F 4/11.
    expect(scores.rouge1_max).toBeCloseTo(100, 10);
    expect(scores.rouge1_diff).toBeCloseTo(100 - 400 / 11, 10);
    expect(scores.rougeL_acc).toBe(1);
    expect(Object.keys(scores).sort()).toEqual(
      ["bleu", "rouge1", "rouge2", "rougeL"].flatMap((name) => [`${name}_acc`, `${name}_diff`, `${name}_max`]).sort(),
    );
  });
});

describe("arithmetic scoring", () => {
  it("is right only when the whole completion is the greedy continuation", async () => {
    const run = await loadSuiteRun("arithmetic_2da", sample);
    const { metrics } = scoreAll(run, [
      [{ logprob: -0.1, isGreedy: true }],
      [{ logprob: -0.1, isGreedy: false }],
      [{ logprob: -9, isGreedy: true }],
    ]);
    expect(metrics.acc!.value).toBe(2 / 3);
    // [1, 0, 1]: sample stddev √(1/3), over √3.
    expect(metrics.acc!.stderr).toBeCloseTo(1 / 3, 15);
  });

  it("the generation variant matches the reply's first integer", async () => {
    const run = await loadSuiteRun("arithmetic_3ds_gen", sample);
    const { scored } = scoreAll(run, [[{ text: " 47" }], [{ text: "It is -631." }], [{ text: "42 minus 42 is 0" }]]);
    expect(scored.map(({ metrics }) => metrics.exact_match)).toEqual([1, 1, 0]);
    expect(run.primaryMetric).toBe("exact_match");
    expect(run.chance).toBe(0);
  });
});

describe("mmlu_generative scoring", () => {
  it("filters the answer as lm-evaluation-harness does, then matches the letter ignoring case and punctuation", async () => {
    const run = await loadSuiteRun("mmlu_generative", { ...sample, shots: 5 });
    const document = run.documents[0]!;
    const letter = document.target as string;
    expect(letter).toMatch(/^[ABCD]$/);
    const score = (text: string) => run.score(document, [{ text }]).exact_match;
    expect([` ${letter}`, `${letter}.`, `${letter.toLowerCase()}\n`, `  ${letter}  `].map(score)).toEqual([1, 1, 1, 1]);
    expect([`The answer is ${letter}`, `\n${letter}`, `${letter}) because`, ""].map(score)).toEqual([0, 0, 0, 0]);
    const { metrics } = scoreAll(
      run,
      run.documents.map((each) => [{ text: each.target as string }]),
    );
    expect(metrics.exact_match).toEqual({ value: 1, stderr: 0 });
  });
});
