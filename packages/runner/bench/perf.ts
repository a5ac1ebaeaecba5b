// `pnpm perf`: how fast the runner scores loglikelihoods with its prefix tree, against (a) the runner sharing only
// a context's pass among its continuations (what it did before the tree) and (b) an lm-evaluation-harness-style
// scorer in PyTorch on the same weights, all in one run. By default on three models written locally with random
// weights: zoo's tiny test LM, an 11.6M-parameter model of its design, and a model shaped like GPT-2 124M; or on
// any local model given (without the PyTorch peer, which reads only the models written here):
// pnpm perf [--model hf:org/repo | local:PATH] [--shape tiny|small|gpt2] [--mmlu N] [--truthfulqa N]
// [--batch-size N|auto] [--no-peer]. The figures go in the README; nothing here is a timed test.
import { mkdtemp, rm } from "node:fs/promises";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { AutoTokenizer, type PreTrainedTokenizer } from "@huggingface/transformers";
import { DEFAULT_HUB_URL, loadSuiteRun, type LoglikelihoodRequest, type LoglikelihoodResponse } from "@zoo/suites";
import { defaultCacheDir, nodeSuiteIo } from "@zoo/suites/node";
import { MMLU_LENGTH_STATISTICS, writeRealisticMmlu, writeSyntheticTruthfulqa } from "@zoo/suites/testing";
import { DEFAULT_API_OPTIONS } from "../src/adapters/api-request.ts";
import { TransformersAdapter } from "../src/adapters/transformers-adapter.ts";
import { startTokenizerThread } from "../src/adapters/tokenizer-thread.ts";
import type { BatchSize } from "../src/forward-batches.ts";
import { encodePair, pairTexts, truncatedInput, type EncodedPair } from "../src/lm-eval-encoding.ts";
import { parseModelSpec } from "../src/model-spec.ts";
import { openAdapter } from "../src/open-adapter.ts";
import { buildPrefixTree, treeTokens, type EncodedRequest, type Sharing } from "../src/prefix-tree.ts";
import { writeTinyLmSafetensors } from "../src/tiny-lm/tiny-lm-safetensors.ts";
import { writeTinyLm } from "../src/tiny-lm/tiny-lm.ts";
import { TINY_LM_WORDS } from "../src/tiny-lm/tiny-lm-tokenizer.ts";
import { BENCH_MODELS, type BenchModel } from "../src/testing/bench-models.ts";
import { findTorchPython, runTorchPeer, type TorchPeerResult } from "./torch-peer.ts";

/**
 * The MMLU subjects run: the four largest, 27% of MMLU's questions, from short prompts (miscellaneous) to long
 * ones (professional_law, longer than a 1,024-token window).
 */
const MMLU_SAMPLE_SUBJECTS = ["miscellaneous", "high_school_psychology", "moral_scenarios", "professional_law"];
/** Questions per subject, and TruthfulQA questions, run on each model. */
const DEFAULT_ITEMS: Record<BenchModel, { mmlu: number; truthfulqa: number }> = {
  tiny: { mmlu: 32, truthfulqa: 100 },
  small: { mmlu: 16, truthfulqa: 50 },
  gpt2: { mmlu: 8, truthfulqa: 16 },
};
const FULL = { mmlu: 14_042, truthfulqa_mc2: 817 };

const TARGETS = {
  tokens: { mmlu: 0.35, truthfulqa_mc2: 0.6 },
  speedupOverBefore: { mmlu: 2.5 },
  speedupOverPeer: 5,
  overhead: 0.15,
  agreement: 1e-4,
};

const { values } = parseArgs({
  options: {
    model: { type: "string" },
    shape: { type: "string" },
    mmlu: { type: "string" },
    truthfulqa: { type: "string" },
    "batch-size": { type: "string", default: "1" },
    "no-peer": { type: "boolean", default: false },
  },
});
const batchSize: BatchSize = values["batch-size"] === "auto" ? "auto" : Number(values["batch-size"]);
const work = await mkdtemp(join(tmpdir(), "zoo-perf-"));

interface Measure {
  seconds: number;
  sessionSeconds: number;
  /** Of the rest, float64 log-softmax over the vocabulary. */
  softmaxSeconds: number;
  forwardTokens: number;
  peakKeyValueBytes: number;
  answers: LoglikelihoodResponse[];
}

interface Model {
  dir: string | undefined;
  open: (sharing: Sharing) => Promise<TransformersAdapter>;
}

async function writeModel(shape: BenchModel): Promise<Model> {
  const dir = join(work, `model-${shape}`);
  const { weights } = await writeTinyLm(dir, {
    shape: BENCH_MODELS[shape].shape,
    ...(BENCH_MODELS[shape].vocabSize ? { vocabSize: BENCH_MODELS[shape].vocabSize } : {}),
  });
  if (!values["no-peer"]) await writeTinyLmSafetensors(join(dir, "model.safetensors"), weights);
  const open = (sharing: Sharing) =>
    TransformersAdapter.load({
      startEncoder: startTokenizerThread,
      path: dir,
      identity: { adapter: "transformers-js", repo: "tiny-lm" },
      dtype: "fp32",
      device: "cpu",
      batchSize,
      sharing,
      offline: true,
    });
  return { dir, open };
}

function givenModel(model: string): Model {
  return {
    dir: undefined,
    open: async (sharing) => {
      const { adapter } = await openAdapter(parseModelSpec(model, [], process.cwd()), {
        cacheDir: defaultCacheDir(),
        batchSize,
        sharing,
        offline: false,
        hubUrl: process.env.HF_ENDPOINT ?? DEFAULT_HUB_URL,
        env: process.env,
        api: DEFAULT_API_OPTIONS,
        limits: { concurrency: 1 },
        ...(process.env.HF_TOKEN ? { accessToken: process.env.HF_TOKEN } : {}),
      });
      if (!(adapter instanceof TransformersAdapter))
        throw new Error(`${model}: pnpm perf measures local transformers.js models`);
      return adapter;
    },
  };
}

/** One fresh model per measurement, so its peak cache is its own. */
async function measure(model: Model, sharing: Sharing, requests: LoglikelihoodRequest[]): Promise<Measure> {
  const adapter = await model.open(sharing);
  try {
    let sessionMs = 0;
    adapter.observeSessionRuns((ms) => (sessionMs += ms));
    // The first pass pays for ONNX Runtime's warm-up: it is not the harness's cost.
    await adapter.loglikelihood(requests.slice(0, 1), { onResponse: () => {} });
    sessionMs = 0;
    const tokensBefore = adapter.forwardTokens();
    const softmaxBefore = adapter.logSoftmaxMilliseconds();
    const answers: LoglikelihoodResponse[] = [];
    const start = performance.now();
    await adapter.loglikelihood(requests, { onResponse: (index, response) => (answers[index] = response) });
    return {
      seconds: (performance.now() - start) / 1000,
      sessionSeconds: sessionMs / 1000,
      softmaxSeconds: (adapter.logSoftmaxMilliseconds() - softmaxBefore) / 1000,
      forwardTokens: adapter.forwardTokens() - tokensBefore,
      peakKeyValueBytes: adapter.peakKeyValueBytes(),
      answers,
    };
  } finally {
    await adapter.dispose();
  }
}

/** The requests as the runner encodes them (lm-evaluation-harness's _encode_pair), for the peer and the counts. */
function encodeAll(tokenizer: PreTrainedTokenizer, requests: readonly LoglikelihoodRequest[]): EncodedPair[] {
  const encode = (text: string) => tokenizer.encode(text, { add_special_tokens: false });
  const prefix = tokenizer.bos_token_id ?? tokenizer.eos_token_id!;
  return requests.map((request) => encodePair(encode, pairTexts(request.context, request.continuation), prefix));
}

/**
 * Forward tokens of a whole suite under each sharing, counted from its prefix trees without running the model:
 * one tree per group of documents that share a few-shot block (an MMLU subject), as the runner's windows, which
 * carry that block's cache from one to the next, come to.
 */
function suiteTokens(groups: readonly EncodedPair[][], maxLength: number): Record<"tree" | "before" | "peer", number> {
  const count = (sharing: Sharing) =>
    groups.reduce((sum, pairs) => {
      const requests: EncodedRequest[] = pairs.map((pair, index) => ({ index, pair }));
      return sum + treeTokens(buildPrefixTree(requests, { maxLength, sharing }));
    }, 0);
  // lm-evaluation-harness runs each distinct input whole, once: MMLU's four choices of a question are one input.
  const inputs = new Map(
    groups.flat().map((pair) => {
      const input = truncatedInput(pair, maxLength);
      return [input.join(","), input.length];
    }),
  );
  const peer = [...inputs.values()].reduce((sum, length) => sum + length, 0);
  return { tree: count("prefix-tree"), before: count("per-context"), peer };
}

const io = nodeSuiteIo();

/** A suite's documents on a local copy; `subjects` runs those MMLU subjects only (the copy holds no others). */
async function suiteRequests(suite: "mmlu" | "truthfulqa_mc2", dir: string, subjects?: readonly string[]) {
  const documents: LoglikelihoodRequest[][] = [];
  for (const id of subjects?.map((subject) => `mmlu_${subject}`) ?? [suite]) {
    const run = await loadSuiteRun(id, { io, data: { kind: "local", dir }, ...(suite === "mmlu" ? { shots: 5 } : {}) });
    documents.push(...run.documents.map((document) => document.requests as LoglikelihoodRequest[]));
  }
  return { documents, requests: documents.flat() };
}

/** MMLU's subjects grouped as their documents come, with each document's requests. */
function bySubject(requests: readonly LoglikelihoodRequest[], pairs: readonly EncodedPair[]): EncodedPair[][] {
  const groups = new Map<string, EncodedPair[]>();
  requests.forEach((request, index) => {
    const subject = request.context.slice(0, request.context.indexOf("\n\n"));
    const group = groups.get(subject);
    if (group === undefined) groups.set(subject, [pairs[index]!]);
    else group.push(pairs[index]!);
  });
  return [...groups.values()];
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);
const hours = (seconds: number) =>
  seconds < 60 ? `${fixed(seconds)} s` : seconds < 3600 ? `${fixed(seconds / 60)} min` : `${fixed(seconds / 3600)} h`;
const megabytes = (bytes: number) => `${fixed(bytes / 2 ** 20)} MiB`;

async function report(shape: BenchModel | undefined, python: string | undefined) {
  const items = DEFAULT_ITEMS[shape ?? "small"];
  const data = await mkdtemp(join(work, "data-"));
  const perSubject = Number(values.mmlu ?? items.mmlu);
  await writeRealisticMmlu(join(data, "mmlu"), {
    words: TINY_LM_WORDS,
    subjects: MMLU_SAMPLE_SUBJECTS,
    questionsPerSubject: perSubject,
  });
  await writeRealisticMmlu(join(data, "mmlu-full"), { words: TINY_LM_WORDS });
  await writeSyntheticTruthfulqa(join(data, "truthfulqa"), Number(values.truthfulqa ?? items.truthfulqa));
  await writeSyntheticTruthfulqa(join(data, "truthfulqa-full"), FULL.truthfulqa_mc2);
  const model = shape === undefined ? givenModel(values.model!) : await writeModel(shape);
  const probe = await model.open("prefix-tree");
  const maxLength = probe.modelMaxLength();
  await probe.dispose();
  const tokenizer = await AutoTokenizer.from_pretrained(model.dir ?? values.model!.replace(/^local:/, ""));
  const lines: string[] = [];
  let missed = false;
  const check = (ok: boolean) => {
    missed ||= !ok;
    return ok ? "✓" : "✗";
  };
  for (const suite of ["mmlu", "truthfulqa_mc2"] as const) {
    const sample =
      suite === "mmlu"
        ? await suiteRequests(suite, join(data, "mmlu"), MMLU_SAMPLE_SUBJECTS)
        : await suiteRequests(suite, join(data, "truthfulqa"));
    const full = await suiteRequests(suite, join(data, suite === "mmlu" ? "mmlu-full" : "truthfulqa-full"));
    const { requests } = sample;
    const count = sample.documents.length;
    const tree = await measure(model, "prefix-tree", requests);
    const before = await measure(model, "per-context", requests);
    const pairs = encodeAll(tokenizer, requests);
    let peer: TorchPeerResult | undefined;
    if (python !== undefined && model.dir !== undefined)
      peer = await runTorchPeer(python, model.dir, pairs, {
        maxLength,
        batchSize: batchSize === "auto" ? 1 : batchSize,
      });
    const fullPairs = encodeAll(tokenizer, full.requests);
    const fullTokens = suiteTokens(suite === "mmlu" ? bySubject(full.requests, fullPairs) : [fullPairs], maxLength);
    const difference = (answers: readonly { logprob: number }[]) =>
      Math.max(...tree.answers.map((answer, i) => Math.abs(answer.logprob - answers[i]!.logprob)));
    const greedyAgree = (greedy: readonly boolean[]) =>
      tree.answers.every((answer, i) => answer.isGreedy === greedy[i]);
    const perItem = (tokens: number) => fixed(tokens / count, 0);
    const rate = (seconds: number) => fixed(count / seconds);
    const tokenRatio = tree.forwardTokens / before.forwardTokens;
    const speedup = before.seconds / tree.seconds;
    const overhead = (tree.seconds - tree.sessionSeconds) / tree.sessionSeconds;
    const fullCount = full.documents.length;
    // Projected from the whole suite's forward tokens at the seconds per forward token measured here: the sample
    // cannot amortise a subject's few-shot block over hundreds of questions, nor hold MMLU's mix of long prompts.
    const projected = {
      tree: (tree.seconds / tree.forwardTokens) * fullTokens.tree,
      before: (before.seconds / before.forwardTokens) * fullTokens.before,
      peer: peer ? (peer.seconds / peer.forwardTokens) * fullTokens.peer : undefined,
    };
    const peerDifference = peer ? difference(peer.logprobs.map((logprob) => ({ logprob }))) : 0;
    const agree = difference(before.answers) <= TARGETS.agreement && peerDifference <= TARGETS.agreement;
    const greedyEqual =
      greedyAgree(before.answers.map((answer) => answer.isGreedy)) && (peer === undefined || greedyAgree(peer.greedy));
    const wholeOverBefore = projected.before / projected.tree;
    const wholeOverPeer = projected.peer === undefined ? undefined : projected.peer / projected.tree;
    const title =
      suite === "mmlu" ? `MMLU 5-shot, ${MMLU_SAMPLE_SUBJECTS.length} subjects × ${perSubject}` : "TruthfulQA MC2";
    lines.push(
      `${title}: ${count} questions, ${requests.length} requests`,
      `  prefix tree:   ${rate(tree.seconds)} items/s, ${perItem(tree.forwardTokens)} forward tokens/item, ` +
        `${fixed(tree.seconds, 2)} s (ONNX Runtime ${fixed(tree.sessionSeconds, 2)} s), peak key/value cache ${megabytes(tree.peakKeyValueBytes)}`,
      `  before (per context): ${rate(before.seconds)} items/s, ${perItem(before.forwardTokens)} forward tokens/item, ` +
        `${fixed(before.seconds, 2)} s, peak key/value cache ${megabytes(before.peakKeyValueBytes)}`,
      peer
        ? `  PyTorch peer (torch ${peer.torch}, ${peer.threads} threads${peer.blas ? `, ${peer.blas.split(", ").at(-1)}` : ""}): ` +
            `${rate(peer.seconds)} items/s, ${perItem(peer.forwardTokens)} forward tokens/item, ${fixed(peer.seconds, 2)} s`
        : `  PyTorch peer: not run (${model.dir === undefined ? "it reads only the models pnpm perf writes" : values["no-peer"] ? "--no-peer" : "no python3 with torch: apt-get install python3-torch libopenblas0-pthread"})`,
      `  forward tokens vs before: ${fixed(tokenRatio, 3)} (target ≤ ${TARGETS.tokens[suite]}) ${check(tokenRatio <= TARGETS.tokens[suite])}`,
      `  speed here: ${fixed(speedup, 2)}× before` +
        (peer ? `, ${fixed(peer.seconds / tree.seconds, 2)}× the PyTorch peer` : ""),
      `  harness overhead: ${fixed(overhead * 100)}% of ONNX Runtime's time (target ≤ 15%) ${check(overhead <= TARGETS.overhead)}, ` +
        `of which float64 log-softmax ${fixed((tree.softmaxSeconds / tree.sessionSeconds) * 100)}%`,
      `  largest logprob difference: from before ${difference(before.answers).toExponential(1)}` +
        (peer ? `, from the PyTorch peer ${peerDifference.toExponential(1)}` : "") +
        ` (≤ ${TARGETS.agreement}) ${check(agree)}; greedy flags equal ${check(greedyEqual)}`,
      `  whole suite (${fullCount.toLocaleString("en-US")} questions), forward tokens/item: tree ${fixed(fullTokens.tree / fullCount, 0)}, ` +
        `before ${fixed(fullTokens.before / fullCount, 0)} (${fixed(fullTokens.tree / fullTokens.before, 3)}), ` +
        `PyTorch peer ${fixed(fullTokens.peer / fullCount, 0)}`,
      `  whole suite, projected time: tree ${hours(projected.tree)}, before ${hours(projected.before)}` +
        (projected.peer === undefined ? "" : `, PyTorch peer ${hours(projected.peer)}`),
      `  whole suite, speed: ${fixed(wholeOverBefore, 2)}× before` +
        (suite === "mmlu"
          ? ` (target ≥ ${TARGETS.speedupOverBefore.mmlu}×) ${check(wholeOverBefore >= TARGETS.speedupOverBefore.mmlu)}`
          : "") +
        (wholeOverPeer === undefined
          ? ""
          : `, ${fixed(wholeOverPeer, 2)}× the PyTorch peer (target ≥ ${TARGETS.speedupOverPeer}×) ${check(wholeOverPeer >= TARGETS.speedupOverPeer)}`),
    );
  }
  const title = shape === undefined ? values.model! : BENCH_MODELS[shape].title;
  return { text: `${title}, batch size ${batchSize}, window ${maxLength}\n\n${lines.join("\n")}`, missed };
}

try {
  const shapes: (BenchModel | undefined)[] =
    values.model !== undefined
      ? [undefined]
      : values.shape !== undefined && values.shape in BENCH_MODELS
        ? [values.shape as BenchModel]
        : ["tiny", "small", "gpt2"];
  const python = values["no-peer"] || values.model !== undefined ? undefined : await findTorchPython();
  console.log(`pnpm perf, Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "unknown"})`);
  console.log(
    `MMLU lengths: each subject's published 5-shot prompt length (${Object.keys(MMLU_LENGTH_STATISTICS).length} subjects, EvalScope's table)`,
  );
  for (const shape of shapes) {
    const { text, missed } = await report(shape, python);
    console.log(`\n${text}`);
    if (missed) console.log("(✗: a target is missed)");
  }
  console.log(`\nprocess peak resident memory: ${megabytes(process.resourceUsage().maxRSS * 1024)}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
