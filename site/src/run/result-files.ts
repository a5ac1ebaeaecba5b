import { resultFileName } from "@zoo/runner/result-file-name";
import type { ResultRecord, SampleLine } from "@zoo/suites";

/** The samples' file name as `zoo bench --log-samples` writes it, beside the record's. */
export const samplesFileName = (record: ResultRecord): string =>
  resultFileName(record).replace(/\.json$/, ".samples.jsonl");

/** The record as `zoo bench --log-samples` writes it: naming its samples file, two-space indented. */
export function recordJson(record: ResultRecord): string {
  return `${JSON.stringify({ ...record, samples_file: samplesFileName(record) }, null, 2)}\n`;
}

/** The samples, one JSON line per document, as `zoo bench --log-samples` writes them. */
export function samplesJsonl(samples: readonly SampleLine[]): string {
  return samples.map((line) => `${JSON.stringify(line)}\n`).join("");
}
