import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../main.ts";

export const ZOO_BIN = fileURLToPath(new URL("../../bin/zoo.js", import.meta.url));
/** The checkout this test runs in: its catalogue is the real one. */
export const CHECKOUT = fileURLToPath(new URL("../../../..", import.meta.url));

export interface ZooExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/**
 * zoo in its own process, as a user starts it (`bin/zoo.js`), from `cwd` with only PATH, HOME (the test's own) and
 * the test's cache besides `env`; `exit` resolves when the process has ended, with what it printed.
 */
export function zooProcess(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): { child: ChildProcess; exit: Promise<ZooExit> } {
  const child = spawn(process.execPath, [ZOO_BIN, ...args], {
    cwd: options.cwd ?? CHECKOUT,
    env: {
      PATH: process.env.PATH!,
      HOME: process.env.HOME!,
      ZOO_CACHE_DIR: process.env.ZOO_CACHE_DIR!,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (chunk) => (out += chunk));
  child.stderr!.on("data", (chunk) => (err += chunk));
  const exit = new Promise<ZooExit>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, out, err })),
  );
  return { child, exit };
}

export const FIXTURE_CATALOG = fileURLToPath(new URL("../../../catalog/fixtures/catalog", import.meta.url));

/**
 * Runs zoo in-process from `cwd` with environment `env`, capturing what it prints and its exit status. The cache is
 * the test's own (tooling/fresh-cache-setup.ts) unless `env` names another.
 */
export async function runZoo(
  args: string[],
  cwd = tmpdir(),
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io = { out: (text: string) => (out += text), err: (text: string) => (err += text), cwd };
  const code = await main(args, { ...io, env: { ZOO_CACHE_DIR: process.env.ZOO_CACHE_DIR, ...env } });
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
