import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const SCRIPT = fileURLToPath(new URL("./require-browser.ts", import.meta.url));
const TSX = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));

const run = (env: Record<string, string>) =>
  promisify(execFile)(TSX, [SCRIPT], { env: { PATH: process.env.PATH!, ...env } }).then(
    () => ({ code: 0, err: "" }),
    (error: { code: number; stderr: string }) => ({ code: error.code, err: error.stderr }),
  );

describe("the site's tests without chromium", () => {
  it("fail before they start, saying in one line how to install it", async () => {
    expect(await run({ ZOO_CHROMIUM: "/nonexistent/chromium" })).toEqual({
      code: 1,
      err: "the site's browser tests need chromium at /nonexistent/chromium: apt-get install -y chromium, or point ZOO_CHROMIUM at a Chromium build (or set ZOO_SKIP_BROWSER=1 to skip them)\n",
    });
  });

  it("go on when they are skipped deliberately, or when chromium is there", async () => {
    expect(await run({ ZOO_CHROMIUM: "/nonexistent/chromium", ZOO_SKIP_BROWSER: "1" })).toEqual({ code: 0, err: "" });
    expect(await run({ ZOO_CHROMIUM: process.execPath })).toEqual({ code: 0, err: "" });
  });
});
