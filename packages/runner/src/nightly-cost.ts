import { figureValue, type ModelEntry } from "@zoo/catalog";
import type { SuiteInfo } from "@zoo/suites";

/*
 * What the nightly plan assumes a job costs, so that every job ends within GitHub Actions' 6-hour limit. These are
 * planning figures, stated here and in the README, not measurements of any one night.
 */

/** GitHub Actions runs at most 256 jobs from one matrix. */
export const MAX_JOBS = 256;
/** Hours of work one job is planned for: a third of the 6-hour limit is left for setup, downloads and slow runners. */
export const JOB_HOURS = 4;
/** Sustained rate of ONNX Runtime on a GitHub-hosted runner (4 vCPUs), in floating-point operations a second. */
const RUNNER_FLOPS = 50e9;
/** Fixed cost of a forward pass beyond its arithmetic (session.run, tokenising), in seconds. */
const PASS_SECONDS = 0.005;
/** Seconds an API answers one request in, and requests in flight at once (zoo bench's default concurrency). */
const API_SECONDS = 1.5;
const API_CONCURRENCY = 4;
/** Parameters assumed for a local model whose entry states none. */
const UNKNOWN_PARAMETERS = 1e9;

interface SuiteWork {
  documents: number;
  /** Forward tokens a document costs as zoo scores it (through the prefix tree, for loglikelihoods). */
  tokensPerDocument: number;
  /** Requests a document sends, for API models. */
  requestsPerDocument: number;
  /** Tokens generated per request, each one more forward pass (generation suites). */
  generatedTokens?: number;
}

/**
 * The real datasets' sizes, and forward tokens per document as `pnpm perf` counts them over whole suites on its
 * realistic copies. Scored through the prefix tree: MMLU 5-shot at 220 (211 with a 1,024-token window, 200 with
 * 2,048: a subject's few-shot block runs once) and TruthfulQA MC at 80 (76). Generated through whole prompts:
 * MMLU's 5-shot prompt at 800 (its mean, about 3,200 characters at four a token).
 */
function suiteWork(suite: SuiteInfo): SuiteWork {
  if (suite.id === "mmlu") return { documents: 14_042, tokensPerDocument: 220, requestsPerDocument: 4 };
  if (suite.id === "mmlu_generative")
    return { documents: 14_042, tokensPerDocument: 800, requestsPerDocument: 1, generatedTokens: 4 };
  if (suite.id === "truthfulqa_gen")
    return { documents: 817, tokensPerDocument: 300, requestsPerDocument: 1, generatedTokens: 64 };
  if (suite.id.startsWith("truthfulqa_")) return { documents: 817, tokensPerDocument: 80, requestsPerDocument: 8 };
  if (suite.id.startsWith("arithmetic_"))
    return suite.id.endsWith("_gen")
      ? { documents: 2_000, tokensPerDocument: 20, requestsPerDocument: 1, generatedTokens: 8 }
      : { documents: 2_000, tokensPerDocument: 20, requestsPerDocument: 1 };
  return { documents: 1_000, tokensPerDocument: 200, requestsPerDocument: 4 };
}

/** The parameters a token passes through: the active ones of a mixture of experts. */
function activeParameters(entry: ModelEntry): number {
  const { parameters } = entry;
  return (
    (parameters?.active ? figureValue(parameters.active) : undefined) ??
    (parameters ? figureValue(parameters.total) : undefined) ??
    UNKNOWN_PARAMETERS
  );
}

/** Hours `suite` is planned to take on `entry`: arithmetic on a runner's CPU for local models, requests for APIs. */
export function suiteHours(entry: ModelEntry, suite: SuiteInfo): number {
  const work = suiteWork(suite);
  if (entry.run?.adapter !== "transformers-js")
    return (work.documents * work.requestsPerDocument * API_SECONDS) / API_CONCURRENCY / 3600;
  const flopsPerToken = 2 * activeParameters(entry);
  const scoring = (work.tokensPerDocument * flopsPerToken) / RUNNER_FLOPS + PASS_SECONDS;
  const generating = (work.generatedTokens ?? 0) * (flopsPerToken / RUNNER_FLOPS + PASS_SECONDS);
  return (work.documents * (scoring + generating)) / 3600;
}
