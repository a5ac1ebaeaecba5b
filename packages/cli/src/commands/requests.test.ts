import { BUILTIN_SUITES, MMLU_SUBJECTS } from "@zoo/suites";
import { startFakeHub, truthfulqaMcParquet } from "@zoo/suites/testing";
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { main } from "../main.ts";

const SAMPLES = fileURLToPath(new URL("../../../../benchmarks/samples", import.meta.url));
const BIN = fileURLToPath(new URL("../../bin/zoo.js", import.meta.url));
const golden = (name: string) => readFile(new URL(`../../../suites/src/golden/${name}.jsonl`, import.meta.url), "utf8");

/** Runs zoo in-process from `cwd` with `env`, capturing what it prints. */
async function zoo(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  let out = "";
  let err = "";
  const cacheDir = await mkdtemp(join(tmpdir(), "zoo-cache-"));
  const env = { ZOO_CACHE_DIR: cacheDir, ...options.env };
  const code = await main(args, {
    out: (text) => (out += text),
    err: (text) => (err += text),
    cwd: options.cwd ?? tmpdir(),
    env,
  });
  return { code, out, err };
}

describe("zoo requests", () => {
  it("prints MMLU's 5-shot requests on the samples, byte for byte as lm-evaluation-harness builds them", async () => {
    expect(await zoo(["requests", "--suite", "mmlu", "--sample", "--shots", "5"])).toEqual({
      code: 0,
      out: await golden("mmlu-5shot"),
      err: "",
    });
  });

  // The MMLU sample holds four subjects: of the subject and category suites, those it can serve.
  const inSamples = (id: string) =>
    !id.startsWith("mmlu_") || /^mmlu_(generative|stem|astronomy|nutrition)(_generative)?$/.test(id);
  it.each([...BUILTIN_SUITES.map((suite) => suite.id).filter(inSamples), "capitals", "unit_conversions"])(
    "works offline for %s on the samples",
    async (suite) => {
      const custom = suite === "capitals" || suite === "unit_conversions";
      const { code, out, err } = await zoo(["requests", "--suite", suite, ...(custom ? [] : ["--sample"])]);
      expect([code, err]).toEqual([0, ""]);
      const lines = out
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines)
        expect(Object.keys(line)).toEqual(
          line.type === "generation"
            ? ["doc_id", "type", "context", "until", "max_tokens"]
            : ["doc_id", "type", "context", "continuation"],
        );
    },
  );

  it("says in one line that the samples hold no questions of a subject", async () => {
    expect(await zoo(["requests", "--suite", "mmlu_virology", "--sample"])).toEqual({
      code: 1,
      out: "",
      err: expect.stringMatching(
        /^zoo: .*samples\/mmlu\/data\/test: no MMLU test files \(<subject>_test\.csv\) for virology\n$/,
      ),
    });
  });

  it("reads local copies in their original layouts", async () => {
    const dir = await mkdtemp(join(tmpdir(), "zoo-data-"));
    // MMLU as its archive unpacks: data/dev and data/test, headerless CSV, every subject.
    for (const split of ["dev", "test"]) await mkdir(join(dir, "mmlu", "data", split), { recursive: true });
    for (const subject of MMLU_SUBJECTS) {
      await writeFile(
        join(dir, "mmlu/data/test", `${subject}_test.csv`),
        `"What is 2 + 2, in ${subject}?",3,4,5,6,B\n`,
      );
      await writeFile(join(dir, "mmlu/data/dev", `${subject}_dev.csv`), "Q?,a,b,c,d,A\n".repeat(5));
    }
    const mmlu = await zoo(["requests", "--suite", "mmlu", "--data-dir", "mmlu", "--shots", "0", "--limit", "1"], {
      cwd: dir,
    });
    expect(mmlu.code).toBe(0);
    expect(mmlu.out.split("\n")[0]).toBe(
      '{"doc_id":0,"type":"loglikelihood","context":"The following are multiple choice questions (with answers) about abstract algebra.\\n\\nWhat is 2 + 2, in abstract_algebra?\\nA. 3\\nB. 4\\nC. 5\\nD. 6\\nAnswer:","continuation":" A"}',
    );
    expect(mmlu.out.trimEnd().split("\n")).toHaveLength(57 * 4);
    // TruthfulQA's repository: TruthfulQA.csv and data/mc_task.json; the arithmetic files as GPT-3 released them.
    await cp(join(SAMPLES, "truthfulqa"), join(dir, "TruthfulQA"), { recursive: true });
    await cp(join(SAMPLES, "arithmetic"), join(dir, "gpt-3", "data"), { recursive: true });
    for (const suite of ["truthfulqa_mc1", "truthfulqa_mc2", "truthfulqa_gen"])
      expect(await zoo(["requests", "--suite", suite, "--data-dir", "TruthfulQA"], { cwd: dir })).toEqual({
        code: 0,
        out: await golden(suite),
        err: "",
      });
    expect(await zoo(["requests", "--suite", "arithmetic_5ds", "--data-dir", "gpt-3"], { cwd: dir })).toEqual({
      code: 0,
      out: await golden("arithmetic_5ds"),
      err: "",
    });
  });

  it("reports bad data in one line with the file and line, and exits 1", async () => {
    const dir = await mkdtemp(join(tmpdir(), "zoo-bad-"));
    await cp(join(SAMPLES, "truthfulqa"), join(dir, "tqa"), { recursive: true });
    const json = await readFile(join(dir, "tqa/data/mc_task.json"), "utf8");
    await writeFile(
      join(dir, "tqa/data/mc_task.json"),
      json.replace('"Nothing much happens.": 1', '"Nothing much happens.": "1"'),
    );
    expect(await zoo(["requests", "--suite", "truthfulqa_mc2", "--data-dir", "tqa"], { cwd: dir })).toEqual({
      code: 1,
      out: "",
      err: 'zoo: tqa/data/mc_task.json:2: mc2_targets choice 2 has the label "1", not 0 or 1\n',
    });
    await rm(join(dir, "tqa/data/mc_task.json"));
    expect((await zoo(["requests", "--suite", "truthfulqa_mc1", "--data-dir", "tqa"], { cwd: dir })).err).toBe(
      "zoo: tqa/data/mc_task.json: no such file\n",
    );
  });

  it.each([
    [
      ["requests", "--suite", "truthfulqa_mc", "--sample"],
      1,
      'zoo: no suite or suite group "truthfulqa_mc" (did you mean "truthfulqa_mc1"?)\n',
    ],
    [["requests", "--suite", "mmlu_pro", "--sample"], 1, 'zoo: no suite or suite group "mmlu_pro"\n'],
    [
      ["requests", "--suite", "arithmetic", "--sample"],
      1,
      /^zoo: arithmetic is a group of suites \(arithmetic_1dc, .*\): name one\n$/,
    ],
    [["requests", "--suite", "mmlu", "--sample", "--shots", "6"], 1, "zoo: mmlu takes 0 to 5 shots, not 6\n"],
    [
      ["requests", "--suite", "mmlu", "--seed", "3"],
      1,
      "zoo: mmlu takes its data from hub, local, sample, not generated\n",
    ],
    [
      ["requests", "--suite", "mmlu", "--sample", "--data-dir", "x"],
      2,
      "zoo: --data-dir and --sample choose different data: give one\n",
    ],
    [
      ["requests", "--suite", "mmlu", "--limit", "0"],
      2,
      "zoo: option '--limit <n>' argument '0' is invalid. expected a positive integer\n",
    ],
    [["requests", "--sample"], 2, "zoo: required option '--suite <suite>' not specified\n"],
  ])("zoo %j exits %d with one line", async (args, code, message) => {
    const result = await zoo(args);
    expect([result.code, result.out]).toEqual([code, ""]);
    expect(result.err).toMatch(message);
  });

  it("downloads from the Hub named by HF_ENDPOINT, then works offline from the cache", async () => {
    const hub = await startFakeHub({
      "truthfulqa/truthful_qa": {
        commit: "0123456789abcdef0123456789abcdef01234567",
        files: {
          "multiple_choice/validation-00000-of-00001.parquet": truthfulqaMcParquet([
            {
              question: "Is the sample real?",
              mc1_targets: { choices: ["No.", "Yes."], labels: [1, 0] },
              mc2_targets: { choices: ["No.", "Yes."], labels: [1, 0] },
            },
          ]),
        },
      },
    });
    const cacheDir = await mkdtemp(join(tmpdir(), "zoo-cache-"));
    const env = { HF_ENDPOINT: hub.url, HF_TOKEN: "hf_test", ZOO_CACHE_DIR: cacheDir };
    const online = await zoo(["requests", "--suite", "truthfulqa_mc1"], { env });
    // The Hub settings do not turn arithmetic away from its generator.
    expect((await zoo(["requests", "--suite", "arithmetic_2da", "--limit", "1"], { env })).out).toBe(
      '{"doc_id":0,"type":"loglikelihood","context":"Question: What is 62 plus 57?\\nAnswer:","continuation":" 119"}\n',
    );
    await hub.close();
    expect([online.code, online.err]).toEqual([0, ""]);
    expect(new Set(hub.authorizations)).toEqual(new Set(["Bearer hf_test"]));
    expect(online.out.split("\n")[1]).toMatch(
      /"context":"Q: What is human life expectancy.*\\n\\nQ: Is the sample real\?\\nA:","continuation":" Yes\."}$/,
    );
    expect(await zoo(["requests", "--suite", "truthfulqa_mc1"], { env })).toEqual(online);
    const otherCache = await zoo(["requests", "--suite", "truthfulqa_mc1"], { env: { HF_ENDPOINT: hub.url } });
    expect(otherCache.code).toBe(1);
    expect(otherCache.err).toMatch(
      /^zoo: cannot download truthfulqa\/truthful_qa@main \(.*\) and it is not in the cache: run once with network access, or use a local copy or the samples\n$/,
    );
  });

  it("runs as the zoo binary, printing only JSONL", async () => {
    const { stdout, stderr } = await promisify(execFile)("node", [
      BIN,
      "requests",
      "--suite",
      "arithmetic_2dm",
      "--sample",
    ]);
    expect(stdout).toBe(await golden("arithmetic_2dm"));
    expect(stderr).toBe("");
  }, 60_000); // a cold start of node with tsx, on a busy machine
});
