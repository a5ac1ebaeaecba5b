import type { ModelEntry } from "@zoo/catalog";
import { describe, expect, it } from "vitest";
import { parseModelSpec } from "./model-spec.ts";

const entries = [
  { id: "gpt-2-124m", run: { adapter: "transformers-js", repo: "Xenova/gpt2", dtype: "q8", nightly: true } },
  { id: "claude-3-haiku", run: { adapter: "anthropic", model: "claude-3-haiku-20240307" } },
  {
    id: "vllm-model",
    run: { adapter: "openai", model: "m", base_url: "http://localhost:8000/v1", api_key_env: "VLLM_KEY" },
  },
  { id: "llama-2-7b" },
] as unknown as ModelEntry[];

const parse = (value: string) => parseModelSpec(value, entries, "/work");

describe("parseModelSpec", () => {
  it("runs a catalogue entry as its run: section says", () => {
    expect(parse("gpt-2-124m")).toEqual({
      adapter: "transformers-js",
      id: "gpt-2-124m",
      source: { kind: "hub", repo: "Xenova/gpt2" },
      dtype: "q8",
    });
    expect(parse("claude-3-haiku")).toEqual({
      adapter: "anthropic",
      id: "claude-3-haiku",
      model: "claude-3-haiku-20240307",
    });
    expect(parse("vllm-model")).toEqual({
      adapter: "openai",
      id: "vllm-model",
      model: "m",
      baseUrl: "http://localhost:8000/v1",
      apiKeyEnv: "VLLM_KEY",
    });
  });

  it("takes Hub repos, local folders, API models and the baselines by prefix", () => {
    expect(parse("hf:Xenova/gpt2@abc123")).toEqual({
      adapter: "transformers-js",
      id: "hf:Xenova/gpt2",
      source: { kind: "hub", repo: "Xenova/gpt2", revision: "abc123" },
    });
    expect(parse("local:models/tiny")).toEqual({
      adapter: "transformers-js",
      id: "local:tiny",
      source: { kind: "local", dir: "/work/models/tiny" },
    });
    expect(parse("./tiny")).toMatchObject({ source: { kind: "local", dir: "/work/tiny" } });
    expect(parse("openai:gpt-4o-mini")).toEqual({ adapter: "openai", id: "openai:gpt-4o-mini", model: "gpt-4o-mini" });
    expect(parse("anthropic:claude-3-5-haiku-latest").adapter).toBe("anthropic");
    expect(parse("random")).toEqual({ adapter: "random", id: "random", seed: 1234 });
    expect(parse("random:7")).toEqual({ adapter: "random", id: "random:7", seed: 7 });
    expect(parse("first")).toEqual({ adapter: "first", id: "first" });
    expect(parse("zoo:tiny-lm")).toEqual({
      adapter: "transformers-js",
      id: "zoo:tiny-lm",
      source: { kind: "tiny-lm" },
    });
  });

  it("says in one line why a value names no model", () => {
    expect(() => parse("gpt-2-124")).toThrow(
      'no model "gpt-2-124": not a catalogue id (did you mean "gpt-2-124m"?), nor hf:org/repo, local:PATH, openai:MODEL, anthropic:MODEL, random[:SEED], first or zoo:tiny-lm',
    );
    expect(() => parse("llama-2-7b")).toThrow("llama-2-7b has no run: section in the catalogue");
    expect(() => parse("hf:gpt2")).toThrow('"hf:gpt2": expected hf:org/repo or hf:org/repo@revision');
    expect(() => parse("hf:a/b@")).toThrow('"hf:a/b@": the revision after @ is empty');
    expect(() => parse("openai:")).toThrow('"openai:": expected openai:MODEL');
  });
});
