import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import type { ModelAdapter, ModelIdentity } from "./adapter.ts";
import { AnthropicAdapter, ANTHROPIC_BASE_URL } from "./adapters/anthropic-adapter.ts";
import type { ApiOptions } from "./adapters/api-request.ts";
import { FirstChoiceAdapter, RandomAdapter } from "./adapters/baseline-adapters.ts";
import { OpenAiAdapter, OPENAI_BASE_URL } from "./adapters/openai-adapter.ts";
import type { QueueLimits } from "./adapters/request-queue.ts";
import { TransformersAdapter } from "./adapters/transformers-adapter.ts";
import { resolveHubRevision } from "./hub-revision.ts";
import type { BatchSize } from "./loglikelihood-plan.ts";
import type { ModelSpec } from "./model-spec.ts";
import { TINY_LM_SEED, writeTinyLm } from "./tiny-lm/tiny-lm.ts";

export const DEFAULT_HUB_URL = "https://huggingface.co";

export interface OpenAdapterOptions {
  /** zoo's cache folder: answers, downloaded models, the tiny LM. */
  cacheDir: string;
  /** transformers.js: the weight format and the device; defaults fp32 (or the entry's dtype) on the CPU. */
  dtype?: string;
  device?: string;
  batchSize: BatchSize;
  /** How a local model computes loglikelihoods: sharing contexts (default), or every pair alone (`pnpm perf`). */
  strategy?: "shared" | "naive";
  offline: boolean;
  hubUrl: string;
  accessToken?: string;
  /** An OpenAI-compatible server or an Anthropic endpoint other than the model's own. */
  baseUrl?: string;
  /** Where API keys are read from: the environment, never a file. */
  env: Record<string, string | undefined>;
  api: ApiOptions;
  limits: QueueLimits;
}

/** A model that cannot be opened: a missing key, a folder that is not a model, a download that failed. */
export class ModelOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ModelOpenError";
  }
}

export interface OpenedModel {
  adapter: ModelAdapter;
  /** Names the model's answers in the response cache: changes whenever they could. */
  cacheKey: string;
}

const hash = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");

/** A local model folder's state (every file's path, size and time), so that editing it invalidates cached answers. */
async function folderState(dir: string): Promise<[string, number, number][]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => {
    throw new ModelOpenError(`${dir}: no such folder`);
  });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  return Promise.all(
    files.map(async (file) => {
      const info = await stat(file);
      return [file.slice(dir.length), info.size, info.mtimeMs] as [string, number, number];
    }),
  );
}

function apiKey(env: OpenAdapterOptions["env"], name: string, required: boolean, model: string): string | undefined {
  const key = env[name];
  if (required && !key)
    throw new ModelOpenError(`${name} is not set: ${model} needs an API key, read from the environment only`);
  return key || undefined;
}

async function openTransformers(
  spec: Extract<ModelSpec, { adapter: "transformers-js" }>,
  options: OpenAdapterOptions,
): Promise<OpenedModel> {
  const dtype = options.dtype ?? spec.dtype ?? "fp32";
  const device = options.device ?? "cpu";
  const common = {
    dtype,
    device,
    batchSize: options.batchSize,
    cacheDir: join(options.cacheDir, "models"),
    ...(options.strategy ? { strategy: options.strategy } : {}),
  };
  let identity: ModelIdentity;
  let load: Parameters<typeof TransformersAdapter.load>[0];
  let state: unknown = null;
  const { source } = spec;
  if (source.kind === "hub") {
    const revision = await resolveHubRevision(source.repo, source.revision, {
      hubUrl: options.hubUrl,
      offline: options.offline,
      cacheDir: options.cacheDir,
      ...(options.accessToken === undefined ? {} : { accessToken: options.accessToken }),
    });
    identity = { adapter: "transformers-js", repo: source.repo, revision, dtype, device };
    if (options.offline) {
      // transformers.js keeps a commit's files as a model folder, <cache>/<repo>/<commit>/, and offline the model
      // loads from there: its Hub loader would first look for tokenizer_config.json at "main", which it never
      // caches, and fail.
      const snapshot = join(common.cacheDir, source.repo, revision);
      if (!existsSync(join(snapshot, "config.json")))
        throw new ModelOpenError(`offline, and ${source.repo}@${revision} is not downloaded: run it once online`);
      load = { ...common, identity, path: snapshot, offline: true };
    } else load = { ...common, identity, path: source.repo, revision, remoteHost: options.hubUrl, offline: false };
  } else {
    const dir = source.kind === "local" ? source.dir : join(options.cacheDir, "tiny-lm");
    if (source.kind === "tiny-lm" && !existsSync(join(dir, "onnx", "model.onnx"))) await writeTinyLm(dir);
    if (!existsSync(dir)) throw new ModelOpenError(`${dir}: no such folder`);
    if (!existsSync(join(dir, "config.json")))
      throw new ModelOpenError(
        `${dir} is not a model folder: it has no config.json (expected config.json, tokenizer.json and onnx/)`,
      );
    identity =
      source.kind === "tiny-lm"
        ? { adapter: "transformers-js", repo: "tiny-lm", revision: `seed-${TINY_LM_SEED}`, dtype, device }
        : { adapter: "transformers-js", repo: basename(dir), dtype, device };
    state = source.kind === "local" ? [dir, await folderState(dir)] : null;
    load = { ...common, identity, path: dir, offline: true };
  }
  const cacheKey = hash([identity, state]);
  try {
    return { adapter: await TransformersAdapter.load(load), cacheKey };
  } catch (error) {
    throw new ModelOpenError(`${spec.id}: cannot load the model: ${(error as Error).message.split("\n")[0]}`);
  }
}

/** The adapter that runs `spec`, ready to answer requests. */
export async function openAdapter(spec: ModelSpec, options: OpenAdapterOptions): Promise<OpenedModel> {
  let adapter: ModelAdapter;
  switch (spec.adapter) {
    case "transformers-js":
      return openTransformers(spec, options);
    case "openai": {
      const baseUrl = options.baseUrl ?? spec.baseUrl ?? OPENAI_BASE_URL;
      const key = apiKey(options.env, spec.apiKeyEnv ?? "OPENAI_API_KEY", baseUrl === OPENAI_BASE_URL, spec.id);
      adapter = new OpenAiAdapter({
        model: spec.model,
        baseUrl,
        api: options.api,
        limits: options.limits,
        ...(key ? { apiKey: key } : {}),
      });
      break;
    }
    case "anthropic": {
      const baseUrl = options.baseUrl ?? ANTHROPIC_BASE_URL;
      const key = apiKey(options.env, spec.apiKeyEnv ?? "ANTHROPIC_API_KEY", true, spec.id)!;
      adapter = new AnthropicAdapter({
        model: spec.model,
        baseUrl,
        apiKey: key,
        api: options.api,
        limits: options.limits,
      });
      break;
    }
    case "random":
      adapter = new RandomAdapter(spec.seed);
      break;
    case "first":
      adapter = new FirstChoiceAdapter();
      break;
  }
  return { adapter, cacheKey: hash([adapter.identity]) };
}
