import { checkCatalog, describeModels, formatCount, recordId, type DescribedModel } from "@zoo/catalog";
import { Command, Option } from "commander";
import { join } from "node:path";
import { catalogDir } from "../catalog-dir.ts";
import type { Context } from "../context.ts";
import { formatTable } from "../format-table.ts";
import { changedFiles, type ChangeKind } from "../git-changes.ts";

interface ChangeRow {
  kind: ChangeKind;
  id: string;
  model?: DescribedModel;
}

const COLUMNS = ["change", "model", "organization", "released", "params", "context", "license", "kind", "reported"];

function cells({ kind, id, model }: ChangeRow, markdown: boolean): string[] {
  const name = markdown ? `**${model?.entry.name ?? id}** (\`${id}\`)` : id;
  if (!model) return [kind, name, kind === "removed" ? "" : "does not pass catalog check", "", "", "", "", "", ""];
  const { entry, derived } = model;
  const total = entry.parameters?.total;
  const parameters = !total
    ? ""
    : total.status === "undisclosed"
      ? "undisclosed"
      : `${total.status === "estimate" ? "~" : ""}${formatCount(total.value)}`;
  return [
    kind,
    name,
    entry.organization,
    entry.released,
    parameters,
    entry.context_length?.toLocaleString("en-US") ?? "",
    `${derived.licenseClass} (${entry.license})`,
    entry.kind,
    String(entry.reported?.length ?? 0),
  ];
}

function markdown(rows: ChangeRow[]): string {
  const lines = ["### Catalogue changes", ""];
  if (rows.length === 0) return `${lines.join("\n")}No model entries added, changed or removed.\n`;
  lines.push(`| ${COLUMNS.join(" | ")} |`, `|${COLUMNS.map(() => " --- ").join("|")}|`);
  for (const row of rows) lines.push(`| ${cells(row, true).join(" | ")} |`);
  return `${lines.join("\n")}\n`;
}

export function catalogChangesCommand(context: Context): Command {
  return new Command("changes")
    .description("list the model entries added, changed or removed since a git revision, with their key facts")
    .requiredOption("--base <ref>", "the git revision to compare with, e.g. origin/main")
    .option("--dir <dir>", "the catalogue folder (default: catalog/ of this checkout)")
    .addOption(
      new Option("--format <format>", "a table, or Markdown for a GitHub job summary")
        .choices(["text", "markdown"])
        .default("text"),
    )
    .action(async (options: { base: string; dir?: string; format: "text" | "markdown" }) => {
      const dir = catalogDir(context.io.cwd, options.dir);
      const changes = (await changedFiles(join(dir, "models"), options.base)).filter(({ path }) =>
        path.endsWith(".yaml"),
      );
      const { catalog } = await checkCatalog(dir);
      const valid = new Map(describeModels(catalog).map((model) => [model.entry.id, model]));
      const rows = changes
        .map(({ kind, path }): ChangeRow => {
          const id = recordId(path);
          return { kind, id, model: kind === "removed" ? undefined : valid.get(id) };
        })
        .sort((a, b) => a.id.localeCompare(b.id));
      if (options.format === "markdown") context.io.out(markdown(rows));
      else if (rows.length === 0) context.io.out("no model entries added, changed or removed\n");
      else
        context.io.out(
          formatTable(
            COLUMNS,
            rows.map((row) => cells(row, false)),
          ),
        );
    });
}
