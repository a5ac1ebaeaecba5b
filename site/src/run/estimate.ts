import type { SuitePlan } from "@zoo/runner/scoring";
import { duration } from "./progress.ts";

const count = (value: number) => value.toLocaleString("en-US");

/** The forward tokens the whole run will take, or undefined where a suite's cannot be counted ahead. */
export function plannedTokens(plans: readonly SuitePlan[]): number | undefined {
  return plans.every((plan) => plan.forwardTokens !== undefined)
    ? plans.reduce((sum, plan) => sum + plan.forwardTokens!, 0)
    : undefined;
}

/**
 * What the run will compute, said before it starts: "This run is 1,234 forward tokens: MMLU 900 (7 of 10 documents
 * to compute), TruthfulQA MC2 334 (3 of 3)."
 */
export function planText(plans: readonly SuitePlan[], titleOf: (suite: string) => string): string {
  const total = plannedTokens(plans);
  if (total === 0) return "Every answer of this run is saved in this browser: there is nothing to compute.";
  const parts = plans.map((plan) => {
    const left = plan.documents - plan.documentsCached;
    const tokens = plan.forwardTokens === undefined ? "" : ` ${count(plan.forwardTokens)}`;
    return `${titleOf(plan.suite)}${tokens} (${left} of ${plan.documents} document${plan.documents === 1 ? "" : "s"} to compute)`;
  });
  return total === undefined
    ? `This run computes ${parts.join(", ")}; its forward tokens cannot be counted ahead.`
    : `This run is ${count(total)} forward tokens: ${parts.join(", ")}.`;
}

/**
 * How long the rest of the run will take at the speed measured so far, in forward tokens a second over the passes
 * run since the first suite started: "900 of 1,234 forward tokens run · 2,345 tokens/s · about 1 s left".
 */
export function estimateText(total: number | undefined, done: number, seconds: number): string {
  if (total === undefined || total === 0) return "";
  if (done === 0 || seconds <= 0)
    return `0 of ${count(total)} forward tokens run · time left: measured after the first passes`;
  const rate = done / seconds;
  return `${count(done)} of ${count(total)} forward tokens run · ${count(Math.round(rate))} tokens/s · about ${duration(Math.max(0, total - done) / rate)} left in all`;
}
