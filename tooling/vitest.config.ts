import { defineConfig, mergeConfig } from "vitest/config";
import { hermeticTests } from "./vitest.shared.ts";

export default mergeConfig(hermeticTests, defineConfig({ test: { include: ["*.test.ts"] } }));
