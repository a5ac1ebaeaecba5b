import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/*
 * `pnpm --filter @zoo/site bench [MODELS] [RESULTS]`: writes a synthetic catalogue (5,000 models by default) and
 * synthetic result records (50,000), builds the site from them and prints how long it took. The licenses are the
 * real catalogue's; models, organizations, milestones and records are generated, valid under their schemas.
 */

const SITE = fileURLToPath(new URL("..", import.meta.url));
const REPO = join(SITE, "..");
const models = Number(process.argv[2] ?? 5000);
const results = Number(process.argv[3] ?? 50_000);
if (!Number.isInteger(models) || models < 1 || !Number.isInteger(results) || results < 0) {
  console.error("usage: pnpm --filter @zoo/site bench [MODELS] [RESULTS]");
  process.exit(2);
}

const ORGANIZATIONS = 200;
const SUITES = [
  { id: "mmlu", metric: "acc", chance: 0.25, documents: 14042 },
  { id: "truthfulqa_mc2", metric: "mc2", chance: null, documents: 817 },
  { id: "arithmetic_2da", metric: "acc", chance: 0, documents: 2000 },
  { id: "arithmetic_3ds", metric: "acc", chance: 0, documents: 2000 },
  { id: "hellaswag", metric: "acc_norm", chance: 0.25, documents: 10042 },
];
const SHOTS = [0, 1, 2, 3, 5, 10, 25, 50, 100, 200];

/** A deterministic pseudo-random stream (mulberry32), so every run of the benchmark builds the same site. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function writeCatalog(dir: string): Promise<void> {
  const next = random(1);
  await cp(join(REPO, "catalog", "licenses"), join(dir, "licenses"), { recursive: true });
  const milestones = Array.from(
    { length: 40 },
    (_, index) =>
      `  - { date: ${1980 + index}, name: Milestone ${index}, description: A synthetic milestone., source: { url: "https://history.example/${index}" } }`,
  );
  await writeFile(join(dir, "milestones.yaml"), `milestones:\n${milestones.join("\n")}\n`);
  const licenses = (await readdir(join(dir, "licenses"))).map((file) => file.replace(/\.yaml$/, ""));
  await mkdir(join(dir, "organizations"));
  await mkdir(join(dir, "models"));
  for (let index = 0; index < ORGANIZATIONS; index += 1) {
    await writeFile(
      join(dir, "organizations", `org-${index}.yaml`),
      `name: Organization ${index}\ncountry: US\nurl: https://org-${index}.example\n`,
    );
  }
  for (let index = 0; index < models; index += 1) {
    const billions = Math.round(10 ** (next() * 3.5 - 1) * 10) / 10 || 0.1;
    const year = 2018 + Math.floor(next() * 8);
    const month = String(1 + Math.floor(next() * 12)).padStart(2, "0");
    const open = next() < 0.6;
    const base = index > 10 && next() < 0.3 ? `\nbase_model: [model-${Math.floor(next() * index)}]` : "";
    const kind = base ? "fine-tune" : "base";
    const facts = [
      "released",
      "parameters",
      "context_length",
      "training_tokens",
      "license",
      "openness",
      ...(base ? ["base_model"] : []),
    ];
    await writeFile(
      join(dir, "models", `model-${index}.yaml`),
      `id: model-${index}
name: Model ${index}
organization: org-${index % ORGANIZATIONS}
family: family-${index % 500}
released: ${year}-${month}
description: Synthetic model ${index} for the site's build benchmark.
modalities: { input: [text], output: [text] }
kind: ${kind}${base}
parameters:
  total: ${billions}B
context_length: ${2 ** (11 + Math.floor(next() * 6))}
training_tokens: ${Math.ceil(billions * 20)}B
license: ${licenses[Math.floor(next() * licenses.length)]}
openness: { weights: ${open ? "open" : "closed"}, inference_code: open, training_code: closed, training_data: closed }
access: ${open ? "open-weights" : "api"}
sources:
  - url: https://org-${index % ORGANIZATIONS}.example/model-${index}
    facts: [${facts.join(", ")}]
reported:
  - { benchmark: mmlu, value: ${(25 + next() * 60).toFixed(1)}, shots: 5, method: direct, by: maker, source: "https://org-${index % ORGANIZATIONS}.example/model-${index}/report", date: ${year}-${month} }
`,
    );
  }
}

async function writeResults(dir: string): Promise<void> {
  const next = random(2);
  for (let index = 0; index < results; index += 1) {
    const model = `model-${index % models}`;
    const suite = SUITES[Math.floor(index / models) % SUITES.length]!;
    const shots = SHOTS[Math.floor(index / (models * SUITES.length)) % SHOTS.length]!;
    const value = (suite.chance ?? 0) + next() * (1 - (suite.chance ?? 0));
    const record = {
      schema_version: 1,
      model: {
        id: model,
        adapter: "transformers-js",
        repo: `org/${model}`,
        revision: "0123abcd",
        dtype: "q8",
        device: "cpu",
      },
      suite: {
        id: suite.id,
        version: "1",
        primary_metric: suite.metric,
        chance: suite.chance,
        dataset: {
          id: `data/${suite.id}`,
          revision: "r1",
          hash: `sha256:${createHash("sha256").update(suite.id).digest("hex")}`,
          sample: false,
        },
      },
      shots,
      limit: null,
      limited: false,
      documents: suite.documents,
      metrics: { [suite.metric]: { value, stderr: Math.sqrt((value * (1 - value)) / suite.documents) } },
      groups: [],
      timings: { wall_seconds: 100, items_per_second: 10, tokens_per_second: 1000 },
      environment: { zoo_version: "0.1.0", node: process.version, platform: `${process.platform}-${process.arch}` },
      date: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString(),
    };
    await mkdir(join(dir, model), { recursive: true });
    await writeFile(join(dir, model, `${suite.id}-${shots}shot.json`), JSON.stringify(record));
  }
}

const work = await mkdtemp(join(tmpdir(), "zoo-site-synthetic-"));
const catalog = join(work, "catalog");
const resultsDir = join(work, "results");
const out = join(SITE, "test-output", "sites", "synthetic");
console.log(`writing ${models} models and ${results} result records under ${work}`);
await writeCatalog(catalog);
await writeResults(resultsDir);
await rm(out, { recursive: true, force: true });

const started = performance.now();
const child = spawn(process.execPath, [join(SITE, "node_modules", "astro", "astro.js"), "build"], {
  cwd: SITE,
  env: {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: "1",
    ZOO_CATALOG_DIR: catalog,
    ZOO_RESULTS_DIR: resultsDir,
    ZOO_SITE_OUT_DIR: out,
  },
  stdio: ["ignore", "pipe", "inherit"],
});
let output = "";
child.stdout.on("data", (chunk: Buffer) => {
  output += chunk;
  for (const line of chunk.toString().split("\n")) if (/zoo-site|page\(s\) built|error/i.test(line)) console.log(line);
});
const code = await new Promise<number>((done) => child.on("close", (status) => done(status ?? 1)));
const seconds = (performance.now() - started) / 1000;
await rm(work, { recursive: true, force: true });
if (code !== 0) {
  console.error(`the synthetic build failed (exit ${code})`);
  process.exit(1);
}
const pages = /(\d+) page\(s\) built/.exec(output)?.[1] ?? "?";
console.log(
  `synthetic catalogue: ${models} models, ${results} results → ${pages} pages built in ${seconds.toFixed(1)} s (wall, astro build)`,
);
