import type { RunDevice } from "./device.ts";
import type { ModelChoice } from "./model-choice.ts";

export type RunData = "sample" | "hub";

/** What the page asks to run: read from its form, handed to the run's worker. */
export interface RunPlan {
  model: ModelChoice;
  dtype: string;
  device: RunDevice;
  suites: { id: string; shots: number }[];
  /** The suites' data: zoo's offline samples served by the site, or the benchmarks' datasets from the Hub. */
  data: RunData;
  limit?: number;
  /** The /run/ page's own URL: the tiny LM and the samples are served below it. */
  pageUrl: string;
  /** The sample files the site serves, relative to its samples folder. */
  samples: readonly string[];
  /**
   * The tiny LM the site serves, from the build that wrote it: its revision as the record names it ("seed-3"), and a
   * hash of its files.
   */
  tinyLm: { revision: string; files: string };
  zooVersion: string;
}
