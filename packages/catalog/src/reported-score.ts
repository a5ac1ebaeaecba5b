import { z } from "zod";
import { webUrlSchema } from "./ids.ts";
import { partialDateSchema } from "./release-date.ts";

/**
 * Benchmarks whose published scores the catalogue records, named as lm-evaluation-harness names its tasks so a
 * reported score and a measured one line up.
 */
export const REPORTED_BENCHMARKS = [
  "mmlu",
  "truthfulqa_mc1",
  "truthfulqa_mc2",
  "arc_challenge",
  "hellaswag",
  "winogrande",
  "gsm8k",
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

export interface BenchmarkInfo {
  title: string;
  /** Percent a uniform random guess scores, where the benchmark has a fixed chance level. */
  chance: number | null;
}

const arithmetic = (title: string): BenchmarkInfo => ({ title: `Arithmetic: ${title}`, chance: 0 });

/** How reported scores are titled and where chance lies, for tables and charts. */
export const BENCHMARK_INFO: Record<ReportedBenchmark, BenchmarkInfo> = {
  mmlu: { title: "MMLU", chance: 25 },
  truthfulqa_mc1: { title: "TruthfulQA MC1", chance: null },
  truthfulqa_mc2: { title: "TruthfulQA MC2", chance: null },
  arc_challenge: { title: "ARC-Challenge", chance: 25 },
  hellaswag: { title: "HellaSwag", chance: 25 },
  winogrande: { title: "WinoGrande", chance: 50 },
  gsm8k: { title: "GSM8K", chance: 0 },
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

export const reportedScoreSchema = z.strictObject({
  benchmark: z.enum(REPORTED_BENCHMARKS),
  value: z.number().min(0).max(100).describe("The score in percent, as the source prints it"),
  shots: z.number().int().min(0).describe("Few-shot examples in the prompt"),
  source: webUrlSchema.describe("The exact page (paper, report, model card, leaderboard) that publishes the score"),
  date: partialDateSchema.describe("When the source published the score"),
  note: z
    .string()
    .min(1)
    .optional()
    .describe("How it was measured when that differs from the standard setting, e.g. CoT@32"),
});

export type ReportedScore = z.output<typeof reportedScoreSchema>;
