import { exportCatalog } from "@zoo/catalog";
import { Command } from "commander";
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Context } from "../context.ts";
import { loadValidCatalog } from "../load-catalog.ts";

export function catalogExportCommand(context: Context): Command {
  return new Command("export")
    .description("write the whole catalogue, with every model's derived facts, as one JSON file")
    .requiredOption("--out <file>", "the JSON file to write")
    .option("--dir <dir>", "the catalogue folder (default: catalog/ of this checkout)")
    .action(async (options: { out: string; dir?: string }) => {
      const exported = exportCatalog(await loadValidCatalog(context.io, options.dir));
      await writeFile(resolve(context.io.cwd, options.out), `${JSON.stringify(exported, null, 2)}\n`);
      context.io.out(
        `wrote ${exported.models.length} models, ${exported.organizations.length} organizations and ${exported.licenses.length} licenses to ${options.out}\n`,
      );
    });
}
