// pnpm perf:browser [--models tiny,small] [--mmlu N] [--truthfulqa N] [--site DIR]
//
// The /run/ page's speed against zoo bench's, on the same machine, models and data: each model scored on MMLU
// (5-shot, N questions from every subject: the realistic MMLU's lengths) and TruthfulQA MC2, by zoo bench in Node and
// by the page in headless Chromium on WebAssembly. The datasets come from a local Hub in the Hub's wire format,
// to both; the page reaches the models and the datasets at huggingface.co, answered from this machine. Prints
// items/s and forward tokens/s of each, for the README's table.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { TINY_LM_WORDS, writeTinyLm } from "@zoo/runner";
import { BENCH_MODELS, type BenchModel } from "@zoo/runner/testing";
import { MMLU_SUBJECTS, resultRecordSchema, type ResultRecord } from "@zoo/suites";
import {
  mmluParquet,
  realisticMmlu,
  startFakeHub,
  syntheticTruthfulqa,
  truthfulqaMcParquet,
} from "@zoo/suites/testing";
import { chromium } from "playwright-core";
import { routeHubDatasets, routeHubModel } from "../test/hub-routes.ts";
import { CHROMIUM, CHROMIUM_FLAGS, FIXTURE_RESULTS, REPO_DIR, buildSite, fixtureCatalog } from "../test/site-build.ts";
import { serveStatic } from "./static-server.ts";

const { values } = parseArgs({
  options: {
    models: { type: "string", default: "tiny,small" },
    mmlu: { type: "string", default: "2" },
    truthfulqa: { type: "string", default: "100" },
    site: { type: "string" },
  },
});
const models = values.models.split(",") as BenchModel[];
for (const model of models)
  if (!(model in BENCH_MODELS)) throw new Error(`--models: no model "${model}" (tiny, small, gpt2)`);
const perSubject = Number(values.mmlu);
const truthfulqaQuestions = Number(values.truthfulqa);
if (!(
  Number.isInteger(perSubject) &&
  perSubject >= 1 &&
  Number.isInteger(truthfulqaQuestions) &&
  truthfulqaQuestions >= 1
))
  throw new Error("--mmlu and --truthfulqa take whole numbers of questions, 1 or more");

const COMMIT = "5c1b9e0a7d3f2e4c6b8a0d1f3e5c7b9a2d4f6e8c";
const work = await mkdtemp(join(tmpdir(), "zoo-run-speed-"));

// The datasets, as cais/mmlu and truthfulqa/truthful_qa hold them on the Hub.
const mmluFiles: Record<string, Uint8Array> = {};
for (const { subject, dev, test } of realisticMmlu({ words: TINY_LM_WORDS, questionsPerSubject: perSubject })) {
  mmluFiles[`${subject}/dev-00000-of-00001.parquet`] = mmluParquet(dev.map((row) => ({ ...row, subject })));
  mmluFiles[`${subject}/test-00000-of-00001.parquet`] = mmluParquet(test.map((row) => ({ ...row, subject })));
}
const hub = await startFakeHub({
  "cais/mmlu": { commit: COMMIT, files: mmluFiles },
  "truthfulqa/truthful_qa": {
    commit: COMMIT,
    files: {
      "multiple_choice/validation-00000-of-00001.parquet": truthfulqaMcParquet(
        syntheticTruthfulqa(truthfulqaQuestions),
      ),
    },
  },
});

/** The files of a model folder, "/"-separated. */
async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** The runs measured: MMLU limited to its questions per subject, TruthfulQA whole (its dataset is the size asked). */
const RUNS = [
  { suite: "mmlu", shots: 5, limit: perSubject },
  { suite: "truthfulqa_mc2", shots: 0, limit: undefined },
] as const;
type Run = (typeof RUNS)[number];

/** What zoo bench in Node records for the model in `dir` on `run`. */
async function nodeRun(dir: string, run: Run): Promise<ResultRecord> {
  const output = join(work, `node-${relative(work, dir)}`);
  const args = [
    join(REPO_DIR, "packages", "cli", "bin", "zoo.js"),
    ...["bench", "--model", `local:${dir}`, "--suite", run.suite, "--shots", String(run.shots)],
    ...(run.limit === undefined ? [] : ["--limit", String(run.limit)]),
    ...["--hub-url", hub.url, "--output", output],
  ];
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ZOO_CACHE_DIR: join(work, "node-cache") },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  child.stderr!.on("data", (chunk) => (err += chunk));
  const code = await new Promise<number>((done) => child.on("close", (status) => done(status ?? 1)));
  if (code !== 0) throw new Error(`zoo bench exited ${code}:\n${err}`);
  for (const file of await filesOf(output))
    if (file.endsWith(".json")) {
      const record = resultRecordSchema.parse(JSON.parse(await readFile(join(output, file), "utf8")));
      if (record.suite.id === run.suite) return record;
    }
  throw new Error(`zoo bench wrote no record of ${run.suite} in ${output}`);
}

/** What the /run/ page records for the model in `dir` (as the Hub repo zoo/<name>) on `run`, in a fresh browser. */
async function browserRun(siteUrl: string, name: string, dir: string, run: Run): Promise<ResultRecord> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  try {
    const context = await browser.newContext();
    // huggingface.co answered from this machine: the model repo zoo/<name> from `dir`, the datasets by the local Hub.
    await routeHubDatasets(context, hub.url);
    await routeHubModel(context, `zoo/${name}`, dir, COMMIT);
    const page = await context.newPage();
    await page.goto(new URL("run/", siteUrl).href);
    await page.selectOption("#run-model", "hf:other");
    await page.fill("#run-repo", `zoo/${name}`);
    await page.selectOption("#run-dtype", "fp32");
    await page.selectOption("#run-device", "wasm");
    await page.selectOption("#run-data", "hub");
    await page.$$eval(
      "input[name=suite]",
      (boxes, suite) =>
        boxes.forEach((box) => ((box as HTMLInputElement).checked = (box as HTMLInputElement).value === suite)),
      run.suite,
    );
    if (run.shots > 0) await page.fill(`input[name="shots-${run.suite}"]`, String(run.shots));
    await page.fill("#run-limit", run.limit === undefined ? "" : String(run.limit));
    await page.click("#run-start");
    await page.waitForFunction(
      () =>
        /^Done:/.test(document.querySelector("#run-status")!.textContent!) ||
        !document.querySelector<HTMLElement>("#run-error")!.hidden,
      undefined,
      { timeout: 0, polling: 1000 },
    );
    if (!(await page.isHidden("#run-error")))
      throw new Error(`the /run/ page: ${await page.textContent("#run-error")}`);
    const text = await page.$eval("a[data-download$='.json']", (link) =>
      fetch((link as HTMLAnchorElement).href).then((response) => response.text()),
    );
    return resultRecordSchema.parse(JSON.parse(text));
  } finally {
    await browser.close();
  }
}

// pnpm runs this in site/: a folder given is the caller's, relative to where pnpm was started.
let siteDir = values.site === undefined ? undefined : resolve(process.env.INIT_CWD ?? process.cwd(), values.site);
if (siteDir === undefined) {
  console.error("building the site (the fixture catalogue) …");
  const built = await buildSite("speed", { catalog: await fixtureCatalog(), results: FIXTURE_RESULTS });
  if (built.code !== 0) throw new Error(`the site did not build:\n${built.output}`);
  siteDir = built.dir;
}
const { server, url } = await serveStatic(siteDir);

const rate = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? "n/a" : value.toLocaleString("en-US", { maximumFractionDigits: digits });
const cpus = (await import("node:os")).cpus();
console.log(
  `\n/run/ page (headless Chromium, WebAssembly, 1 thread) against zoo bench (Node, onnxruntime-node), ${cpus.length} × ${cpus[0]?.model ?? "CPU"}`,
);
console.log(
  `MMLU 5-shot: ${perSubject} question${perSubject === 1 ? "" : "s"} from each of ${MMLU_SUBJECTS.length} subjects (${perSubject * MMLU_SUBJECTS.length}); TruthfulQA MC2: ${truthfulqaQuestions} questions\n`,
);
console.log(
  "| model | suite | zoo bench items/s | /run/ items/s | /run/ against zoo bench | zoo bench tokens/s | /run/ tokens/s |",
);
console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
try {
  for (const model of models) {
    const { shape, vocabSize, title } = BENCH_MODELS[model];
    const dir = join(work, `model-${model}`);
    await writeTinyLm(dir, { shape, ...(vocabSize ? { vocabSize } : {}) });
    for (const run of RUNS) {
      const theirs = (await nodeRun(dir, run)).timings;
      const ours = (await browserRun(url, `${model}-lm`, dir, run)).timings;
      console.log(
        `| ${title} | ${run.suite} | ${rate(theirs.items_per_second)} | ${rate(ours.items_per_second)} | ${rate(ours.items_per_second / theirs.items_per_second, 2)}× | ${rate(theirs.tokens_per_second, 0)} | ${rate(ours.tokens_per_second, 0)} |`,
      );
    }
  }
} finally {
  server.close();
  await hub.close();
}
