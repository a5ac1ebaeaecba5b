import { describe, expect, it } from "vitest";
import { readResults } from "@zoo/suites/node";
import { inStandardSetting, measuredScore, reportedScores, settingWords, suiteInfo, unrankedReason } from "./scores.ts";
import { fileURLToPath } from "node:url";

const FIXTURES = fileURLToPath(new URL("../../test/fixtures/results", import.meta.url));

describe("scores", () => {
  it("turns a run's primary metric into a percent score with its interval", async () => {
    const [, mmlu] = await readResults(FIXTURES);
    const score = measuredScore(mmlu!);
    expect(score).toMatchObject({
      modelId: "base-7b",
      suite: "mmlu",
      provenance: "measured",
      shots: 5,
      date: "2026-11-20",
      runId: "base-7b/mmlu-5shot",
    });
    expect(score.value).toBeCloseTo(44.12, 10);
    expect(score.stderr).toBeCloseTo(0.42, 10);
    expect(score.interval.low).toBeCloseTo(44.12 - 1.96 * 0.42, 10);
    expect(score.unranked).toBeUndefined();
  });

  it("never ranks sample data, limited runs, shards or browser runs", async () => {
    const results = await readResults(FIXTURES);
    const reasons = Object.fromEntries(results.map(({ id, record }) => [id, unrankedReason(record)]));
    expect(reasons["chat-7b/mmlu-sample-0shot"]).toBe("sample data");
    expect(reasons["moe-8x1b/truthfulqa_mc2-0shot-limit100"]).toBe("limited run");
    expect(unrankedReason({ ...results[1]!.record, shard: { index: 0, count: 2 } })).toBe("shard of a run");
    const { node: _node, ...environment } = results[1]!.record.environment;
    expect(
      unrankedReason({ ...results[1]!.record, environment: { ...environment, browser: "Chrome 141", device: "wasm" } }),
    ).toBe("browser run");
    expect(Object.values(reasons).filter(Boolean)).toHaveLength(2);
  });

  it("takes reported scores as published, without an interval", () => {
    const [score] = reportedScores({
      id: "llama-7b",
      reported: [
        {
          benchmark: "mmlu",
          value: 35.1,
          shots: 5,
          method: "direct",
          by: "maker",
          source: "https://arxiv.org/abs/2302.13971",
          date: "2023-02-27",
        },
      ],
    } as never);
    expect(score).toEqual({
      modelId: "llama-7b",
      suite: "mmlu",
      provenance: "reported",
      value: 35.1,
      stderr: null,
      interval: { low: 35.1, high: 35.1 },
      shots: 5,
      method: "direct",
      by: "maker",
      date: "2023-02-27",
      source: "https://arxiv.org/abs/2302.13971",
    });
  });

  it("titles suites from the catalogue and takes chance from the runs when they state it", async () => {
    const records = (await readResults(FIXTURES)).map(({ record }) => record);
    const direct = (shots: number) => ({ shots, method: "direct" });
    expect(suiteInfo("mmlu", records)).toEqual({ id: "mmlu", title: "MMLU", chance: 25, standard: direct(5) });
    expect(suiteInfo("truthfulqa_mc2", records)).toEqual({
      id: "truthfulqa_mc2",
      title: "TruthfulQA MC2",
      chance: null,
      standard: direct(0),
    });
    expect(suiteInfo("hellaswag", [])).toEqual({
      id: "hellaswag",
      title: "HellaSwag",
      chance: 25,
      standard: direct(10),
    });
    expect(suiteInfo("mmlu_generative", [])).toMatchObject({ title: "MMLU (generative)", standard: direct(5) });
    expect(suiteInfo("my_suite", [])).toEqual({ id: "my_suite", title: "my_suite", chance: null, standard: direct(0) });
  });

  it("ranks only scores in the benchmark's standard setting, and says each score's setting", () => {
    const mmlu = suiteInfo("mmlu", []);
    expect(inStandardSetting({ shots: 5, method: "direct" }, mmlu)).toBe(true);
    expect(inStandardSetting({ shots: 0, method: "direct" }, mmlu)).toBe(false);
    expect(inStandardSetting({ shots: 5, method: "chain-of-thought" }, mmlu)).toBe(false);
    expect(settingWords({ shots: 5, method: "direct" })).toBe("5-shot");
    expect(settingWords({ shots: 5, method: "direct", chatTemplate: "default" })).toBe("5-shot, chat template");
    expect(settingWords({ shots: 0, method: "chain-of-thought" })).toBe("0-shot chain-of-thought");
  });
});
