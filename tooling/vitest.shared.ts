import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

/** What every package's tests share: a sandboxed temp folder, home and cache, and a fresh cache per test. */
export const hermeticTests = defineConfig({
  test: {
    globalSetup: [here("./hermetic-global-setup.ts")],
    setupFiles: [here("./fresh-cache-setup.ts")],
    testTimeout: 30_000,
  },
});
