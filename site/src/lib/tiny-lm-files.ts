import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { writeTinyLm } from "@zoo/runner";

let written: Promise<{ dir: string; files: string[]; hash: string }> | undefined;

/**
 * zoo's tiny LM (writeTinyLm's defaults: the seed and shape `zoo bench` runs), written once per build: its folder,
 * its files ("/"-separated: config.json, onnx/model.onnx, …), and a hash of their content, which keeps the answers
 * a browser saved for one build's model apart from another's.
 */
export function tinyLm(): Promise<{ dir: string; files: string[]; hash: string }> {
  written ??= (async () => {
    const { dir } = await writeTinyLm(join(await mkdtemp(join(tmpdir(), "zoo-site-tiny-lm-")), "tiny-lm"));
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
      .sort();
    const hash = createHash("sha256");
    for (const file of files) hash.update(`${file}\0`).update(await readFile(join(dir, file)));
    return { dir, files, hash: hash.digest("hex").slice(0, 16) };
  })();
  return written;
}

export async function tinyLmFile(file: string): Promise<Uint8Array> {
  return readFile(join((await tinyLm()).dir, file));
}
