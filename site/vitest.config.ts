import { defineConfig, mergeConfig } from "vitest/config";
import { hermeticTests } from "../tooling/vitest.shared.ts";

export default mergeConfig(
  hermeticTests,
  defineConfig({
    test: {
      include: ["src/**/*.test.ts", "scripts/**/*.test.ts", "test/**/*.test.ts"],
      // The end-to-end files build the site with Astro, which keeps state in the package folder: one file at a time.
      fileParallelism: false,
      testTimeout: 60_000,
      hookTimeout: 300_000,
    },
  }),
);
