import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { ResultRecord } from "@zoo/suites";
import { describe, expect, it } from "vitest";
import { benchCommand, reproduction } from "./bench-command.ts";

const record = async (path: string): Promise<ResultRecord> =>
  JSON.parse(await readFile(fileURLToPath(new URL(`../../test/fixtures/results/${path}`, import.meta.url)), "utf8"));

describe("benchCommand", () => {
  it("names the model, suite and shots, and every setting the run chose", async () => {
    expect(benchCommand(await record("base-7b/mmlu-5shot.json"))).toBe(
      "pnpm bench --model base-7b --suite mmlu --shots 5 --dtype q8 --device cpu",
    );
    expect(benchCommand(await record("moe-8x1b/truthfulqa_mc2-0shot-limit100.json"))).toBe(
      "pnpm bench --model moe-8x1b --suite truthfulqa_mc2 --shots 0 --limit 100",
    );
  });

  it("adds the shard and quotes what a shell would split", async () => {
    const base = await record("base-7b/mmlu-5shot.json");
    expect(
      benchCommand({
        ...base,
        model: { id: "local:my model", adapter: "transformers-js" },
        shard: { index: 1, count: 4 },
      }),
    ).toBe("pnpm bench --model 'local:my model' --suite mmlu --shots 5 --shard 1/4");
    expect(benchCommand({ ...base, model: { id: "hf:org/it's", adapter: "transformers-js" } })).toBe(
      "pnpm bench --model 'hf:org/it'\\''s' --suite mmlu --shots 5",
    );
  });

  it("reproduces a browser run in Node: WebAssembly on the CPU, WebGPU on WebGPU", async () => {
    const base = await record("base-7b/mmlu-5shot.json");
    const browser = (device: "wasm" | "webgpu"): ResultRecord => ({
      ...base,
      model: { ...base.model, device },
      environment: { zoo_version: "0.1.0", browser: "Chromium 150", device, platform: "Linux x86_64" },
    });
    expect(benchCommand(browser("wasm"))).toBe("pnpm bench --model base-7b --suite mmlu --shots 5 --dtype q8");
    expect(benchCommand(browser("webgpu"))).toBe(
      "pnpm bench --model base-7b --suite mmlu --shots 5 --dtype q8 --device webgpu",
    );
  });

  it("asks for the sample data a sample run used", async () => {
    expect(benchCommand(await record("chat-7b/mmlu-sample-0shot.json"))).toBe(
      "pnpm bench --model chat-7b --suite mmlu --shots 0 --sample --dtype q8 --device cpu",
    );
  });
});

describe("reproduction", () => {
  it("is zoo's command for zoo's runs, and says what ran an imported one", async () => {
    const base = await record("base-7b/mmlu-5shot.json");
    expect(reproduction(base)).toEqual({ kind: "command", text: benchCommand(base) });
    expect(
      reproduction({
        ...base,
        model: { id: "base-7b", adapter: "lm-eval" },
        imported_from: {
          tool: "lm-evaluation-harness",
          model_type: "hf",
          model_args: "pretrained=acme/base-7b",
          version: "0.4.11",
          task: "mmlu",
        },
      }),
    ).toEqual({
      kind: "imported",
      text: "lm-evaluation-harness 0.4.11, model hf (pretrained=acme/base-7b), task mmlu",
    });
  });
});
