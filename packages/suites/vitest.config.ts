import { hermeticTests } from "../../tooling/vitest.shared.ts";

export default hermeticTests;
