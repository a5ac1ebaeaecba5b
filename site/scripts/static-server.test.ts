import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic } from "./static-server.ts";

describe("serveStatic", () => {
  let url: string;
  let close: () => void;

  beforeAll(async () => {
    const parent = await mkdtemp(join(tmpdir(), "zoo-serve-"));
    const root = join(parent, "dist");
    await mkdir(join(root, "models"), { recursive: true });
    await writeFile(join(root, "index.html"), "<h1>home</h1>");
    await writeFile(join(root, "models", "index.html"), "<h1>models</h1>");
    await writeFile(join(root, "404.html"), "<h1>missing</h1>");
    await writeFile(join(root, "data.json"), "{}");
    await writeFile(join(root, "model.wasm"), new Uint8Array([0, 97, 115, 109]));
    await writeFile(join(parent, "secret.txt"), "secret");
    const served = await serveStatic(root);
    url = served.url;
    close = () => served.server.close();
  });
  afterAll(() => close());

  it("serves files, folders' index.html and content types", async () => {
    const home = await fetch(url);
    expect([home.status, home.headers.get("content-type"), await home.text()]).toEqual([
      200,
      "text/html; charset=utf-8",
      "<h1>home</h1>",
    ]);
    expect(await (await fetch(`${url}models/`)).text()).toBe("<h1>models</h1>");
    expect((await fetch(`${url}data.json`)).headers.get("content-type")).toBe("application/json; charset=utf-8");
    // As static hosts serve WebAssembly: the type its streaming compilation needs.
    expect((await fetch(`${url}model.wasm`)).headers.get("content-type")).toBe("application/wasm");
  });

  it("redirects a folder without its slash and answers 404 with the site's page", async () => {
    const redirect = await fetch(`${url}models`, { redirect: "manual" });
    expect([redirect.status, redirect.headers.get("location")]).toEqual([301, "/models/"]);
    const missing = await fetch(`${url}nope/`);
    expect([missing.status, await missing.text()]).toEqual([404, "<h1>missing</h1>"]);
  });

  it("never serves a file outside its folder", async () => {
    for (const path of ["../secret.txt", "..%2fsecret.txt", "%2e%2e/secret.txt", "models/..%2f..%2fsecret.txt"]) {
      const response = await fetch(`${url}${path}`);
      expect(await response.text(), path).not.toBe("secret");
    }
    expect((await fetch(url, { method: "POST" })).status).toBe(405);
  });
});
