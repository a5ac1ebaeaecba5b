import { readFile, readdir } from "node:fs/promises";
import type { Server } from "node:http";
import { join, relative, sep } from "node:path";
import { BENCHMARK_INFO, dateStart, type ReportedBenchmark } from "@zoo/catalog";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  LEADERBOARD_CSV_COLUMNS,
  type CombinedExport,
  type LeaderboardExport,
  type ResultsExport,
} from "../src/lib/api.ts";
import { csvField, toCsv } from "../src/lib/csv.ts";
import { absoluteUrl, pagePath, robotsTxt } from "../src/lib/discovery.ts";
import { listedInSitemap } from "../src/lib/sitemap-pages.ts";
import { serveStatic } from "../scripts/static-server.ts";
import { CHROMIUM, CHROMIUM_FLAGS, CHROMIUM_MISSING, FIXTURE_SITE_URL, hasChromium, sharedSite } from "./site-build.ts";

/*
 * What makes the site findable and its data reusable: the CSV exports beside the JSON API, the sitemap, robots.txt,
 * canonical and Open Graph tags, the models table's score columns, and the training-compute chart. The fixture
 * site is built once per test run (sharedSite) for ZOO_SITE_URL=https://zoo.example/.
 */

let site: Awaited<ReturnType<typeof sharedSite>>;

beforeAll(async () => {
  site = await sharedSite("fixture");
  if (site.code !== 0) throw new Error(`the fixture site did not build:\n${site.output}`);
});

const built = (path: string) => readFile(join(site.dir, path), "utf8");
const json = async <T>(path: string): Promise<T> => JSON.parse(await built(path)) as T;

/** The fields of the JSON exports the tests read. */
type Figure = { status: string; value?: number };
interface ExportedModel {
  id: string;
  name: string;
  organization: string;
  family: string;
  released: string;
  kind: string;
  parameters?: { total?: Figure; active?: Figure };
  context_length?: number;
  training_tokens?: Figure;
  license: string;
  openness: { weights: string };
  architecture?: { type: string };
  modalities: { input: string[]; output: string[] };
  derived: {
    licenseClass: string;
    commercialUse: string;
    openWeights: boolean;
    trainingComputeFlops?: { value: number; estimate: boolean };
  };
}
interface CatalogJson {
  models: ExportedModel[];
  organizations: { id: string; name: string }[];
}
/** A strict RFC 4180 reader, written apart from the site's writer: CRLF line ends, quotes doubled inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else quoted = false;
    } else if (char === '"') {
      if (field !== "" || wasQuoted) throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = wasQuoted = true;
    } else if (char === ",") {
      row.push(field);
      field = "";
      wasQuoted = false;
    } else if (char === "\r") {
      if (text[i + 1] !== "\n") throw new Error(`a CR without LF at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      wasQuoted = false;
      i += 1;
    } else if (char === "\n") throw new Error(`a bare LF at ${i}: lines end in CRLF`);
    else if (wasQuoted) throw new Error(`text after a closing quote at ${i}`);
    else field += char;
  }
  if (quoted || field !== "" || row.length > 0) throw new Error("the last record does not end in CRLF");
  for (const record of rows)
    if (record.length !== rows[0]!.length)
      throw new Error(`a record of ${record.length} fields, not ${rows[0]!.length}`);
  return rows;
}

/** The records of a CSV file as objects keyed by its header, and the header. */
async function csvFile(path: string): Promise<{ header: string[]; records: Record<string, string>[] }> {
  const [header, ...rows] = parseCsv(await built(path));
  return { header: header!, records: rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!]))) };
}

/** How a JSON value reads in a CSV cell. */
const cell = (value: unknown) => (value === null || value === undefined ? "" : String(value));

/** The built HTML pages, as paths relative to the site ("models/base-7b/index.html"). */
async function htmlFiles(dir = site.dir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => relative(site.dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

const decode = (text: string) =>
  text
    .replaceAll("&quot;", '"')
    .replaceAll("&#34;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");

/** The head's <meta> and <link> tags as attribute maps, and its title. */
function head(html: string): { title: string; tags: Record<string, string>[] } {
  const section = html.slice(html.indexOf("<head>"), html.indexOf("</head>"));
  const tags = [...section.matchAll(/<(meta|link)\b((?:[^>"]|"[^"]*")*)>/g)].map(([, tag, attributes]) => ({
    tag: tag!,
    ...Object.fromEntries(
      [...attributes!.matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, name, value]) => [name!, decode(value!)]),
    ),
  }));
  return { title: decode(/<title>([^<]*)<\/title>/.exec(section)?.[1] ?? ""), tags };
}
const metaContent = (tags: Record<string, string>[], key: string) =>
  tags.filter((tag) => tag.tag === "meta" && (tag.property === key || tag.name === key)).map((tag) => tag.content);

describe("CSV, written as RFC 4180 says", () => {
  it("quotes only the fields that need it, doubling quotes, and ends every line in CRLF", () => {
    expect(
      ["plain", 'say "hi"', "a,b", "two\nlines", "cr\rhere", " padded", 12.5, -3, true, false, null, undefined, ""].map(
        csvField,
      ),
    ).toEqual([
      "plain",
      '"say ""hi"""',
      '"a,b"',
      '"two\nlines"',
      '"cr\rhere"',
      '" padded"',
      "12.5",
      "-3",
      "true",
      "false",
      "",
      "",
      "",
    ]);
    const columns = [
      { name: "id", description: "", value: (row: { id: string; note?: string }) => row.id },
      { name: "note", description: "", value: (row: { id: string; note?: string }) => row.note },
    ];
    const text = toCsv(columns, [{ id: "a", note: 'x, "y"\r\nz' }, { id: "b" }]);
    expect(text).toBe('id,note\r\na,"x, ""y""\r\nz"\r\nb,\r\n');
    expect(parseCsv(text)).toEqual([
      ["id", "note"],
      ["a", 'x, "y"\r\nz'],
      ["b", ""],
    ]);
  });
});

describe("sitemap and robots.txt rules", () => {
  it("turns routes and their params into the paths the build writes", () => {
    expect(pagePath("/", {})).toBe("");
    expect(pagePath("/models", {})).toBe("models/");
    expect(pagePath("/models/[id]", { id: "base-7b" })).toBe("models/base-7b/");
    expect(pagePath("/runs/[...path]", { path: "base-7b/mmlu-5shot/samples/2" })).toBe(
      "runs/base-7b/mmlu-5shot/samples/2/",
    );
  });

  it("writes no absolute URL without the site's public URL", () => {
    expect(absoluteUrl("models/", undefined)).toBeUndefined();
    expect(absoluteUrl("models/", new URL("https://zoo.example/"))).toBe("https://zoo.example/models/");
    expect(robotsTxt(undefined)).toBe("User-agent: *\nDisallow: /compare/column/\n");
  });

  it("leaves the 404 page and the compare page's column fragments out of the sitemap, under any base", () => {
    for (const base of ["https://zoo.example/", "https://example.org/zoo/"]) {
      expect(listedInSitemap(`${base}models/base-7b/`)).toBe(true);
      expect(listedInSitemap(base)).toBe(true);
      expect(listedInSitemap(`${base}404/`)).toBe(false);
      expect(listedInSitemap(`${base}compare/column/base-7b/`)).toBe(false);
    }
  });
});

describe("the built exports", () => {
  it("gives the models table as CSV, row for row and value for value as the JSON API", async () => {
    const catalog = await json<CatalogJson>("api/models.json");
    const results = await json<ResultsExport>("api/results.json");
    const { header, records } = await csvFile("api/models.csv");
    expect(header).toEqual([
      "id",
      "name",
      "organization",
      "organization_name",
      "family",
      "released",
      "kind",
      "parameters",
      "parameters_status",
      "active_parameters",
      "context_length",
      "training_tokens",
      "license",
      "license_class",
      "commercial_use",
      "open_weights",
      "weights",
      "architecture",
      "input_modalities",
      "output_modalities",
      "training_compute_flops",
      "training_compute_estimate",
      "arithmetic_2da_measured",
      "mmlu_measured",
      "mmlu_reported",
      "truthfulqa_mc2_measured",
    ]);
    expect(records.map((record) => record.id)).toEqual(catalog.models.map((model: { id: string }) => model.id));
    const figure = (value?: { status: string; value?: number }) =>
      value?.status === "undisclosed" ? undefined : value?.value;
    // Measured: the newest ranked run per model and suite, from /api/results.json.
    const measured = (model: string, suite: string) => {
      const runs = results.runs
        .filter((run) => run.ranked && run.record.model.id === model && run.record.suite.id === suite)
        .sort((a, b) => b.record.date.localeCompare(a.record.date));
      const record = runs[0]?.record;
      return record && Number((record.metrics[record.suite.primary_metric]!.value * 100).toPrecision(12));
    };
    const reported = (model: string, benchmark: ReportedBenchmark) => {
      const { shots, method } = BENCHMARK_INFO[benchmark].standard;
      const own = results.reported.filter(
        (score) =>
          score.model === model && score.benchmark === benchmark && score.shots === shots && score.method === method,
      );
      // The maker's own first, then the newest.
      own.sort(
        (a, b) =>
          Number(b.by === "maker") - Number(a.by === "maker") || dateStart(b.date).localeCompare(dateStart(a.date)),
      );
      return own[0]?.value;
    };
    catalog.models.forEach((model, index) => {
      const organization = catalog.organizations.find((one: { id: string }) => one.id === model.organization);
      expect(records[index], model.id).toEqual({
        id: model.id,
        name: model.name,
        organization: model.organization,
        organization_name: organization?.name,
        family: model.family,
        released: model.released,
        kind: model.kind,
        parameters: cell(figure(model.parameters?.total)),
        parameters_status: cell(model.parameters?.total?.status),
        active_parameters: cell(figure(model.parameters?.active)),
        context_length: cell(model.context_length),
        training_tokens: cell(figure(model.training_tokens)),
        license: model.license,
        license_class: model.derived.licenseClass,
        commercial_use: model.derived.commercialUse,
        open_weights: String(model.derived.openWeights),
        weights: model.openness.weights,
        architecture: cell(model.architecture?.type),
        input_modalities: model.modalities.input.join(";"),
        output_modalities: model.modalities.output.join(";"),
        training_compute_flops: cell(model.derived.trainingComputeFlops?.value),
        training_compute_estimate: cell(model.derived.trainingComputeFlops?.estimate),
        arithmetic_2da_measured: cell(measured(model.id, "arithmetic_2da")),
        mmlu_measured: cell(measured(model.id, "mmlu")),
        mmlu_reported: cell(reported(model.id, "mmlu")),
        truthfulqa_mc2_measured: cell(measured(model.id, "truthfulqa_mc2")),
      });
    });
    // The exact cells: chat-7b's sample run (90%) and moe-8x1b's limited TruthfulQA run never count, nor
    // hostile-7b's chain-of-thought MMLU; its third party's 5-shot figure does, as no maker's figure is in that setting.
    expect(
      records.map((record) => [record.id, record.mmlu_measured, record.mmlu_reported, record.truthfulqa_mc2_measured]),
    ).toEqual([
      ["base-7b", "44.12", "45.3", "38.71"],
      ["chat-7b", "45.81", "", ""],
      ["hostile-7b", "", "50.2", ""],
      ["moe-8x1b", "62.03", "", ""],
    ]);
    expect(records[2]!.name).toBe('Hostile <img src=x onerror="window.__zooInjected=1"> 7B');
    expect(await built("api/models.csv")).toContain('"Hostile <img src=x onerror=""window.__zooInjected=1""> 7B"');
  });

  it("gives every leaderboard as CSV beside its JSON, row for row, and links it from the leaderboard page", async () => {
    const suites = (await readdir(join(site.dir, "leaderboards"), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(suites).toEqual(["arithmetic_2da", "mmlu", "truthfulqa_mc2"]);
    for (const suite of suites) {
      const exported = await json<LeaderboardExport>(`api/leaderboards/${suite}.json`);
      expect(exported.version).toBe(1);
      expect(exported.suite.id).toBe(suite);
      const { header, records } = await csvFile(`api/leaderboards/${suite}.csv`);
      expect(header).toEqual(LEADERBOARD_CSV_COLUMNS.map((column) => column.name));
      expect(Object.keys(exported.rows[0]!)).toEqual(header);
      expect(records).toEqual(
        exported.rows.map((row) =>
          Object.fromEntries(header.map((name) => [name, cell(row[name as keyof typeof row])])),
        ),
      );
      const page = await built(`leaderboards/${suite}/index.html`);
      expect(page).toContain(`<a href="/api/leaderboards/${suite}.csv">this leaderboard as CSV</a>`);
      expect(page).toContain(`<link rel="alternate" type="text/csv" href="/api/leaderboards/${suite}.csv"`);
    }
    const { records } = await csvFile("api/leaderboards/mmlu.csv");
    expect(
      records.map((row) => [
        row.rank,
        row.model,
        row.provenance,
        row.by,
        row.value,
        row.stderr,
        row.shots,
        row.method,
        row.unranked_reason,
      ]),
    ).toEqual([
      ["1", "moe-8x1b", "measured", "", "62.03", "0.41", "5", "direct", ""],
      ["2", "hostile-7b", "reported", "third-party", "50.2", "", "5", "direct", ""],
      ["3", "chat-7b", "measured", "", "45.81", "0.42", "5", "direct", ""],
      ["4", "base-7b", "measured", "", "44.12", "0.42", "5", "direct", ""],
      ["5", "random", "measured", "", "24.96", "0.37", "5", "direct", ""],
      ["", "hostile-7b", "reported", "maker", "61.7", "", "0", "chain-of-thought", "other setting"],
      ["", "chat-7b", "measured", "", "90", "10", "0", "direct", "sample data"],
    ]);
    const combined = await json<CombinedExport>("api/leaderboards/combined.json");
    // By default the benchmarks the most models share: MMLU alone, which all four have.
    expect(combined.benchmarks.map((benchmark: { id: string }) => benchmark.id)).toEqual(["mmlu"]);
    const csv = await csvFile("api/leaderboards/combined.csv");
    expect(csv.header).toEqual([
      "rank",
      "model",
      "name",
      "mean",
      "stderr",
      "low",
      "high",
      "covered",
      "partial_error",
      "mmlu",
      "mmlu_provenance",
    ]);
    expect(csv.records).toEqual(
      combined.rows.map((row) => {
        const { scores, ...fields } = row;
        return {
          ...Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, cell(value)])),
          mmlu: cell(scores.mmlu?.value),
          mmlu_provenance: cell(scores.mmlu?.provenance),
        };
      }),
    );
    // The leaderboards index names it in its head only: every <a> under /leaderboards/ there is a leaderboard page.
    const index = await built("leaderboards/index.html");
    expect(index).toContain('<link rel="alternate" type="text/csv" href="/api/leaderboards/combined.csv"');
    expect(index).not.toContain('<a href="/api/leaderboards/combined.csv"');
    expect(csv.records.map((row) => [row.rank, row.model, row.covered, row.mmlu, row.mmlu_provenance])).toEqual([
      ["1", "moe-8x1b", "1", "62.03", "measured"],
      ["2", "hostile-7b", "1", "50.2", "reported"],
      ["3", "chat-7b", "1", "45.81", "measured"],
      ["4", "base-7b", "1", "44.12", "measured"],
    ]);
  });

  it("documents every export on /api/ with its columns", async () => {
    const page = await built("api/index.html");
    for (const path of [
      "/api/models.csv",
      "/api/leaderboards/combined.csv",
      "/api/leaderboards/mmlu.csv",
      "/sitemap-index.xml",
    ])
      expect(page).toContain(`href="${path}"`);
    for (const column of [
      ...LEADERBOARD_CSV_COLUMNS.map((one) => one.name),
      "training_compute_flops",
      "mmlu_reported",
      "partial_error",
    ])
      expect(page, column).toContain(`<code>${column}</code>`);
  });
});

describe("sitemap, robots.txt, canonical and Open Graph tags", () => {
  it("lists every page in the sitemap, and robots.txt points at it", async () => {
    const index = [...(await built("sitemap-index.xml")).matchAll(/<loc>([^<]*)<\/loc>/g)].map(([, loc]) => loc!);
    expect(index).toEqual([`${FIXTURE_SITE_URL}sitemap-0.xml`]);
    const locs = [...(await built("sitemap-0.xml")).matchAll(/<loc>([^<]*)<\/loc>/g)].map(([, loc]) => loc!);
    const pages = (await htmlFiles())
      .filter((file) => file.endsWith("index.html") && !file.startsWith("compare/column/"))
      .map((file) => `${FIXTURE_SITE_URL}${file.slice(0, -"index.html".length)}`);
    expect(pages).toHaveLength(27);
    expect([...locs].sort()).toEqual(pages.sort());
    expect(locs).toContain("https://zoo.example/runs/base-7b/mmlu-5shot/samples/3/");
    expect(await built("robots.txt")).toBe(
      "User-agent: *\nDisallow: /compare/column/\n\nSitemap: https://zoo.example/sitemap-index.xml\n",
    );
  });

  it("gives every page its canonical URL, and Open Graph and Twitter tags with its own title and description", async () => {
    const descriptions = new Map<string, string>();
    for (const file of await htmlFiles()) {
      if (file.startsWith("compare/column/")) continue; // fragments the compare page fetches, not pages
      const { title, tags } = head(await built(file));
      const description = metaContent(tags, "description");
      expect(description, file).toHaveLength(1);
      expect(description[0]!.length, file).toBeGreaterThan(50);
      expect(metaContent(tags, "og:title"), file).toEqual([title]);
      expect(metaContent(tags, "twitter:title"), file).toEqual([title]);
      expect(metaContent(tags, "og:description"), file).toEqual(description);
      expect(metaContent(tags, "twitter:description"), file).toEqual(description);
      expect(metaContent(tags, "og:type"), file).toEqual(["website"]);
      expect(metaContent(tags, "og:site_name"), file).toEqual(["zoo"]);
      expect(metaContent(tags, "twitter:card"), file).toEqual(["summary"]);
      const canonical = tags.filter((tag) => tag.tag === "link" && tag.rel === "canonical").map((tag) => tag.href);
      if (file === "404.html") {
        expect(canonical).toEqual([]);
        expect(metaContent(tags, "og:url")).toEqual([]);
        expect(metaContent(tags, "robots")).toEqual(["noindex"]);
      } else {
        const url = `${FIXTURE_SITE_URL}${file.slice(0, -"index.html".length)}`;
        expect(canonical, file).toEqual([url]);
        expect(metaContent(tags, "og:url"), file).toEqual([url]);
        expect(metaContent(tags, "robots"), file).toEqual([]);
      }
      if (!/\/samples\/\d+\//.test(file)) {
        expect(
          [...descriptions.entries()].find(([, other]) => other === description[0]),
          file,
        ).toBeUndefined();
        descriptions.set(file, description[0]!);
      }
    }
    expect(descriptions.get("models/base-7b/index.html")).toBe(
      "Base 7B: a 7B-parameter open-weight base model by Acme Research, released 24 Feb 2023, under Apache-2.0 " +
        "(attribution). Its facts with their sources, derived facts, lineage and benchmark results.",
    );
    expect(descriptions.get("models/moe-8x1b/index.html")).toMatch(
      /^MoE 8x1B: a ~6\.4B-parameter closed-weight chat model/,
    );
    const hostile = head(await built("models/hostile-7b/index.html"));
    expect(metaContent(hostile.tags, "og:title")).toEqual([
      'Hostile <img src=x onerror="window.__zooInjected=1"> 7B · zoo',
    ]);
  });
});

describe.skipIf(!hasChromium)("in Chromium", () => {
  let browser: Browser;
  let server: Server;
  let origin: string;
  const errors: string[] = [];

  beforeAll(async () => {
    ({ server, url: origin } = await serveStatic(site.dir));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  async function open(path: string, javaScriptEnabled = true): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`${path}: ${message.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`${path}: ${error.message}`));
    expect((await page.goto(new URL(path, origin).href))?.status(), path).toBe(200);
    return page;
  }

  const visibleModels = (page: Page) =>
    page.$$eval("#models tbody tr[data-model]", (rows) =>
      rows.filter((row) => (row as HTMLElement).offsetParent !== null).map((row) => (row as HTMLElement).dataset.model),
    );
  const visibleColumns = (page: Page) =>
    page.$$eval("#models th[data-score-column]", (headers) =>
      headers
        .filter((header) => (header as HTMLElement).offsetParent !== null)
        .map((header) => (header as HTMLElement).dataset.scoreColumn),
    );
  const order = (page: Page) =>
    page.$$eval("#models tbody tr", (rows) => rows.map((row) => (row as HTMLElement).dataset.model));
  const query = (page: Page) => decodeURIComponent(new URL(page.url()).search);

  it("shows score columns on demand, sorts and filters on them, and keeps the choice in the URL", async () => {
    const page = await open("models/");
    expect(await visibleColumns(page)).toEqual([]);
    await page.click("#models-scores summary");
    await page.check('#models-scores input[name="scores"][value="mmlu"]');
    expect(await visibleColumns(page)).toEqual(["mmlu_measured", "mmlu_reported"]);
    expect(query(page)).toBe("?scores=mmlu");
    expect(
      await page.$$eval("#models tbody tr td.score-1", (cells) =>
        cells.map((cell) => (cell as HTMLElement).innerText.trim()),
      ),
    ).toEqual(["", "50.2", "62.0", "", "45.8", "", "44.1", "45.3"]); // CSS draws the dash of an empty cell

    await page.click('#models th[data-score-column="mmlu_measured"] button');
    expect(await page.getAttribute('#models th[data-score-column="mmlu_measured"]', "aria-sort")).toBe("descending");
    expect(await order(page)).toEqual(["moe-8x1b", "chat-7b", "base-7b", "hostile-7b"]);
    await page.click('#models th[data-score-column="mmlu_measured"] button');
    expect(await order(page)).toEqual(["base-7b", "chat-7b", "moe-8x1b", "hostile-7b"]);
    await page.click('#models th[data-score-column="mmlu_reported"] button');
    expect(await order(page)).toEqual(["hostile-7b", "base-7b", "chat-7b", "moe-8x1b"]);

    await page.selectOption('select[name="min-mmlu-measured"]', "50");
    expect(await visibleModels(page)).toEqual(["moe-8x1b"]);
    expect(await page.textContent("#models-filters-count")).toBe("1 of 4 models shown");
    expect(query(page)).toBe("?scores=mmlu&min-mmlu-measured=50");
    await page.selectOption('select[name="min-mmlu-measured"]', "0");
    await page.selectOption('#models-filters select[name="organization"]', "acme");
    expect(await visibleModels(page)).toEqual(["base-7b", "moe-8x1b"]);
    expect(query(page)).toBe("?organization=acme&scores=mmlu&min-mmlu-measured=0");
    await page.check('#models-scores input[name="scores"][value="truthfulqa_mc2"]');
    expect(query(page)).toBe("?organization=acme&scores=mmlu,truthfulqa_mc2&min-mmlu-measured=0");
    expect(await visibleColumns(page)).toEqual(["mmlu_measured", "mmlu_reported", "truthfulqa_mc2_measured"]);

    await page.click("#models-filters button[type=reset]");
    await expect.poll(() => query(page)).toBe("");
    expect(await visibleColumns(page)).toEqual([]);
    expect((await visibleModels(page)).length).toBe(4);
  });

  it("restores the columns and score filters from a shared link", async () => {
    const page = await open("models/?scores=truthfulqa_mc2&min-mmlu-reported=0");
    expect(await page.getAttribute("#models-scores", "open")).toBe("");
    expect(await page.isChecked('#models-scores input[value="truthfulqa_mc2"]')).toBe(true);
    expect(await page.isChecked('#models-scores input[value="mmlu"]')).toBe(false);
    expect(await page.inputValue('select[name="min-mmlu-reported"]')).toBe("0");
    // A filtered benchmark shows its columns too.
    expect(await visibleColumns(page)).toEqual(["mmlu_measured", "mmlu_reported", "truthfulqa_mc2_measured"]);
    expect(await visibleModels(page)).toEqual(["hostile-7b", "base-7b"]);
    expect(query(page)).toBe("?scores=truthfulqa_mc2&min-mmlu-reported=0");
  });

  it("shows and filters score columns without JavaScript", async () => {
    const page = await open("models/", false);
    expect(await visibleColumns(page)).toEqual([]);
    await page.click("#models-scores summary");
    await page.check('#models-scores input[name="scores"][value="arithmetic_2da"]');
    expect(await visibleColumns(page)).toEqual(["arithmetic_2da_measured"]);
    expect(
      await page.$$eval("#models tbody tr td.score-0", (cells) =>
        cells.map((cell) => (cell as HTMLElement).innerText.trim()),
      ),
    ).toEqual(["", "", "12.3", "8.2"]);
    await page.selectOption('select[name="min-mmlu-measured"]', "40");
    expect(await visibleModels(page)).toEqual(["moe-8x1b", "chat-7b", "base-7b"]);
    await page.selectOption('select[name="min-arithmetic_2da-measured"]', "10");
    expect(await visibleModels(page)).toEqual(["chat-7b"]);
    await page.selectOption('#models-filters select[name="organization"]', "acme");
    expect(await visibleModels(page)).toEqual([]);
  });

  it("plots training compute on a log scale, estimates as rings, every dot a link to its model", async () => {
    const page = await open("timelines/");
    const figure = page.locator("#compute ~ figure[data-chart]").first();
    expect(await figure.getAttribute("aria-label")).toBe(
      "Training compute (6·N·D FLOPs, log scale) against release date",
    );
    // The page is 1280 px wide: the chart shows its large drawing.
    const dots = await figure.locator('.chart-size[data-size="l"] svg a').evaluateAll((links) =>
      links.map((link) => ({
        href: link.getAttribute("href") ?? link.getAttribute("xlink:href"),
        fill: getComputedStyle(link.querySelector("circle")!).fill,
        opacity: getComputedStyle(link.querySelector("circle")!).fillOpacity,
        tip: link.getAttribute("data-tip"),
      })),
    );
    expect(dots).toEqual([
      {
        href: "/models/base-7b/",
        fill: "rgb(44, 127, 184)",
        opacity: "1",
        tip: "Base 7B\nAcme Research · released 24 Feb 2023\n8.40e22 FLOPs\n6 × N 7B parameters × D 2T tokens",
      },
      {
        href: "/models/moe-8x1b/",
        fill: "rgb(194, 24, 91)",
        opacity: "0",
        tip: "MoE 8x1B\nAcme Research · released 2024\n~3.84e22 FLOPs (from an estimate)\n6 × N ~6.4B parameters × D 1T tokens",
      },
    ]);
    expect(await figure.locator("figcaption").textContent()).toBe(
      "2 models, 1 of them from an estimate, on a log scale. 2 models whose parameters or training tokens are undisclosed are not plotted.",
    );
    // The middle of a ring takes the click too.
    await figure.locator('.chart-size[data-size="l"] svg a[href="/models/moe-8x1b/"] circle').click();
    await page.waitForURL(/\/models\/moe-8x1b\/$/);
    expect(errors).toEqual([]);
  });
});

// Only where chromium is missing: a skipped test whose name says why, so the report cannot hide it.
if (!hasChromium) describe("in Chromium", () => it.skip(CHROMIUM_MISSING, () => {}));
