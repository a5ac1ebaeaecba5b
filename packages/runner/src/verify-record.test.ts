import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUILTIN_SUITES, loadSuiteRun } from "@zoo/suites";
import { nodeSuiteIo } from "@zoo/suites/node";
import { beforeAll, describe, expect, it } from "vitest";
import { RandomAdapter } from "./adapters/baseline-adapters.ts";
import type { MergeError, ShardResult } from "./merge-shards.ts";
import { ResponseCache } from "./response-cache.ts";
import { runSuite } from "./run-suite.ts";
import { verifyRecord } from "./verify-record.ts";

const MMLU_CATEGORIES = BUILTIN_SUITES.find((suite) => suite.id === "mmlu")!.categories;

/** What verifyRecord says of `result`: nothing, or its problems. */
function problems(result: ShardResult): readonly string[] {
  try {
    verifyRecord(result, MMLU_CATEGORIES);
    return [];
  } catch (error) {
    return (error as MergeError).problems;
  }
}

describe("verifyRecord", () => {
  let run: ShardResult;
  beforeAll(async () => {
    const suite = await loadSuiteRun("mmlu", { io: nodeSuiteIo(), data: { kind: "sample" }, shots: 5 });
    const { record, samples } = await runSuite({
      modelId: "random",
      adapter: new RandomAdapter(3),
      cache: ResponseCache.open(await mkdtemp(join(tmpdir(), "zoo-verify-")), "random"),
      run: suite,
      logSamples: true,
      environment: { zoo_version: "0.0.0-test", browser: "Chromium 140", device: "wasm", platform: "linux-x64" },
    });
    run = { file: "run.json", record, samples: samples! };
  });

  it("accepts a record whose samples give its metrics, groups and categories", () => {
    expect(problems(run)).toEqual([]);
    expect(run.record.groups.filter((group) => group.kind === "category")).toHaveLength(4);
  });

  it("names each metric, group and category that its samples do not give", () => {
    const { record } = run;
    const acc = record.metrics.acc!;
    const edited = {
      ...record,
      metrics: { ...record.metrics, acc: { ...acc, value: acc.value + 0.1 } },
      groups: record.groups.map((group) =>
        group.name === "stem" ? { ...group, metrics: { ...group.metrics, acc: { value: 1, stderr: 0 } } } : group,
      ),
    };
    const stem = record.groups.find((group) => group.name === "stem")!.metrics.acc!;
    expect(problems({ ...run, record: edited })).toEqual([
      `run.json: acc is ${acc.value + 0.1} ± ${acc.stderr} in the record, but its samples give ${acc.value} ± ${acc.stderr}`,
      `run.json: the category stem group's acc is 1 ± 0 in the record, but its samples give ${stem.value} ± ${stem.stderr}`,
    ]);
    const dropped = { ...record, groups: record.groups.filter((group) => group.name !== "astronomy") };
    expect(problems({ ...run, record: dropped })).toEqual([
      "run.json: the subject astronomy group is missing from the record",
    ]);
  });

  it("refuses samples that are not one per document", () => {
    expect(problems({ ...run, samples: run.samples.slice(1) })).toEqual(["run.json: 10 documents but 9 samples"]);
    expect(problems({ ...run, samples: [...run.samples.slice(1), run.samples[1]!] })).toEqual([
      "run.json: its samples repeat a document",
    ]);
  });
});
