import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readResults, ResultsError } from "./node-results.ts";
import type { ResultRecord } from "./result-record.ts";
import { EXAMPLE_RECORD } from "./testing/example-record.ts";

const RECORD: ResultRecord = EXAMPLE_RECORD;

/** A results folder holding `files` (path → record or raw text). */
async function resultsFolder(files: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "zoo-results-"));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, ".."), { recursive: true });
    await writeFile(join(dir, path), typeof content === "string" ? content : JSON.stringify(content));
  }
  return dir;
}

describe("readResults", () => {
  it("reads every record, validated, in path order, with run ids from their paths", async () => {
    const dir = await resultsFolder({
      "random/mmlu-5shot.json": RECORD,
      "gpt2/truthfulqa_mc2-0shot.json": { ...RECORD, suite: { ...RECORD.suite, id: "truthfulqa_mc2" } },
      "gpt2/mmlu-5shot.samples.jsonl": "not a record",
    });
    const results = await readResults(dir);
    expect(results.map(({ id, file }) => [id, file])).toEqual([
      ["gpt2/truthfulqa_mc2-0shot", "gpt2/truthfulqa_mc2-0shot.json"],
      ["random/mmlu-5shot", "random/mmlu-5shot.json"],
    ]);
    expect(results[1]!.record).toEqual(RECORD);
  });

  it("holds no records where the folder does not exist", async () => {
    expect(await readResults(join(tmpdir(), "zoo-no-such-results-folder"))).toEqual([]);
  });

  it("lists every problem of every file, one line each, naming the file", async () => {
    const dir = await resultsFolder({
      "good/mmlu-5shot.json": RECORD,
      "bad/truncated.json": '{"schema_version": 1,',
      "bad/wrong.json": { ...RECORD, limited: "no", extra: 1 },
    });
    const error = await readResults(dir, "benchmarks/results").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResultsError);
    expect((error as ResultsError).problems).toEqual([
      expect.stringMatching(/^benchmarks\/results\/bad\/truncated\.json: not valid JSON: /),
      "benchmarks/results/bad/wrong.json: limited: Invalid input: expected boolean, received string",
      'benchmarks/results/bad/wrong.json: record: Unrecognized key: "extra"',
    ]);
  });
});
