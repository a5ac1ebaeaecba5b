import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const FIXTURE = fileURLToPath(new URL("./fixtures/escaping", import.meta.url));
const VITEST = fileURLToPath(new URL("./node_modules/vitest/vitest.mjs", import.meta.url));

/** Runs one fixture test file under the hermetic setup, with `userCache` standing for the user's zoo cache. */
function runFixture(file: string, userCache: string): Promise<{ code: number; output: string }> {
  const child = spawn(process.execPath, [VITEST, "run", file], {
    cwd: FIXTURE,
    env: { ...process.env, ZOO_CACHE_DIR: userCache, USER_CACHE_UNDER_TEST: userCache, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return new Promise((done) => child.on("close", (code) => done({ code: code ?? 1, output })));
}

describe("the hermetic test setup", () => {
  it("fails a run whose test wrote into the user's cache, naming the folder", async () => {
    const userCache = join(mkdtempSync(join(tmpdir(), "zoo-user-")), "cache");
    const { code, output } = await runFixture("escaping.test.ts", userCache);
    expect(code).toBe(1);
    expect(output).toContain(`tests are not hermetic: the tests changed ${userCache}, which belongs to the user`);
  });

  it("passes a run that stays inside the sandbox, and leaves nothing behind", async () => {
    const userCache = join(mkdtempSync(join(tmpdir(), "zoo-user-")), "cache");
    const before = readdirSync(tmpdir()).sort();
    const { code, output } = await runFixture("sandboxed.test.ts", userCache);
    expect(output).not.toContain("not hermetic");
    expect(code).toBe(0);
    expect(existsSync(userCache)).toBe(false);
    expect(readdirSync(tmpdir()).sort()).toEqual(before);
  });
});
