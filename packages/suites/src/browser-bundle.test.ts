import { build, type Plugin } from "esbuild";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL(".", import.meta.url));

/**
 * Applies a package's "browser" field to the entry its "exports" resolve to, as Vite does and esbuild does not:
 * @huggingface/hub's exports name its Node build and its browser field maps that to the browser build.
 */
const browserField: Plugin = {
  name: "browser-field",
  setup(plugin) {
    plugin.onResolve({ filter: /^@huggingface\/hub$/ }, async ({ path }) => {
      const entry = fileURLToPath(import.meta.resolve(path));
      let folder = dirname(entry);
      while (!(await readdir(folder)).includes("package.json")) folder = dirname(folder);
      const { browser } = JSON.parse(await readFile(join(folder, "package.json"), "utf8")) as {
        browser: Record<string, string>;
      };
      const mapped = browser[`./${relative(folder, entry)}`];
      return { path: mapped ? join(folder, mapped) : entry };
    });
  },
};

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
    const result = await build({
      entryPoints: [`${src}/index.ts`],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      logLevel: "silent",
      plugins: [browserField],
    });
    expect(result.errors).toEqual([]);
    expect(result.outputFiles[0]!.text).toContain("The following are multiple choice questions");
  }, 60_000);
});
