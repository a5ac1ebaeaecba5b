import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { DTYPES, type ModelEntry } from "@zoo/catalog";
import {
  ApiError,
  CapabilityError,
  DEFAULT_API_OPTIONS,
  HubModelError,
  ModelOpenError,
  ModelSpecError,
  ResponseCache,
  TINY_LM_MODEL,
  openAdapter,
  parseModelSpec,
  parseShard,
  runSuite,
  writeResult,
  type BatchSize,
  type ModelSpec,
  type Shard,
  type TokenUsage,
} from "@zoo/runner";
import { expandSuites, listSuites, type DataSource, type ResultRecord, type SuiteIo } from "@zoo/suites";
import { defaultCacheDir, nodeSuiteIo } from "@zoo/suites/node";
import { Command, InvalidArgumentError } from "commander";
import packageJson from "../../package.json" with { type: "json" };
import { checkoutRoot } from "../catalog-dir.ts";
import { CliError, UsageError } from "../cli-error.ts";
import type { Context } from "../context.ts";
import { formatTable } from "../format-table.ts";
import { hubUrlFromEnvironment, hubUrlOption } from "../hub-url.ts";
import { loadValidCatalog } from "../load-catalog.ts";
import { ensureWritableFolder } from "../writable-folder.ts";
import { nonNegativeIntegerOption, positiveIntegerOption } from "../option-parsers.ts";
import { progressReporter } from "../progress-display.ts";
import { addPromptOptions, chatTemplateName, promptOptions, type PromptFlags } from "../prompt-flags.ts";
import { addDataOptions, dataSource, loadSuiteForCli, suiteErrorLine, type DataFlags } from "../suite-loading.ts";

/** Exit status of a run stopped by Ctrl-C, as shells report a process ended by SIGINT. */
const EXIT_INTERRUPTED = 130;
const DEMO_OUTPUT = "zoo-bench-demo";

interface BenchOptions extends DataFlags, PromptFlags {
  model?: string;
  suite: string;
  shots?: number;
  limit?: number;
  batchSize: BatchSize;
  /** false with --no-prefix-cache. */
  prefixCache: boolean;
  concurrency: number;
  rpm?: number;
  timeout: number;
  retries: number;
  dtype?: string;
  device?: string;
  baseUrl?: string;
  hubUrl?: string;
  offline?: boolean;
  output?: string;
  logSamples?: boolean;
  shard?: Shard;
  apiKeyEnv?: string;
  skipIfNoKey?: boolean;
}

function batchSizeOption(value: string): BatchSize {
  if (value === "auto") return "auto";
  return positiveIntegerOption(value);
}

function shardOption(value: string): Shard {
  const shard = parseShard(value);
  if (shard === undefined) throw new InvalidArgumentError("expected i/n with 0 ≤ i < n, such as 0/4");
  return shard;
}

function dtypeOption(value: string): string {
  if (!(DTYPES as readonly string[]).includes(value))
    throw new InvalidArgumentError(`expected one of transformers.js's dtypes: ${DTYPES.join(", ")}`);
  return value;
}

function secondsOption(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0)
    throw new InvalidArgumentError("expected seconds, such as 30");
  return Number(value);
}

function environmentVariableOption(value: string): string {
  if (!/^[A-Z_][A-Z0-9_]*$/.test(value))
    throw new InvalidArgumentError("expected a variable name such as OPENAI_API_KEY");
  return value;
}

function urlOption(value: string): string {
  if (!/^https?:\/\/[^/]/.test(value)) throw new InvalidArgumentError("expected an http(s) URL");
  return value.replace(/\/+$/, "");
}

/** The catalogue's entries where there is a catalogue to read (there need not be, for hf: or openai: models). */
async function catalogueEntries(context: Context): Promise<readonly ModelEntry[]> {
  if (checkoutRoot(context.io.cwd) === undefined) return [];
  return (await loadValidCatalog(context.io, undefined)).models;
}

function formatMetric(record: ResultRecord): string {
  const metric = record.metrics[record.suite.primary_metric];
  if (metric === undefined) return "–";
  const value = (metric.value * 100).toFixed(2);
  return metric.stderr === null ? value : `${value} ± ${(metric.stderr * 100).toFixed(2)}`;
}

/** The chance level in percent, where the suite has one. */
function chanceLabel(record: ResultRecord): string {
  return record.suite.chance === null ? "–" : (record.suite.chance * 100).toFixed(2);
}

/** The run's time, and how much of it the cache answered: a run answered from the cache has no speed to show. */
function timeLabel(record: ResultRecord): string {
  const seconds = `${record.timings.wall_seconds.toFixed(1)} s`;
  const cached = record.timings.documents_cached ?? 0;
  if (cached === 0) return seconds;
  return `${seconds}, ${cached === record.documents ? "all" : cached.toLocaleString("en-US")} from the cache`;
}

function dataLabel(record: ResultRecord): string {
  const { dataset } = record.suite;
  const revision =
    dataset.revision && /^[0-9a-f]{40}$/.test(dataset.revision) ? dataset.revision.slice(0, 7) : dataset.revision;
  const base = dataset.sample ? "sample" : `${dataset.id}${revision ? `@${revision}` : ""}`;
  return record.limited ? `${base}, first ${record.documents}` : base;
}

/** Tokens an API billed for the run, and their cost at the price the catalogue entry states, if it states one. */
function usageLine(usage: readonly TokenUsage[], run: ModelEntry["run"]): string {
  const input = usage.reduce((sum, each) => sum + each.input_tokens, 0);
  const output = usage.reduce((sum, each) => sum + each.output_tokens, 0);
  const tokens = `tokens: ${input.toLocaleString("en-US")} in, ${output.toLocaleString("en-US")} out`;
  const price = run && run.adapter !== "transformers-js" ? run.price_per_mtok : undefined;
  if (price === undefined) return `${tokens} (no price in the catalogue entry)`;
  const dollars = (input * price.input + output * price.output) / 1e6;
  return `${tokens}, about $${dollars.toFixed(2)} at $${price.input}/$${price.output} per million (${price.source}, ${price.date})`;
}

/** The data a run reads, in words. */
function dataWords(data: DataSource | undefined): string {
  if (data === undefined) return "the real datasets";
  if (data.kind === "sample") return "the offline samples";
  if (data.kind === "local") return `the local copy in ${data.dir}`;
  if (data.kind === "generated") return `the generated items (seed ${data.seed})`;
  return `the Hub's datasets at ${data.revision ?? "main"}`;
}

/** A path relative to where the user stands when it lies below, else absolute. */
function shownPath(cwd: string, path: string): string {
  const inside = relative(cwd, path);
  return inside === "" || inside.startsWith("..") || inside.startsWith(sep) ? path : inside;
}

/** Errors of the runner that are the user's to fix, each as one line. */
function runnerErrorLine(error: unknown): CliError | undefined {
  if (
    error instanceof ModelSpecError ||
    error instanceof ModelOpenError ||
    error instanceof HubModelError ||
    error instanceof CapabilityError ||
    error instanceof ApiError
  )
    return new CliError(error.message);
  return suiteErrorLine(error);
}

export function benchCommand(context: Context): Command {
  const command = new Command("bench")
    .description(
      `score a model on benchmark suites and write result records; with no --model, runs ${TINY_LM_MODEL} on the offline samples`,
    )
    .option(
      "--model <model>",
      `a catalogue id, hf:org/repo[@revision], local:PATH, openai:MODEL, anthropic:MODEL, random[:SEED], first or ${TINY_LM_MODEL}`,
    )
    .option(
      "--suite <suites>",
      "suites or groups, comma-separated (leaderboard, truthfulqa, arithmetic, …)",
      "leaderboard",
    )
    .option("--shots <k>", "few-shot examples per prompt (default: each suite's own, MMLU 5)", nonNegativeIntegerOption)
    .option(
      "--limit <n>",
      "only the first N documents (of each subject); such a run is never ranked",
      positiveIntegerOption,
    );
  return addPromptOptions(addDataOptions(command))
    .option(
      "--batch-size <n|auto>",
      "rows per forward pass for local models (auto: up to 8,192 padded tokens)",
      batchSizeOption,
      1,
    )
    .option(
      "--no-prefix-cache",
      "local models: run every loglikelihood request's whole input on its own, sharing no forward pass (to check the prefix tree)",
    )
    .option("--concurrency <n>", "API requests in flight at once", positiveIntegerOption, 4)
    .option("--rpm <n>", "at most N API requests in any minute", positiveIntegerOption)
    .option("--timeout <seconds>", "per API request attempt", secondsOption, DEFAULT_API_OPTIONS.timeoutMs / 1000)
    .option(
      "--retries <n>",
      "retries of an API request on 429, 5xx, timeouts and dropped connections",
      nonNegativeIntegerOption,
      DEFAULT_API_OPTIONS.retries,
    )
    .option(
      "--dtype <dtype>",
      `transformers.js weights: ${DTYPES.join(", ")} (default: the entry's, else fp32)`,
      dtypeOption,
    )
    .option("--device <device>", "transformers.js device: cpu, cuda, webgpu, dml (default cpu)")
    .option(
      "--base-url <url>",
      "an OpenAI-compatible server (vLLM, TGI, llama.cpp, Ollama) or another Anthropic endpoint",
      urlOption,
    )
    .option(
      "--hub-url <url>",
      "the Hugging Face Hub's address (default: $HF_ENDPOINT, else https://huggingface.co)",
      hubUrlOption,
    )
    .option("--offline", "never touch the network: models and datasets come from the cache")
    .option(
      "--output <dir>",
      `where records go, under <model>/ (default: benchmarks/results; with no --model, a ${DEMO_OUTPUT} temp folder)`,
    )
    .option("--log-samples", "also write every document's prompt, answers and metrics beside the record (JSONL)")
    .option(
      "--shard <i/n>",
      "run part i (from 0) of n of each suite's documents; join the parts with zoo results merge",
      shardOption,
    )
    .option(
      "--api-key-env <name>",
      "the environment variable holding the API key (default: the entry's, else OPENAI_API_KEY or ANTHROPIC_API_KEY)",
      environmentVariableOption,
    )
    .option(
      "--skip-if-no-key",
      "when the API key is not set, say so (a GitHub notice in Actions) and exit 0 instead of failing",
    )
    .action(async (options: BenchOptions) => {
      const { io } = context;
      const demo = options.model === undefined;
      const entries = await catalogueEntries(context);
      let spec: ModelSpec;
      try {
        spec = parseModelSpec(options.model ?? TINY_LM_MODEL, entries, io.cwd);
      } catch (error) {
        throw runnerErrorLine(error) ?? error;
      }
      const prompt = promptOptions(options);
      if (options.apiKeyEnv !== undefined && (spec.adapter === "openai" || spec.adapter === "anthropic"))
        spec = { ...spec, apiKeyEnv: options.apiKeyEnv };
      // A self-hosted OpenAI-compatible server may need no key; OpenAI's own API and Anthropic's always do.
      const needsKey =
        spec.adapter === "anthropic" || (spec.adapter === "openai" && (options.baseUrl ?? spec.baseUrl) === undefined);
      if (options.skipIfNoKey && needsKey && (spec.adapter === "openai" || spec.adapter === "anthropic")) {
        const name = spec.apiKeyEnv ?? (spec.adapter === "openai" ? "OPENAI_API_KEY" : "ANTHROPIC_API_KEY");
        if (!io.env[name]) {
          const message = `skipped ${spec.id}: ${name} is not set`;
          io.err(
            io.env.GITHUB_ACTIONS === "true" ? `::notice title=zoo bench::${message}\n` : `zoo bench: ${message}\n`,
          );
          return;
        }
      }
      const cacheDir = defaultCacheDir(io.env);
      await ensureWritableFolder(cacheDir, io.env.ZOO_CACHE_DIR ? "ZOO_CACHE_DIR" : "the cache folder");
      const suiteIo: SuiteIo = {
        ...nodeSuiteIo({ cwd: io.cwd, env: io.env, cacheDir }),
        ...(options.hubUrl ? { hubUrl: options.hubUrl } : {}),
        ...(options.offline ? { fetch: () => Promise.reject(new Error("offline (--offline)")) } : {}),
      };
      const names = options.suite
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean);
      if (names.length === 0) throw new UsageError("--suite names no suite");
      const suites = await expandSuites(names, suiteIo).catch((error: unknown) => {
        throw suiteErrorLine(error) ?? error;
      });
      const data = dataSource(options) ?? (demo ? { kind: "sample" as const } : undefined);
      const root = checkoutRoot(io.cwd);
      const output = options.output
        ? resolve(io.cwd, options.output)
        : demo
          ? join(tmpdir(), DEMO_OUTPUT)
          : join(root ?? io.cwd, "benchmarks", "results");
      // Before any work: a run of hours must not end by failing to write its records.
      await ensureWritableFolder(output, options.output === undefined ? "the results folder" : "--output");
      if (demo)
        io.err(
          `zoo bench: no --model given, so this runs ${TINY_LM_MODEL}, zoo's own tiny LM (random weights, written locally), ` +
            `on ${dataWords(data)} of ${options.suite}, writing to ${output}. Name a model with --model.\n`,
        );

      const token = io.env.HF_TOKEN || undefined;
      let opened;
      try {
        opened = await openAdapter(spec, {
          cacheDir,
          batchSize: options.batchSize,
          ...(options.prefixCache ? {} : { sharing: "none" as const }),
          offline: options.offline ?? false,
          hubUrl: options.hubUrl ?? hubUrlFromEnvironment(io.env.HF_ENDPOINT),
          env: io.env,
          api: { ...DEFAULT_API_OPTIONS, timeoutMs: options.timeout * 1000, retries: options.retries },
          limits: { concurrency: options.concurrency, ...(options.rpm ? { requestsPerMinute: options.rpm } : {}) },
          ...(token ? { accessToken: token } : {}),
          ...(options.dtype ? { dtype: options.dtype } : {}),
          ...(options.device ? { device: options.device } : {}),
          ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
          ...(prompt?.chat && spec.adapter === "transformers-js"
            ? { chatTemplate: { ...(chatTemplateName(options) ? { name: chatTemplateName(options)! } : {}) } }
            : {}),
        });
      } catch (error) {
        throw runnerErrorLine(error) ?? error;
      }
      const { adapter } = opened;
      const cache = ResponseCache.open(cacheDir, opened.cacheKey);
      // A chat API renders nothing: it takes the turns as they are, whatever template name was given.
      const chatTemplate = !prompt?.chat
        ? undefined
        : spec.adapter === "transformers-js"
          ? (chatTemplateName(options) ?? "default")
          : "api";
      const controller = new AbortController();
      const interrupt = () => {
        if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
        controller.abort();
      };
      process.on("SIGINT", interrupt);
      process.on("SIGTERM", interrupt);
      const progress = progressReporter(io);
      const rows: string[][] = [];
      const usage: TokenUsage[] = [];
      const infos = new Map((await listSuites(suiteIo)).map((suite) => [suite.id, suite]));
      let current = "";
      try {
        for (const suite of suites) {
          current = suite;
          // A custom suite reads the file its YAML names, which is already marked as sample data or not.
          const ownData = data?.kind === "sample" && infos.get(suite)?.file !== undefined;
          const run = await loadSuiteForCli(suiteIo, suite, {
            ...(data === undefined || ownData ? {} : { data }),
            ...(options.shots === undefined ? {} : { shots: options.shots }),
            ...(options.limit === undefined ? {} : { limit: options.limit }),
            ...(prompt ? { prompt } : {}),
          });
          const result = await runSuite({
            modelId: spec.id,
            adapter,
            cache,
            run,
            logSamples: options.logSamples ?? false,
            environment: {
              zoo_version: packageJson.version,
              node: process.version,
              platform: `${process.platform}-${process.arch}`,
            },
            onProgress: progress.update,
            signal: controller.signal,
            ...(options.limit === undefined ? {} : { limit: options.limit }),
            ...(options.shard ? { shard: options.shard } : {}),
            ...(chatTemplate ? { chatTemplate } : {}),
          });
          progress.finish();
          const path = await writeResult(output, result);
          const { record } = result;
          if (record.usage) usage.push(record.usage);
          rows.push([
            infos.get(record.suite.id)?.title ?? record.suite.id,
            String(record.shots),
            dataLabel(record),
            record.suite.primary_metric,
            formatMetric(record),
            chanceLabel(record),
            record.documents.toLocaleString("en-US"),
            timeLabel(record),
            shownPath(io.cwd, path),
          ]);
        }
      } catch (error) {
        progress.finish();
        if (controller.signal.aborted)
          throw new CliError(
            `interrupted during ${current}: every answer so far is saved (${cache.size} in ${shownPath(io.cwd, cache.file)}); run the same command again to resume`,
            EXIT_INTERRUPTED,
          );
        const line = runnerErrorLine(error);
        if (line)
          throw new CliError(
            `${current}: ${line.message}${rows.length > 0 ? ` (${rows.length} suite(s) finished and written)` : ""}`,
          );
        throw error;
      } finally {
        process.off("SIGINT", interrupt);
        process.off("SIGTERM", interrupt);
        cache.close();
        await adapter.dispose();
        if (rows.length > 0)
          io.out(
            `\n${spec.id}\n` +
              formatTable(
                ["suite", "shots", "data", "metric", "score (%)", "chance (%)", "documents", "time", "record"],
                rows,
              ) +
              (demo
                ? `\nThese scores show the harness working end to end, not a model's skill: ${TINY_LM_MODEL} has random weights and scores about chance. Name a model with --model.\n`
                : "") +
              (usage.length > 0 ? `\n${usageLine(usage, entries.find((entry) => entry.id === spec.id)?.run)}\n` : ""),
          );
      }
    });
}
