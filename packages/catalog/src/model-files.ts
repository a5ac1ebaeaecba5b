import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { recordId } from "./ids.ts";

/** Each model's file in a catalogue, by id: models/ may hold subfolders, and an id is its file's name. */
export async function modelFiles(dir: string): Promise<Map<string, string>> {
  const folder = join(dir, "models");
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return new Map(
    entries
      .filter((entry) => entry.isFile() && entry.name.endsWith(".yaml"))
      .map((entry) => [recordId(entry.name), join(entry.parentPath, entry.name)] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}
