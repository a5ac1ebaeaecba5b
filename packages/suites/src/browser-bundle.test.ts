import { browserBundle } from "@zoo/tooling/browser-bundle";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL(".", import.meta.url));

describe("the core runs in the browser", () => {
  it("has no Node imports outside the node adapters and the test helpers", async () => {
    const files = (await readdir(src, { recursive: true })).filter(
      (file) =>
        file.endsWith(".ts") && !file.endsWith(".test.ts") && !file.startsWith("node") && !file.startsWith("testing"),
    );
    const offending: string[] = [];
    for (const file of files) {
      const text = await readFile(`${src}/${file}`, "utf8");
      if (/from "node:|import\("node:|\bprocess\.|\bBuffer\./.test(text)) offending.push(file);
    }
    expect(offending).toEqual([]);
  });

  it("bundles for the browser with every dependency", async () => {
    const { text } = await browserBundle(`${src}/index.ts`);
    expect(text).toContain("The following are multiple choice questions");
  }, 60_000);
});
