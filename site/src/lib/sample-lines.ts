import { readFile } from "node:fs/promises";
import { parseSampleLines, type SampleLine } from "@zoo/suites";

/** The samples of a run, in file order; one clear line naming the file and line number for anything malformed. */
export async function readSampleLines(path: string, displayPath = path): Promise<SampleLine[]> {
  const text = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new Error(`${displayPath}: cannot read the samples file (${error.code ?? error.message})`);
  });
  return parseSampleLines(text, displayPath);
}
