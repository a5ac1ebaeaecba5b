import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { CliError } from "./cli-error.ts";

export type ChangeKind = "added" | "changed" | "removed";
export interface FileChange {
  kind: ChangeKind;
  /** Path relative to the folder compared. */
  path: string;
}

const KINDS: Record<string, ChangeKind> = { A: "added", M: "changed", D: "removed", T: "changed" };

/**
 * Files under `folder` that differ between the merge base of `base` and the working tree, as a pull request shows
 * them (renames as a removal and an addition); files git does not track yet count as added.
 */
export async function changedFiles(folder: string, base: string): Promise<FileChange[]> {
  const run = (args: string[]) => promisify(execFile)("git", args, { cwd: folder, maxBuffer: 64 * 1024 * 1024 });
  let output: string;
  try {
    output = (await run(["diff", "--name-status", "-z", "--no-renames", "--relative", "--merge-base", base, "--", "."]))
      .stdout;
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? (error as Error).message)
      .trim()
      .split("\n")[0];
    throw new CliError(`cannot compare with "${base}": ${stderr}`);
  }
  const fields = output.split("\0").filter(Boolean);
  const changes: FileChange[] = [];
  for (let index = 0; index + 1 < fields.length; index += 2) {
    const kind = KINDS[fields[index]!.charAt(0)];
    if (kind) changes.push({ kind, path: fields[index + 1]! });
  }
  const untracked = (await run(["ls-files", "-z", "--others", "--exclude-standard", "--", "."])).stdout;
  for (const path of untracked.split("\0").filter(Boolean)) changes.push({ kind: "added", path });
  return changes;
}
