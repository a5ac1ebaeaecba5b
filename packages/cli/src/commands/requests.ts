import { didYouMean } from "@zoo/catalog";
import {
  DataError,
  SuiteError,
  UnknownSuiteError,
  loadSuiteRun,
  requestRecord,
  type DataSource,
  type SuiteRun,
} from "@zoo/suites";
import { nodeSuiteIo } from "@zoo/suites/node";
import { Command } from "commander";
import { CliError, UsageError } from "../cli-error.ts";
import type { Context } from "../context.ts";
import { nonNegativeIntegerOption, positiveIntegerOption } from "../option-parsers.ts";

interface RequestsOptions {
  suite: string;
  dataDir?: string;
  sample?: boolean;
  revision?: string;
  seed?: number;
  shots?: number;
  limit?: number;
}

function dataSource(options: RequestsOptions): DataSource | undefined {
  const chosen = [
    options.dataDir !== undefined && "--data-dir",
    options.sample && "--sample",
    options.revision !== undefined && "--revision",
    options.seed !== undefined && "--seed",
  ].filter(Boolean);
  if (chosen.length > 1) throw new UsageError(`${chosen.join(" and ")} choose different data: give one`);
  if (options.dataDir !== undefined) return { kind: "local", dir: options.dataDir };
  if (options.sample) return { kind: "sample" };
  if (options.seed !== undefined) return { kind: "generated", seed: options.seed };
  if (options.revision !== undefined) return { kind: "hub", revision: options.revision };
  // Each suite's own default: the Hub (at $HF_ENDPOINT, with $HF_TOKEN, where set) or arithmetic's generator.
  return undefined;
}

/** Loads a suite for a command; bad data or a bad choice of suite is one line and exit 1, never a stack trace. */
async function loadSuiteForCli(
  context: Context,
  suite: string,
  options: Omit<Parameters<typeof loadSuiteRun>[1], "io">,
): Promise<SuiteRun> {
  const { io } = context;
  try {
    return await loadSuiteRun(suite, { ...options, io: nodeSuiteIo({ cwd: io.cwd, env: io.env }) });
  } catch (error) {
    if (error instanceof UnknownSuiteError) {
      const suggestion = didYouMean(error.suite, error.known);
      throw new CliError(`${error.message}${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`);
    }
    if (error instanceof SuiteError || error instanceof DataError) throw new CliError(error.message);
    throw error;
  }
}

export function requestsCommand(context: Context): Command {
  return new Command("requests")
    .description(
      "print a suite's requests as JSONL, exactly as lm-evaluation-harness builds them, to check byte parity",
    )
    .requiredOption("--suite <suite>", "the suite, e.g. mmlu, truthfulqa_mc2, arithmetic_2da")
    .option("--data-dir <dir>", "a local copy of the dataset in its original layout")
    .option("--sample", "the project's offline sample data (benchmarks/samples), not the real dataset")
    .option("--revision <revision>", "the Hugging Face dataset revision (branch, tag or commit; default main)")
    .option("--seed <seed>", "the arithmetic generator's seed (default 1234)", nonNegativeIntegerOption)
    .option("--shots <k>", "few-shot examples per prompt (MMLU: 0 to 5, default 5)", nonNegativeIntegerOption)
    .option(
      "--limit <n>",
      "only the first N documents (of each subject, as lm-evaluation-harness limits)",
      positiveIntegerOption,
    )
    .action(async (options: RequestsOptions) => {
      const data = dataSource(options);
      const run = await loadSuiteForCli(context, options.suite, {
        ...(data === undefined ? {} : { data }),
        ...(options.shots === undefined ? {} : { shots: options.shots }),
        ...(options.limit === undefined ? {} : { limit: options.limit }),
      });
      for (const document of run.documents)
        context.io.out(document.requests.map((request) => `${JSON.stringify(requestRecord(request))}\n`).join(""));
    });
}
