import { constants } from "node:fs";
import { access, mkdir } from "node:fs/promises";
import { CliError } from "./cli-error.ts";

/** A folder zoo writes to (records, the cache), made if missing; one line naming it when it cannot be (a file, no permission). */
export async function ensureWritableFolder(folder: string, what: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
    await access(folder, constants.W_OK);
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
