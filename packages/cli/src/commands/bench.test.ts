import { mkdtemp, readFile, readdir, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { resultRecordSchema, type ResultRecord } from "@zoo/suites";
import { startFakeHub } from "@zoo/catalog/testing/fake-hub";
import { TINY_LM_HUB_COMMIT, startFakeApi, tinyLmHubRoot } from "@zoo/runner/testing";
import {
  startFakeHub as startDatasetHub,
  syntheticTruthfulqa,
  truthfulqaMcParquet,
  writeSyntheticMmlu,
} from "@zoo/suites/testing";
import { describe, expect, it } from "vitest";
import { CHECKOUT, runZoo, zooProcess } from "../testing/run-zoo.ts";

const temp = (name: string) => mkdtemp(join(tmpdir(), `zoo-bench-${name}-`));

async function readRecord(path: string): Promise<ResultRecord> {
  return resultRecordSchema.parse(JSON.parse(await readFile(path, "utf8")));
}

/** What two runs of the same work must agree on: all of the record but its time and date. */
function scores(record: ResultRecord) {
  const { timings: _timings, date: _date, ...rest } = record;
  return rest;
}

/** zoo bench in its own process, as a user starts it. */
const benchProcess = (args: string[], env: Record<string, string>) => zooProcess(["bench", ...args], { env });

const countLines = async (file: string) =>
  (await readFile(file, "utf8").catch(() => "")).split("\n").filter((line) => line !== "").length;

describe("zoo bench, in one line when the command line is wrong", () => {
  it.each([
    [["--model", "nope"], 1, 'zoo: no model "nope": not a catalogue id, nor hf:org/repo'],
    [["--model", "llama-2-7b"], 1, "zoo: llama-2-7b has no run: section in the catalogue"],
    [["--suite", "mmlx"], 1, 'zoo: no suite or suite group "mmlx" (did you mean "mmlu"?)'],
    [
      ["--batch-size", "0"],
      2,
      "zoo: option '--batch-size <n|auto>' argument '0' is invalid. expected a positive integer",
    ],
    [
      ["--shard", "4/4"],
      2,
      "zoo: option '--shard <i/n>' argument '4/4' is invalid. expected i/n with 0 ≤ i < n, such as 0/4",
    ],
    [["--sample", "--seed", "3"], 2, "zoo: --sample and --seed choose different data: give one"],
    [["--frobnicate"], 2, "zoo: unknown option '--frobnicate'"],
    [["--model", "openai:gpt-4o-mini", "--suite", "arithmetic_2da_gen"], 1, "zoo: OPENAI_API_KEY is not set"],
    [
      ["--dtype", "bogus"],
      2,
      "zoo: option '--dtype <dtype>' argument 'bogus' is invalid. expected one of transformers.js's dtypes: fp32, fp16, q8, int8, uint8, q4, q4f16, bnb4",
    ],
    [["--model", "./nope"], 1, `zoo: ${join(CHECKOUT, "nope")}: no such folder`],
  ])("%j exits %i", async (args, code, message) => {
    const result = await runZoo(["bench", ...args], CHECKOUT, { ZOO_CACHE_DIR: await temp("cache") });
    expect(result.code).toBe(code);
    expect(result.err.split("\n").filter(Boolean)).toHaveLength(1);
    expect(result.err).toContain(message);
  });
});

describe("zoo bench echoes a huge argument", () => {
  it("cut to its start and its length, in one line", async () => {
    const result = await runZoo(["bench", "--model", "x".repeat(100_000)], CHECKOUT);
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      `zoo: no model "${"x".repeat(79)}… (100,003 characters) not a catalogue id, nor hf:org/repo, local:PATH, openai:MODEL, anthropic:MODEL, random[:SEED], first or zoo:tiny-lm\n`,
    );
  });
});

describe("zoo bench checks where its records go before any work", () => {
  it("names an --output that is a file, at once", async () => {
    const file = join(await temp("out"), "results.json");
    await writeFile(file, "{}");
    const result = await runZoo(["bench", "--model", "random", "--suite", "mmlu", "--output", file], CHECKOUT);
    expect(result).toEqual({
      code: 1,
      out: "",
      err: `zoo: --output ${file} is a file, or lies under one, not a folder\n`,
    });
  });

  it("names an --output under a file", async () => {
    const file = join(await temp("out"), "results.json");
    await writeFile(file, "{}");
    const result = await runZoo(["bench", "--model", "random", "--output", join(file, "records")], CHECKOUT);
    expect(result.err).toBe(`zoo: --output ${join(file, "records")} is a file, or lies under one, not a folder\n`);
  });

  it("makes no folder for a run that fails before writing a record", async () => {
    const output = join(await temp("out"), "not", "yet");
    const args = ["bench", "--model", "hf:nobody/nothing", "--offline", "--output", output];
    const result = await runZoo(args, CHECKOUT, { ZOO_CACHE_DIR: join(await temp("cache"), "new") });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^zoo: .*nobody\/nothing/);
    await expect(stat(dirname(output))).rejects.toThrow(/ENOENT/);
    await expect(stat(dirname(join(output, "..", "..")))).resolves.toBeDefined();
  });

  it("names a ZOO_CACHE_DIR that is a file, at once", async () => {
    const file = join(await temp("cache"), "cache-file");
    await writeFile(file, "");
    const args = ["bench", "--model", "random", "--suite", "mmlu", "--output", await temp("out")];
    const result = await runZoo(args, CHECKOUT, { ZOO_CACHE_DIR: file });
    expect(result).toEqual({
      code: 1,
      out: "",
      err: `zoo: ZOO_CACHE_DIR ${file} is a file, or lies under one, not a folder\n`,
    });
  });

  it("says which data the no-argument run reads", async () => {
    const data = await temp("mmlu");
    await writeSyntheticMmlu(data, 57);
    const result = await runZoo(
      ["bench", "--suite", "mmlu", "--data-dir", data, "--output", await temp("out")],
      CHECKOUT,
    );
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain(`on the local copy in ${data} of mmlu`);
    expect(result.err).not.toContain("offline samples");
  });
});

describe("zoo bench", () => {
  it("with no --model, runs zoo's tiny LM on the offline samples and prints a summary", async () => {
    const output = await temp("out");
    const cache = await temp("cache");
    const result = await runZoo(["bench", "--suite", "mmlu,capitals", "--output", output, "--log-samples"], CHECKOUT, {
      ZOO_CACHE_DIR: cache,
    });
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain("no --model given, so this runs zoo:tiny-lm");
    expect(result.out.split("\n").slice(0, 5)).toEqual([
      "",
      "zoo:tiny-lm",
      expect.stringMatching(/^suite\s+shots\s+data\s+metric\s+score \(%\)\s+chance \(%\)\s+documents\s+time\s+record$/),
      expect.stringMatching(/^-+/),
      expect.stringMatching(
        /^MMLU\s+5\s+sample\s+acc\s+30\.00 ± 17\.48\s+25\.00\s+10\s+\d+\.\d s\s+\S+mmlu-sample-5shot\.json$/,
      ),
    ]);
    expect(result.out).toContain(
      "These scores show the harness working end to end, not a model's skill: zoo:tiny-lm has random weights and scores about chance.",
    );
    const again = await runZoo(["bench", "--suite", "mmlu", "--output", output], CHECKOUT, {
      ZOO_CACHE_DIR: cache,
    });
    expect(again.err).toContain("mmlu: 10/10 documents (100.0%), answered from the cache: 10 of 10, done in 0:00");
    expect(again.out).toMatch(/\s10\s+\d+\.\d s, all from the cache\s+\S+mmlu-sample-5shot\.json\n/);
    // Without the prefix tree every answer is computed again, each request alone, to the same record.
    const unshared = await temp("out");
    const check = await runZoo(["bench", "--suite", "mmlu", "--output", unshared, "--no-prefix-cache"], CHECKOUT, {
      ZOO_CACHE_DIR: cache,
    });
    expect(check.code, check.err).toBe(0);
    expect(check.err).not.toContain("answered from the cache");
    const recordAt = (folder: string) => readRecord(join(folder, "zoo--tiny-lm", "mmlu-sample-5shot.json"));
    expect(scores(await recordAt(unshared))).toEqual(scores(await recordAt(output)));
    expect((await readdir(join(output, "zoo--tiny-lm"))).sort()).toEqual([
      "capitals-sample-2shot.json",
      "capitals-sample-2shot.samples.jsonl",
      "mmlu-sample-5shot.json",
      "mmlu-sample-5shot.samples.jsonl",
    ]);
    const record = await readRecord(join(output, "zoo--tiny-lm", "mmlu-sample-5shot.json"));
    expect(record).toMatchObject({ model: { id: "zoo:tiny-lm", repo: "tiny-lm", revision: "seed-3" }, documents: 10 });
  });

  it("runs a baseline on the real arithmetic data, 2,000 items a task", async () => {
    const output = await temp("out");
    const result = await runZoo(
      ["bench", "--model", "random", "--suite", "arithmetic_2da", "--output", output],
      CHECKOUT,
      {
        ZOO_CACHE_DIR: await temp("cache"),
      },
    );
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(/\szoo\/arithmetic-generator@seed-1234\s/);
    const record = await readRecord(join(output, "random", "arithmetic_2da-0shot.json"));
    expect(record).toMatchObject({
      model: { id: "random", adapter: "random", seed: 1234 },
      documents: 2000,
      limited: false,
      metrics: { acc: { value: 0, stderr: 0 } },
    });
  });

  it("after kill -9 at random points, resumes and ends with the record of an uninterrupted run", async () => {
    const data = await temp("mmlu");
    await writeSyntheticMmlu(data, 240);
    const args = ["--model", "zoo:tiny-lm", "--suite", "mmlu", "--data-dir", data, "--shots", "5"];

    const wholeOutput = await temp("whole");
    const whole = await benchProcess([...args, "--output", wholeOutput], { ZOO_CACHE_DIR: await temp("cache") }).exit;
    expect(whole.code, whole.err).toBe(0);
    const expected = await readRecord(join(wholeOutput, "zoo--tiny-lm", "mmlu-5shot.json"));

    const cacheDir = await temp("cache");
    const output = await temp("killed");
    const answers = async () => {
      const [file] = await readdir(join(cacheDir, "responses")).catch(() => []);
      return file === undefined ? 0 : countLines(join(cacheDir, "responses", file));
    };
    // Kill points drawn from a seeded generator, as shares of the answers still missing: the kills land mid-run
    // however fast or loaded the machine is.
    let seed = 7;
    const nextShare = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return 0.1 + 0.6 * (seed / 2 ** 31);
    };
    const total = 960;
    const killedAt: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      const before = await answers();
      // With a quarter or less left, a kill could land after the last answer (they come hundreds a second): the
      // run is left to finish instead.
      const target =
        total - before > total / 4 ? before + Math.max(1, Math.floor((total - before) * nextShare())) : Infinity;
      const { child, exit } = benchProcess([...args, "--output", output], { ZOO_CACHE_DIR: cacheDir });
      const poll = setInterval(async () => {
        if ((await answers()) >= target) child.kill("SIGKILL");
      }, 20);
      const result = await exit;
      clearInterval(poll);
      if (result.signal !== "SIGKILL") {
        expect(result.code, result.err).toBe(0);
        break;
      }
      killedAt.push(await answers());
    }
    // Every kill landed mid-run, after some answers and before the last, and each run added answers.
    expect(killedAt.length, JSON.stringify(killedAt)).toBeGreaterThanOrEqual(2);
    for (const [index, count] of killedAt.entries()) {
      expect(count, JSON.stringify(killedAt)).toBeGreaterThan(index === 0 ? 0 : killedAt[index - 1]!);
      expect(count, JSON.stringify(killedAt)).toBeLessThan(total);
    }
    const last = await benchProcess([...args, "--output", output], { ZOO_CACHE_DIR: cacheDir }).exit;
    expect(last.code, last.err).toBe(0);
    expect(scores(await readRecord(join(output, "zoo--tiny-lm", "mmlu-5shot.json")))).toEqual(scores(expected));
    expect(await answers()).toBeGreaterThanOrEqual(total);
  }, 180_000);

  it("stops on Ctrl-C with every answer saved, and says how to resume", async () => {
    const data = await temp("mmlu");
    await writeSyntheticMmlu(data, 400);
    const cacheDir = await temp("cache");
    const { child, exit } = benchProcess(
      ["--model", "zoo:tiny-lm", "--suite", "mmlu", "--data-dir", data, "--output", await temp("out")],
      {
        ZOO_CACHE_DIR: cacheDir,
      },
    );
    // Interrupt once the first answers are on disk.
    const poll = setInterval(async () => {
      const [file] = await readdir(join(cacheDir, "responses")).catch(() => []);
      if (file !== undefined && (await countLines(join(cacheDir, "responses", file))) > 0) {
        clearInterval(poll);
        child.kill("SIGINT");
      }
    }, 50);
    const result = await exit;
    clearInterval(poll);
    expect(result.code).toBe(130);
    expect(result.err).toMatch(
      /zoo: interrupted during mmlu: every answer so far is saved \(\d+ in \S+\.jsonl\); run the same command again to resume\n$/,
    );
  }, 60_000);

  it("two runs writing the same record at once leave one whole, valid record", async () => {
    const data = await temp("mmlu");
    await writeSyntheticMmlu(data, 60);
    const env = { ZOO_CACHE_DIR: await temp("cache") };
    const output = await temp("out");
    const args = ["--model", "zoo:tiny-lm", "--suite", "mmlu", "--data-dir", data, "--output", output];
    const results = await Promise.all([benchProcess(args, env).exit, benchProcess(args, env).exit]);
    for (const result of results) expect(result.code, result.err).toBe(0);
    expect(await readdir(join(output, "zoo--tiny-lm"))).toEqual(["mmlu-5shot.json"]);
    const record = await readRecord(join(output, "zoo--tiny-lm", "mmlu-5shot.json"));
    expect(record.documents).toBe(60);
    const [cacheFile] = await readdir(join(env.ZOO_CACHE_DIR, "responses"));
    const lines = (await readFile(join(env.ZOO_CACHE_DIR, "responses", cacheFile!), "utf8"))
      .split("\n")
      .filter(Boolean);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  }, 60_000);

  it("runs a Hub model again offline, in a new process, from what the first run downloaded", async () => {
    const hub = await startFakeHub({ root: await tinyLmHubRoot({ "acme/tiny-lm-onnx": false }) });
    try {
      const env = { ZOO_CACHE_DIR: await temp("cache"), HF_ENDPOINT: hub.url };
      const run = async (name: string, ...flags: string[]) => {
        const output = await temp(name);
        const args = ["--model", "hf:acme/tiny-lm-onnx", "--suite", "mmlu", "--sample", "--output", output];
        const { code, err } = await benchProcess([...args, ...flags], env).exit;
        expect(code, err).toBe(0);
        return readRecord(join(output, "hf--acme--tiny-lm-onnx", "mmlu-sample-5shot.json"));
      };
      const online = await run("online");
      expect(online.model.revision).toBe(TINY_LM_HUB_COMMIT);
      const requests = hub.requests.length;
      const offline = await run("offline", "--offline");
      expect(hub.requests.length).toBe(requests);
      expect(scores(offline)).toEqual(scores(online));
    } finally {
      await hub.close();
    }
  }, 60_000);

  it("downloads the datasets from the Hub --hub-url names, over $HF_ENDPOINT", async () => {
    const commit = "5c1b9e0a7d3f2e4c6b8a0d1f3e5c7b9a2d4f6e8c";
    const hub = await startDatasetHub({
      "truthfulqa/truthful_qa": {
        commit,
        files: {
          "multiple_choice/validation-00000-of-00001.parquet": truthfulqaMcParquet(syntheticTruthfulqa(4)),
        },
      },
    });
    try {
      const env = { ZOO_CACHE_DIR: await temp("cache"), HF_ENDPOINT: "http://127.0.0.1:9" };
      const output = await temp("hub-data");
      const args = ["--model", "random", "--suite", "truthfulqa_mc2", "--hub-url", hub.url, "--output", output];
      const { code, err } = await benchProcess(args, env).exit;
      expect(code, err).toBe(0);
      const record = await readRecord(join(output, "random", "truthfulqa_mc2-0shot.json"));
      expect(record.suite.dataset).toMatchObject({ id: "truthfulqa/truthful_qa", revision: commit, sample: false });
      expect(record.documents).toBe(4);
      expect(hub.downloads).toEqual(["truthfulqa/truthful_qa/multiple_choice/validation-00000-of-00001.parquet"]);
    } finally {
      await hub.close();
    }
  });

  it("survives a faulty API server with the records of a faultless run, and writes its key nowhere", async () => {
    const KEY = "sk-zoo-test-0123456789abcdef";
    const server = await startFakeApi({ apiKey: KEY });
    try {
      const run = async (name: string) => {
        const output = await temp(name);
        const cache = await temp(`${name}-cache`);
        const result = await runZoo(
          [
            "bench",
            ...["--model", "openai:gpt-test", "--base-url", `${server.url}/v1`],
            ...["--suite", "arithmetic_2da_gen,mmlu", "--sample", "--timeout", "1", "--concurrency", "2"],
            ...["--output", output, "--log-samples"],
          ],
          CHECKOUT,
          { ZOO_CACHE_DIR: cache, OPENAI_API_KEY: KEY },
        );
        expect(result.code, result.err).toBe(0);
        return { output, cache, result };
      };
      const clean = await run("clean");
      for (const path of ["/v1/chat/completions", "/v1/completions"])
        server.fail(
          path,
          { status: 429, headers: { "retry-after": "1" }, body: { error: { message: "slow down" } } },
          { status: 500, body: { error: { message: "boom" } } },
          "malformed",
          "drop-mid-body",
          "hang",
        );
      const faulty = await run("faulty");
      for (const name of ["arithmetic_2da_gen-sample-0shot.json", "mmlu-sample-5shot.json"]) {
        const expected = await readRecord(join(clean.output, "openai--gpt-test", name));
        expect(scores(await readRecord(join(faulty.output, "openai--gpt-test", name))), name).toEqual(scores(expected));
      }
      expect(faulty.result.out + faulty.result.err).not.toContain(KEY);
      for (const dir of [clean.output, clean.cache, faulty.output, faulty.cache])
        for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
          if (entry.isFile())
            expect(await readFile(join(entry.parentPath, entry.name), "utf8"), entry.name).not.toContain(KEY);
    } finally {
      await server.close();
    }
  }, 60_000);
});
