import { Command } from "commander";
import type { Context } from "../context.ts";
import { resultsExportCommand, resultsImportCommand } from "./results-lm-eval.ts";
import { resultsMergeCommand } from "./results-merge.ts";

export function resultsCommand(context: Context): Command {
  return new Command("results")
    .description("merge sharded runs, and import or export lm-evaluation-harness results")
    .addCommand(resultsMergeCommand(context))
    .addCommand(resultsImportCommand(context))
    .addCommand(resultsExportCommand(context));
}
