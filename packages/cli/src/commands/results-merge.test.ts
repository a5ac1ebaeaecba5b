import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { resultRecordSchema, type ResultRecord } from "@zoo/suites";
import { describe, expect, it } from "vitest";
import { runZoo } from "../testing/run-zoo.ts";

const CHECKOUT = fileURLToPath(new URL("../../../..", import.meta.url));
const temp = (name: string) => mkdtemp(join(tmpdir(), `zoo-merge-${name}-`));
const read = async (path: string) => resultRecordSchema.parse(JSON.parse(await readFile(path, "utf8")));
const withoutTimes = ({ timings: _timings, date: _date, ...rest }: ResultRecord) => rest;

describe("zoo results merge", () => {
  it("joins the shards of zoo bench --shard into the record of an unsharded run", async () => {
    const env = { ZOO_CACHE_DIR: await temp("cache") };
    const bench = ["bench", "--model", "random", "--suite", "mmlu,truthfulqa_mc2", "--sample"];
    const whole = await temp("whole");
    expect((await runZoo([...bench, "--output", whole], CHECKOUT, env)).code).toBe(0);
    const shards = await temp("shards");
    for (const shard of ["0/3", "1/3", "2/3"])
      expect((await runZoo([...bench, "--shard", shard, "--output", shards], CHECKOUT, env)).code).toBe(0);

    const output = await temp("out");
    const result = await runZoo(["results", "merge", shards, "--output", output], CHECKOUT, env);
    expect(result).toEqual({
      code: 0,
      out:
        `merged 3 shards of random/mmlu-sample-5shot (10 documents) into ${join(output, "random", "mmlu-sample-5shot.json")}\n` +
        `merged 3 shards of random/truthfulqa_mc2-sample-0shot (3 documents) into ${join(output, "random", "truthfulqa_mc2-sample-0shot.json")}\n`,
      err: "",
    });
    for (const name of ["mmlu-sample-5shot", "truthfulqa_mc2-sample-0shot"]) {
      const merged = await read(join(output, "random", `${name}.json`));
      const expected = await read(join(whole, "random", `${name}.json`));
      expect(withoutTimes(merged)).toEqual({ ...withoutTimes(expected), samples_file: `${name}.samples.jsonl` });
    }
  });

  it("writes the runs it can join and names the shards it is missing, exiting 1", async () => {
    const env = { ZOO_CACHE_DIR: await temp("cache") };
    const shards = await temp("shards");
    for (const [suite, shard] of [
      ["mmlu", "0/2"],
      ["mmlu", "1/2"],
      ["truthfulqa_mc2", "1/3"],
    ])
      await runZoo(
        ["bench", "--model", "first", "--suite", suite!, "--sample", "--shard", shard!, "--output", shards],
        CHECKOUT,
        env,
      );
    const output = await temp("out");
    const result = await runZoo(["results", "merge", shards, "--output", output], CHECKOUT, env);
    expect(result.code).toBe(1);
    expect(result.err).toBe("zoo: cannot merge:\n  first/truthfulqa_mc2-sample-0shot: missing shards 0/3, 2/3\n");
    expect((await read(join(output, "first", "mmlu-sample-5shot.json"))).documents).toBe(10);
  });

  it("adds a whole run with its samples, checked against them, and refuses one whose metrics they do not give", async () => {
    const env = { ZOO_CACHE_DIR: await temp("cache") };
    const submitted = await temp("submitted");
    const bench = ["bench", "--model", "random", "--suite", "truthfulqa_mc2", "--sample", "--log-samples"];
    expect((await runZoo([...bench, "--output", submitted], CHECKOUT, env)).code).toBe(0);
    const output = await temp("out");
    const added = join(output, "random", "truthfulqa_mc2-sample-0shot.json");
    expect(await runZoo(["results", "merge", submitted, "--output", output], CHECKOUT, env)).toEqual({
      code: 0,
      out: `added ${join(submitted, "random", "truthfulqa_mc2-sample-0shot.json")} (3 documents, a zoo bench run) as ${added}\n`,
      err: "",
    });
    const original = await read(join(submitted, "random", "truthfulqa_mc2-sample-0shot.json"));
    expect(await read(added)).toEqual(original);
    expect(await readFile(join(output, "random", original.samples_file!), "utf8")).toBe(
      await readFile(join(submitted, "random", original.samples_file!), "utf8"),
    );

    const acc = original.metrics.acc!;
    const edited = { ...original, metrics: { ...original.metrics, acc: { ...acc, value: 0.99 } } };
    await writeFile(join(submitted, "random", "truthfulqa_mc2-sample-0shot.json"), JSON.stringify(edited));
    const refused = await temp("refused");
    expect(await runZoo(["results", "merge", submitted, "--output", refused], CHECKOUT, env)).toEqual({
      code: 1,
      out: "",
      err: `zoo: cannot merge:\n  ${join(submitted, "random", "truthfulqa_mc2-sample-0shot.json")}: acc is 0.99 ± ${acc.stderr} in the record, but its samples give ${acc.value} ± ${acc.stderr}\n`,
    });
    expect(await readdir(refused)).toEqual([]);
  });

  it("says so when there is nothing to merge", async () => {
    const empty = await temp("empty");
    expect(await runZoo(["results", "merge", empty], CHECKOUT)).toEqual({
      code: 1,
      out: "",
      err: `zoo: no shard records, nor records with samples, in ${empty}\n`,
    });
    await rm(empty, { recursive: true });
    expect((await runZoo(["results", "merge", empty], CHECKOUT)).err).toBe(`zoo: ${empty}: no such folder\n`);
  });
});
