import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeHub } from "@zoo/catalog/testing/fake-hub";
import { describe, expect, it } from "vitest";
import { closedPort } from "../testing/closed-port.ts";
import { fixtureCheckout, runZoo } from "../testing/run-zoo.ts";
import { EXAMPLE_RECORD } from "@zoo/suites/testing";

const COMMIT = "9a8b7c6d5e4f30211203f4e5d6c7b8a9f0e1d2c3";

/** A record of base-7b on MMLU at the fixture Hub's commit, made by this zoo version: up to date. */
const currentMmlu = {
  ...EXAMPLE_RECORD,
  model: {
    id: "base-7b",
    adapter: "transformers-js",
    repo: "acme/base-7b-onnx",
    revision: COMMIT,
    dtype: "q8",
    device: "cpu",
  },
};

describe("zoo nightly plan", () => {
  it("prints the matrix of out-of-date model, suite and shard jobs, for GitHub Actions too", async () => {
    const hub = await startFakeHub();
    try {
      const root = await fixtureCheckout();
      await mkdir(join(root, "benchmarks/results/base-7b"), { recursive: true });
      await writeFile(join(root, "benchmarks/results/base-7b/mmlu-5shot.json"), JSON.stringify(currentMmlu));
      const output = join(await mkdtemp(join(tmpdir(), "zoo-plan-")), "github-output");
      const result = await runZoo(
        [
          "nightly",
          "plan",
          "--suite",
          "mmlu,truthfulqa_mc2",
          "--shards",
          "truthfulqa_mc2=2",
          "--baselines",
          "random",
          "--hub-url",
          hub.url,
          "--github-output",
          output,
        ],
        root,
        { ZOO_CACHE_DIR: await mkdtemp(join(tmpdir(), "zoo-plan-cache-")) },
      );
      expect(result.code, result.err).toBe(0);
      const matrix = {
        include: [
          {
            model: "base-7b",
            suite: "truthfulqa_mc2",
            shard: "0/2",
            key: "",
            flags: "",
            name: "base-7b truthfulqa_mc2 1 of 2",
          },
          {
            model: "base-7b",
            suite: "truthfulqa_mc2",
            shard: "1/2",
            key: "",
            flags: "",
            name: "base-7b truthfulqa_mc2 2 of 2",
          },
          {
            model: "random",
            suite: "mmlu,truthfulqa_mc2",
            shard: "0/1",
            key: "",
            flags: "",
            name: "random 2 suites 1 of 1",
          },
        ],
      };
      expect(JSON.parse(result.out)).toEqual(matrix);
      expect(result.err).toBe("skipped base-7b mmlu: up to date\nplanned 3 job(s) for 3 model-suite run(s)\n");
      expect(await readFile(output, "utf8")).toBe(`matrix=${JSON.stringify(matrix)}\ncount=3\n`);
    } finally {
      await hub.close();
    }
  });

  it("gives up in one line when the Hub does not answer, and plans from the cache with --offline", async () => {
    const root = await fixtureCheckout();
    const cache = await mkdtemp(join(tmpdir(), "zoo-plan-cache-"));
    const args = ["nightly", "plan", "--suite", "mmlu", "--baselines", ""];
    const port = await closedPort();
    const refused = await runZoo([...args, "--hub-url", `http://127.0.0.1:${port}`], root, { ZOO_CACHE_DIR: cache });
    expect(refused).toEqual({
      code: 1,
      out: "",
      err: `zoo: cannot reach the Hugging Face Hub at http://127.0.0.1:${port}: are you offline? (--offline runs from the cache)\n`,
    });

    const uncached = await runZoo([...args, "--offline"], root, { ZOO_CACHE_DIR: cache });
    expect(uncached.code, uncached.err).toBe(0);
    expect(uncached.err).toBe(
      "zoo nightly plan: offline, and these revisions were never resolved here, so their jobs are planned: acme/base-7b-onnx@main\n" +
        "planned 61 job(s) for 1 model-suite run(s)\n",
    );

    const hub = await startFakeHub();
    try {
      const online = await runZoo([...args, "--hub-url", hub.url], root, { ZOO_CACHE_DIR: cache });
      expect(online.code, online.err).toBe(0);
      const offline = await runZoo([...args, "--offline"], root, { ZOO_CACHE_DIR: cache });
      expect(offline).toEqual(online);
      expect(offline.err).toBe("planned 61 job(s) for 1 model-suite run(s)\n");
    } finally {
      await hub.close();
    }
  });

  it("defers what one night cannot hold, and says so", async () => {
    const hub = await startFakeHub();
    try {
      const result = await runZoo(
        ["nightly", "plan", "--suite", "mmlu", "--max-jobs", "10", "--hub-url", hub.url],
        await fixtureCheckout(),
      );
      expect(result.code, result.err).toBe(0);
      expect(JSON.parse(result.out).include.map((job: { model: string }) => job.model)).toEqual(["random", "first"]);
      expect(result.err).toBe(
        "deferred to a later night: base-7b mmlu (never run)\nplanned 2 job(s) for 2 model-suite run(s); deferred 1 group(s) of runs\n",
      );
    } finally {
      await hub.close();
    }
  });

  it("rejects a malformed --shards in one line", async () => {
    const result = await runZoo(["nightly", "plan", "--shards", "mmlu=0"], await fixtureCheckout());
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      "zoo: option '--shards <suite=n,…>' argument 'mmlu=0' is invalid. expected suite=count pairs, such as mmlu=4,truthfulqa_mc2=2\n",
    );
  });
});
