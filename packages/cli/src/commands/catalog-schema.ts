import { catalogJsonSchemas } from "@zoo/catalog";
import { Command } from "commander";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { catalogDir, shownPath } from "../catalog-dir.ts";
import { EXIT_FAILURE } from "../cli-error.ts";
import type { Context } from "../context.ts";

export function catalogSchemaCommand(context: Context): Command {
  return new Command("schema")
    .description("write the JSON Schemas of the catalogue's files (for editor completion) to <catalog>/schema/")
    .option("--dir <dir>", "the catalogue folder (default: catalog/ of this checkout)")
    .option("--check", "write nothing; exit 1 if the schema files are missing or out of date")
    .action(async (options: { dir?: string; check?: boolean }) => {
      const { io } = context;
      const folder = join(catalogDir(io.cwd, options.dir), "schema");
      const shown = shownPath(io.cwd, folder);
      const schemas = Object.entries(catalogJsonSchemas());
      if (options.check) {
        const stale: string[] = [];
        for (const [file, text] of schemas) {
          const current = await readFile(join(folder, file), "utf8").catch(() => undefined);
          if (current !== text) stale.push(join(shown, file));
        }
        if (stale.length > 0) {
          io.out(`out of date: ${stale.join(", ")}; run "pnpm zoo catalog schema" to regenerate\n`);
          context.exitCode = EXIT_FAILURE;
        } else {
          io.out(`✓ ${schemas.length} schema files up to date in ${shown}\n`);
        }
        return;
      }
      await mkdir(folder, { recursive: true });
      for (const [file, text] of schemas) await writeFile(join(folder, file), text);
      io.out(`wrote ${schemas.length} schema files to ${shown}\n`);
    });
}
