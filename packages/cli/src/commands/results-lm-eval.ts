import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { LmEvalResultsError, fromLmEvalResults, toLmEvalResults, writeResult } from "@zoo/runner";
import { resultRecordSchema, type ResultRecord } from "@zoo/suites";
import { Command, InvalidArgumentError } from "commander";
import packageJson from "../../package.json" with { type: "json" };
import { checkoutRoot } from "../catalog-dir.ts";
import { CliError, UsageError } from "../cli-error.ts";
import type { Context } from "../context.ts";
import { findModel } from "../find-model.ts";
import { loadValidCatalog } from "../load-catalog.ts";

/** A label files records in a folder of its name: lower-case words, digits, dots, hyphens and underscores. */
function labelOption(value: string): string {
  if (!/^[a-z0-9][a-z0-9._-]{0,99}$/.test(value))
    throw new InvalidArgumentError("expected lower-case letters, digits, '.', '-' or '_', such as my-model-7b");
  return value;
}

async function readJson(cwd: string, file: string): Promise<unknown> {
  const text = await readFile(resolve(cwd, file), "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`${file}: cannot read it (${error.code ?? error.message})`);
  });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
}

export function resultsImportCommand(context: Context): Command {
  return new Command("import")
    .description("turn lm-evaluation-harness's results JSON into zoo result records, one per suite zoo knows")
    .argument("<file>", "a results_<date>.json written by lm_eval --output_path")
    .option("--model <id>", "the catalogue id of the model the results are of")
    .option("--label <name>", "instead of --model, a name for a model the catalogue does not list", labelOption)
    .option("--output <dir>", "where records go, under <model>/ (default: benchmarks/results)")
    .action(async (file: string, options: { model?: string; label?: string; output?: string }) => {
      const { io } = context;
      if ((options.model === undefined) === (options.label === undefined))
        throw new UsageError("name the model with --model (a catalogue id) or --label (a model the catalogue lacks)");
      const modelId =
        options.model === undefined
          ? options.label!
          : findModel(
              (await loadValidCatalog(io, undefined)).models,
              options.model,
              ": name a catalogue id, or use --label for a model the catalogue does not list",
            ).id;
      const json = await readJson(io.cwd, file);
      let imported;
      try {
        imported = fromLmEvalResults(json, {
          modelId,
          environment: {
            zoo_version: packageJson.version,
            node: process.version,
            platform: `${process.platform}-${process.arch}`,
          },
          file,
        });
      } catch (error) {
        if (error instanceof LmEvalResultsError) throw new CliError(error.message);
        throw error;
      }
      if (imported.records.length === 0)
        throw new CliError(`${file}: no task zoo knows (it holds ${imported.skipped.join(", ") || "no tasks"})`);
      const output = options.output
        ? resolve(io.cwd, options.output)
        : resolve(checkoutRoot(io.cwd) ?? io.cwd, "benchmarks", "results");
      for (const record of imported.records) {
        const path = await writeResult(output, { record });
        io.out(`imported ${record.suite.id} (${record.shots}-shot, ${record.documents} documents) into ${path}\n`);
      }
      if (imported.skipped.length > 0) io.err(`skipped tasks zoo has no suite for: ${imported.skipped.join(", ")}\n`);
    });
}

export function resultsExportCommand(context: Context): Command {
  return new Command("export")
    .description("write zoo result records of one model as lm-evaluation-harness's results JSON")
    .argument("<records...>", "result records (benchmarks/results/<model>/*.json)")
    .option("--out <file>", "write to this file instead of standard output")
    .action(async (files: string[], options: { out?: string }) => {
      const { io } = context;
      const records: ResultRecord[] = [];
      for (const file of files) {
        const parsed = resultRecordSchema.safeParse(await readJson(io.cwd, file));
        if (!parsed.success)
          throw new CliError(
            `${file}: not a result record: ${parsed.error.issues[0]!.path.join(".") || "record"}: ${parsed.error.issues[0]!.message}`,
          );
        records.push(parsed.data);
      }
      let results;
      try {
        results = toLmEvalResults(records);
      } catch (error) {
        if (error instanceof LmEvalResultsError) throw new CliError(error.message);
        throw error;
      }
      const text = `${JSON.stringify(results, null, 2)}\n`;
      if (options.out === undefined) io.out(text);
      else await writeFile(resolve(io.cwd, options.out), text);
    });
}
