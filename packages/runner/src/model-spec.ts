import { isAbsolute, resolve } from "node:path";
import { didYouMean, type ModelEntry } from "@zoo/catalog";

/** Where a transformers.js model comes from. */
export type ModelSource =
  | { kind: "hub"; repo: string; revision?: string }
  | { kind: "local"; dir: string }
  /** zoo's own tiny LM, written to the cache on first use: the offline demo and the test model. */
  | { kind: "tiny-lm" };

/** What `--model` names, resolved: the adapter and everything it needs, and the id results are filed under. */
export type ModelSpec =
  | { adapter: "transformers-js"; id: string; source: ModelSource; dtype?: string }
  | { adapter: "openai"; id: string; model: string; baseUrl?: string; apiKeyEnv?: string }
  | { adapter: "anthropic"; id: string; model: string; apiKeyEnv?: string }
  | { adapter: "random"; id: string; seed: number }
  | { adapter: "first"; id: string };

export const DEFAULT_RANDOM_SEED = 1234;
export const TINY_LM_MODEL = "zoo:tiny-lm";

/** A --model value that names nothing zoo can run: one line, with the catalogue id it was probably meant to be. */
export class ModelSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ModelSpecError";
  }
}

const REPO_ID = /^[\w.-]+\/[\w.-]+$/;

/** How a catalogue entry is run, from its `run:` section. */
export function catalogModelSpec(entry: ModelEntry): ModelSpec {
  const run = entry.run;
  if (run === undefined)
    throw new ModelSpecError(
      `${entry.id} has no run: section in the catalogue, so zoo does not know how to run it (add one, or name the model as hf:org/repo, openai:MODEL or anthropic:MODEL)`,
    );
  if (run.adapter === "transformers-js")
    return {
      adapter: "transformers-js",
      id: entry.id,
      source: { kind: "hub", repo: run.repo, ...(run.revision === undefined ? {} : { revision: run.revision }) },
      ...(run.dtype === undefined ? {} : { dtype: run.dtype }),
    };
  if (run.adapter === "openai")
    return {
      adapter: "openai",
      id: entry.id,
      model: run.model,
      ...(run.base_url === undefined ? {} : { baseUrl: run.base_url }),
      ...(run.api_key_env === undefined ? {} : { apiKeyEnv: run.api_key_env }),
    };
  return {
    adapter: "anthropic",
    id: entry.id,
    model: run.model,
    ...(run.api_key_env === undefined ? {} : { apiKeyEnv: run.api_key_env }),
  };
}

/**
 * The model a --model value names:
 * - a catalogue id (`gpt2`), run as its entry's `run:` section says;
 * - `hf:org/repo[@revision]`, a Hugging Face repo with ONNX weights, run by transformers.js;
 * - `local:PATH` (or a path starting with `.` or `/`), a local folder in the same layout;
 * - `openai:MODEL` (OpenAI, or any OpenAI-compatible server with --base-url), `anthropic:MODEL`;
 * - `random[:SEED]` and `first`, the baselines; `zoo:tiny-lm`, zoo's own tiny test model.
 */
export function parseModelSpec(value: string, entries: readonly ModelEntry[], cwd: string): ModelSpec {
  const entry = entries.find((candidate) => candidate.id === value);
  if (entry !== undefined) return catalogModelSpec(entry);
  if (value === TINY_LM_MODEL) return { adapter: "transformers-js", id: value, source: { kind: "tiny-lm" } };
  if (value === "first") return { adapter: "first", id: "first" };
  const random = /^random(?::(\d+))?$/.exec(value);
  if (random) {
    const seed = random[1] === undefined ? DEFAULT_RANDOM_SEED : Number(random[1]);
    return { adapter: "random", id: random[1] === undefined ? "random" : value, seed };
  }
  const [scheme, rest] = value.includes(":")
    ? [value.slice(0, value.indexOf(":")), value.slice(value.indexOf(":") + 1)]
    : [];
  if (scheme === "hf") {
    const [repo, revision] = rest!.split("@") as [string, string | undefined];
    if (!REPO_ID.test(repo)) throw new ModelSpecError(`"${value}": expected hf:org/repo or hf:org/repo@revision`);
    if (revision === "") throw new ModelSpecError(`"${value}": the revision after @ is empty`);
    return {
      adapter: "transformers-js",
      id: `hf:${repo}`,
      source: { kind: "hub", repo, ...(revision === undefined ? {} : { revision }) },
    };
  }
  const path = scheme === "local" ? rest! : value.startsWith(".") || isAbsolute(value) ? value : undefined;
  if (path !== undefined) {
    if (path === "") throw new ModelSpecError(`"${value}": expected local:PATH, a folder with config.json and onnx/`);
    const dir = resolve(cwd, path);
    return {
      adapter: "transformers-js",
      id: `local:${dir.split("/").filter(Boolean).at(-1) ?? dir}`,
      source: { kind: "local", dir },
    };
  }
  if ((scheme === "openai" || scheme === "anthropic") && rest !== "")
    return { adapter: scheme, id: value, model: rest! };
  if (scheme === "openai" || scheme === "anthropic") throw new ModelSpecError(`"${value}": expected ${scheme}:MODEL`);
  const suggestion = didYouMean(
    value,
    entries.map((candidate) => candidate.id),
  );
  throw new ModelSpecError(
    `no model "${value}": not a catalogue id${suggestion ? ` (did you mean "${suggestion}"?)` : ""}, nor hf:org/repo, local:PATH, openai:MODEL, anthropic:MODEL, random[:SEED], first or ${TINY_LM_MODEL}`,
  );
}
