import type { MetricValue } from "@zoo/suites";
import { MergeError, aggregateSamples, type ShardResult } from "./merge-shards.ts";

/** Aggregation repeated on the same per-document metrics agrees to the last bits; this allows float noise only. */
const TOLERANCE = 1e-9;

const differ = (a: number | null | undefined, b: number | null | undefined) =>
  (a ?? null) === null || (b ?? null) === null
    ? (a ?? null) !== (b ?? null)
    : Math.abs(a! - b!) > TOLERANCE * Math.max(1, Math.abs(a!));

/** One line per metric of `where` whose value or standard error is not the one its samples give. */
function metricProblems(
  file: string,
  where: string,
  recorded: Readonly<Record<string, MetricValue>>,
  computed: Readonly<Record<string, MetricValue>>,
): string[] {
  const problems: string[] = [];
  for (const name of new Set([...Object.keys(recorded), ...Object.keys(computed)])) {
    const [ours, theirs] = [recorded[name], computed[name]];
    if (ours === undefined || theirs === undefined)
      problems.push(
        `${file}: ${where}${name} is ${ours === undefined ? "missing from the record" : "in the record but not in its samples"}`,
      );
    else if (differ(ours.value, theirs.value) || differ(ours.stderr, theirs.stderr))
      problems.push(
        `${file}: ${where}${name} is ${ours.value} ± ${ours.stderr ?? "n/a"} in the record, but its samples give ${theirs.value} ± ${theirs.stderr ?? "n/a"}`,
      );
  }
  return problems;
}

/**
 * Checks a whole record (a browser run, or any run with --log-samples) against the samples it names before it
 * joins the results: one sample per document, each document once, and the record's metrics, groups and categories
 * exactly those its documents' metrics aggregate to. A record edited by hand, or samples from another run, are
 * refused with a MergeError naming the file and what differs.
 */
export function verifyRecord(result: ShardResult, categories?: Readonly<Record<string, string>>): void {
  const { file, record, samples } = result;
  const problems: string[] = [];
  if (samples.length !== record.documents)
    problems.push(`${file}: ${record.documents} documents but ${samples.length} samples`);
  const ids = new Set(samples.map((sample) => sample.doc_id));
  if (ids.size !== samples.length) problems.push(`${file}: its samples repeat a document`);
  if (problems.length > 0) throw new MergeError(problems);
  const { metrics, groups } = aggregateSamples(samples, categories);
  problems.push(...metricProblems(file, "", record.metrics, metrics));
  const recordedGroups = new Map(record.groups.map((group) => [`${group.kind} ${group.name}`, group]));
  const computedGroups = new Map(groups.map((group) => [`${group.kind} ${group.name}`, group]));
  for (const name of new Set([...recordedGroups.keys(), ...computedGroups.keys()])) {
    const [ours, theirs] = [recordedGroups.get(name), computedGroups.get(name)];
    if (ours === undefined || theirs === undefined)
      problems.push(
        `${file}: the ${name} group is ${ours === undefined ? "missing from the record" : "in the record but not in its samples"}`,
      );
    else if (ours.documents !== theirs.documents)
      problems.push(
        `${file}: the ${name} group has ${ours.documents} documents in the record, ${theirs.documents} in its samples`,
      );
    else problems.push(...metricProblems(file, `the ${name} group's `, ours.metrics, theirs.metrics));
  }
  if (problems.length > 0) throw new MergeError(problems);
}
