import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeHub, type FakeHub } from "@zoo/catalog/testing/fake-hub";
import type { LoglikelihoodRequest, LoglikelihoodResponse } from "@zoo/suites";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ModelAdapter } from "./adapter.ts";
import { DEFAULT_API_OPTIONS } from "./adapters/api-request.ts";
import { openAdapter, type OpenAdapterOptions } from "./open-adapter.ts";
import { TINY_LM_HUB_COMMIT, tinyLmFixture, tinyLmHubRoot } from "./testing/index.ts";

const REQUEST: LoglikelihoodRequest = {
  type: "loglikelihood",
  docId: 0,
  index: 0,
  context: "what is the",
  continuation: " capital",
};

async function answer(adapter: ModelAdapter): Promise<LoglikelihoodResponse> {
  let got: LoglikelihoodResponse | undefined;
  await adapter.loglikelihood([REQUEST], { onResponse: (_, response) => (got = response) });
  return got!;
}

describe("openAdapter for a Hub model", () => {
  let hub: FakeHub;
  let options: OpenAdapterOptions;
  beforeAll(async () => {
    hub = await startFakeHub({ root: await tinyLmHubRoot({ "acme/tiny-lm-onnx": false, "lab/gated-tiny": "manual" }) });
    options = {
      cacheDir: await mkdtemp(join(tmpdir(), "zoo-cache-")),
      batchSize: 1,
      offline: false,
      hubUrl: hub.url,
      env: {},
      api: DEFAULT_API_OPTIONS,
      limits: { concurrency: 1 },
    };
  });
  afterAll(() => hub.close());

  const spec = (repo: string, revision?: string) => ({
    adapter: "transformers-js" as const,
    id: `hf:${repo}`,
    source: { kind: "hub" as const, repo, ...(revision ? { revision } : {}) },
  });

  it("downloads the repo at the commit its branch names, and answers as the same model from a folder", async () => {
    const { adapter, cacheKey } = await openAdapter(spec("acme/tiny-lm-onnx"), options);
    expect(adapter.identity).toEqual({
      adapter: "transformers-js",
      repo: "acme/tiny-lm-onnx",
      revision: TINY_LM_HUB_COMMIT,
      dtype: "fp32",
      device: "cpu",
    });
    expect(hub.requests.filter((request) => request.startsWith("GET /api/models/"))).toEqual([
      expect.stringMatching(/^GET \/api\/models\/acme\/tiny-lm-onnx\/revision\/main\?.*expand=sha/),
    ]);
    expect(hub.requests).toContain(`GET /acme/tiny-lm-onnx/resolve/${TINY_LM_HUB_COMMIT}/onnx/model.onnx`);
    const local = await openAdapter(
      { adapter: "transformers-js", id: "local:tiny-lm", source: { kind: "local", dir: (await tinyLmFixture()).dir } },
      options,
    );
    expect(await answer(adapter)).toEqual(await answer(local.adapter));
    expect(cacheKey).not.toBe(local.cacheKey);
    await adapter.dispose();
    await local.adapter.dispose();
  });

  it("offline, runs from the cache without a single request", async () => {
    const before = hub.requests.length;
    const { adapter } = await openAdapter(spec("acme/tiny-lm-onnx"), { ...options, offline: true });
    expect(adapter.identity.revision).toBe(TINY_LM_HUB_COMMIT);
    expect((await answer(adapter)).logprob).toBeLessThan(0);
    expect(hub.requests.length).toBe(before);
    await adapter.dispose();
    await expect(openAdapter(spec("acme/other"), { ...options, offline: true })).rejects.toThrow(
      "offline, and acme/other@main is not in the cache: run it once online, or name a cached commit",
    );
    const other = "f".repeat(40);
    await expect(openAdapter(spec("acme/tiny-lm-onnx", other), { ...options, offline: true })).rejects.toThrow(
      `offline, and acme/tiny-lm-onnx@${other} is not downloaded: run it once online`,
    );
  });

  it("says in one line what is wrong with a repo it cannot use", async () => {
    await expect(openAdapter(spec("acme/missing"), options)).rejects.toThrow(
      `acme/missing is gated or private on ${hub.url}: set HF_TOKEN to a token with access`,
    );
    await expect(openAdapter(spec("acme/tiny-lm-onnx", "v9"), options)).rejects.toThrow(
      `acme/tiny-lm-onnx@v9: no such model or revision on ${hub.url}`,
    );
    await expect(openAdapter(spec("lab/gated-tiny"), options)).rejects.toThrow(
      "hf:lab/gated-tiny: cannot load the model:",
    );
  });
});

describe("openAdapter for API models", () => {
  const options: OpenAdapterOptions = {
    cacheDir: tmpdir(),
    batchSize: 1,
    offline: false,
    hubUrl: "http://127.0.0.1:9",
    env: { OPENAI_API_KEY: "sk-test" },
    api: DEFAULT_API_OPTIONS,
    limits: { concurrency: 2 },
  };

  it("reads the key from the environment, and needs one only where the server does", async () => {
    await expect(
      openAdapter({ adapter: "anthropic", id: "anthropic:claude", model: "claude" }, options),
    ).rejects.toThrow(
      "ANTHROPIC_API_KEY is not set: anthropic:claude needs an API key, read from the environment only",
    );
    const local = await openAdapter(
      { adapter: "openai", id: "openai:m", model: "m" },
      { ...options, env: {}, baseUrl: "http://127.0.0.1:8000/v1" },
    );
    expect(local.adapter.identity).toEqual({ adapter: "openai", api_model: "m", base_url: "http://127.0.0.1:8000/v1" });
    await expect(
      openAdapter({ adapter: "openai", id: "openai:m", model: "m" }, { ...options, env: {} }),
    ).rejects.toThrow("OPENAI_API_KEY is not set");
  });

  it("keys a model's answers by what identifies it, never by its key", async () => {
    const one = await openAdapter({ adapter: "openai", id: "openai:m", model: "m" }, options);
    const other = await openAdapter(
      { adapter: "openai", id: "openai:m", model: "m" },
      { ...options, env: { OPENAI_API_KEY: "sk-other" } },
    );
    expect(one.cacheKey).toBe(other.cacheKey);
    expect(JSON.stringify(one.adapter.identity)).not.toContain("sk-test");
  });
});
