import { ID_PATTERN } from "@zoo/catalog";
import { Command } from "commander";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { catalogDir, shownPath } from "../catalog-dir.ts";
import { CliError, UsageError } from "../cli-error.ts";
import type { Context } from "../context.ts";

/** The commented skeleton of an entry, also what CONTRIBUTING.md tells contributors to copy. */
export const MODEL_TEMPLATE = new URL("../../../../docs/model-template.yaml", import.meta.url);

export function catalogNewCommand(context: Context): Command {
  return new Command("new")
    .description("write a skeleton entry, every field commented, to catalog/models/<id>.yaml")
    .argument("<id>", "the new model's kebab-case id, e.g. llama-2-7b")
    .option("--dir <dir>", "the catalogue folder (default: catalog/ of this checkout)")
    .action(async (id: string, options: { dir?: string }) => {
      if (!ID_PATTERN.test(id)) throw new UsageError(`expected a kebab-case id such as "llama-2-7b", found "${id}"`);
      const file = join(catalogDir(context.io.cwd, options.dir), "models", `${id}.yaml`);
      const template = await readFile(MODEL_TEMPLATE, "utf8");
      try {
        await writeFile(file, template.replace("id: __ID__", `id: ${id}`), { flag: "wx" });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST")
          throw new CliError(`${shownPath(context.io.cwd, file)} already exists`);
        throw error;
      }
      context.io.out(`wrote ${shownPath(context.io.cwd, file)}: fill it in, then run "pnpm catalog:check"\n`);
    });
}
