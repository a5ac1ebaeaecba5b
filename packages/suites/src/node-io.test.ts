import { mkdir, mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultCacheDir, diskCache, nodeFiles } from "./node-io.ts";

describe("Node adapters", () => {
  it("reads files relative to a folder and lists folders", async () => {
    const dir = await mkdtemp(join(tmpdir(), "zoo-files-"));
    await writeFile(join(dir, "a.txt"), "A");
    const files = nodeFiles(dir);
    expect(new TextDecoder().decode(await files.read("a.txt"))).toBe("A");
    expect(await files.read("missing.txt")).toBeUndefined();
    expect(await files.read("a.txt/inside")).toBeUndefined();
    expect(await files.list!(".")).toEqual(["a.txt"]);
    expect(await files.list!("nope")).toBeUndefined();
  });

  it("names a folder found where a data file should be", async () => {
    const dir = await mkdtemp(join(tmpdir(), "zoo-files-"));
    await mkdir(join(dir, "TruthfulQA.csv"));
    await expect(nodeFiles(dir).read("TruthfulQA.csv")).rejects.toThrow("TruthfulQA.csv: a folder, not a file");
  });

  it("caches under keys, leaving no partial files", async () => {
    const dir = await mkdtemp(join(tmpdir(), "zoo-cache-"));
    const cache = diskCache(dir);
    await cache.set("blobs/abc", new Uint8Array([1, 2]));
    expect(await cache.get("blobs/abc")).toEqual(new Uint8Array([1, 2]));
    expect(await cache.get("blobs/none")).toBeUndefined();
    expect(await readdir(join(dir, "blobs"))).toEqual(["abc"]);
  });

  it("finds the cache folder from the environment", () => {
    expect(defaultCacheDir({ ZOO_CACHE_DIR: "/c" })).toBe("/c");
    expect(defaultCacheDir({ XDG_CACHE_HOME: "/x" })).toBe("/x/zoo");
  });
});
