import { dirname, join, relative } from "node:path";
import type { SampleLine } from "@zoo/suites";
import { readSampleLines } from "./sample-lines.ts";
import type { StoredResult } from "@zoo/suites/node";

export const SAMPLES_PER_PAGE = 25;

/** A run's logged samples, read from the sidecar its record names; none when it logged none. */
export async function runSamples(result: StoredResult, resultsDir: string): Promise<SampleLine[]> {
  if (!result.record.samples_file) return [];
  const path = join(resultsDir, dirname(result.file), result.record.samples_file);
  return readSampleLines(path, relative(process.cwd(), path));
}

export function pageCount(samples: number): number {
  return Math.max(1, Math.ceil(samples / SAMPLES_PER_PAGE));
}
