import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { modelFiles } from "./model-files.ts";
import { fixtureCatalog } from "./testing/fixture-catalog.ts";

describe("modelFiles", () => {
  it("finds each model's file by id, in subfolders too", async () => {
    const dir = await fixtureCatalog({ "models/acme/tiny-lm.yaml": "id: tiny-lm\n" });
    expect([...(await modelFiles(dir))]).toEqual([
      ["base-7b", join(dir, "models/base-7b.yaml")],
      ["chat-7b", join(dir, "models/chat-7b.yaml")],
      ["moe-8x1b", join(dir, "models/moe-8x1b.yaml")],
      ["tiny-lm", join(dir, "models/acme/tiny-lm.yaml")],
    ]);
  });
});
