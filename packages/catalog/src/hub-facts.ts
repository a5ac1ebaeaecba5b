import { HubApiError, listFiles, modelInfo, parseSafetensorsMetadata } from "@huggingface/hub";
import { z } from "zod";
import { HubUnreachableError } from "./hub-fetch.ts";
import { onnxDtypes } from "./onnx-dtypes.ts";
import { catalogErrorMap } from "./schema-problems.ts";
import type { Dtype } from "./run-spec.ts";

/** What the Hub says of one model repo at one commit. */
export interface HubModelFacts {
  /** The repo id as the Hub spells it. */
  repo: string;
  /** The commit these facts were read at. */
  sha: string;
  lastModified: string;
  gated: false | "auto" | "manual";
  private: boolean;
  /** The model card's license tags (or the repo's license:… tags when the card has none). */
  licenses: string[];
  /** The card's license_name, which names the license when the tag is "other". */
  licenseName?: string;
  pipelineTag?: string;
  library?: string;
  tags: string[];
  /** All parameters, from the Hub's own count or else from the safetensors headers. */
  parameters?: { total: number; from: "hub" | "safetensors" };
  downloads: number;
  likes: number;
}

/** The ONNX weights transformers.js can load from a repo's onnx/ folder. */
export interface OnnxVariants {
  repo: string;
  revision: string;
  dtypes: Dtype[];
  files: { path: string; size: number }[];
}

/** Everything one sync of one entry learnt from the Hub. */
export interface HubReading {
  model?: HubModelFacts;
  onnx?: OnnxVariants;
  /** Facts that could not be read, and why: "parameter count not read: the repo is gated …". */
  notes: string[];
}

export type HubFailure = "not-found" | "gated" | "malformed" | "failed";

/** The Hub could not tell us about a repo: missing, gated, a malformed answer, or an error status. */
export class HubRepoError extends Error {
  constructor(
    readonly repo: string,
    readonly failure: HubFailure,
    message: string,
  ) {
    super(`${repo}: ${message}`);
    this.name = "HubRepoError";
  }
}

export interface HubReadOptions {
  /** The Hub's address (default https://huggingface.co). */
  hubUrl?: string | undefined;
  /** A Hugging Face token (hf_…), for gated and private repos. */
  accessToken?: string | undefined;
  /** The fetch to use: createHubFetch's, for concurrency limits and retries. */
  fetch?: typeof fetch;
}

/** Where to read ONNX variants: the repo transformers.js runs, at the revision it pins. */
export interface OnnxSource {
  repo: string;
  revision?: string | undefined;
}

const MODEL_FIELDS = ["cardData", "safetensors", "library_name", "tags", "sha"] as const;

/** The parts of modelInfo's answer that sync relies on; anything else in it may change freely. */
const modelInfoSchema = z.object({
  name: z.string().min(1),
  sha: z.string().regex(/^[0-9a-f]{40}$/, { error: "expected a 40-hex-digit commit" }),
  private: z.boolean(),
  gated: z.union([z.literal(false), z.enum(["auto", "manual"])]),
  task: z.string().nullish(),
  downloads: z.number().int().nonnegative(),
  likes: z.number().int().nonnegative(),
  updatedAt: z.date({ error: "expected a lastModified date" }),
  cardData: z
    .looseObject({
      license: z.union([z.string(), z.array(z.string())]).nullish(),
      license_name: z.string().nullish(),
    })
    .nullish(),
  safetensors: z.looseObject({ total: z.number().int().positive() }).nullish(),
  library_name: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
});

const shaSchema = z.object({ sha: z.string().regex(/^[0-9a-f]{40}$/, { error: "expected a 40-hex-digit commit" }) });

const treeEntrySchema = z.looseObject({ type: z.string(), path: z.string(), size: z.number().int().nonnegative() });

/** The error statuses the Hub answered while reading one repo, with its X-Error-Code, to tell gated from missing. */
interface HubAnswer {
  status: number;
  code: string | null;
}

/** A fetch that also remembers the error answers, since the library's errors do not always carry them. */
function observing(fetcher: typeof fetch, answers: HubAnswer[]): typeof fetch {
  return async (input, init) => {
    const response = await fetcher(input, init);
    if (!response.ok) answers.push({ status: response.status, code: response.headers.get("x-error-code") });
    return response;
  };
}

/**
 * Reads what the Hub knows of `repo` (modelInfo with the card, safetensors, library and tags, at its current commit;
 * the safetensors headers when the Hub has no parameter count), and the ONNX variants of `onnx` (the same repo or
 * the one transformers.js runs). Throws a HubRepoError when a repo cannot be read at all, and a
 * HubUnreachableError when the Hub cannot be reached.
 */
export async function readHubEntry(
  repo: string | undefined,
  onnx: OnnxSource | undefined,
  options: HubReadOptions = {},
): Promise<HubReading> {
  const notes: string[] = [];
  const model = repo === undefined ? undefined : await readModelFacts(repo, options, notes);
  const variants =
    onnx === undefined
      ? undefined
      : await readOnnxVariants(onnx.repo, onnx.revision ?? (onnx.repo === repo ? model?.sha : undefined), options);
  return { ...(model ? { model } : {}), ...(variants ? { onnx: variants } : {}), notes };
}

async function readModelFacts(repo: string, options: HubReadOptions, notes: string[]): Promise<HubModelFacts> {
  const answers: HubAnswer[] = [];
  const params = { ...options, fetch: observing(options.fetch ?? fetch, answers) };
  const raw = await guarded(repo, answers, options, () =>
    modelInfo({ name: repo, additionalFields: [...MODEL_FIELDS], ...params }),
  );
  const parsed = modelInfoSchema.safeParse(raw, { error: catalogErrorMap });
  if (!parsed.success)
    throw new HubRepoError(repo, "malformed", `the Hub's model record is malformed: ${firstIssue(parsed.error)}`);
  const info = parsed.data;
  const tags = info.tags ?? [];
  const cardLicense = info.cardData?.license;
  const licenses =
    cardLicense === undefined || cardLicense === null
      ? tags.filter((tag) => tag.startsWith("license:")).map((tag) => tag.slice("license:".length))
      : [cardLicense].flat();

  let parameters: HubModelFacts["parameters"];
  if (info.safetensors) {
    parameters = { total: info.safetensors.total, from: "hub" };
  } else {
    const counted = await countParameters(
      info.name,
      info.sha,
      info.library_name ?? undefined,
      options,
      info.gated !== false,
    );
    if (typeof counted === "number") parameters = { total: counted, from: "safetensors" };
    else notes.push(`parameter count not read: ${counted.reason}`);
  }

  return {
    repo: info.name,
    sha: info.sha,
    lastModified: info.updatedAt.toISOString(),
    gated: info.gated,
    private: info.private,
    licenses,
    ...(info.cardData?.license_name ? { licenseName: info.cardData.license_name } : {}),
    ...(info.task ? { pipelineTag: info.task } : {}),
    ...(info.library_name ? { library: info.library_name } : {}),
    tags,
    ...(parameters ? { parameters } : {}),
    downloads: info.downloads,
    likes: info.likes,
  };
}

/** All parameters, summed from the safetensors headers (their total_parameters when they state one). */
async function countParameters(
  repo: string,
  sha: string,
  library: string | undefined,
  options: HubReadOptions,
  gated: boolean,
): Promise<number | { reason: string }> {
  const answers: HubAnswer[] = [];
  try {
    const result = await parseSafetensorsMetadata({
      repo,
      revision: sha,
      computeParametersCount: true,
      ...(library ? { library } : {}),
      ...options,
      fetch: observing(options.fetch ?? fetch, answers),
    });
    return result.parameterTotal ?? Object.values(result.parameterCount).reduce((sum, count) => sum + (count ?? 0), 0);
  } catch (error) {
    if (error instanceof HubUnreachableError) throw error;
    if (refusedAccess(answers) || (gated && answers.some(({ status }) => status === 401 || status === 403))) {
      return { reason: gatedAdvice(repo, options, "its safetensors headers") };
    }
    const message = error instanceof Error ? error.message : String(error);
    if (/does not seem to contain safetensors/.test(message)) return { reason: `${repo} has no safetensors weights` };
    return { reason: `${repo}'s safetensors headers are unreadable: ${message}` };
  }
}

async function readOnnxVariants(
  repo: string,
  revision: string | undefined,
  options: HubReadOptions,
): Promise<OnnxVariants> {
  const answers: HubAnswer[] = [];
  const params = { ...options, fetch: observing(options.fetch ?? fetch, answers) };
  const pinned =
    revision ??
    (await guarded(repo, answers, options, async () => {
      const answer = await modelInfo({ name: repo, additionalFields: ["sha"], ...params });
      const parsed = shaSchema.safeParse(answer, { error: catalogErrorMap });
      if (!parsed.success)
        throw new HubRepoError(repo, "malformed", `the Hub's model record is malformed: ${firstIssue(parsed.error)}`);
      return parsed.data.sha;
    }));
  const files = await guarded(repo, answers, options, async () => {
    const listed: { path: string; size: number }[] = [];
    try {
      for await (const entry of listFiles({ repo, path: "onnx", revision: pinned, ...params })) {
        const parsed = treeEntrySchema.safeParse(entry, { error: catalogErrorMap });
        if (!parsed.success)
          throw new HubRepoError(repo, "malformed", `the Hub's file listing is malformed: ${firstIssue(parsed.error)}`);
        if (parsed.data.type === "file") listed.push({ path: parsed.data.path, size: parsed.data.size });
      }
    } catch (error) {
      const code = answers.at(-1)?.code;
      if (code === "RevisionNotFound") throw new HubRepoError(repo, "not-found", `no revision "${pinned}" on the Hub`);
      // No onnx/ folder at that revision: the repo has no ONNX weights.
      if (error instanceof HubApiError && error.statusCode === 404 && code !== "RepoNotFound") return [];
      throw error;
    }
    return listed;
  });
  return { repo, revision: pinned, dtypes: onnxDtypes(files.map(({ path }) => path)), files };
}

/** Runs one Hub call, turning whatever goes wrong into a HubRepoError with one clear line. */
async function guarded<T>(
  repo: string,
  answers: HubAnswer[],
  options: HubReadOptions,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof HubUnreachableError || error instanceof HubRepoError) throw error;
    const last = answers.at(-1);
    if (refusedAccess(answers)) throw new HubRepoError(repo, "gated", gatedAdvice(repo, options, "it"));
    if (last?.code === "RepoNotFound" || last?.status === 404) {
      const hint = options.accessToken ? "" : " (a private repo needs HF_TOKEN)";
      throw new HubRepoError(repo, "not-found", `no such model repo on the Hub${hint}`);
    }
    if (error instanceof SyntaxError)
      throw new HubRepoError(repo, "malformed", `the Hub's answer is not valid JSON (${error.message})`);
    if (error instanceof HubApiError) {
      throw new HubRepoError(repo, "failed", `the Hub answered ${error.statusCode}: ${firstLine(error.message)}`);
    }
    throw new HubRepoError(repo, "failed", error instanceof Error ? firstLine(error.message) : String(error));
  }
}

function refusedAccess(answers: readonly HubAnswer[]): boolean {
  return answers.some(({ code }) => code === "GatedRepo");
}

function gatedAdvice(repo: string, options: HubReadOptions, what: string): string {
  return options.accessToken
    ? `${repo} is gated and HF_TOKEN has not been granted access to ${what}: accept its terms on the Hub`
    : `${repo} is gated: set HF_TOKEN to a token that has been granted access to read ${what}`;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.join(".") || "the answer"}: ${issue.message}`;
}

function firstLine(text: string): string {
  return text.split("\n")[0]!.replace(/\. URL: .*$/, "");
}
