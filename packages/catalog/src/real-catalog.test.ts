import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkCatalog } from "./catalog-loader.ts";
import { formatProblem } from "./problem.ts";

const CATALOG = fileURLToPath(new URL("../../../catalog", import.meta.url));

describe("the project's catalogue", () => {
  it("is valid", async () => {
    const { problems, files } = await checkCatalog(CATALOG);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(files.models).toBeGreaterThan(0);
  });
});
