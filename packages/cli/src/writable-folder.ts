import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { CliError } from "./cli-error.ts";

/**
 * Checks, before any work, that zoo will be able to make and write `folder` (records, the cache): one line naming it
 * when it cannot (a file, no permission). It makes nothing: a command that then fails on a flag or a model must
 * leave no empty folders behind, so the folder is made when something is first written to it.
 */
export async function ensureWritableFolder(folder: string, what: string): Promise<void> {
  try {
    const existing = await nearestExisting(folder);
    if (existing !== folder && !(await stat(existing)).isDirectory())
      throw Object.assign(new Error(), { code: "ENOTDIR" });
    if (existing === folder && !(await stat(folder)).isDirectory())
      throw Object.assign(new Error(), { code: "EEXIST" });
    await access(existing, constants.W_OK);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    const why =
      code === "EEXIST" || code === "ENOTDIR"
        ? "is a file, or lies under one, not a folder"
        : code === "EACCES" || code === "EPERM" || code === "EROFS"
          ? "cannot be written"
          : code === "ENAMETOOLONG"
            ? "is a name too long for the file system"
            : `cannot be made (${code ?? (error as Error).message})`;
    throw new CliError(`${what} ${folder} ${why}`);
  }
}

/** `path` itself, or the closest folder above it that exists. */
async function nearestExisting(path: string): Promise<string> {
  for (let current = path; ; current = dirname(current)) {
    try {
      await stat(current);
      return current;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT" || dirname(current) === current) throw error;
    }
  }
}
