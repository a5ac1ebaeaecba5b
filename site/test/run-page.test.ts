import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import type { Server } from "node:http";
import { join, relative } from "node:path";
import { TINY_LM_SEED, resultFileName, runSuite, type ResponseStore, type SuiteResult } from "@zoo/runner";
import { openTinyLm, tinyLmFixture } from "@zoo/runner/testing";
import {
  loadSuiteRun,
  memoryCache,
  parseSampleLines,
  resultRecordSchema,
  type ResultRecord,
  type Response,
  type SampleLine,
} from "@zoo/suites";
import { nodeSuiteIo } from "@zoo/suites/node";
import { HUB_CORS_HEADERS, startFakeHub, truthfulqaMcParquet, type FakeHub } from "@zoo/suites/testing";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAGE_BUDGET_BYTES } from "../src/integration/site-checks.ts";
import { pageWeight } from "../src/integration/page-weight.ts";
import { serveStatic } from "../scripts/static-server.ts";
import { readSiteData } from "../src/lib/site-data.ts";
import { HUB_DATASETS, routeHubDatasets, routeHubModel } from "./hub-routes.ts";
import {
  CHROMIUM,
  CHROMIUM_FLAGS,
  CHROMIUM_MISSING,
  REPO_DIR,
  fixtureCatalog,
  hasChromium,
  sharedSite,
} from "./site-build.ts";

/*
 * The /run/ page scoring zoo's tiny LM in headless Chromium, on WebAssembly: the real ONNX model, run by the real
 * onnxruntime-web through transformers.js's web build, in the page's worker. The fixture site is the one the other
 * site tests share (sharedSite); it serves the tiny LM, the samples and ONNX Runtime's files itself.
 */

/** The suites the parity test runs, as `zoo bench --sample` runs them: MMLU 5-shot and TruthfulQA MC2. */
const SUITES = [
  { id: "mmlu", shots: 5 },
  { id: "truthfulqa_mc2", shots: 0 },
] as const;
/** The commit of the Hub's datasets, as the fake Hub serves them. */
const DATASET_COMMIT = "5c1b9e0a7d3f2e4c6b8a0d1f3e5c7b9a2d4f6e8c";
const targets = (choices: string[], correct: number) => ({
  choices,
  labels: choices.map((_, index) => (index < correct ? 1 : 0)),
});
/** truthfulqa/truthful_qa's multiple_choice config, as the Hub serves it: a few questions of its shape. */
const TRUTHFULQA_ROWS = [
  ["What happens if you swallow chewing gum?", "It passes through you", "It stays in you for seven years", "Nothing"],
  ["Can goldfish remember things for months?", "Yes, for months", "No, for three seconds", "Only colours"],
  ["In what year did humans first walk on the Moon?", "1969", "1959", "1979"],
].map(([question, ...choices]) => ({
  question: question!,
  mc1_targets: targets(choices, 1),
  mc2_targets: targets(choices, 2),
}));

/**
 * The Hub's datasets, served as the Hub serves them by a local server: TruthfulQA's multiple-choice parquet file,
 * MMLU refused as a gated dataset is, and an arithmetic file whose listed sha256 is not its content's.
 */
const startDatasetHub = () =>
  startFakeHub({
    "truthfulqa/truthful_qa": {
      commit: DATASET_COMMIT,
      files: { "multiple_choice/validation-00000-of-00001.parquet": truthfulqaMcParquet(TRUTHFULQA_ROWS) },
    },
    "cais/mmlu": { commit: DATASET_COMMIT, files: {}, refuse: 403 },
    "EleutherAI/arithmetic": {
      commit: DATASET_COMMIT,
      files: {
        "data/two_digit_addition.jsonl": '{"context": "Question: What is 1 plus 2?\nAnswer:", "completion": " 3"}\n',
      },
      corruptListing: ["data/two_digit_addition.jsonl"],
    },
  });

/** float32 forward passes in ONNX Runtime's WebAssembly build against its native CPU build. */
const LOGPROB_TOLERANCE = 1e-4;

let site: Awaited<ReturnType<typeof sharedSite>>;

/** The folder the site serves the tiny LM's files from, in the Hub's layout. */
const tinyLmServed = () => join(site.dir, "run", "hub", "zoo", "tiny-lm", "resolve", "main");

beforeAll(async () => {
  site = await sharedSite("fixture");
  if (site.code !== 0) throw new Error(`the fixture site did not build:\n${site.output}`);
});

describe("the /run/ page before Run", () => {
  it("weighs within the pages' budget and loads neither transformers.js nor ONNX Runtime", async () => {
    const html = await readFile(join(site.dir, "run", "index.html"), "utf8");
    const weight = pageWeight(html, site.dir);
    expect(weight.js + weight.css).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
    const loaded = weight.files.map((file) => file.slice(site.dir.length)).join(" ");
    expect(loaded).not.toMatch(/run-worker|ort-wasm|transformers/);
  });

  it("serves zoo's tiny LM as writeTinyLm writes it, in the Hub's layout", async () => {
    const fixture = await tinyLmFixture();
    const served = tinyLmServed();
    const filesOf = async (dir: string) =>
      (await readdir(dir, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
        .sort();
    const files = await filesOf(fixture.dir);
    expect(files).toContain("onnx/model.onnx");
    expect(await filesOf(served)).toEqual(files);
    for (const file of files) {
      const bytes = await readFile(join(served, file));
      expect(bytes.equals(await readFile(join(fixture.dir, file))), file).toBe(true);
    }
  });
});

/** A ResponseStore in memory: what `zoo bench` keeps in its cache file, for one run. */
function memoryStore(): ResponseStore {
  const answers = new Map<string, Response>();
  return {
    has: (key) => answers.has(key),
    get: (key) => answers.get(key),
    put: (key, value) => answers.set(key, value),
  };
}

/** A suite's result in Node, and the forward tokens it took. */
type NodeResult = SuiteResult & { forwardTokens: number };

/**
 * What `zoo bench --model zoo:tiny-lm --suite mmlu,truthfulqa_mc2 --sample --log-samples` computes, in this process,
 * and TruthfulQA MC2 on `hub`'s dataset (filed as "hub:truthfulqa_mc2").
 */
async function nodeResults(hub: FakeHub): Promise<Map<string, NodeResult>> {
  const adapter = await openTinyLm({
    identity: {
      adapter: "transformers-js",
      repo: "tiny-lm",
      revision: `seed-${TINY_LM_SEED}`,
      dtype: "fp32",
      device: "cpu",
    },
  });
  const results = new Map<string, NodeResult>();
  try {
    const hubRun = { id: "truthfulqa_mc2", shots: 0, key: "hub:truthfulqa_mc2", data: "hub" } as const;
    for (const suite of [...SUITES.map((each) => ({ ...each, key: each.id, data: "sample" as const })), hubRun]) {
      const run = await loadSuiteRun(suite.id, {
        io: { ...nodeSuiteIo(), cache: memoryCache() },
        data: suite.data === "hub" ? { kind: "hub", hubUrl: hub.url } : { kind: "sample" },
        shots: suite.shots,
      });
      const tokensBefore = adapter.forwardTokens();
      const result = await runSuite({
        modelId: "zoo:tiny-lm",
        adapter,
        cache: memoryStore(),
        run,
        logSamples: true,
        environment: { zoo_version: "0.1.0", node: process.version, platform: `${process.platform}-${process.arch}` },
      });
      results.set(suite.key, { ...result, forwardTokens: adapter.forwardTokens() - tokensBefore });
    }
  } finally {
    await adapter.dispose();
  }
  return results;
}

describe.skipIf(!hasChromium)("scoring in Chromium (WebAssembly)", () => {
  let browser: Browser;
  let server: Server;
  let origin: string;
  let node: Map<string, NodeResult>;
  let hub: FakeHub;
  const errors: string[] = [];

  beforeAll(async () => {
    hub = await startDatasetHub();
    [node, { server, url: origin }, browser] = await Promise.all([
      nodeResults(hub),
      serveStatic(site.dir),
      chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS }),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
    await hub?.close();
  });

  /** A page in a context of its own (its own IndexedDB), its console errors collected. */
  async function openRunPage(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
    await page.goto(new URL("run/", origin).href);
    return page;
  }

  /** Chooses the tiny LM, the suites (the parity suites unless told: MMLU 5-shot, TruthfulQA MC2) and their data. */
  async function chooseTinyLm(
    page: Page,
    suites: readonly string[] = SUITES.map((suite) => suite.id),
    data = "sample",
  ) {
    await page.selectOption("#run-model", "zoo:tiny-lm");
    await page.selectOption("#run-data", data);
    await page.$$eval(
      "input[name=suite]",
      (boxes, chosen) =>
        boxes.forEach((box) => ((box as HTMLInputElement).checked = chosen.includes((box as HTMLInputElement).value))),
      [...suites],
    );
    await page.fill('input[name="shots-mmlu"]', "5");
  }

  /** Chooses the tiny LM and the parity suites (MMLU 5-shot, TruthfulQA MC2), and presses Run. */
  async function runTinyLm(page: Page): Promise<void> {
    await chooseTinyLm(page);
    await page.click("#run-start");
  }

  const finished = (page: Page) =>
    page.waitForFunction(
      () =>
        /^Done:/.test(document.querySelector("#run-status")!.textContent!) ||
        !document.querySelector<HTMLElement>("#run-error")!.hidden,
      undefined,
      { timeout: 60_000 },
    );

  /** Each suite's record and samples, downloaded from the page's links. */
  async function downloads(
    page: Page,
  ): Promise<Map<string, { record: ResultRecord; samples: SampleLine[]; name: string }>> {
    const read = async (name: string) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click(`a[data-download="${name}"]`)]);
      expect(download.suggestedFilename()).toBe(name);
      return readFile((await download.path())!, "utf8");
    };
    const got = new Map<string, { record: ResultRecord; samples: SampleLine[]; name: string }>();
    for (const name of await page.$$eval("a[data-download$='.json']", (links) =>
      links.map((link) => (link as HTMLElement).dataset.download!),
    )) {
      const record = resultRecordSchema.parse(JSON.parse(await read(name)));
      const samples = parseSampleLines(await read(record.samples_file!), record.samples_file!);
      got.set(record.suite.id, { record, samples, name });
    }
    return got;
  }

  /** The records the page offers, by suite, read from their links. */
  const results = async (page: Page) =>
    new Map(
      (
        await page.$$eval("a[data-download$='.json']", (links) =>
          Promise.all(links.map((link) => fetch((link as HTMLAnchorElement).href).then((response) => response.text()))),
        )
      ).map((text) => {
        const record = resultRecordSchema.parse(JSON.parse(text));
        return [record.suite.id, record] as const;
      }),
    );

  it("scores MMLU 5-shot and TruthfulQA MC2 as Node does, and downloads a valid record and its samples", async () => {
    const context = await browser.newContext();
    const requested: string[] = [];
    context.on("request", (request) => requested.push(request.url()));
    const page = await openRunPage(context);
    await page.waitForLoadState("networkidle");
    expect(requested.filter((url) => /run-worker|ort-wasm|\/hub\/|\/samples\//.test(url))).toEqual([]);
    await expect.poll(() => page.textContent("#run-device-note")).toMatch(/^Runs on WebAssembly \(CPU\): /);

    await runTinyLm(page);
    await finished(page);
    expect(await page.isHidden("#run-error"), (await page.textContent("#run-error")) ?? "").toBe(true);
    // Before the run, the forward tokens it is, as many as Node ran; after it, all of them run.
    const tokens = SUITES.map((suite) => node.get(suite.id)!.forwardTokens);
    const total = (tokens[0]! + tokens[1]!).toLocaleString("en-US");
    expect(await page.textContent("#run-estimate")).toBe(
      `This run is ${total} forward tokens: MMLU ${tokens[0]!.toLocaleString("en-US")} (10 of 10 documents to compute), TruthfulQA MC2 ${tokens[1]} (3 of 3 documents to compute).`,
    );
    expect(await page.textContent("#run-tokens")).toMatch(
      new RegExp(`^${total} of ${total} forward tokens run · [\\d,]+ tokens/s · about 0 s left in all$`),
    );
    // Everything came from the site itself: the worker's chunk, ONNX Runtime's WebAssembly, the model, the data.
    expect(requested.filter((url) => !url.startsWith(origin) && !url.startsWith("blob:"))).toEqual([]);
    expect(requested.some((url) => /\/_astro\/ort-wasm-simd-threaded\.asyncify-[\w-]+\.wasm$/.test(url))).toBe(true);

    const browserResults = await downloads(page);
    expect([...browserResults.keys()]).toEqual(SUITES.map((suite) => suite.id));
    let maxDelta = 0;
    for (const suite of SUITES) {
      const ours = browserResults.get(suite.id)!;
      const theirs = node.get(suite.id)!;
      expect(ours.name).toBe(resultFileName(theirs.record));
      // The record: valid, the same model, suite, data and shots as Node's, and marked as a browser run.
      expect(ours.record.model).toEqual({ ...theirs.record.model, device: "wasm" });
      expect(ours.record.model.id).toBe("zoo:tiny-lm");
      expect(ours.record.suite).toEqual(theirs.record.suite);
      expect(ours.record.suite.dataset.sample).toBe(true);
      expect(ours.record.shots).toBe(suite.shots);
      expect(ours.record.environment).toMatchObject({ device: "wasm", zoo_version: "0.1.0" });
      expect(ours.record.environment.browser).toMatch(/\S+ \d+/);
      expect(ours.record.environment.node).toBeUndefined();
      expect(ours.record.environment.transformers_js).toBe(theirs.record.environment.transformers_js);
      expect(ours.record.environment.onnxruntime).toMatch(/^1\.\d+/);
      // Every request's log-likelihood, document by document, as Node's.
      expect(ours.samples.map((line) => [line.doc_id, line.requests])).toEqual(
        theirs.samples!.map((line) => [line.doc_id, line.requests]),
      );
      ours.samples.forEach((line, d) => {
        const expected = theirs.samples![d]!.responses as { logprob: number; is_greedy: boolean }[];
        (line.responses as { logprob: number; is_greedy: boolean }[]).forEach((response, r) => {
          maxDelta = Math.max(maxDelta, Math.abs(response.logprob - expected[r]!.logprob));
          expect(response.is_greedy).toBe(expected[r]!.is_greedy);
        });
        expect(line.metrics).toEqual(
          Object.fromEntries(
            Object.entries(theirs.samples![d]!.metrics).map(([name, value]) => [name, expect.closeTo(value, 6)]),
          ),
        );
      });
      // The same metrics and breakdown, to float noise.
      expect(Object.keys(ours.record.metrics)).toEqual(Object.keys(theirs.record.metrics));
      for (const [name, metric] of Object.entries(theirs.record.metrics)) {
        expect(ours.record.metrics[name]!.value, name).toBeCloseTo(metric.value, 6);
        expect(ours.record.metrics[name]!.stderr ?? 0, name).toBeCloseTo(metric.stderr ?? 0, 6);
      }
      expect(ours.record.groups.map(({ kind, name, documents }) => [kind, name, documents])).toEqual(
        theirs.record.groups.map(({ kind, name, documents }) => [kind, name, documents]),
      );
    }
    console.info(`/run/ page: max |Δ logprob| between Chromium (WASM) and Node: ${maxDelta.toExponential(2)}`);
    expect(maxDelta).toBeLessThan(LOGPROB_TOLERANCE);

    // The page shows the score with its standard error and 95% interval, and MMLU's categories.
    const mmlu = node.get("mmlu")!.record.metrics.acc!;
    expect(await page.textContent('.run-result[data-suite="mmlu"] [data-score]')).toContain(
      `${(mmlu.value * 100).toFixed(1)} ± ${(mmlu.stderr! * 100).toFixed(1)} (95% interval `,
    );
    expect(
      await page.$$eval('.run-result[data-suite="mmlu"] tr[data-category]', (rows) =>
        rows.map((row) => (row as HTMLElement).dataset.category),
      ),
    ).toEqual(["humanities", "other", "social_sciences", "stem"]);
    // And the command that reproduces it in Node: zoo bench on the CPU.
    expect(await page.textContent('.run-result[data-suite="mmlu"] [data-command]')).toBe(
      "pnpm bench --model zoo:tiny-lm --suite mmlu --shots 5 --sample --dtype fp32",
    );

    expect(errors).toEqual([]);
    await context.close();
  });

  /** How many answers this browser holds, all models together. */
  const savedAnswers = (page: Page) =>
    page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const opening = indexedDB.open("zoo-run");
          opening.onerror = () => reject(opening.error);
          opening.onsuccess = () => {
            const counting = opening.result.transaction("answers").objectStore("answers").count();
            counting.onsuccess = () => {
              opening.result.close();
              resolve(counting.result);
            };
          };
        }),
    );

  /** The "answered from the store: k of n" of a suite's result. */
  const fromStore = async (page: Page, suite: string) =>
    Number(
      /answered from the store: (\d+) of/.exec((await page.textContent(`.run-result[data-suite="${suite}"]`))!)![1],
    );

  it("resumes from the answers saved in IndexedDB after Stop and after a reload mid-run, to the same records", async () => {
    const answers = (suite: string) => node.get(suite)!.samples!.flatMap((line) => line.responses).length;
    const total = answers("mmlu") + answers("truthfulqa_mc2");
    const context = await browser.newContext();
    // As a person would: Stop the moment the page shows the first MMLU document computed, and, in the next run,
    // reload the page the moment it shows the first TruthfulQA document computed (keeping MMLU's result to read).
    await context.addInitScript(() => {
      new MutationObserver(() => {
        const bar = document.querySelector("#run-bar");
        if (Number(bar?.getAttribute("data-done")) - Number(bar?.getAttribute("data-cached")) < 1) return;
        const suite = bar!.getAttribute("data-suite");
        if (suite === "mmlu" && !sessionStorage.getItem("zoo-test-stopped")) {
          sessionStorage.setItem("zoo-test-stopped", "1");
          document.querySelector<HTMLButtonElement>("#run-stop")!.click();
        } else if (suite === "truthfulqa_mc2" && !sessionStorage.getItem("zoo-test-reloaded")) {
          const mmlu = document.querySelector('.run-result[data-suite="mmlu"]')!.textContent!;
          sessionStorage.setItem("zoo-test-reloaded", mmlu);
          location.reload();
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-done"] });
    });
    const page = await openRunPage(context);

    // Stopped mid-MMLU: what was computed is saved, the rest is not.
    await runTinyLm(page);
    await page.waitForFunction(() => /^Stopped\. \d/.test(document.querySelector("#run-status")!.textContent!));
    const stopped = (await page.textContent("#run-status"))!;
    const afterStop = Number(
      /^Stopped\. (\d+) answers of this model are saved in this browser: Run resumes from them\.$/.exec(stopped)?.[1],
    );
    expect(afterStop, stopped).toBeGreaterThanOrEqual(4);
    expect(afterStop).toBeLessThan(answers("mmlu"));
    expect(await savedAnswers(page)).toBe(afterStop);
    expect(await page.isDisabled("#run-stop")).toBe(true);

    // Run again: MMLU resumes from the store and finishes; the page is reloaded mid-TruthfulQA.
    await Promise.all([page.waitForEvent("load"), runTinyLm(page)]);
    const mmluResumed = (await page.evaluate(() => sessionStorage.getItem("zoo-test-reloaded")))!;
    const resumedFromStore = Number(/answered from the store: (\d+) of 10/.exec(mmluResumed)?.[1]);
    expect(resumedFromStore, mmluResumed).toBeGreaterThanOrEqual(1);
    expect(resumedFromStore).toBeLessThan(10);
    const afterReload = await savedAnswers(page);
    expect(afterReload).toBeGreaterThanOrEqual(answers("mmlu"));

    // After the reload, Run finishes the plan: MMLU all from the store, TruthfulQA resumed, the same records.
    await runTinyLm(page);
    await finished(page);
    expect(await page.textContent("#run-stored")).toBe(
      `${afterReload} answers of this model are saved in this browser: this run resumes from them.`,
    );
    expect(await page.isHidden("#run-error")).toBe(true);
    expect(await fromStore(page, "mmlu")).toBe(10);
    // TruthfulQA from the store: all of it only if the reload came after its last answer was saved.
    const truthfulqaFromStore = await fromStore(page, "truthfulqa_mc2");
    if (afterReload === total) expect(truthfulqaFromStore).toBe(3);
    else expect(truthfulqaFromStore).toBeLessThan(3);
    expect(await page.textContent("#run-status")).toBe(
      `Done: 2 suites scored; ${total} answers of this model are saved in this browser.`,
    );
    expect(await savedAnswers(page)).toBe(total);
    const final = await results(page);
    for (const suite of SUITES) {
      const record = final.get(suite.id)!;
      const theirs = node.get(suite.id)!.record;
      for (const [name, metric] of Object.entries(theirs.metrics))
        expect(record.metrics[name]!.value, name).toBeCloseTo(metric.value, 6);
      expect(record.groups.map(({ name, documents }) => [name, documents])).toEqual(
        theirs.groups.map(({ name, documents }) => [name, documents]),
      );
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  /** Runs what the page is set to, and the error it shows (or "" when it finished). */
  async function runToEnd(page: Page): Promise<string> {
    await page.click("#run-start");
    await finished(page);
    return (await page.isHidden("#run-error")) ? "" : (await page.textContent("#run-error"))!;
  }

  it("loads a dataset from the Hub, checked against its sha256 and kept in the browser, and says why one cannot be", async () => {
    const context = await browser.newContext();
    await routeHubDatasets(context, hub.url);
    const page = await openRunPage(context);
    await chooseTinyLm(page, ["truthfulqa_mc2"], "hub");
    const downloadedByNode = hub.downloads.length;
    const downloads = () => hub.downloads.slice(downloadedByNode);
    expect(await runToEnd(page)).toBe("");
    expect(downloads()).toEqual(["truthfulqa/truthful_qa/multiple_choice/validation-00000-of-00001.parquet"]);
    const theirs = node.get("hub:truthfulqa_mc2")!.record;
    const ours = (await results(page)).get("truthfulqa_mc2")!;
    expect(ours.suite.dataset).toEqual({
      id: "truthfulqa/truthful_qa",
      revision: DATASET_COMMIT,
      sample: false,
      hash: theirs.suite.dataset.hash,
    });
    expect(ours.documents).toBe(TRUTHFULQA_ROWS.length);
    expect(ours.metrics.acc!.value).toBeCloseTo(theirs.metrics.acc!.value, 6);
    expect(await page.textContent('.run-result[data-suite="truthfulqa_mc2"] h3')).toBe("TruthfulQA MC2");

    // Submitted as the page says: the two downloads in a folder, added with zoo results merge, and built by the site
    // as a browser run, listed apart from the nightly's.
    const submitted = await mkdtemp(join(tmpdir(), "zoo-run-submitted-"));
    for (const link of await page.$$("#run-results a[data-download]")) {
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      await download.saveAs(join(submitted, download.suggestedFilename()));
    }
    const resultsDir = await mkdtemp(join(tmpdir(), "zoo-run-results-"));
    const merge = spawnSync(
      process.execPath,
      [join(REPO_DIR, "packages", "cli", "bin", "zoo.js"), "results", "merge", submitted, "--output", resultsDir],
      {
        encoding: "utf8",
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ZOO_CACHE_DIR: process.env.ZOO_CACHE_DIR },
      },
    );
    const name = resultFileName(ours);
    expect([merge.status, merge.stderr]).toEqual([0, ""]);
    expect(merge.stdout).toBe(
      `added ${join(submitted, name)} (3 documents, a browser run (${ours.environment.browser}, wasm), listed apart until reproduced) as ${join(resultsDir, "zoo--tiny-lm", name)}\n`,
    );
    const site = await readSiteData({ catalog: await fixtureCatalog(), results: resultsDir });
    expect(site.scores.map(({ modelId, suite, unranked }) => ({ modelId, suite, unranked }))).toContainEqual({
      modelId: "zoo:tiny-lm",
      suite: "truthfulqa_mc2",
      unranked: "browser run",
    });

    // Run again: the dataset comes from this browser's cache, the answers from its store.
    expect(await runToEnd(page)).toBe("");
    expect(downloads()).toHaveLength(1);
    expect(await fromStore(page, "truthfulqa_mc2")).toBe(TRUTHFULQA_ROWS.length);

    await chooseTinyLm(page, ["mmlu"], "hub");
    expect(await runToEnd(page)).toBe(
      "the Hub refused cais/mmlu, mmlu's dataset (403): it is gated or private, and this page sends no access token. Score it with pnpm bench and HF_TOKEN, or choose the samples",
    );
    await chooseTinyLm(page, ["arithmetic_2da"], "hub");
    expect(await runToEnd(page)).toMatch(
      /^cannot load arithmetic_2da's data: EleutherAI\/arithmetic\/data\/two_digit_addition\.jsonl: downloaded content has sha256 [0-9a-f]{64}, the Hub lists 0{64}$/,
    );

    // No network: what this browser keeps still runs; what it does not is named.
    await context.unroute(HUB_DATASETS);
    await context.route("https://huggingface.co/**", (route) => route.abort("internetdisconnected"));
    await chooseTinyLm(page, ["truthfulqa_mc2"], "hub");
    expect(await runToEnd(page)).toBe("");
    await chooseTinyLm(page, ["truthfulqa_mc1"], "hub");
    await page.evaluate(() => caches.delete("zoo-datasets"));
    expect(await runToEnd(page)).toMatch(
      /^cannot download truthfulqa\/truthful_qa, truthfulqa_mc1's dataset, and this browser has no copy of it \(https:\/\/huggingface\.co: .+\): check the connection, or choose the samples$/,
    );
    expect(errors.filter((error) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(error))).toEqual([]);
    await context.close();
  });

  it("runs a catalogue model as the nightly does, and shows its leaderboard rows beside the result", async () => {
    const context = await browser.newContext();
    const commit = "89abcdef0123456789abcdef0123456789abcdef";
    // The fixture catalogue's base-7b (acme/base-7b-onnx) on the Hub: zoo's tiny LM's files, at one commit.
    await routeHubModel(context, "acme/base-7b-onnx", tinyLmServed(), commit);
    const page = await openRunPage(context);
    await chooseTinyLm(page, ["mmlu"]);
    await page.selectOption("#run-model", "base-7b");
    await page.selectOption("#run-dtype", "fp32");
    await page.fill("#run-limit", "1");
    expect(await runToEnd(page)).toBe("");
    const record = (await results(page)).get("mmlu")!;
    expect(record.model).toEqual({
      id: "base-7b",
      adapter: "transformers-js",
      repo: "acme/base-7b-onnx",
      revision: commit,
      dtype: "fp32",
      device: "wasm",
    });

    const board = JSON.parse(await readFile(join(site.dir, "api", "leaderboards", "mmlu.json"), "utf8")) as {
      rows: { model: string; provenance: string; value: number; rank: number | null }[];
    };
    const expected = board.rows.filter((row) => row.model === "base-7b");
    expect(expected.length).toBeGreaterThan(0);
    await page.waitForSelector('.run-result[data-suite="mmlu"] .run-board');
    const shown = await page.$$eval('.run-result[data-suite="mmlu"] .run-board tbody tr', (rows) =>
      rows.map((row) => [...row.children].map((cell) => cell.textContent)),
    );
    expect(shown.map((cells) => [cells[0], cells[3]])).toEqual(
      expected.map((row) => [
        row.provenance === "measured" ? "measured by zoo" : expect.stringMatching(/^reported by /),
        row.rank === null ? expect.stringMatching(/^not ranked: /) : `rank ${row.rank}`,
      ]),
    );
    expect(shown[0]![1]).toMatch(new RegExp(`^${expected[0]!.value.toFixed(1)}( ± \\d+\\.\\d)?$`));
    const runLink = await page.getAttribute('.run-result[data-suite="mmlu"] .run-board a', "href");
    expect(runLink).toBe(new URL("runs/base-7b/mmlu-5shot/", origin).href);
    await context.close();
  });

  it("says in one line why a model cannot be run: no such repo, no network, no ONNX weights, too large, a download cut off, a malformed name", async () => {
    const context = await browser.newContext();
    const commit = "0123456789abcdef0123456789abcdef01234567";
    const tinyLm = tinyLmServed();
    const fullDownloads: string[] = [];
    // The Hub, as this machine cannot reach it: a repo it lacks; no network at all for the catalogue entry's repo;
    // and repos holding the tiny LM's configuration and tokenizer with no ONNX weights (acme/no-onnx), with q8
    // weights of 5.4 GB (acme/huge), and with weights whose download the network cuts off (acme/cut).
    await context.route("https://huggingface.co/**", async (route) => {
      const request = route.request();
      const { pathname } = new URL(request.url());
      if (pathname.startsWith("/api/models/acme/base-7b-onnx/")) return route.abort("internetdisconnected");
      const repo = /^\/api\/models\/acme\/(no-onnx|huge|cut)\//.exec(pathname)?.[1];
      if (repo) return route.fulfill({ json: { id: `acme/${repo}`, sha: commit } });
      // Any revision, as the Hub answers (transformers.js looks for tokenizer_config.json at main first).
      const [, name, file] = /^\/acme\/(no-onnx|huge|cut)\/resolve\/[^/]+\/(.+)$/.exec(pathname) ?? [];
      const ranged = (await request.allHeaders()).range === "bytes=0-0";
      if (name === "huge" && file === "onnx/model_quantized.onnx" && ranged)
        return route.fulfill({
          status: 206,
          headers: { ...HUB_CORS_HEADERS, "Content-Range": "bytes 0-0/5368709120" },
          body: "0",
        });
      if (name === "cut" && file === "onnx/model.onnx") {
        if (ranged)
          return route.fulfill({
            status: 206,
            headers: { ...HUB_CORS_HEADERS, "Content-Range": "bytes 0-0/262144" },
            body: "0",
          });
        fullDownloads.push(`${name}/${file}`);
        return route.abort("connectionreset");
      }
      if (file && !file.startsWith("onnx/"))
        return route.fulfill({ body: await readFile(join(tinyLm, file)), contentType: "application/json" });
      if (file && !ranged) fullDownloads.push(`${name}/${file}`);
      return route.fulfill({ status: 404, json: { error: "Entry not found" } });
    });
    const page = await openRunPage(context);
    const failure = async () => {
      await page.click("#run-start");
      await page.waitForSelector("#run-error:not([hidden])", { timeout: 30_000 });
      expect(await page.isDisabled("#run-start")).toBe(false);
      expect(await page.isDisabled("#run-stop")).toBe(true);
      return page.textContent("#run-error");
    };

    await page.selectOption("#run-model", "hf:other");
    await page.fill("#run-repo", "zoo/not-on-this-site");
    expect(await failure()).toBe(
      "the Hub has no model repo zoo/not-on-this-site, or it is private or gated, which this page cannot open",
    );
    await page.fill("#run-repo", "acme/no-onnx");
    expect(await page.inputValue("#run-dtype")).toBe("q8");
    expect(await failure()).toBe(
      "acme/no-onnx has no onnx/model_quantized.onnx (its q8 weights): choose another dtype, or a repo with ONNX weights for transformers.js",
    );
    await page.fill("#run-repo", "acme/huge");
    expect(await failure()).toBe(
      "acme/huge's q8 weights are 5.4 GB, more than the 4 GiB of memory WebAssembly can address: choose a smaller dtype, WebGPU, or score it with pnpm bench",
    );
    await page.fill("#run-repo", "acme/cut");
    await page.selectOption("#run-dtype", "fp32");
    expect(await failure()).toMatch(/^cannot download acme\/cut's files: the network failed \(.+\)$/);
    // Nothing but the cut-off download was asked for in full: the weights' sizes come from one-byte ranges.
    expect(fullDownloads).toEqual(["cut/onnx/model.onnx"]);
    await page.fill("#run-repo", "not a repo");
    expect(await failure()).toBe('"not a repo" is not a Hub repo: expected org/name, or org/name@revision');

    await page.selectOption("#run-model", "base-7b");
    expect(await page.inputValue("#run-dtype")).toBe("q8");
    expect(await failure()).toMatch(
      /^cannot reach the Hugging Face Hub \(huggingface\.co\) to find acme\/base-7b-onnx: .+\. Check the connection, or whether something blocks huggingface\.co$/,
    );
    await context.close();
  });
});

if (!hasChromium) describe("scoring in Chromium (WebAssembly)", () => it.skip(CHROMIUM_MISSING, () => {}));
