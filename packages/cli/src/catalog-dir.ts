import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { CliError } from "./cli-error.ts";

/**
 * The catalogue folder to use, as an absolute path: `--dir` when given, else the `catalog/` of the nearest
 * enclosing zoo checkout (a folder holding pnpm-workspace.yaml and catalog/), as git finds its repository.
 */
export function catalogDir(cwd: string, dir: string | undefined): string {
  if (dir !== undefined) return resolve(cwd, dir);
  const root = checkoutRoot(cwd);
  if (root === undefined) throw new CliError("no catalogue found above this folder: pass --dir DIR");
  return join(root, "catalog");
}

/** The nearest enclosing zoo checkout (a folder holding pnpm-workspace.yaml and catalog/), if any. */
export function checkoutRoot(cwd: string): string | undefined {
  for (let folder = resolve(cwd); ; folder = dirname(folder)) {
    if (existsSync(join(folder, "pnpm-workspace.yaml")) && existsSync(join(folder, "catalog"))) return folder;
    if (dirname(folder) === folder) return undefined;
  }
}

/** How to name `path` to the user: relative to where they stand. */
export function shownPath(cwd: string, path: string): string {
  return relative(cwd, path) || ".";
}
