import { z } from "zod";
import { webUrlSchema } from "./ids.ts";
import { partialDateSchema } from "./release-date.ts";

/**
 * Benchmarks whose published scores the catalogue records, named as lm-evaluation-harness names its tasks so a
 * reported score and a measured one line up.
 */
export const REPORTED_BENCHMARKS = [
  "mmlu",
  "mmlu_pro",
  "mmlu_redux",
  "gpqa_diamond",
  "truthfulqa_mc1",
  "truthfulqa_mc2",
  "arc_challenge",
  "hellaswag",
  "winogrande",
  "bbh",
  "ifeval",
  "gsm8k",
  "math",
  "math_500",
  "aime_2024",
  "aime_2025",
  "humaneval",
  "mbpp",
  "livecodebench",
  "swe_bench_verified",
  "simpleqa",
  "arithmetic_1dc",
  "arithmetic_2da",
  "arithmetic_2ds",
  "arithmetic_2dm",
  "arithmetic_3da",
  "arithmetic_3ds",
  "arithmetic_4da",
  "arithmetic_4ds",
  "arithmetic_5da",
  "arithmetic_5ds",
] as const;
export type ReportedBenchmark = (typeof REPORTED_BENCHMARKS)[number];

/**
 * How a score was obtained, beside its shots: `direct` answers at once, `chain-of-thought` reasons before answering
 * (a reasoning model's thinking included), `maj@K` takes the majority answer of K reasoned samples, `pass@K` counts
 * a problem solved when any of K samples is right, and `other` is a protocol the score's note names.
 */
export const METHOD_PATTERN = /^(?:direct|chain-of-thought|maj@[1-9][0-9]*|pass@[1-9][0-9]*|other)$/;
export type ScoreMethod = "direct" | "chain-of-thought" | `maj@${number}` | `pass@${number}` | "other";

/** A score's setting: two scores compare only when benchmark, shots and method are all equal. */
export interface ScoreSetting {
  shots: number;
  method: ScoreMethod;
}

export interface BenchmarkInfo {
  title: string;
  /** Percent a uniform random guess scores, where the benchmark has a fixed chance level. */
  chance: number | null;
  /** The setting leaderboards rank: the Open LLM Leaderboard's where it has one, else the field's usual one. */
  standard: ScoreSetting;
}

const direct = (shots: number): ScoreSetting => ({ shots, method: "direct" });
const reasoned = (shots: number): ScoreSetting => ({ shots, method: "chain-of-thought" });
const arithmetic = (title: string): BenchmarkInfo => ({
  title: `Arithmetic: ${title}`,
  chance: 0,
  standard: direct(0),
});

/** How reported scores are titled, where chance lies, and which setting is ranked. */
export const BENCHMARK_INFO: Record<ReportedBenchmark, BenchmarkInfo> = {
  mmlu: { title: "MMLU", chance: 25, standard: direct(5) },
  mmlu_pro: { title: "MMLU-Pro", chance: 10, standard: reasoned(5) },
  mmlu_redux: { title: "MMLU-Redux", chance: 25, standard: direct(0) },
  gpqa_diamond: { title: "GPQA Diamond", chance: 25, standard: reasoned(0) },
  truthfulqa_mc1: { title: "TruthfulQA MC1", chance: null, standard: direct(0) },
  truthfulqa_mc2: { title: "TruthfulQA MC2", chance: null, standard: direct(0) },
  arc_challenge: { title: "ARC-Challenge", chance: 25, standard: direct(25) },
  hellaswag: { title: "HellaSwag", chance: 25, standard: direct(10) },
  winogrande: { title: "WinoGrande", chance: 50, standard: direct(5) },
  bbh: { title: "BIG-Bench Hard", chance: null, standard: reasoned(3) },
  ifeval: { title: "IFEval", chance: null, standard: direct(0) },
  gsm8k: { title: "GSM8K", chance: 0, standard: reasoned(8) },
  math: { title: "MATH", chance: 0, standard: reasoned(4) },
  math_500: { title: "MATH-500", chance: 0, standard: reasoned(0) },
  aime_2024: { title: "AIME 2024", chance: 0, standard: reasoned(0) },
  aime_2025: { title: "AIME 2025", chance: 0, standard: reasoned(0) },
  humaneval: { title: "HumanEval", chance: 0, standard: direct(0) },
  mbpp: { title: "MBPP", chance: 0, standard: direct(3) },
  livecodebench: { title: "LiveCodeBench", chance: 0, standard: reasoned(0) },
  swe_bench_verified: { title: "SWE-bench Verified", chance: 0, standard: { shots: 0, method: "other" } },
  simpleqa: { title: "SimpleQA", chance: 0, standard: direct(0) },
  arithmetic_1dc: arithmetic("1-digit composite"),
  arithmetic_2da: arithmetic("2-digit addition"),
  arithmetic_2ds: arithmetic("2-digit subtraction"),
  arithmetic_2dm: arithmetic("2-digit multiplication"),
  arithmetic_3da: arithmetic("3-digit addition"),
  arithmetic_3ds: arithmetic("3-digit subtraction"),
  arithmetic_4da: arithmetic("4-digit addition"),
  arithmetic_4ds: arithmetic("4-digit subtraction"),
  arithmetic_5da: arithmetic("5-digit addition"),
  arithmetic_5ds: arithmetic("5-digit subtraction"),
};

/** Who published a score: the model's maker, or anyone else (a leaderboard, another lab's paper). */
export const SCORE_REPORTERS = ["maker", "third-party"] as const;

export const reportedScoreSchema = z.strictObject({
  benchmark: z.enum(REPORTED_BENCHMARKS),
  value: z.number().min(0).max(100).describe("The score in percent, as the source prints it"),
  shots: z.number().int().min(0).describe("Few-shot examples in the prompt"),
  method: z
    .string()
    .regex(METHOD_PATTERN, {
      error: (issue) =>
        `expected direct, chain-of-thought, maj@K, pass@K or other, found ${JSON.stringify(issue.input)}`,
    })
    .transform((method) => method as ScoreMethod)
    .describe("direct, chain-of-thought, maj@K (majority of K reasoned samples), pass@K, or other (the note says)"),
  by: z
    .enum(SCORE_REPORTERS)
    .describe("maker: published by the model's maker; third-party: by a leaderboard or another lab"),
  source: webUrlSchema.describe("The exact page (paper, report, model card, leaderboard) that publishes the score"),
  date: partialDateSchema.describe("When the source published the score"),
  note: z
    .string()
    .min(1)
    .optional()
    .describe("Anything else about how it was measured, e.g. the harness, the metric or the prompt"),
});

export type ReportedScore = z.output<typeof reportedScoreSchema>;

/** The key two scores of one model share exactly when they were measured in the same setting. */
export function settingKey(score: { benchmark: string; shots: number; method: string }): string {
  return `${score.benchmark}|${score.shots}|${score.method}`;
}

/** A setting in words: "5-shot", "0-shot chain-of-thought", "8-shot maj@8". */
export function describeSetting({ shots, method }: ScoreSetting): string {
  const methodWords = method === "direct" ? "" : method === "other" ? " (other protocol)" : ` ${method}`;
  return `${shots}-shot${methodWords}`;
}
