import { fileURLToPath } from "node:url";
import { browserBundle } from "@zoo/tooling/browser-bundle";
import { describe, expect, it } from "vitest";

describe("the scoring core runs in the browser", () => {
  it("bundles for the browser, transformers.js's web build included, with no Node built-in reachable", async () => {
    const { inputs } = await browserBundle(fileURLToPath(new URL("./scoring.ts", import.meta.url)));
    expect(inputs.filter((input) => /(^|\/)node:|worker_threads|tokenizer-thread|response-cache/.test(input))).toEqual(
      [],
    );
    expect(inputs.some((input) => /transformers\.web\.js$/.test(input))).toBe(true);
    expect(inputs.some((input) => input.endsWith("src/prefix-tree.ts"))).toBe(true);
    expect(inputs.some((input) => input.endsWith("src/run-suite.ts"))).toBe(true);
  }, 60_000);
});
