import { z } from "zod";
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

export const reportedScoreSchema = z.strictObject({
  benchmark: z.enum(REPORTED_BENCHMARKS),
  value: z.number().min(0).max(100).describe("The score in percent, as the source prints it"),
  shots: z.number().int().min(0).describe("Few-shot examples in the prompt"),
  source: z.url().describe("The exact page (paper, report, model card, leaderboard) that publishes the score"),
  date: partialDateSchema.describe("When the source published the score"),
  note: z.string().min(1).optional().describe("How it was measured when that differs from the standard setting, e.g. CoT@32"),
});

export type ReportedScore = z.output<typeof reportedScoreSchema>;
