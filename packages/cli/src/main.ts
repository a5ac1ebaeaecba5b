import { CatalogError } from "@zoo/catalog";
import { Command, CommanderError } from "commander";
import packageJson from "../package.json" with { type: "json" };
import { CliError, EXIT_FAILURE, EXIT_USAGE } from "./cli-error.ts";
import { clipLongWords } from "./clip-text.ts";
import { benchCommand } from "./commands/bench.ts";
import { catalogChangesCommand } from "./commands/catalog-changes.ts";
import { catalogCheckCommand } from "./commands/catalog-check.ts";
import { catalogExportCommand } from "./commands/catalog-export.ts";
import { catalogListCommand } from "./commands/catalog-list.ts";
import { catalogNewCommand } from "./commands/catalog-new.ts";
import { catalogSchemaCommand } from "./commands/catalog-schema.ts";
import { catalogShowCommand } from "./commands/catalog-show.ts";
import { catalogStatsCommand } from "./commands/catalog-stats.ts";
import { catalogSyncCommand } from "./commands/catalog-sync.ts";
import { nightlyCommand } from "./commands/nightly-plan.ts";
import { requestsCommand } from "./commands/requests.ts";
import { resultsCommand } from "./commands/results.ts";
import type { Context } from "./context.ts";
import { fileSystemErrorLine } from "./fs-error.ts";
import type { Io } from "./io.ts";

export { processIo } from "./io.ts";

/** The whole command tree; exported so tests can check that what the workflows call exists. */
export function buildProgram(context: Context): Command {
  const configure = (command: Command): Command => {
    command
      .exitOverride()
      .showSuggestionAfterError()
      .configureOutput({ writeOut: context.io.out, writeErr: context.io.err, outputError: () => {} });
    command.commands.forEach(configure);
    return command;
  };
  const catalog = new Command("catalog")
    .description("check, list, show, export and sync the model catalogue")
    .addCommand(catalogCheckCommand(context))
    .addCommand(catalogListCommand(context))
    .addCommand(catalogShowCommand(context))
    .addCommand(catalogStatsCommand(context))
    .addCommand(catalogNewCommand(context))
    .addCommand(catalogChangesCommand(context))
    .addCommand(catalogExportCommand(context))
    .addCommand(catalogSchemaCommand(context))
    .addCommand(catalogSyncCommand(context));
  return configure(
    new Command("zoo")
      .description("zoo: a model-zoo catalogue and benchmarking harness for language models")
      .version(packageJson.version)
      .addCommand(catalog)
      .addCommand(benchCommand(context))
      .addCommand(resultsCommand(context))
      .addCommand(nightlyCommand(context))
      .addCommand(requestsCommand(context)),
  );
}

/** Runs the zoo command line and returns its exit status. Bad input is one line on stderr, never a stack trace. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const context: Context = { io, exitCode: 0 };
  const fail = (message: string, code: number) => {
    io.err(`zoo: ${clipLongWords(message)}\n`);
    return code;
  };
  try {
    await buildProgram(context).parseAsync(argv, { from: "user" });
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // `zoo` or `zoo catalog` alone: commander printed the help, to stderr; it is still a wrong command line.
      if (error.code === "commander.help") return error.exitCode === 0 ? 0 : EXIT_USAGE;
      if (error.code === "commander.helpDisplayed" || error.exitCode === 0) return 0;
      return fail(error.message.replace(/^error: /, "").replace(/\s*\n\s*/g, " "), EXIT_USAGE);
    }
    if (error instanceof CliError || error instanceof CatalogError)
      return fail(error.message, error instanceof CliError ? error.exitCode : EXIT_FAILURE);
    const fileSystem = fileSystemErrorLine(error);
    if (fileSystem !== undefined) return fail(fileSystem, EXIT_FAILURE);
    const detail = io.env.ZOO_DEBUG ? `\n${(error as Error).stack}` : " (set ZOO_DEBUG=1 for the stack trace)";
    io.err(`zoo: internal error: ${clipLongWords((error as Error).message)}${detail}\n`);
    return EXIT_FAILURE;
  }
}
