import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { httpFiles, joinPath, memoryFiles, parentPath, readTextFile } from "./file-source.ts";

describe("joinPath", () => {
  it("joins and normalises /-separated paths", () => {
    expect(joinPath("benchmarks/suites", "../samples/a.jsonl")).toBe("benchmarks/samples/a.jsonl");
    expect(joinPath("/data", "./mmlu", "data/test")).toBe("/data/mmlu/data/test");
    expect(joinPath("..", "x")).toBe("../x");
    expect(parentPath("a/b/c.yaml")).toBe("a/b");
    expect(parentPath("c.yaml")).toBe(".");
  });
});

describe("memoryFiles and readTextFile", () => {
  it("reads text, lists folders and names missing or binary files", async () => {
    const files = memoryFiles({ "d/a.txt": "\ufeffhello", "d/e/b.txt": "x", "bad.bin": new Uint8Array([0xff, 0xfe]) });
    expect(await readTextFile(files, "d/a.txt")).toBe("hello");
    expect(await files.list!("d")).toEqual(["a.txt", "e"]);
    expect(await files.list!("nope")).toBeUndefined();
    await expect(readTextFile(files, "d/missing.txt")).rejects.toThrow("d/missing.txt: no such file");
    await expect(readTextFile(files, "bad.bin")).rejects.toThrow("bad.bin: not UTF-8 text");
  });
});

describe("httpFiles", () => {
  it("reads files from a web server and treats 404 as missing", async () => {
    const server = createServer((request, response) => {
      if (request.url === "/static/samples/a.txt") response.end("served");
      else if (request.url === "/static/broken.txt") response.writeHead(500).end();
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/static`;
    try {
      const files = httpFiles(base);
      expect(await readTextFile(files, "samples/a.txt")).toBe("served");
      expect(await files.read("samples/none.txt")).toBeUndefined();
      await expect(files.read("broken.txt")).rejects.toThrow(`broken.txt: ${base}/broken.txt answered 500`);
    } finally {
      server.close();
    }
  });
});
