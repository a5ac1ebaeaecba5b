import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { pageWeight } from "./page-weight.ts";

describe("pageWeight", () => {
  it("counts linked and inline JS and CSS with their static imports, not lazy ones or JSON data", async () => {
    const root = await mkdtemp(join(tmpdir(), "zoo-weight-"));
    await mkdir(join(root, "_astro"));
    const files = {
      "_astro/page.js": 'import{a}from"./shared.js";import"./side.js";const lazy=()=>import("./lazy.js");a();',
      "_astro/shared.js": "export const a=()=>1;",
      "_astro/side.js": "console.log(1);",
      "_astro/lazy.js": "x".repeat(5000),
      "_astro/site.css": "body{color:red}",
    };
    for (const [path, text] of Object.entries(files)) await writeFile(join(root, path), text);
    const html =
      '<link rel="stylesheet" href="/zoo/_astro/site.css"><style>.a{b:c}</style>' +
      '<script type="module" src="/zoo/_astro/page.js"></script><script>document.documentElement.classList.add("js")</script>' +
      '<script type="application/json">{"big":"' +
      "y".repeat(5000) +
      '"}</script>';
    const weight = pageWeight(html, root, "/zoo/");
    const gz = (text: string) => gzipSync(text).length;
    expect(weight.files.map((file) => file.slice(root.length))).toEqual([
      "/_astro/page.js",
      "/_astro/shared.js",
      "/_astro/side.js",
      "/_astro/site.css",
    ]);
    expect(weight.js).toBe(
      gz(files["_astro/page.js"]) +
        gz(files["_astro/shared.js"]) +
        gz(files["_astro/side.js"]) +
        gz('document.documentElement.classList.add("js")'),
    );
    expect(weight.css).toBe(gz(files["_astro/site.css"]) + gz(".a{b:c}"));
  });
});
