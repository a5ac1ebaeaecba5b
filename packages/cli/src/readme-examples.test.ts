import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { closedPort } from "./testing/closed-port.ts";
import { CHECKOUT } from "./testing/run-zoo.ts";

/*
 * A newcomer's first session, as the README's Examples section writes it: each line run by a shell in a fresh
 * copy of the checkout (no results, an empty cache, a Hub that refuses every connection). Offline examples must
 * succeed, and whatever they redirect to a file must parse; examples marked as needing the Hub must fail with one
 * line that says so.
 */

const run = promisify(execFile);
const HUB_MARK = "# needs the Hub";

interface Example {
  command: string;
  needsHub: boolean;
  /** The file the command's stdout goes to, if it redirects it. */
  output?: string;
}

/** The shell block of the README's Examples section, a command a line. */
function readmeExamples(readme: string): Example[] {
  const section = readme.split("### Examples")[1]!.split("```sh\n")[1]!.split("```")[0]!;
  return section
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const needsHub = line.includes(HUB_MARK);
      const command = line.split(/\s+#/)[0]!.trim();
      const output = /\s>\s*(\S+)$/.exec(command)?.[1];
      return { command, needsHub, ...(output ? { output } : {}) };
    });
}

/** The checkout's tracked files in a temp folder, as a fresh clone has them, sharing the installed node_modules. */
async function freshCopy(): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), "zoo-newcomer-"));
  const { stdout } = await run("git", ["ls-files", "-z"], { cwd: CHECKOUT, maxBuffer: 64 * 1024 * 1024 });
  const files = stdout.split("\0").filter(Boolean);
  for (const file of files) {
    await mkdir(dirname(join(copy, file)), { recursive: true });
    await cp(join(CHECKOUT, file), join(copy, file)).catch(() => {}); // a file deleted but not yet committed
  }
  const packages = [
    "",
    "site",
    "tooling",
    ...(await readdir(join(CHECKOUT, "packages"))).map((name) => `packages/${name}`),
  ];
  for (const folder of packages)
    await symlink(join(CHECKOUT, folder, "node_modules"), join(copy, folder, "node_modules"));
  const git = (...args: string[]) => run("git", args, { cwd: copy });
  await git("init", "-q");
  await git("add", "-A");
  await git("-c", "user.name=newcomer", "-c", "user.email=newcomer@example.org", "commit", "-qm", "fresh clone");
  return copy;
}

let copy: string;
let hubUrl: string;
const examples = readmeExamples(await readFile(join(CHECKOUT, "README.md"), "utf8"));

beforeAll(async () => {
  [copy, hubUrl] = await Promise.all([freshCopy(), closedPort().then((port) => `http://127.0.0.1:${port}`)]);
}, 120_000);

/** One example through bash in the copy, with nothing of the user's: its own cache, and no Hub. */
async function runExample(command: string): Promise<{ code: number; stderr: string }> {
  const env = {
    PATH: process.env.PATH!,
    HOME: process.env.HOME!,
    TMPDIR: tmpdir(),
    ZOO_CACHE_DIR: process.env.ZOO_CACHE_DIR!,
    HF_ENDPOINT: hubUrl,
    ASTRO_TELEMETRY_DISABLED: "1",
    NO_COLOR: "1",
  };
  return run("bash", ["-c", command], { cwd: copy, env, maxBuffer: 64 * 1024 * 1024 }).then(
    ({ stderr }) => ({ code: 0, stderr }),
    (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
  );
}

/** Parses a file an example wrote, by its kind: every line of JSONL, JSON whole, Markdown as text. */
async function parseOutput(file: string): Promise<void> {
  const text = await readFile(join(copy, file), "utf8");
  expect(text.length, file).toBeGreaterThan(0);
  if (file.endsWith(".jsonl")) for (const line of text.trimEnd().split("\n")) JSON.parse(line);
  else if (file.endsWith(".json")) JSON.parse(text);
  else expect(text, file).not.toMatch(/^> |ELIFECYCLE/m);
}

describe("the README's examples, in a fresh clone without network", () => {
  it("are there, offline and Hub ones both", () => {
    expect(examples.filter((example) => !example.needsHub).length).toBeGreaterThanOrEqual(10);
    expect(examples.filter((example) => example.needsHub).length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples.filter((example) => !example.needsHub).map((example) => [example.command, example]))(
    "%s",
    async (_, example) => {
      const { code, stderr } = await runExample(example.command);
      expect(code, stderr).toBe(0);
      if (example.output) await parseOutput(example.output);
    },
  );

  it.each(examples.filter((example) => example.needsHub).map((example) => [example.command, example]))(
    "%s fails in one line, saying the Hub cannot be reached",
    async (_, example) => {
      const { code, stderr } = await runExample(example.command);
      expect(code).toBe(1);
      expect(stderr.trimEnd().split("\n"), stderr).toHaveLength(1);
      expect(stderr).toMatch(new RegExp(`^zoo: .*(cannot reach the Hugging Face Hub|cannot download).*${hubUrl}`));
    },
  );
});
