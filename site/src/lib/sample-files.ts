import { readFile, readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { workspaceRoot } from "./site-data.ts";

/** The checkout's benchmarks/samples: the offline data the /run/ page scores, served by the site. */
export const samplesDir = (): string => join(workspaceRoot(process.cwd()), "benchmarks", "samples");

/** Every data file of the samples ("mmlu/data/test/astronomy_test.csv", …), "/"-separated; not the README. */
export async function sampleFiles(): Promise<string[]> {
  const dir = samplesDir();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith(".md"))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

export const sampleFile = (file: string): Promise<Uint8Array> => readFile(join(samplesDir(), file));
