import { cp, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../main.ts";

export const FIXTURE_CATALOG = fileURLToPath(new URL("../../../catalog/fixtures/catalog", import.meta.url));

/** Runs zoo in-process from `cwd` with environment `env`, capturing what it prints and its exit status. */
export async function runZoo(
  args: string[],
  cwd = tmpdir(),
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (text) => (out += text), err: (text) => (err += text), cwd, env });
  return { code, out, err };
}

/** A checkout-like temp folder holding a copy of the fixture catalogue, with files replaced; returns the folder. */
export async function fixtureCheckout(files: Record<string, string> = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "zoo-cli-"));
  await cp(FIXTURE_CATALOG, join(root, "catalog"), { recursive: true });
  await writeFile(join(root, "pnpm-workspace.yaml"), "packages: []\n");
  for (const [file, content] of Object.entries(files)) await writeFile(join(root, "catalog", file), content);
  return root;
}
