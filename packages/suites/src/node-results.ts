import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { resultRecordSchema, type ResultRecord } from "./result-record.ts";

/** A record with where it was read from: `id` is its path without .json (the site's run page, /runs/<id>/). */
export interface StoredResult {
  id: string;
  /** The record's file, relative to the results folder. */
  file: string;
  record: ResultRecord;
}

/** Thrown when result records cannot be shown: one line per problem, each naming its file. */
export class ResultsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`${problems.length} result record(s) cannot be read:\n${problems.join("\n")}`);
    this.name = "ResultsError";
  }
}

const READ_BATCH = 256;

function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((segment) => (typeof segment === "number" ? `[${segment}]` : `.${String(segment)}`))
    .join("")
    .replace(/^\./, "");
}

/**
 * Every result record under `dir` (benchmarks/results/<model-id>/*.json), validated with the schema, in path
 * order: what the site shows, what `zoo results merge` joins and what `zoo nightly plan` compares against. A missing folder holds no records. Any invalid file fails the whole read, listing
 * every problem: a site must never show a number it could not check.
 */
export async function readResults(dir: string, displayDir = dir): Promise<StoredResult[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
  const problems: string[] = [];
  const results: StoredResult[] = [];
  // In batches: a large results folder has more files than a process may hold open at once.
  const texts: string[] = [];
  for (let start = 0; start < files.length; start += READ_BATCH) {
    const batch = files.slice(start, start + READ_BATCH);
    texts.push(...(await Promise.all(batch.map((file) => readFile(join(dir, file), "utf8")))));
  }
  files.forEach((file, index) => {
    const shown = `${displayDir}/${file}`;
    let json: unknown;
    try {
      json = JSON.parse(texts[index]!);
    } catch (error) {
      problems.push(`${shown}: not valid JSON: ${(error as Error).message}`);
      return;
    }
    const parsed = resultRecordSchema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push(`${shown}: ${issuePath(issue.path) || "record"}: ${issue.message}`);
      return;
    }
    results.push({ id: file.replace(/\.json$/, ""), file, record: parsed.data });
  });
  if (problems.length > 0) throw new ResultsError(problems);
  return results;
}
