import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHubFetch, HubUnreachableError } from "./hub-fetch.ts";
import { HubRepoError, readHubEntry, type HubReadOptions } from "./hub-facts.ts";
import { startFakeHub, type FakeHub } from "./testing/fake-hub.ts";

let hub: FakeHub;
let options: HubReadOptions;
beforeEach(async () => {
  hub = await startFakeHub({ tokens: ["hf_granted"] });
  options = { hubUrl: hub.url, fetch: createHubFetch({ baseDelayMs: 1 }) };
});
afterEach(() => hub.close());

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as Error,
  );

describe("readHubEntry", () => {
  it("reads the model record, and the ONNX variants of the repo transformers.js runs", async () => {
    const reading = await readHubEntry("acme/base-7b", { repo: "acme/base-7b-onnx" }, options);
    expect(reading).toEqual({
      model: {
        repo: "acme/base-7b",
        sha: "3f1c2a9b8e7d6c5b4a392817f6e5d4c3b2a19080",
        lastModified: "2024-03-04T10:12:45.000Z",
        gated: false,
        private: false,
        licenses: ["apache-2.0"],
        pipelineTag: "text-generation",
        library: "transformers",
        tags: [
          "transformers",
          "safetensors",
          "llama",
          "text-generation",
          "en",
          "license:apache-2.0",
          "text-generation-inference",
          "region:us",
        ],
        parameters: { total: 6738415616, from: "hub" },
        downloads: 15230,
        likes: 87,
      },
      onnx: {
        repo: "acme/base-7b-onnx",
        revision: "9a8b7c6d5e4f30211203f4e5d6c7b8a9f0e1d2c3",
        dtypes: ["fp32", "fp16", "q8", "q4", "q4f16"],
        files: [
          { path: "onnx/model.onnx", size: 402113 },
          { path: "onnx/model.onnx_data", size: 26953662464 },
          { path: "onnx/model_fp16.onnx", size: 13477071360 },
          { path: "onnx/model_q4.onnx", size: 4142373888 },
          { path: "onnx/model_q4f16.onnx", size: 3921014784 },
          { path: "onnx/model_quantized.onnx", size: 6752331776 },
        ],
      },
      notes: [],
    });
    expect(hub.requests.slice(0, 3)).toEqual([
      "GET /api/models/acme/base-7b/revision/HEAD?expand=pipeline_tag&expand=private&expand=gated&expand=downloads&expand=likes&expand=lastModified&expand=cardData&expand=safetensors&expand=library_name&expand=tags&expand=sha",
      "GET /api/models/acme/base-7b-onnx/revision/HEAD?expand=pipeline_tag&expand=private&expand=gated&expand=downloads&expand=likes&expand=lastModified&expand=sha",
      "GET /api/models/acme/base-7b-onnx/tree/9a8b7c6d5e4f30211203f4e5d6c7b8a9f0e1d2c3/onnx?recursive=false&expand=false",
    ]);
  });

  it("counts parameters from the safetensors header when the Hub has no count, and lists ONNX files at that commit", async () => {
    const reading = await readHubEntry("acme/tiny-lm", { repo: "acme/tiny-lm" }, options);
    expect(reading.model?.parameters).toEqual({ total: 44044800, from: "safetensors" });
    expect(reading.onnx).toMatchObject({
      revision: "c0ffee00112233445566778899aabbccddeeff00",
      dtypes: ["fp32", "q8"],
    });
    expect(hub.requests).toContain("HEAD /acme/tiny-lm/raw/c0ffee00112233445566778899aabbccddeeff00/model.safetensors");
  });

  it("reads a gated repo's record without a token, and says its parameter count needs HF_TOKEN", async () => {
    const reading = await readHubEntry("lab/gated-lm", undefined, options);
    expect(reading.model).toMatchObject({ gated: "manual", licenses: ["cc-by-nc-4.0"] });
    expect(reading.model?.parameters).toBeUndefined();
    expect(reading.notes).toEqual([
      "parameter count not read: lab/gated-lm is gated: set HF_TOKEN to a token that has been granted access to read its safetensors headers",
    ]);
  });

  it("reads a gated repo's weights with a token that was granted access", async () => {
    const reading = await readHubEntry("lab/gated-lm", undefined, { ...options, accessToken: "hf_granted" });
    expect(reading.model?.parameters).toEqual({ total: 38406656, from: "safetensors" });
    expect(reading.notes).toEqual([]);
  });

  it("says when a token has not been granted access", async () => {
    const reading = await readHubEntry("lab/gated-lm", undefined, { ...options, accessToken: "hf_other" });
    expect(reading.notes).toEqual([
      "parameter count not read: lab/gated-lm is gated and HF_TOKEN has not been granted access to its safetensors headers: accept its terms on the Hub",
    ]);
  });

  it("reports a repo the Hub does not have, with and without a token (401 and 404)", async () => {
    expect(await failure(readHubEntry("acme/missing-lm", undefined, options))).toEqual(
      new HubRepoError("acme/missing-lm", "not-found", "no such model repo on the Hub (a private repo needs HF_TOKEN)"),
    );
    const withToken = await failure(
      readHubEntry("acme/missing-lm", undefined, { ...options, accessToken: "hf_granted" }),
    );
    expect(withToken?.message).toBe("acme/missing-lm: no such model repo on the Hub");
  });

  it("reports a transformers.js repo that does not exist", async () => {
    expect((await failure(readHubEntry(undefined, { repo: "acme/gone-onnx" }, options)))?.message).toBe(
      "acme/gone-onnx: no such model repo on the Hub (a private repo needs HF_TOKEN)",
    );
  });

  it("reports a pinned revision the Hub does not have", async () => {
    expect(
      (await failure(readHubEntry(undefined, { repo: "acme/base-7b-onnx", revision: "v9" }, options)))?.message,
    ).toBe('acme/base-7b-onnx: no revision "v9" on the Hub');
  });

  it("finds no ONNX variants in a repo without an onnx/ folder", async () => {
    const reading = await readHubEntry("acme/drifty-lm", { repo: "acme/drifty-lm" }, options);
    expect(reading.onnx).toEqual({
      repo: "acme/drifty-lm",
      revision: "d1f7e2a3b4c5d6e7f8091a2b3c4d5e6f7a8b9c0d",
      dtypes: [],
      files: [],
    });
  });

  it("retries a 429 and then succeeds", async () => {
    hub.fail("/api/models/acme/drifty-lm/revision/HEAD", { status: 429, headers: { "Retry-After": "0" } });
    const reading = await readHubEntry("acme/drifty-lm", undefined, options);
    expect(reading.model?.parameters).toEqual({ total: 8030261248, from: "hub" });
    expect(hub.requests.filter((request) => request.includes("/drifty-lm/revision/"))).toHaveLength(2);
  });

  it("reports malformed JSON, and a record without the fields sync needs", async () => {
    hub.fail("/api/models/acme/drifty-lm/revision/HEAD", {
      status: 200,
      headers: { "Content-Type": "application/json" },
      body: '{"_id": "6703c4d5", "id": "acme/drifty-lm", ',
    });
    const malformed = await failure(readHubEntry("acme/drifty-lm", undefined, options));
    expect(malformed).toBeInstanceOf(HubRepoError);
    expect(malformed?.message).toMatch(/^acme\/drifty-lm: the Hub's answer is not valid JSON \(.+\)$/);

    hub.fail("/api/models/acme/drifty-lm/revision/HEAD", {
      status: 200,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        _id: "6703c4d5",
        id: "acme/drifty-lm",
        sha: "d1f7e2a3b4c5d6e7f8091a2b3c4d5e6f7a8b9c0d",
        gated: "yes",
      }),
    });
    expect((await failure(readHubEntry("acme/drifty-lm", undefined, options)))?.message).toBe(
      "acme/drifty-lm: the Hub's model record is malformed: private: missing required field (expected true or false)",
    );
  });

  it("reports a server error that persists", async () => {
    const error = { status: 500, headers: { "Content-Type": "application/json" }, body: '{"error":"Internal Error"}' };
    hub.fail("/api/models/acme/drifty-lm/revision/HEAD", error, error, error);
    const fetchTwice = createHubFetch({ baseDelayMs: 1, retries: 2 });
    expect((await failure(readHubEntry("acme/drifty-lm", undefined, { ...options, fetch: fetchTwice })))?.message).toBe(
      "acme/drifty-lm: the Hub answered 500: Internal Error",
    );
  });

  it("fails as unreachable when the Hub does not answer", async () => {
    await hub.close();
    const error = await failure(readHubEntry("acme/drifty-lm", undefined, options));
    expect(error).toBeInstanceOf(HubUnreachableError);
    hub = await startFakeHub();
  });
});
