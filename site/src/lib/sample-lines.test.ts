import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readSampleLines } from "./sample-lines.ts";

const SAMPLES = fileURLToPath(new URL("../../test/fixtures/results/base-7b/mmlu-5shot.samples.jsonl", import.meta.url));

describe("readSampleLines", () => {
  it("reads a run's logged samples in order", async () => {
    const samples = await readSampleLines(SAMPLES);
    expect(samples).toHaveLength(60);
    expect(samples[0]!.doc_id).toBe(0);
    expect(samples[0]!.requests.map((request) => ("continuation" in request ? request.continuation : ""))).toEqual([
      " A",
      " B",
      " C",
      " D",
    ]);
    expect(Object.keys(samples[0]!.metrics)).toEqual(["acc"]);
  });

  it("names the file and line of a malformed sample", async () => {
    const dir = await mkdtemp(join(tmpdir(), "zoo-samples-"));
    const good = (await import("node:fs/promises")).readFile(SAMPLES, "utf8").then((text) => text.split("\n")[0]!);
    await writeFile(join(dir, "bad.jsonl"), `${await good}\n\n{"doc_id": 1}\n`);
    await expect(readSampleLines(join(dir, "bad.jsonl"), "bad.jsonl")).rejects.toThrow(
      "bad.jsonl:3: prompt_hash: Invalid input: expected string, received undefined",
    );
    await writeFile(join(dir, "broken.jsonl"), "{nope\n");
    await expect(readSampleLines(join(dir, "broken.jsonl"), "broken.jsonl")).rejects.toThrow(
      /^broken\.jsonl:1: not valid JSON: /,
    );
    await expect(readSampleLines(join(dir, "missing.jsonl"), "missing.jsonl")).rejects.toThrow(
      "missing.jsonl: cannot read the samples file (ENOENT)",
    );
  });
});
