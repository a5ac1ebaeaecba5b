// Test helpers for packages that test against suites: a local Hub and Hub-shaped parquet files.
export { startFakeHub } from "./fake-hub.ts";
export type { FakeHub, FakeRepo } from "./fake-hub.ts";
export { mmluParquet, truthfulqaGenParquet, truthfulqaMcParquet } from "./parquet-fixtures.ts";
export { writeSyntheticMmlu, writeSyntheticTruthfulqa } from "./synthetic-datasets.ts";
export { EXAMPLE_RECORD } from "./example-record.ts";
