import type { ResultRecord } from "../result-record.ts";

/** A complete, valid record (MMLU 5-shot of GPT-2) for tests: a test changes what it is about with a spread. */
export const EXAMPLE_RECORD: ResultRecord = {
  schema_version: 1,
  model: {
    id: "gpt2",
    adapter: "transformers-js",
    repo: "Xenova/gpt2",
    revision: "0123456789abcdef0123456789abcdef01234567",
    dtype: "fp32",
    device: "cpu",
  },
  suite: {
    id: "mmlu",
    version: "1.0",
    primary_metric: "acc",
    chance: 0.25,
    dataset: { id: "cais/mmlu", revision: "c30699e", hash: `sha256:${"ab".repeat(32)}`, sample: false },
  },
  shots: 5,
  limit: null,
  limited: false,
  documents: 14042,
  metrics: { acc: { value: 0.2569, stderr: 0.0037 } },
  groups: [{ kind: "category", name: "stem", documents: 3018, metrics: { acc: { value: 0.25, stderr: 0.0079 } } }],
  timings: { wall_seconds: 812.4, items_per_second: 17.3, tokens_per_second: 9120 },
  environment: { zoo_version: "0.1.0", node: "v20.20.2", platform: "linux-x64", onnxruntime: "1.30.0" },
  date: "2026-11-23T19:40:00.000Z",
};
