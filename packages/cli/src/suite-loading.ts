import { didYouMean } from "@zoo/catalog";
import {
  DataError,
  SuiteError,
  UnknownSuiteError,
  loadSuiteRun,
  type DataSource,
  type SuiteIo,
  type SuiteRun,
} from "@zoo/suites";
import type { Command } from "commander";
import { CliError, UsageError } from "./cli-error.ts";
import { nonNegativeIntegerOption } from "./option-parsers.ts";

/** The flags that choose a suite's data, shared by `zoo requests` and `zoo bench`. */
export interface DataFlags {
  dataDir?: string;
  sample?: boolean;
  revision?: string;
  seed?: number;
}

export function addDataOptions(command: Command): Command {
  return command
    .option("--data-dir <dir>", "a local copy of the dataset in its original layout")
    .option("--sample", "the project's offline sample data (benchmarks/samples), not the real dataset")
    .option("--revision <revision>", "the Hugging Face dataset revision (branch, tag or commit; default main)")
    .option("--seed <seed>", "the arithmetic generator's seed (default 1234)", nonNegativeIntegerOption);
}

/** The data source the flags choose, or undefined for each suite's own default (the Hub, or the generator). */
export function dataSource(flags: DataFlags): DataSource | undefined {
  const chosen = [
    flags.dataDir !== undefined && "--data-dir",
    flags.sample && "--sample",
    flags.revision !== undefined && "--revision",
    flags.seed !== undefined && "--seed",
  ].filter(Boolean);
  if (chosen.length > 1) throw new UsageError(`${chosen.join(" and ")} choose different data: give one`);
  if (flags.dataDir !== undefined) return { kind: "local", dir: flags.dataDir };
  if (flags.sample) return { kind: "sample" };
  if (flags.seed !== undefined) return { kind: "generated", seed: flags.seed };
  if (flags.revision !== undefined) return { kind: "hub", revision: flags.revision };
  return undefined;
}

/** A suite's error as one line: an unknown suite with the one probably meant, bad data with its file and row. */
export function suiteErrorLine(error: unknown): CliError | undefined {
  if (error instanceof UnknownSuiteError) {
    const suggestion = didYouMean(error.suite, error.known);
    return new CliError(`${error.message}${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`);
  }
  if (error instanceof SuiteError || error instanceof DataError) return new CliError(error.message);
  return undefined;
}

/** Loads a suite for a command; bad data or a bad choice of suite is one line and exit 1, never a stack trace. */
export async function loadSuiteForCli(
  io: SuiteIo,
  suite: string,
  options: Omit<Parameters<typeof loadSuiteRun>[1], "io">,
): Promise<SuiteRun> {
  try {
    return await loadSuiteRun(suite, { ...options, io });
  } catch (error) {
    throw suiteErrorLine(error) ?? error;
  }
}
