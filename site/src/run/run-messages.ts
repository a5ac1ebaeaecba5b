import type { RunProgress, SuitePlan, SuiteResult } from "@zoo/runner/scoring";
import type { RunPlan } from "./run-plan.ts";

/** What the page asks of the run's worker: one plan per worker, and Stop. */
export type RunRequest = { type: "run"; plan: RunPlan } | { type: "stop" };

/** What the run's worker tells the page, as it happens. */
export type RunMessage =
  | { type: "status"; text: string }
  /** The model's key in the answer store, and the answers it already had there when the run began. */
  | { type: "stored"; model: string; answers: number }
  /** Each suite's documents and forward tokens to compute, counted once its data and the model are loaded. */
  | { type: "plan"; suites: SuitePlan[] }
  /** Where a suite's run stands, with the forward tokens run and the seconds spent since the first suite began. */
  | { type: "progress"; suite: number; progress: RunProgress; forwardTokens: number; seconds: number }
  | { type: "result"; suite: number; result: SuiteResult }
  /** The model's answers in the store when the run ended. */
  | { type: "saved"; answers: number }
  | { type: "done" }
  /** Stopped as asked, after the forward pass that was running; every answer computed is saved. */
  | { type: "stopped" }
  | { type: "failed"; message: string };
