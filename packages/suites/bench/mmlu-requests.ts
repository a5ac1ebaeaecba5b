// Writes a synthetic MMLU copy as large as the real one (14,042 test questions, 5 dev questions a subject, in the
// original CSV layout) to a temp folder, then times building every 5-shot request and serialising it as
// `zoo requests` does: the figure the README quotes. Run with `pnpm --filter @zoo/suites bench`.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MMLU_SUBJECTS, loadSuiteRun, requestRecord } from "../src/index.ts";
import { nodeSuiteIo } from "../src/node.ts";

const TEST_QUESTIONS = 14_042;
const RUNS = 5;

const words = (seed: number, count: number) =>
  Array.from({ length: count }, (_, index) => `word${(seed * 31 + index * 17) % 997}`).join(" ");
const row = (seed: number) =>
  `"${words(seed, 10 + (seed % 50))}?",${[1, 2, 3, 4].map((choice) => `"${words(seed + choice, 1 + ((seed + choice) % 8))}"`).join(",")},${"ABCD"[seed % 4]}\n`;

const dir = await mkdtemp(join(tmpdir(), "zoo-mmlu-bench-"));
try {
  await mkdir(join(dir, "data/test"), { recursive: true });
  await mkdir(join(dir, "data/dev"), { recursive: true });
  let seed = 0;
  for (const [index, subject] of MMLU_SUBJECTS.entries()) {
    const questions = Math.floor(TEST_QUESTIONS / 57) + (index < TEST_QUESTIONS % 57 ? 1 : 0);
    await writeFile(
      join(dir, "data/test", `${subject}_test.csv`),
      Array.from({ length: questions }, () => row(seed++)).join(""),
    );
    await writeFile(join(dir, "data/dev", `${subject}_dev.csv`), Array.from({ length: 5 }, () => row(seed++)).join(""));
  }
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
