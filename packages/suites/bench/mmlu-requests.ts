// Writes a synthetic MMLU copy as large as the real one (14,042 test questions, 5 dev questions a subject, in the
// original CSV layout) to a temp folder, then times building every 5-shot request and serialising it as
// `zoo requests` does: the figure the README quotes. Run with `pnpm --filter @zoo/suites bench`.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSuiteRun, requestRecord } from "../src/index.ts";
import { nodeSuiteIo } from "../src/node.ts";
import { writeSyntheticMmlu } from "../src/testing/synthetic-datasets.ts";

const TEST_QUESTIONS = 14_042;
const RUNS = 5;

const dir = await mkdtemp(join(tmpdir(), "zoo-mmlu-bench-"));
try {
  await writeSyntheticMmlu(dir, TEST_QUESTIONS);
  const seconds: number[] = [];
  let bytes = 0;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const suite = await loadSuiteRun("mmlu", { io: nodeSuiteIo(), data: { kind: "local", dir }, shots: 5 });
    bytes = 0;
    for (const document of suite.documents)
      for (const request of document.requests) bytes += JSON.stringify(requestRecord(request)).length + 1;
    seconds.push((performance.now() - start) / 1000);
  }
  seconds.sort((a, b) => a - b);
  console.log(
    `MMLU 5-shot, ${TEST_QUESTIONS} questions: ${(bytes / 1e6).toFixed(0)} MB of requests; ` +
      `median ${seconds[Math.floor(RUNS / 2)]!.toFixed(2)} s of ${RUNS} runs (${seconds.map((s) => s.toFixed(2)).join(", ")})`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
