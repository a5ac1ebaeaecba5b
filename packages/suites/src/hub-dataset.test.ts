import { afterEach, describe, expect, it } from "vitest";
import { memoryCache } from "./file-source.ts";
import { downloadHubDataset } from "./hub-dataset.ts";
import { sha256Hex } from "./sha256.ts";
import { HubRefusedError } from "./suite-errors.ts";
import { startFakeHub, type FakeHub } from "./testing/fake-hub.ts";

const COMMIT = "c30699e8356da336a370243923dbaf21066bb9fe";
let hub: FakeHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

const select = (path: string) => path.startsWith("anatomy/");
const paths = (snapshot: { files: { path: string }[] }) => snapshot.files.map((file) => file.path);

describe("downloadHubDataset", () => {
  it("downloads the selected files at the resolved commit, verified by sha256", async () => {
    hub = await startFakeHub({
      "cais/mmlu": {
        commit: COMMIT,
        files: { "anatomy/test.parquet": "T", "anatomy/dev.parquet": "D", "all/x.parquet": "X" },
      },
    });
    const snapshot = await downloadHubDataset("cais/mmlu", "anatomy", select, { hubUrl: hub.url });
    expect(snapshot.commit).toBe(COMMIT);
    expect(paths(snapshot)).toEqual(["anatomy/dev.parquet", "anatomy/test.parquet"]);
    expect(new TextDecoder().decode(snapshot.files[1]!.bytes)).toBe("T");
    expect(snapshot.files[1]!.sha256).toBe(await sha256Hex("T"));
  });

  it("reuses cached files by content hash, and the cache alone when the Hub is unreachable", async () => {
    hub = await startFakeHub({ "cais/mmlu": { commit: COMMIT, files: { "anatomy/test.parquet": "T" } } });
    const cache = memoryCache();
    await downloadHubDataset("cais/mmlu", "anatomy", select, { hubUrl: hub.url, cache });
    await downloadHubDataset("cais/mmlu", "anatomy", select, { hubUrl: hub.url, cache });
    expect(hub.downloads).toEqual(["cais/mmlu/anatomy/test.parquet"]);
    const url = hub.url;
    await hub.close();
    hub = undefined;
    const offline = await downloadHubDataset("cais/mmlu", "anatomy", select, { hubUrl: url, cache });
    expect(offline.commit).toBe(COMMIT);
    expect(paths(offline)).toEqual(["anatomy/test.parquet"]);
    const uncached = downloadHubDataset("cais/mmlu", "anatomy", select, { hubUrl: url, cache, revision: "v2" });
    await expect(uncached).rejects.toMatchObject({ name: "HubUnreachableError", repo: "cais/mmlu", revision: "v2" });
    await expect(uncached).rejects.toThrow(
      /^cannot download cais\/mmlu@v2 \(http:\/\/127\.0\.0\.1:\d+: .*\) and it is not in the cache: run once with network access, or use a local copy or the samples$/,
    );
  });

  it("says the Hub refused a gated or private dataset, rather than falling back on the cache", async () => {
    hub = await startFakeHub({ "cais/mmlu": { commit: COMMIT, files: { "anatomy/test.parquet": "T" } } });
    const cache = memoryCache();
    await downloadHubDataset("cais/mmlu", "anatomy", select, { hubUrl: hub.url, cache });
    await hub.close();
    hub = await startFakeHub({ "cais/mmlu": { commit: COMMIT, files: {}, refuse: 401 } });
    const refused = downloadHubDataset("cais/mmlu", "anatomy", select, { hubUrl: hub.url, cache });
    await expect(refused).rejects.toBeInstanceOf(HubRefusedError);
    await expect(refused).rejects.toThrow(
      "the Hub refused cais/mmlu (401: Access to dataset cais/mmlu is restricted. You must have access to it and be authenticated to access it. Please log in.): it is gated or private, and needs an access token that may read it",
    );
    expect(hub.downloads).toEqual([]);
  });

  it("never takes a download from another Hub (a mirror, a test server) for this Hub's", async () => {
    hub = await startFakeHub({ "cais/mmlu": { commit: COMMIT, files: { "anatomy/test.parquet": "T" } } });
    const cache = memoryCache();
    await downloadHubDataset("cais/mmlu", "anatomy", select, { hubUrl: hub.url, cache });
    await hub.close();
    hub = undefined;
    await expect(
      downloadHubDataset("cais/mmlu", "anatomy", select, { hubUrl: "http://127.0.0.1:9", cache }),
    ).rejects.toThrow(/^cannot download cais\/mmlu@main \(http:\/\/127\.0\.0\.1:9: .*\) and it is not in the cache/);
  });

  it("refuses, naming the file, a cached file whose bytes are not those the Hub listed", async () => {
    hub = await startFakeHub({ "cais/mmlu": { commit: COMMIT, files: { "anatomy/test.parquet": "T" } } });
    const cache = memoryCache();
    await downloadHubDataset("cais/mmlu", "anatomy", select, { hubUrl: hub.url, cache });
    const url = hub.url;
    await hub.close();
    hub = undefined;
    const sha = await sha256Hex("T");
    await cache.set(`blobs/${sha}`, new TextEncoder().encode("forged"));
    await expect(downloadHubDataset("cais/mmlu", "anatomy", select, { hubUrl: url, cache })).rejects.toThrow(
      `the cached file the in-memory cache's blobs/${sha} (cais/mmlu/anatomy/test.parquet) has sha256 ${await sha256Hex("forged")}, not the ${sha} the Hub listed when it was downloaded: delete it, or run once with network access`,
    );
  });

  it("refuses, naming the file, a cached manifest that no download wrote", async () => {
    const cache = memoryCache();
    const key = `manifests/${encodeURIComponent("http://127.0.0.1:9")}/cais/mmlu/main/anatomy.json`;
    const forged = {
      repo: "cais/mmlu",
      commit: COMMIT,
      files: [{ path: "anatomy/test.parquet", sha256: "a".repeat(64) }],
    };
    await cache.set(key, new TextEncoder().encode(JSON.stringify(forged)));
    await expect(
      downloadHubDataset("cais/mmlu", "anatomy", select, { hubUrl: "http://127.0.0.1:9", cache }),
    ).rejects.toThrow(
      `the cached manifest the in-memory cache's ${key} was not written by a download of cais/mmlu from http://127.0.0.1:9: delete it, or run once with network access`,
    );
    await cache.set(key, new TextEncoder().encode("not json"));
    await expect(
      downloadHubDataset("cais/mmlu", "anatomy", select, { hubUrl: "http://127.0.0.1:9", cache }),
    ).rejects.toThrow("was not written by a download of cais/mmlu");
  });

  it("rejects a download whose content does not match the listed hash", async () => {
    hub = await startFakeHub({
      "cais/mmlu": { commit: COMMIT, files: { "anatomy/test.parquet": "T" }, corruptListing: ["anatomy/test.parquet"] },
    });
    await expect(downloadHubDataset("cais/mmlu", "anatomy", select, { hubUrl: hub.url })).rejects.toThrow(
      `cais/mmlu/anatomy/test.parquet: downloaded content has sha256 ${await sha256Hex("T")}, the Hub lists ${"0".repeat(64)}`,
    );
  });

  it("reports an unknown repository with the Hub's message", async () => {
    hub = await startFakeHub({});
    await expect(downloadHubDataset("cais/nope", "x", select, { hubUrl: hub.url })).rejects.toThrow(
      /^cannot download cais\/nope@main \(http:\/\/127\.0\.0\.1:\d+: Repository not found\. URL: .*\) and it is not in the cache/,
    );
  });
});
