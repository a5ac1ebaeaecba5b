import { createHubFetch, HubUnreachableError, syncCatalog, type EntrySync, type SyncReport } from "@zoo/catalog";
import { Command, Option } from "commander";
import { join, resolve } from "node:path";
import { catalogDir } from "../catalog-dir.ts";
import { CliError, EXIT_FAILURE, UsageError } from "../cli-error.ts";
import type { Context } from "../context.ts";
import { formatTable } from "../format-table.ts";
import { DEFAULT_HUB_URL } from "@zoo/suites";
import { hubUrlFromEnvironment, hubUrlOption } from "../hub-url.ts";
import { loadValidCatalog } from "../load-catalog.ts";
import { positiveIntegerOption } from "../option-parsers.ts";

const FORMATS = ["text", "json", "markdown"] as const;
type Format = (typeof FORMATS)[number];

interface SyncCommandOptions {
  write?: boolean;
  force?: boolean;
  dir?: string;
  format: Format;
  stats?: string | true;
  hubUrl?: string;
  concurrency: number;
}

const STATS_FILE = "hub-stats.json";
const HEADER = ["entry", "field", "catalogue", "Hub", "action"];

/** What happened to a difference, or what would make it go away. */
function action(item: EntrySync["drift"][number]): string {
  if (item.kind === "missing") return item.written ? "filled" : "--write fills";
  if (item.kind === "differs") return item.written ? "overwritten" : "--write --force overwrites";
  return "review by hand";
}

function rows(report: SyncReport): string[][] {
  return report.entries.flatMap(({ id, drift }) =>
    drift.map((item) => [id, item.field, item.catalogue, item.hub, action(item)]),
  );
}

function summary({ entries }: SyncReport): string {
  const count = (status: EntrySync["status"]) => entries.filter((entry) => entry.status === status).length;
  const differences = entries.reduce((sum, entry) => sum + entry.drift.filter(({ written }) => !written).length, 0);
  if (count("in-sync") === entries.length) {
    return `✓ ${entries.length} ${entries.length === 1 ? "entry agrees" : "entries agree"} with the Hub`;
  }
  const verb = (n: number, singular: string, plural: string) => `${n} ${n === 1 ? singular : plural}`;
  const parts = [`${verb(count("in-sync"), "agrees", "agree")} with the Hub`];
  if (count("drift") > 0)
    parts.push(`${verb(count("drift"), "differs", "differ")} (${verb(differences, "difference", "differences")})`);
  if (count("failed") > 0) parts.push(`${count("failed")} failed`);
  return `✗ ${verb(entries.length, "entry", "entries")} checked: ${parts.join(", ")}`;
}

function textReport(report: SyncReport): string {
  const table = rows(report);
  const lines = table.length > 0 ? [formatTable(HEADER, table).trimEnd()] : [];
  for (const entry of report.entries) {
    if (entry.error) lines.push(`✗ ${entry.id}: ${entry.error}`);
    for (const note of entry.notes) lines.push(`! ${entry.id}: ${note}`);
  }
  for (const file of report.written) lines.push(`wrote ${file}`);
  lines.push(summary(report));
  return `${lines.join("\n")}\n`;
}

/** A GitHub-flavoured Markdown report, for a CI job summary ($GITHUB_STEP_SUMMARY). */
function markdownReport(report: SyncReport): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const sections = ["### Catalogue drift against the Hugging Face Hub"];
  const table = rows(report);
  if (table.length > 0) {
    sections.push(
      [
        `| ${HEADER.join(" | ")} |`,
        `| ${HEADER.map(() => "---").join(" | ")} |`,
        ...table.map((row) => `| ${row.map(cell).join(" | ")} |`),
      ].join("\n"),
    );
  }
  const failed = report.entries.filter((entry) => entry.error);
  if (failed.length > 0)
    sections.push(`**Failed**\n\n${failed.map((entry) => `- \`${entry.id}\`: ${entry.error}`).join("\n")}`);
  const notes = report.entries.flatMap((entry) => entry.notes.map((note) => `- \`${entry.id}\`: ${note}`));
  if (notes.length > 0) sections.push(`**Not read**\n\n${notes.join("\n")}`);
  if (report.written.length > 0) sections.push(`Wrote ${report.written.map((file) => `\`${file}\``).join(", ")}.`);
  sections.push(summary(report));
  return `${sections.join("\n\n")}\n`;
}

export function catalogSyncCommand(context: Context): Command {
  return new Command("sync")
    .description("compare the entries with their Hugging Face Hub repos; --write fills the facts they lack")
    .argument("[ids...]", "only these entries (default: every entry that names a Hugging Face repo)")
    .option("--write", "fill the facts the catalogue lacks, each vouched for by the repo's Hub page")
    .option("--force", "with --write, also overwrite the facts that differ from the Hub")
    .option("--dir <dir>", "the catalogue folder (default: catalog/ of this checkout)")
    .addOption(new Option("--format <format>", "how to print the report").choices(FORMATS).default("text"))
    .option(
      "--stats [file]",
      `write downloads, likes and other Hub metadata to this JSON file (default: <catalog>/${STATS_FILE})`,
    )
    .option("--hub-url <url>", `the Hub's address (default: $HF_ENDPOINT, else ${DEFAULT_HUB_URL})`, hubUrlOption)
    .option("--concurrency <n>", "requests to the Hub in flight at once", positiveIntegerOption, 4)
    .action(async (ids: string[], options: SyncCommandOptions) => {
      const { io } = context;
      if (options.force && !options.write) throw new UsageError("--force overwrites facts only together with --write");
      const token = io.env.HF_TOKEN || undefined;
      if (token !== undefined && !token.startsWith("hf_")) {
        throw new CliError("HF_TOKEN is not a Hugging Face access token (they start with hf_)");
      }
      const dir = catalogDir(io.cwd, options.dir);
      const catalog = await loadValidCatalog(io, options.dir);
      const statsFile =
        options.stats === undefined
          ? undefined
          : options.stats === true
            ? join(dir, STATS_FILE)
            : resolve(io.cwd, options.stats);
      const hubUrl = options.hubUrl ?? hubUrlFromEnvironment(io.env.HF_ENDPOINT);

      let report: SyncReport;
      try {
        report = await syncCatalog(dir, {
          catalog,
          ids,
          write: options.write ?? false,
          force: options.force ?? false,
          statsFile,
          relativeTo: io.cwd,
          hub: { hubUrl, accessToken: token, fetch: createHubFetch({ concurrency: options.concurrency }) },
        });
      } catch (error) {
        if (error instanceof HubUnreachableError) throw new CliError(error.message);
        throw error;
      }

      if (options.format === "json") io.out(`${JSON.stringify(report, null, 2)}\n`);
      else io.out(options.format === "markdown" ? markdownReport(report) : textReport(report));
      if (report.entries.some(({ status }) => status !== "in-sync")) context.exitCode = EXIT_FAILURE;
    });
}
