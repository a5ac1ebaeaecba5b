import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUILTIN_SUITES, loadSuiteRun, type ResultRecord } from "@zoo/suites";
import { nodeSuiteIo } from "@zoo/suites/node";
import { beforeAll, describe, expect, it } from "vitest";
import { RandomAdapter } from "./adapters/baseline-adapters.ts";
import { mergeShards, runKey, type MergeError, type ShardResult } from "./merge-shards.ts";
import { ResponseCache } from "./response-cache.ts";
import { runSuite } from "./run-suite.ts";

const ENVIRONMENT = { zoo_version: "0.0.0-test", node: "v20", platform: "linux-x64" };
const MMLU_CATEGORIES = BUILTIN_SUITES.find((suite) => suite.id === "mmlu")!.categories;

const withoutTimes = ({ timings: _timings, date: _date, ...rest }: ResultRecord) => rest;

describe("mergeShards", () => {
  let whole: ResultRecord;
  let shards: ShardResult[];
  beforeAll(async () => {
    const run = await loadSuiteRun("mmlu", { io: nodeSuiteIo(), data: { kind: "sample" }, shots: 5 });
    const cache = ResponseCache.open(await mkdtemp(join(tmpdir(), "zoo-merge-")), "random");
    const options = { modelId: "random", adapter: new RandomAdapter(3), cache, run, environment: ENVIRONMENT };
    whole = (await runSuite({ ...options, logSamples: false })).record;
    shards = await Promise.all(
      [2, 0, 1].map(async (index) => {
        const { record, samples } = await runSuite({ ...options, logSamples: false, shard: { index, count: 3 } });
        return { file: `shard${index}.json`, record, samples: samples! };
      }),
    );
  });

  it("joins every shard of a run into the record an unsharded run writes", () => {
    const merged = mergeShards(shards, MMLU_CATEGORIES);
    expect(withoutTimes(merged.record)).toEqual(withoutTimes(whole));
    expect(merged.samples.map((sample) => sample.doc_id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(merged.record.timings.wall_seconds).toBeCloseTo(
      shards.reduce((sum, shard) => sum + shard.record.timings.wall_seconds, 0),
      3,
    );
    expect(runKey(merged.record)).toBe("random/mmlu-sample-5shot");
  });

  it("names every shard that is missing, repeated or from another run", () => {
    const problems = (parts: ShardResult[]) => {
      try {
        mergeShards(parts, MMLU_CATEGORIES);
        return [];
      } catch (error) {
        return (error as MergeError).problems;
      }
    };
    expect(problems(shards.slice(0, 2))).toEqual(["random/mmlu-sample-5shot: missing shard 1/3"]);
    expect(problems([...shards, shards[0]!])).toEqual(["shard2.json: shard 2/3 again (also shard2.json)"]);
    const other = { ...shards[1]!, file: "other.json", record: { ...shards[1]!.record, shots: 0 } };
    expect(problems([shards[0]!, other])).toEqual([
      "other.json: not a shard of the same run as shard2.json (model, suite, data, shots or shard count differ)",
    ]);
    const { shard: _shard, ...unsharded } = whole;
    expect(problems([{ file: "whole.json", record: unsharded, samples: [] }])).toEqual([
      "whole.json: not a shard (it has no shard field)",
    ]);
  });
});
