import { checkCatalog, formatProblem, type CatalogCheck } from "@zoo/catalog";
import { Command, Option } from "commander";
import { catalogDir } from "../catalog-dir.ts";
import { EXIT_FAILURE } from "../cli-error.ts";
import type { Context } from "../context.ts";
import { githubAnnotation } from "../github-annotation.ts";

function counts({ catalog, files }: CatalogCheck): string {
  return [
    `${files.models} models`,
    `${files.organizations} organizations`,
    `${files.licenses} licenses`,
    `${files.seeds} seed documents`,
    `${catalog.milestones.length} milestones`,
  ].join(", ");
}

function summary(check: CatalogCheck): string {
  const { problems } = check;
  if (problems.length === 0) return `✓ catalogue valid: checked ${counts(check)}`;
  const files = new Set(problems.map(({ file }) => file)).size;
  return `✗ ${problems.length} problem${problems.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"} (checked ${counts(check)})`;
}

export function catalogCheckCommand(context: Context): Command {
  return new Command("check")
    .description("validate every catalogue file (schema, references, dates); exits 1 when anything is wrong")
    .option("--dir <dir>", "the catalogue folder (default: catalog/ of this checkout)")
    .addOption(
      new Option("--format <format>", "how to print problems").choices(["text", "json", "github"]).default("text"),
    )
    .action(async (options: { dir?: string; format: "text" | "json" | "github" }) => {
      const { io } = context;
      const check = await checkCatalog(catalogDir(io.cwd, options.dir), { relativeTo: io.cwd });
      if (options.format === "json") {
        io.out(
          `${JSON.stringify({ valid: check.problems.length === 0, files: check.files, problems: check.problems }, null, 2)}\n`,
        );
      } else {
        const format = options.format === "github" ? githubAnnotation : formatProblem;
        for (const problem of check.problems) io.out(`${format(problem)}\n`);
        io.out(`${summary(check)}\n`);
      }
      if (check.problems.length > 0) context.exitCode = EXIT_FAILURE;
    });
}
