import { build, type Plugin } from "esbuild";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Applies a package's "browser" field to the entry its "exports" resolve to, as Vite does and esbuild does not:
 * @huggingface/hub's exports name its Node build and its browser field maps that to the browser build.
 */
const browserField: Plugin = {
  name: "browser-field",
  setup(plugin) {
    plugin.onResolve({ filter: /^@huggingface\/hub$/ }, async ({ path, resolveDir }) => {
      const entry = fileURLToPath(import.meta.resolve(path, `file://${resolveDir}/`));
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

/** `entry` bundled for the browser as a site's bundler would: every input it reaches, and the code. */
export async function browserBundle(entry: string): Promise<{ inputs: string[]; text: string }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    logLevel: "silent",
    metafile: true,
    plugins: [browserField],
  });
  return { inputs: Object.keys(result.metafile.inputs), text: result.outputFiles[0]!.text };
}
