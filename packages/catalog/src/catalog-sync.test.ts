import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CatalogError, checkCatalog } from "./catalog-loader.ts";
import { syncCatalog, type SyncOptions } from "./catalog-sync.ts";
import { createHubFetch, HubUnreachableError } from "./hub-fetch.ts";
import { fixtureCatalog, FIXTURE_TODAY } from "./testing/fixture-catalog.ts";
import { startFakeHub, type FakeHub } from "./testing/fake-hub.ts";

const SYNC_FIXTURES = new URL("../fixtures/sync/", import.meta.url);
const fixture = (name: string) => readFile(new URL(name, SYNC_FIXTURES), "utf8");

/** The fixture catalogue with the sync fixtures' entries added. */
async function syncCatalogue(names = ["tiny-lm", "gated-lm", "drifty-lm", "missing-lm"]): Promise<string> {
  const files: Record<string, string> = {};
  for (const name of names) files[`models/${name}.yaml`] = await fixture(`${name}.yaml`);
  return fixtureCatalog(files);
}

let hub: FakeHub;
beforeEach(async () => {
  hub = await startFakeHub({ tokens: ["hf_granted"] });
});
afterEach(() => hub.close());

const hubOptions = (extra: Partial<NonNullable<SyncOptions["hub"]>> = {}): SyncOptions["hub"] => ({
  hubUrl: hub.url,
  fetch: createHubFetch({ baseDelayMs: 1 }),
  ...extra,
});

describe("syncCatalog", () => {
  it("reports every difference between the catalogue and the Hub, entry by entry, and writes nothing", async () => {
    const dir = await syncCatalogue();
    const before = await readFile(join(dir, "models/tiny-lm.yaml"), "utf8");
    const report = await syncCatalog(dir, { hub: hubOptions(), relativeTo: dir });
    expect(report.written).toEqual([]);
    expect(await readFile(join(dir, "models/tiny-lm.yaml"), "utf8")).toBe(before);
    expect(report.entries.map(({ id, status, repos }) => [id, status, repos])).toEqual([
      ["base-7b", "in-sync", ["acme/base-7b", "acme/base-7b-onnx"]],
      ["drifty-lm", "drift", ["acme/drifty-lm"]],
      ["gated-lm", "drift", ["lab/gated-lm"]],
      ["missing-lm", "failed", ["acme/missing-lm"]],
      ["tiny-lm", "drift", ["acme/tiny-lm"]],
    ]);
    const rows = report.entries.flatMap(({ id, drift }) =>
      drift.map((item) => [id, item.field, item.catalogue, item.hub, item.kind]),
    );
    expect(rows).toEqual([
      ["drifty-lm", "license", "Apache-2.0", "cc-by-nc-4.0", "differs"],
      ["drifty-lm", "parameters.total", "7B", "8.03B (8,030,261,248)", "differs"],
      ["drifty-lm", "modalities", "text → text", "image-text-to-text", "review"],
      ["drifty-lm", "run.dtype", "q4", "no ONNX weights in acme/drifty-lm", "review"],
      ["gated-lm", "openness.weights", "open", "gated", "differs"],
      ["tiny-lm", "parameters.total", "—", "44M (44,044,800)", "missing"],
    ]);
    const byId = new Map(report.entries.map((entry) => [entry.id, entry]));
    expect(byId.get("missing-lm")?.error).toBe(
      "acme/missing-lm: no such model repo on the Hub (a private repo needs HF_TOKEN)",
    );
    expect(byId.get("gated-lm")?.notes).toEqual([
      "parameter count not read: lab/gated-lm is gated: set HF_TOKEN to a token that has been granted access to read its safetensors headers",
    ]);
    expect(byId.get("tiny-lm")?.file).toBe("models/tiny-lm.yaml");
  });

  it("with write, fills the missing facts with their Hub source, keeping comments, order and formatting", async () => {
    const dir = await syncCatalogue();
    const drifty = await readFile(join(dir, "models/drifty-lm.yaml"), "utf8");
    const report = await syncCatalog(dir, { write: true, hub: hubOptions(), relativeTo: dir });
    expect(report.written).toEqual(["models/tiny-lm.yaml"]);
    const tiny = report.entries.find(({ id }) => id === "tiny-lm")!;
    expect(tiny.status).toBe("in-sync");
    expect(tiny.drift.map(({ field, written }) => [field, written])).toEqual([["parameters.total", true]]);
    await expect(await readFile(join(dir, "models/tiny-lm.yaml"), "utf8")).toMatchFileSnapshot(
      "../fixtures/sync/tiny-lm.synced.yaml",
    );
    // A fact the catalogue states is never overwritten without force.
    expect(await readFile(join(dir, "models/drifty-lm.yaml"), "utf8")).toBe(drifty);
    expect((await checkCatalog(dir, { today: FIXTURE_TODAY })).problems).toEqual([]);
  });

  it("with force, overwrites the facts that differ, and a token reads a gated repo's weights", async () => {
    const dir = await syncCatalogue(["gated-lm", "drifty-lm"]);
    const report = await syncCatalog(dir, {
      write: true,
      force: true,
      hub: hubOptions({ accessToken: "hf_granted" }),
      relativeTo: dir,
    });
    expect(report.written).toEqual(["models/drifty-lm.yaml", "models/gated-lm.yaml"]);
    expect(report.entries.map(({ id, status }) => [id, status])).toEqual([
      ["base-7b", "in-sync"],
      ["drifty-lm", "drift"],
      ["gated-lm", "in-sync"],
    ]);
    expect(report.entries[1]!.drift.filter(({ written }) => !written).map(({ field }) => field)).toEqual([
      "modalities",
      "run.dtype",
    ]);
    await expect(await readFile(join(dir, "models/drifty-lm.yaml"), "utf8")).toMatchFileSnapshot(
      "../fixtures/sync/drifty-lm.forced.yaml",
    );
    await expect(await readFile(join(dir, "models/gated-lm.yaml"), "utf8")).toMatchFileSnapshot(
      "../fixtures/sync/gated-lm.synced.yaml",
    );
    expect((await checkCatalog(dir, { today: FIXTURE_TODAY })).problems).toEqual([]);
  });

  it("does not write an entry that the check would then reject", async () => {
    const dir = await syncCatalogue(["closed-lm"]);
    const before = await readFile(join(dir, "models/closed-lm.yaml"), "utf8");
    const report = await syncCatalog(dir, {
      ids: ["closed-lm"],
      write: true,
      force: true,
      hub: hubOptions(),
      relativeTo: dir,
    });
    expect(report.written).toEqual([]);
    expect(report.entries[0]).toMatchObject({
      status: "failed",
      error:
        'not written: the result would not pass the check: models/closed-lm.yaml:19:9: access: access "api" contradicts openness.weights "open": use "open-weights" or "both"',
    });
    expect(await readFile(join(dir, "models/closed-lm.yaml"), "utf8")).toBe(before);
  });

  it("reports a malformed answer as that entry's failure, and retries a 429", async () => {
    const dir = await syncCatalogue(["tiny-lm", "drifty-lm"]);
    hub.fail("/api/models/acme/drifty-lm/revision/HEAD", {
      status: 200,
      headers: { "Content-Type": "application/json" },
      body: "{",
    });
    hub.fail("/api/models/acme/tiny-lm/revision/HEAD", { status: 429, headers: { "Retry-After": "1" } });
    const report = await syncCatalog(dir, { ids: ["drifty-lm", "tiny-lm"], hub: hubOptions(), relativeTo: dir });
    expect(report.entries.map(({ id, status }) => [id, status])).toEqual([
      ["drifty-lm", "failed"],
      ["tiny-lm", "drift"],
    ]);
    expect(report.entries[0]!.error).toMatch(/^acme\/drifty-lm: the Hub's answer is not valid JSON \(.+\)$/);
    expect(hub.requests.filter((request) => request.startsWith("GET /api/models/acme/tiny-lm/revision/"))).toHaveLength(
      2,
    );
  });

  it("keeps the stats of entries it did not read, and drops those no longer in the catalogue", async () => {
    const dir = await syncCatalogue(["tiny-lm"]);
    const statsFile = join(dir, "hub-stats.json");
    const now = new Date("2026-11-23T06:00:00Z");
    await syncCatalog(dir, { hub: hubOptions(), statsFile, now });
    const first = JSON.parse(await readFile(statsFile, "utf8"));
    expect(Object.keys(first.models)).toEqual(["base-7b", "tiny-lm"]);
    expect(first.models["tiny-lm"]).toEqual({
      repo: "acme/tiny-lm",
      sha: "c0ffee00112233445566778899aabbccddeeff00",
      lastModified: "2024-10-06T09:30:00.000Z",
      gated: false,
      pipelineTag: "text-generation",
      library: "transformers",
      downloads: 2311,
      likes: 14,
      onnx: { repo: "acme/tiny-lm", revision: "c0ffee00112233445566778899aabbccddeeff00", dtypes: ["fp32", "q8"] },
      fetched: "2026-11-23T06:00:00.000Z",
    });
    await syncCatalog(dir, { ids: ["base-7b"], hub: hubOptions(), statsFile, now: new Date("2026-11-24T06:00:00Z") });
    const second = JSON.parse(await readFile(statsFile, "utf8"));
    expect(second.models["tiny-lm"].fetched).toBe("2026-11-23T06:00:00.000Z");
    expect(second.models["base-7b"].fetched).toBe("2026-11-24T06:00:00.000Z");
  });

  it("refuses unknown ids and entries without a Hub repo", async () => {
    const dir = await syncCatalogue([]);
    await expect(syncCatalog(dir, { ids: ["base-7c"], hub: hubOptions() })).rejects.toEqual(
      new CatalogError('no model "base-7c" in the catalogue (did you mean "base-7b"?)'),
    );
    await expect(syncCatalog(dir, { ids: ["chat-7b"], hub: hubOptions() })).rejects.toEqual(
      new CatalogError('model "chat-7b" names no Hugging Face repo (links.huggingface or a transformers-js run)'),
    );
  });

  it("fails as a whole, writing nothing, when the Hub cannot be reached", async () => {
    const dir = await syncCatalogue(["tiny-lm"]);
    await hub.close();
    const statsFile = join(dir, "hub-stats.json");
    await expect(syncCatalog(dir, { write: true, statsFile, hub: hubOptions() })).rejects.toBeInstanceOf(
      HubUnreachableError,
    );
    await expect(readFile(statsFile)).rejects.toThrow(/ENOENT/);
    hub = await startFakeHub();
  });
});
