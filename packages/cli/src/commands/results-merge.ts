import { readFile, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { MergeError, mergeShards, runKey, verifyRecord, writeResult, type ShardResult } from "@zoo/runner";
import { listSuites, parseSampleLines } from "@zoo/suites";
import { nodeSuiteIo } from "@zoo/suites/node";
import { Command } from "commander";
import { checkoutRoot } from "../catalog-dir.ts";
import { CliError } from "../cli-error.ts";
import type { Context } from "../context.ts";
import { readResultsForCli } from "../read-results.ts";

interface MergeOptions {
  output?: string;
}

/**
 * Every record with samples under the given folders, each with them: the shards of the nightly's matrix jobs (its
 * artifacts), and whole runs, such as a browser run's download. Only a shard must name its samples; a whole record
 * without them is left where it is.
 */
async function readRecords(
  cwd: string,
  paths: readonly string[],
): Promise<{ shards: ShardResult[]; whole: ShardResult[] }> {
  const shards: ShardResult[] = [];
  const whole: ShardResult[] = [];
  for (const path of paths) {
    const dir = resolve(cwd, path);
    if (!(await stat(dir).catch(() => undefined))?.isDirectory()) throw new CliError(`${path}: no such folder`);
    for (const { file, record } of await readResultsForCli(dir, path)) {
      const shown = join(path, file);
      if (record.samples_file === undefined) {
        if (record.shard === undefined) continue;
        throw new CliError(`${shown}: a shard must name its samples file, which merging re-aggregates`);
      }
      const samplesPath = join(dir, dirname(file), record.samples_file);
      const text = await readFile(samplesPath, "utf8").catch(() => {
        throw new CliError(`${shown}: its samples file ${record.samples_file} is missing`);
      });
      (record.shard === undefined ? whole : shards).push({
        file: shown,
        record,
        samples: parseSampleLines(text, join(path, dirname(file), record.samples_file)),
      });
    }
  }
  return { shards, whole };
}

/** How a whole record is listed on the site once merged: a browser run apart, until a maintainer reproduces it. */
const runKind = (record: ShardResult["record"]) =>
  record.environment.browser === undefined
    ? "zoo bench run"
    : `browser run (${record.environment.browser}, ${record.environment.device}), listed apart until reproduced`;

export function resultsMergeCommand(context: Context): Command {
  return new Command("merge")
    .description(
      "join the shards of sharded runs (zoo bench --shard i/n) into one record per run, and add whole runs with their samples (a browser run's download), each checked against its samples",
    )
    .argument("<folders...>", "folders holding records and their samples, such as downloaded artifacts")
    .option("--output <dir>", "where merged records go, under <model>/ (default: benchmarks/results)")
    .action(async (folders: string[], options: MergeOptions) => {
      const { io } = context;
      const { shards, whole } = await readRecords(io.cwd, folders);
      if (shards.length + whole.length === 0)
        throw new CliError(`no shard records, nor records with samples, in ${folders.join(", ")}`);
      const output = options.output
        ? resolve(io.cwd, options.output)
        : join(checkoutRoot(io.cwd) ?? io.cwd, "benchmarks", "results");
      const suites = new Map(
        (await listSuites(nodeSuiteIo({ cwd: io.cwd, env: io.env }))).map((suite) => [suite.id, suite]),
      );
      const runs = new Map<string, ShardResult[]>();
      for (const shard of shards) runs.set(runKey(shard.record), [...(runs.get(runKey(shard.record)) ?? []), shard]);
      const problems: string[] = [];
      for (const [key, parts] of [...runs].sort(([a], [b]) => a.localeCompare(b))) {
        try {
          const merged = mergeShards(parts, suites.get(parts[0]!.record.suite.id)?.categories);
          const path = await writeResult(output, merged);
          io.out(
            `merged ${parts.length} shard${parts.length === 1 ? "" : "s"} of ${key} (${merged.record.documents} documents) into ${path}\n`,
          );
        } catch (error: unknown) {
          if (!(error instanceof MergeError)) throw error;
          problems.push(...error.problems);
        }
      }
      for (const run of whole) {
        try {
          verifyRecord(run, suites.get(run.record.suite.id)?.categories);
          const path = await writeResult(output, run);
          io.out(`added ${run.file} (${run.record.documents} documents, a ${runKind(run.record)}) as ${path}\n`);
        } catch (error: unknown) {
          if (!(error instanceof MergeError)) throw error;
          problems.push(...error.problems);
        }
      }
      if (problems.length > 0) throw new CliError(`cannot merge:\n  ${problems.join("\n  ")}`);
    });
}
