import { aggregateScores, type ResultRecord, type SampleLine } from "@zoo/suites";
import { resultFileName } from "./result-file-name.ts";

/** A shard's record with the per-document samples it was written with. */
export interface ShardResult {
  /** Where it was read from, for messages. */
  file: string;
  record: ResultRecord;
  samples: SampleLine[];
}

/** The record's metrics and groups as the documents' metrics in `samples` aggregate, as lm-evaluation-harness does. */
export function aggregateSamples(samples: readonly SampleLine[], categories?: Readonly<Record<string, string>>) {
  return aggregateScores(
    samples.map((sample) => ({
      document: sample.group === undefined ? {} : { group: sample.group },
      metrics: sample.metrics,
    })),
    categories,
  );
}

/**
 * Records that cannot be merged: shards missing, repeated or from different runs, or a record whose samples do not
 * give its metrics. One line per problem.
 */
export class MergeError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "MergeError";
  }
}

/** What every shard of one run must share: the model exactly as run, the suite and its data, shots and limit. */
function runIdentity(record: ResultRecord): string {
  return JSON.stringify([
    record.model,
    record.suite,
    record.shots,
    record.prompt ?? null,
    record.limit,
    record.limited,
    record.shard?.count,
  ]);
}

/** The name shared by the shards of one run: its file name without the shard part. */
export function runKey(record: ResultRecord): string {
  const { shard: _shard, ...whole } = record;
  return `${record.model.id}/${resultFileName(whole).replace(/\.json$/, "")}`;
}

/**
 * Joins the shards of one sharded run (`zoo bench --shard i/n`, every i from 0 to n-1) into the record an
 * unsharded run would have written: the documents' metrics re-aggregated as lm-evaluation-harness aggregates
 * them, from the samples each shard logged. Timings add up the shards' work; the date is the last shard's.
 */
export function mergeShards(
  shards: readonly ShardResult[],
  categories?: Readonly<Record<string, string>>,
): { record: ResultRecord; samples: SampleLine[] } {
  const [first] = shards;
  if (first === undefined) throw new MergeError(["no shards to merge"]);
  const problems: string[] = [];
  const count = first.record.shard?.count;
  for (const shard of shards) {
    if (shard.record.shard === undefined) problems.push(`${shard.file}: not a shard (it has no shard field)`);
    else if (runIdentity(shard.record) !== runIdentity(first.record))
      problems.push(
        `${shard.file}: not a shard of the same run as ${first.file} (model, suite, data, shots or shard count differ)`,
      );
  }
  if (problems.length > 0) throw new MergeError(problems);
  const seen = new Map<number, string>();
  for (const shard of shards) {
    const index = shard.record.shard!.index;
    if (seen.has(index)) problems.push(`${shard.file}: shard ${index}/${count} again (also ${seen.get(index)})`);
    seen.set(index, shard.file);
    if (shard.samples.length !== shard.record.documents)
      problems.push(`${shard.file}: ${shard.record.documents} documents but ${shard.samples.length} samples`);
  }
  const missing = Array.from({ length: count! }, (_, index) => index).filter((index) => !seen.has(index));
  if (missing.length > 0)
    problems.push(
      `${runKey(first.record)}: missing shard${missing.length === 1 ? "" : "s"} ${missing.map((index) => `${index}/${count}`).join(", ")}`,
    );
  if (problems.length > 0) throw new MergeError(problems);

  const samples = shards.flatMap((shard) => shard.samples).sort((a, b) => a.doc_id - b.doc_id);
  const { metrics, groups } = aggregateSamples(samples, categories);
  const wall = shards.reduce((sum, shard) => sum + shard.record.timings.wall_seconds, 0);
  const tokens = shards.every((shard) => shard.record.timings.tokens_per_second !== null)
    ? shards.reduce(
        (sum, shard) => sum + shard.record.timings.tokens_per_second! * shard.record.timings.wall_seconds,
        0,
      )
    : null;
  const { shard: _shard, samples_file: _samplesFile, usage: _usage, ...rest } = first.record;
  const usage = shards.every((shard) => shard.record.usage !== undefined)
    ? {
        input_tokens: shards.reduce((sum, shard) => sum + shard.record.usage!.input_tokens, 0),
        output_tokens: shards.reduce((sum, shard) => sum + shard.record.usage!.output_tokens, 0),
      }
    : undefined;
  const record: ResultRecord = {
    ...rest,
    ...(usage ? { usage } : {}),
    documents: samples.length,
    metrics,
    groups,
    timings: {
      wall_seconds: Math.round(wall * 1000) / 1000,
      items_per_second: wall > 0 ? Math.round((samples.length / wall) * 1000) / 1000 : 0,
      tokens_per_second: tokens === null ? null : wall > 0 ? Math.round((tokens / wall) * 10) / 10 : 0,
    },
    date: shards
      .map((shard) => shard.record.date)
      .sort()
      .at(-1)!,
  };
  return { record, samples };
}
