// Test helpers for packages that test against suites: a local Hub, Hub-shaped parquet files, synthetic datasets.
export { HUB_CORS_HEADERS, startFakeHub } from "./fake-hub.ts";
export type { FakeHub, FakeRepo } from "./fake-hub.ts";
export { mmluParquet, truthfulqaGenParquet, truthfulqaMcParquet } from "./parquet-fixtures.ts";
export { syntheticTruthfulqa, writeSyntheticMmlu, writeSyntheticTruthfulqa } from "./synthetic-datasets.ts";
export { realisticMmlu, writeRealisticMmlu } from "./realistic-mmlu.ts";
export type { RealisticMmluOptions, RealisticMmluRow, RealisticMmluSubject } from "./realistic-mmlu.ts";
export { MMLU_LENGTH_STATISTICS } from "./mmlu-length-statistics.ts";
export type { MmluLengthStatistics } from "./mmlu-length-statistics.ts";
export { CHARS_PER_TOKEN } from "./realistic-mmlu-lengths.ts";
export { EXAMPLE_RECORD } from "./example-record.ts";
