import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import type { ChatMessage } from "@zoo/suites";
import type { ModelAdapter, ModelIdentity } from "./adapter.ts";
import { AnthropicAdapter, ANTHROPIC_BASE_URL } from "./adapters/anthropic-adapter.ts";
import type { ApiOptions } from "./adapters/api-request.ts";
import { FirstChoiceAdapter, RandomAdapter } from "./adapters/baseline-adapters.ts";
import { OpenAiAdapter, OPENAI_BASE_URL } from "./adapters/openai-adapter.ts";
import type { QueueLimits } from "./adapters/request-queue.ts";
import { TransformersAdapter, loadTokenizer } from "./adapters/transformers-adapter.ts";
import { startTokenizerThread } from "./adapters/tokenizer-thread.ts";
import { resolveHubRevision } from "./hub-revision.ts";
import type { BatchSize } from "./forward-batches.ts";
import type { Sharing } from "./prefix-tree.ts";
import { ChatTemplateError, chatTemplateRenderer } from "./chat-template.ts";
import type { ModelSpec } from "./model-spec.ts";
import { TINY_LM_SEED, writeTinyLm } from "./tiny-lm/tiny-lm.ts";

export interface OpenAdapterOptions {
  /** zoo's cache folder: answers, downloaded models, the tiny LM. */
  cacheDir: string;
  /** transformers.js: the weight format and the device; defaults fp32 (or the entry's dtype) on the CPU. */
  dtype?: string;
  device?: string;
  batchSize: BatchSize;
  /** What a local model's loglikelihood requests share: the prefix tree (default), or nothing (`--no-prefix-cache`). */
  sharing?: Sharing;
  offline: boolean;
  hubUrl: string;
  accessToken?: string;
  /** An OpenAI-compatible server or an Anthropic endpoint other than the model's own. */
  baseUrl?: string;
  /** Where API keys are read from: the environment, never a file. */
  env: Record<string, string | undefined>;
  api: ApiOptions;
  limits: QueueLimits;
  /** transformers.js: render chat transcripts with the tokenizer's chat template, its default or the one named. */
  chatTemplate?: { name?: string };
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

/** Where a transformers.js model's files are, what the record calls it, and what invalidates its cached answers. */
interface TransformersLocation {
  identity: ModelIdentity;
  path: string;
  revision?: string;
  remoteHost?: string;
  offline: boolean;
  /** A local folder's files (sizes and times), which name its answers in the cache with its identity. */
  state: unknown;
}

async function locateTransformers(
  spec: Extract<ModelSpec, { adapter: "transformers-js" }>,
  options: OpenAdapterOptions,
): Promise<TransformersLocation> {
  const dtype = options.dtype ?? spec.dtype ?? "fp32";
  const device = options.device ?? "cpu";
  const { source } = spec;
  if (source.kind === "hub") {
    const revision = await resolveHubRevision(source.repo, source.revision, {
      hubUrl: options.hubUrl,
      offline: options.offline,
      cacheDir: options.cacheDir,
      ...(options.accessToken === undefined ? {} : { accessToken: options.accessToken }),
    });
    const identity: ModelIdentity = { adapter: "transformers-js", repo: source.repo, revision, dtype, device };
    if (!options.offline)
      return { identity, path: source.repo, revision, remoteHost: options.hubUrl, offline: false, state: null };
    // transformers.js keeps a commit's files as a model folder, <cache>/<repo>/<commit>/, and offline the model
    // loads from there: its Hub loader would first look for tokenizer_config.json at "main", which it never
    // caches, and fail.
    const snapshot = join(modelsCache(options), source.repo, revision);
    if (!existsSync(join(snapshot, "config.json")))
      throw new ModelOpenError(`offline, and ${source.repo}@${revision} is not downloaded: run it once online`);
    return { identity, path: snapshot, offline: true, state: null };
  }
  const dir = source.kind === "local" ? source.dir : join(options.cacheDir, "tiny-lm");
  if (source.kind === "tiny-lm" && !existsSync(join(dir, "onnx", "model.onnx"))) await writeTinyLm(dir);
  if (!existsSync(dir)) throw new ModelOpenError(`${dir}: no such folder`);
  if (!existsSync(join(dir, "config.json")))
    throw new ModelOpenError(
      `${dir} is not a model folder: it has no config.json (expected config.json, tokenizer.json and onnx/)`,
    );
  const identity: ModelIdentity =
    source.kind === "tiny-lm"
      ? { adapter: "transformers-js", repo: "tiny-lm", revision: `seed-${TINY_LM_SEED}`, dtype, device }
      : { adapter: "transformers-js", repo: basename(dir), dtype, device };
  const state = source.kind === "local" ? [dir, await folderState(dir)] : null;
  return { identity, path: dir, offline: true, state };
}

/** Where transformers.js keeps downloaded models, under zoo's cache. */
const modelsCache = (options: OpenAdapterOptions) => join(options.cacheDir, "models");

async function openTransformers(
  spec: Extract<ModelSpec, { adapter: "transformers-js" }>,
  options: OpenAdapterOptions,
): Promise<OpenedModel> {
  const { state, ...location } = await locateTransformers(spec, options);
  // Answers to the same transcript rendered by another template are other answers.
  const template = options.chatTemplate ? [options.chatTemplate.name ?? "default"] : [];
  // Answers computed without the prefix tree are kept apart, so that checking it computes them again.
  const unshared = options.sharing !== undefined && options.sharing !== "prefix-tree" ? [options.sharing] : [];
  const cacheKey = hash([location.identity, state, ...template, ...unshared]);
  try {
    const adapter = await TransformersAdapter.load({
      startEncoder: startTokenizerThread,
      ...location,
      dtype: location.identity.dtype!,
      device: location.identity.device!,
      batchSize: options.batchSize,
      cacheDir: modelsCache(options),
      ...(options.sharing ? { sharing: options.sharing } : {}),
      ...(options.chatTemplate ? { chatTemplate: options.chatTemplate } : {}),
    });
    return { adapter, cacheKey };
  } catch (error) {
    if (error instanceof ChatTemplateError) throw new ModelOpenError(error.message);
    throw new ModelOpenError(`${spec.id}: cannot load the model: ${(error as Error).message.split("\n")[0]}`);
  }
}

/**
 * The chat template of a transformers.js model, ready to render transcripts as `zoo bench` renders them: only the
 * tokenizer is loaded (downloaded at the resolved commit, or read from the cache or a folder).
 */
export async function openChatRenderer(
  spec: ModelSpec,
  options: OpenAdapterOptions,
): Promise<(messages: readonly ChatMessage[]) => string> {
  if (spec.adapter !== "transformers-js")
    throw new ModelOpenError(
      `${spec.id} is not a transformers.js model: chat APIs take the turns as they are, with no template to render`,
    );
  const location = await locateTransformers(spec, options);
  try {
    const tokenizer = await loadTokenizer({ ...location, cacheDir: modelsCache(options) });
    return chatTemplateRenderer(tokenizer, location.identity.repo ?? spec.id, options.chatTemplate?.name);
  } catch (error) {
    if (error instanceof ChatTemplateError) throw new ModelOpenError(error.message);
    throw new ModelOpenError(`${spec.id}: cannot load the tokenizer: ${(error as Error).message.split("\n")[0]}`);
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
