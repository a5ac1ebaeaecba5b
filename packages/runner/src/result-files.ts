import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { ResultRecord, SampleLine } from "@zoo/suites";
import { resultFileName } from "./result-file-name.ts";

/** The folder of a model's results: its catalogue id, or a label such as hf:org/repo made safe for a path. */
export function modelFolder(modelId: string): string {
  return modelId.replace(/[^A-Za-z0-9._-]+/g, "--");
}

/** Writes a file whole or not at all: a reader, or a second run writing the same file, never sees half of it. */
export async function writeAtomically(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Writes a record (and its samples, beside it as <name>.samples.jsonl) under `outputDir/<model>/`; returns the
 * record's path. The samples are written first, so a record never names a samples file that is not there.
 */
export async function writeResult(
  outputDir: string,
  result: { record: ResultRecord; samples?: readonly SampleLine[] },
): Promise<string> {
  const name = resultFileName(result.record);
  const folder = join(outputDir, modelFolder(result.record.model.id));
  let record = result.record;
  if (result.samples !== undefined) {
    const samplesFile = name.replace(/\.json$/, ".samples.jsonl");
    await writeAtomically(
      join(folder, samplesFile),
      result.samples.map((line) => `${JSON.stringify(line)}\n`).join(""),
    );
    record = { ...record, samples_file: samplesFile };
  }
  const path = join(folder, name);
  await writeAtomically(path, `${JSON.stringify(record, null, 2)}\n`);
  return path;
}
