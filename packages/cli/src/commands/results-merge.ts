import { readFile, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { MergeError, mergeShards, runKey, writeResult, type ShardResult } from "@zoo/runner";
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

/** Every shard record under the given folders (artifacts of the nightly's matrix jobs), with its samples. */
async function readShards(cwd: string, paths: readonly string[]): Promise<ShardResult[]> {
  const shards: ShardResult[] = [];
  for (const path of paths) {
    const dir = resolve(cwd, path);
    if (!(await stat(dir).catch(() => undefined))?.isDirectory()) throw new CliError(`${path}: no such folder`);
    for (const { file, record } of await readResultsForCli(dir, path)) {
      if (record.shard === undefined) continue;
      const shown = join(path, file);
      if (record.samples_file === undefined)
        throw new CliError(`${shown}: a shard must name its samples file, which merging re-aggregates`);
      const samplesPath = join(dir, dirname(file), record.samples_file);
      const text = await readFile(samplesPath, "utf8").catch(() => {
        throw new CliError(`${shown}: its samples file ${record.samples_file} is missing`);
      });
      shards.push({
        file: shown,
        record,
        samples: parseSampleLines(text, join(path, dirname(file), record.samples_file)),
      });
    }
  }
  return shards;
}

export function resultsMergeCommand(context: Context): Command {
  return new Command("merge")
    .description("join the shards of sharded runs (zoo bench --shard i/n) into one record per run")
    .argument("<folders...>", "folders holding shard records and their samples, such as downloaded artifacts")
    .option("--output <dir>", "where merged records go, under <model>/ (default: benchmarks/results)")
    .action(async (folders: string[], options: MergeOptions) => {
      const { io } = context;
      const shards = await readShards(io.cwd, folders);
      if (shards.length === 0) throw new CliError(`no shard records in ${folders.join(", ")}`);
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
      if (problems.length > 0) throw new CliError(`cannot merge:\n  ${problems.join("\n  ")}`);
    });
}
