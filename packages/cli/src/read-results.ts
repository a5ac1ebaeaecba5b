import { readResults, ResultsError, type StoredResult } from "@zoo/suites/node";
import { CliError } from "./cli-error.ts";

/** The result records under `dir`; invalid ones are one line each under a heading, exit 1, no stack trace. */
export async function readResultsForCli(dir: string, shown: string): Promise<StoredResult[]> {
  try {
    return await readResults(dir, shown);
  } catch (error) {
    if (error instanceof ResultsError) throw new CliError(error.message.replace(/\n/g, "\n  "));
    throw error;
  }
}
