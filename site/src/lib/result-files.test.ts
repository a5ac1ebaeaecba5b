import { mkdtemp, mkdir, readFile, writeFile, cp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readResults, ResultsError } from "./result-files.ts";

const FIXTURES = fileURLToPath(new URL("../../test/fixtures/results", import.meta.url));

describe("readResults", () => {
  it("reads every fixture record, validated, in path order, with run ids from their paths", async () => {
    const results = await readResults(FIXTURES);
    expect(results.map(({ id }) => id)).toEqual([
      "base-7b/arithmetic_2da-0shot",
      "base-7b/mmlu-5shot",
      "base-7b/truthfulqa_mc2-0shot",
      "chat-7b/arithmetic_2da-0shot",
      "chat-7b/mmlu-5shot",
      "chat-7b/mmlu-sample-0shot",
      "moe-8x1b/mmlu-5shot",
      "moe-8x1b/truthfulqa_mc2-0shot-limit100",
      "random/mmlu-5shot",
    ]);
    expect(results[1]!.file).toBe("base-7b/mmlu-5shot.json");
    expect(results[1]!.record.metrics.acc).toEqual({ value: 0.4412, stderr: 0.0042 });
  });

  it("holds no records where the folder does not exist", async () => {
    expect(await readResults(join(tmpdir(), "zoo-no-such-results-folder"))).toEqual([]);
  });

  it("lists every problem of every file, one line each, naming the file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "zoo-results-"));
    await cp(FIXTURES, dir, { recursive: true });
    const record = JSON.parse(await readFile(join(dir, "base-7b", "mmlu-5shot.json"), "utf8"));
    await mkdir(join(dir, "bad"));
    await writeFile(join(dir, "bad", "truncated.json"), '{"schema_version": 1,');
    await writeFile(join(dir, "bad", "wrong.json"), JSON.stringify({ ...record, limited: "no", extra: 1 }));
    const error = await readResults(dir, "benchmarks/results").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResultsError);
    expect((error as ResultsError).problems).toEqual([
      expect.stringMatching(/^benchmarks\/results\/bad\/truncated\.json: not valid JSON: /),
      "benchmarks/results/bad/wrong.json: limited: Invalid input: expected boolean, received string",
      'benchmarks/results/bad/wrong.json: record: Unrecognized key: "extra"',
    ]);
  });
});
