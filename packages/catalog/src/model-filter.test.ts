import { describe, expect, it } from "vitest";
import { checkCatalog } from "./catalog-loader.ts";
import { describeModels, matchesFilter, type ModelFilter } from "./model-filter.ts";
import { FIXTURE_TODAY, fixtureCatalog } from "./testing/fixture-catalog.ts";

async function matching(filter: ModelFilter): Promise<string[]> {
  const { catalog } = await checkCatalog(await fixtureCatalog(), { today: FIXTURE_TODAY });
  return describeModels(catalog)
    .filter((model) => matchesFilter(model, filter))
    .map(({ entry }) => entry.id);
}

describe("matchesFilter", () => {
  it("passes every model through an empty filter, in id order", async () => {
    expect(await matching({})).toEqual(["base-7b", "chat-7b", "moe-8x1b"]);
  });

  it("filters on each field", async () => {
    expect(await matching({ organization: "acme" })).toEqual(["base-7b", "moe-8x1b"]);
    expect(await matching({ family: "base" })).toEqual(["base-7b", "chat-7b"]);
    expect(await matching({ kind: "chat" })).toEqual(["chat-7b", "moe-8x1b"]);
    expect(await matching({ licenseClass: "non-commercial" })).toEqual(["chat-7b"]);
    expect(await matching({ commercialUse: "conditional" })).toEqual(["moe-8x1b"]);
    expect(await matching({ openWeights: true })).toEqual(["base-7b", "chat-7b"]);
    expect(await matching({ openWeights: false })).toEqual(["moe-8x1b"]);
    expect(await matching({ architecture: "decoder-only" })).toEqual(["base-7b", "moe-8x1b"]);
    expect(await matching({ modality: "image" })).toEqual(["moe-8x1b"]);
    expect(await matching({ year: 2023 })).toEqual(["base-7b", "chat-7b"]);
    expect(await matching({ minContextLength: 4096 })).toEqual(["base-7b"]);
    expect(await matching({ search: "CHAT" })).toEqual(["chat-7b"]);
    expect(await matching({ search: "mixture-of-experts" })).toEqual(["moe-8x1b"]);
  });

  it("bounds parameters inclusively, counting estimates and excluding unknown sizes", async () => {
    expect(await matching({ minParameters: 7e9 })).toEqual(["base-7b", "chat-7b"]);
    expect(await matching({ maxParameters: 6.4e9 })).toEqual(["moe-8x1b"]);
    expect(await matching({ minParameters: 1e9, maxParameters: 7e9, organization: "acme" })).toEqual([
      "base-7b",
      "moe-8x1b",
    ]);
  });
});
