import {
  AutoModelForCausalLM,
  AutoTokenizer,
  StoppingCriteria,
  Tensor,
  env,
  type PreTrainedModel,
  type PreTrainedTokenizer,
} from "@huggingface/transformers";
import type { ChatMessage, GenerationRequest, LoglikelihoodRequest, LoglikelihoodResponse } from "@zoo/suites";
import { CapabilityError, type AnswerOptions, type ModelAdapter, type ModelIdentity } from "../adapter.ts";
import { chatTemplateRenderer } from "../chat-template.ts";
import { encodingWindows } from "../encoding-windows.ts";
import { forwardBatches, type BatchSize } from "../forward-batches.ts";
import { encodePair, pairTexts } from "../lm-eval-encoding.ts";
import { logitRow, rowLogprob, type LogitRow } from "../log-softmax.ts";
import { buildPrefixTree, type EncodedRequest, type PrefixNode, type Sharing } from "../prefix-tree.ts";
import { TreeRun } from "../tree-run.ts";
import { cutAtStop } from "../stop-sequences.ts";
import type { TokenEncoder } from "./token-encoder.ts";

/** lm-evaluation-harness's fallback when neither the config nor the tokenizer gives a maximum length. */
const DEFAULT_MAX_LENGTH = 2048;
/** What transformers' tokenizers report as model_max_length when the tokenizer sets none. */
const UNSET_MODEL_MAX_LENGTH = 1e30;
/** Windows being tokenised ahead of the one running: enough to keep a tokenizer thread busy. */
const WINDOWS_AHEAD = 2;

export interface TransformersModelOptions {
  /** A folder holding config.json, the tokenizer files and onnx/*.onnx; or a Hub repo already resolved to it. */
  path: string;
  identity: ModelIdentity;
  dtype: string;
  device: string;
  batchSize: BatchSize;
  /** What forward passes loglikelihood requests share: see Sharing (default "prefix-tree"). */
  sharing?: Sharing;
  /** For Hub repos: the exact commit to load, the Hub's URL, and whether to stay off the network. */
  revision?: string;
  remoteHost?: string;
  offline?: boolean;
  cacheDir?: string;
  /** Render requests' chat transcripts with the tokenizer's chat template: its default, or the one named. */
  chatTemplate?: { name?: string };
  /** What encodes the loglikelihood requests: in Node, startTokenizerThread. */
  startEncoder: (tokenizer: PreTrainedTokenizer) => Promise<TokenEncoder>;
}

type PastKeyValues = Record<string, Tensor>;

/** The key/value cache of one row after `length` positions. */
interface KeyValueCache {
  present: PastKeyValues;
  length: number;
}

/** The cache kept from one window to the next: the tokens it holds, so the next window's tree can reuse it. */
interface CarriedCache {
  tokens: number[];
  cache: KeyValueCache;
}

interface ForwardResult {
  /** Logits of rows × kept positions × vocabulary, as float32; position p of a row is at p - firstKept. */
  logits: Float32Array;
  vocab: number;
  kept: number;
  firstKept: number;
  /** Past and new positions: the length of `present`. */
  length: number;
  present: PastKeyValues;
  /** Each row of logits' log-softmax terms, by offset, computed once for all the reads at that position. */
  rows: Map<number, LogitRow>;
}

type Location = Pick<TransformersModelOptions, "path" | "revision" | "remoteHost" | "offline" | "cacheDir">;

/** transformers.js pointed at the model's files: the Hub at the exact commit, or a folder, and the cache. */
function pretrainedOptions(location: Location) {
  env.allowRemoteModels = !location.offline;
  if (location.remoteHost !== undefined) env.remoteHost = location.remoteHost.replace(/\/?$/, "/");
  if (location.cacheDir !== undefined) env.cacheDir = location.cacheDir;
  return {
    ...(location.revision === undefined ? {} : { revision: location.revision }),
    ...(location.cacheDir === undefined ? {} : { cache_dir: location.cacheDir }),
    local_files_only: location.offline ?? false,
  };
}

/** The model's tokenizer alone: all that rendering its chat template needs. */
export function loadTokenizer(location: Location): Promise<PreTrainedTokenizer> {
  return AutoTokenizer.from_pretrained(location.path, pretrainedOptions(location));
}

/** lm-evaluation-harness's HFLM max_length: the config's n_positions, max_position_embeddings or n_ctx, else the tokenizer's. */
function maxLengthOf(config: Record<string, unknown>, tokenizer: PreTrainedTokenizer): number {
  for (const key of ["n_positions", "max_position_embeddings", "n_ctx"]) {
    const value = config[key];
    if (typeof value === "number" && value > 0) return value;
  }
  const fromTokenizer = tokenizer.model_max_length;
  return Number.isFinite(fromTokenizer) && fromTokenizer < UNSET_MODEL_MAX_LENGTH ? fromTokenizer : DEFAULT_MAX_LENGTH;
}

/** Stops generate() once the text generated so far holds a stop sequence, as lm-evaluation-harness's criteria do. */
class StopSequenceCriteria extends StoppingCriteria {
  constructor(
    private readonly tokenizer: PreTrainedTokenizer,
    private readonly until: readonly string[],
    private readonly promptLength: number,
  ) {
    super();
  }

  override _call(inputIds: number[][]): boolean[] {
    return inputIds.map((ids) => {
      const text = this.tokenizer.decode(ids.slice(this.promptLength), { skip_special_tokens: true });
      return this.until.some((stop) => stop !== "" && text.includes(stop));
    });
  }
}

/** The encoding windows of `requests` that hold a request still to answer: the ones a run encodes and runs. */
function windowsToRun(requests: readonly { context: string }[], isAnswered?: (index: number) => boolean): number[][] {
  return encodingWindows(requests).filter(
    (window) => isAnswered === undefined || !window.every((index) => isAnswered(index)),
  );
}

/**
 * A causal LM run locally by transformers.js (ONNX Runtime). Loglikelihoods are scored as lm-evaluation-harness
 * scores them, from one forward pass per distinct context where every continuation is a single token, and from
 * the context's key/value cache shared by all of its continuations otherwise; log-softmax is taken in float64.
 */
export class TransformersAdapter implements ModelAdapter {
  readonly capabilities = { loglikelihood: true, generation: true };
  private tokens = 0;

  private constructor(
    readonly identity: ModelIdentity,
    private readonly model: PreTrainedModel,
    private readonly tokenizer: PreTrainedTokenizer,
    private readonly encoder: TokenEncoder,
    private readonly maxLength: number,
    private readonly batchSize: BatchSize,
    private readonly sharing: Sharing,
    private readonly renderChat: ((messages: readonly ChatMessage[]) => string) | undefined,
  ) {}

  static async load(options: TransformersModelOptions): Promise<TransformersAdapter> {
    const common = pretrainedOptions(options);
    const tokenizer = await loadTokenizer(options);
    const [started, loaded] = await Promise.allSettled([
      options.startEncoder(tokenizer),
      AutoModelForCausalLM.from_pretrained(options.path, {
        ...common,
        dtype: options.dtype as "fp32",
        device: options.device as "cpu",
      }),
    ]);
    if (started.status === "rejected" || loaded.status === "rejected") {
      // Neither is left running when the other failed.
      if (started.status === "fulfilled") await started.value.close();
      if (loaded.status === "fulfilled") await loaded.value.dispose();
      throw [started, loaded].find((result) => result.status === "rejected")!.reason;
    }
    const [encoder, model] = [started.value, loaded.value];
    const config = model.config as unknown as Record<string, unknown>;
    let renderChat;
    try {
      renderChat = options.chatTemplate
        ? chatTemplateRenderer(tokenizer, options.identity.repo ?? options.path, options.chatTemplate.name)
        : undefined;
    } catch (error) {
      await Promise.all([model.dispose(), encoder.close()]);
      throw error;
    }
    return new TransformersAdapter(
      options.identity,
      model,
      tokenizer,
      encoder,
      maxLengthOf(config, tokenizer),
      options.batchSize,
      options.sharing ?? "prefix-tree",
      renderChat,
    );
  }

  /** A request as the model reads it: its chat transcript, if it has one, rendered with the chat template. */
  private rendered<R extends LoglikelihoodRequest | GenerationRequest>(request: R): R {
    if (request.messages === undefined) return request;
    if (this.renderChat === undefined)
      throw new CapabilityError(
        `${this.identity.repo ?? "this model"} was given chat transcripts without a chat template to render them: pass --apply-chat-template`,
      );
    return { ...request, context: this.renderChat(request.messages) };
  }

  usage(): undefined {
    return undefined;
  }

  /**
   * Calls `observe` with the milliseconds of every ONNX Runtime session run from now on: the raw inference time,
   * against which `pnpm perf` measures the harness's own overhead.
   */
  observeSessionRuns(observe: (milliseconds: number) => void): void {
    for (const session of Object.values(this.model.sessions) as { run: (...args: unknown[]) => Promise<unknown> }[]) {
      const run = session.run.bind(session);
      session.run = async (...args: unknown[]) => {
        const start = performance.now();
        try {
          return await run(...args);
        } finally {
          observe(performance.now() - start);
        }
      };
    }
  }

  /** The tokens the model reads at most: lm-evaluation-harness's max_length, where inputs are cut from the left. */
  modelMaxLength(): number {
    return this.maxLength;
  }

  private beforeForward: (() => Promise<void>) | undefined;

  /**
   * Awaits `hook` before every loglikelihood forward pass: where ONNX Runtime computes on the calling thread (its
   * WebAssembly build), a host gives its event loop a turn there, to read a Stop or let a storage write finish.
   */
  beforeEachForwardPass(hook: () => Promise<void>): void {
    this.beforeForward = hook;
  }

  forwardTokens(): number {
    return this.tokens;
  }

  environment() {
    const versions = (env.backends.onnx as { versions?: Record<string, string> } | undefined)?.versions;
    return {
      transformers_js: env.version,
      ...(versions?.node || versions?.web ? { onnxruntime: (versions.node || versions.web)! } : {}),
    };
  }

  private get prefixTokenId(): number {
    const id = this.tokenizer.bos_token_id ?? this.tokenizer.eos_token_id;
    if (id === undefined || id === null)
      throw new Error("the tokenizer has neither a BOS nor an EOS token to stand for an empty context");
    return id;
  }

  private get padTokenId(): number {
    return this.tokenizer.pad_token_id ?? this.tokenizer.eos_token_id ?? 0;
  }

  /**
   * One forward pass over right-padded rows, after `past` (a cache of one row, shared by every row) if given.
   * Only logits from position `firstNeeded` on are kept where the model lets the caller choose.
   */
  private async forward(rows: readonly number[][], firstNeeded: number, past?: KeyValueCache): Promise<ForwardResult> {
    const batch = rows.length;
    const length = Math.max(...rows.map((row) => row.length));
    const pastLength = past?.length ?? 0;
    const ids = new BigInt64Array(batch * length).fill(BigInt(this.padTokenId));
    const mask = new BigInt64Array(batch * (pastLength + length));
    rows.forEach((row, r) => {
      row.forEach((token, t) => (ids[r * length + t] = BigInt(token)));
      mask.fill(1n, r * (pastLength + length), r * (pastLength + length) + pastLength + row.length);
    });
    const inputs: Record<string, unknown> = {
      input_ids: new Tensor("int64", ids, [batch, length]),
      attention_mask: new Tensor("int64", mask, [batch, pastLength + length]),
      num_logits_to_keep: new Tensor("int64", BigInt64Array.of(BigInt(length - firstNeeded)), []),
    };
    if (past !== undefined) inputs.past_key_values = tiled(past.present, batch);
    await this.beforeForward?.();
    const outputs = (await this.model(inputs)) as Record<string, Tensor>;
    this.tokens += batch * length;
    const logits = outputs.logits!.type === "float32" ? outputs.logits! : outputs.logits!.to("float32");
    const present: PastKeyValues = {};
    for (const [name, tensor] of Object.entries(outputs))
      if (name.startsWith("present")) present[name.replace("present", "past_key_values")] = tensor;
    const [, kept, vocab] = logits.dims as [number, number, number];
    return {
      logits: logits.data as Float32Array,
      vocab,
      kept,
      firstKept: length - kept,
      length: pastLength + length,
      present,
      rows: new Map(),
    };
  }

  private score(result: ForwardResult, row: number, position: number, token: number) {
    const { vocab, kept, firstKept } = result;
    const offset = (row * kept + position - firstKept) * vocab;
    let terms = result.rows.get(offset);
    if (terms === undefined) {
      const start = performance.now();
      result.rows.set(offset, (terms = logitRow(result.logits, offset, vocab)));
      this.softmaxMs += performance.now() - start;
    }
    return rowLogprob(result.logits, offset, terms, token);
  }

  private softmaxMs = 0;

  /** Milliseconds spent on float64 log-softmax over the vocabulary: part of the harness's own time in `pnpm perf`. */
  logSoftmaxMilliseconds(): number {
    return this.softmaxMs;
  }

  /** Milliseconds spent tokenising loglikelihood requests (in Node, on the tokenizer thread). */
  tokenizingMilliseconds(): number {
    return this.encoder.busyMilliseconds();
  }

  /** The requests at `indices` as lm-evaluation-harness encodes them, each distinct text encoded once. */
  private async encodeWindow(
    requests: readonly LoglikelihoodRequest[],
    indices: readonly number[],
  ): Promise<EncodedRequest[]> {
    const pairs = indices.map((index) => pairTexts(requests[index]!.context, requests[index]!.continuation));
    const distinct = [
      ...new Set(pairs.flatMap(({ context, whole }) => (context === undefined ? [whole] : [context, whole]))),
    ];
    const encoded = await this.encoder.encode(distinct);
    const tokens = new Map(distinct.map((text, i) => [text, encoded[i]!]));
    const prefix = this.prefixTokenId;
    return indices.map((index, i) => ({ index, pair: encodePair((text) => tokens.get(text)!, pairs[i]!, prefix) }));
  }

  /** Bytes of key/value cache held now, and the most held at once since the adapter was loaded. */
  private cacheBytes = 0;
  private peakCacheBytes = 0;

  private hold(cache: PastKeyValues, sign: 1 | -1): void {
    this.cacheBytes += sign * cacheBytes(cache);
    this.peakCacheBytes = Math.max(this.peakCacheBytes, this.cacheBytes);
  }

  /** The most key/value cache bytes the runner held at once: the prefix tree's memory, for `pnpm perf`. */
  peakKeyValueBytes(): number {
    return this.peakCacheBytes;
  }

  /**
   * Runs `nodes` (siblings, each after `past`), batched, then each node's subtree on the node's own cache, which is
   * dropped when its subtree is done. `live` holds the nodes with requests still to answer below them.
   */
  private async runNodes(nodes: readonly PrefixNode[], past: KeyValueCache | undefined, run: TreeRun): Promise<void> {
    for (const node of nodes) {
      if (!run.live.has(node)) continue;
      if (node.precomputed) {
        const carried = this.carried!.cache;
        const cache = node.tokens.length === carried.length ? carried : rowCache(carried, 0, node.tokens.length);
        if (cache !== carried) this.hold(cache.present, 1);
        for (const request of node.ends) run.finish(request);
        await this.runNodes(node.children, cache, run);
        if (cache !== carried) this.hold(cache.present, -1);
      } else if (node.tokens.length === 0) for (const request of node.ends) run.finish(request);
    }
    const pastLength = past?.length ?? 0;
    const toRun = nodes.filter((node) => run.live.has(node) && !node.precomputed && node.tokens.length > 0);
    for (const batch of forwardBatches(toRun, (node) => node.tokens.length, this.batchSize, pastLength)) {
      run.signal?.throwIfAborted();
      const firstNeeded = Math.min(
        ...batch.flatMap((node) =>
          node.reads.filter((read) => run.pending(read.request)).map((read) => read.position - node.start),
        ),
        Math.max(...batch.map((node) => node.tokens.length)) - 1,
      );
      const result = await this.forward(
        batch.map((node) => node.tokens),
        firstNeeded,
        past,
      );
      this.hold(result.present, 1);
      batch.forEach((node, row) => {
        for (const read of node.reads)
          if (run.pending(read.request))
            run.add(read.request, this.score(result, row, read.position - node.start, read.token));
        for (const request of node.ends) run.finish(request);
      });
      for (const [row, node] of batch.entries()) {
        const retained = node === this.carryOf(run);
        if (!retained && !node.children.some((child) => run.live.has(child))) continue;
        const length = pastLength + node.tokens.length;
        const cache = batch.length === 1 ? { present: result.present, length } : rowCache(result, row, length);
        if (cache.present !== result.present) this.hold(cache.present, 1);
        await this.runNodes(node.children, cache, run);
        if (retained) {
          this.dropCarried();
          this.carried = { tokens: node.tokens, cache };
          this.hold(cache.present, 1);
        }
        if (cache.present !== result.present) this.hold(cache.present, -1);
      }
      this.hold(result.present, -1);
    }
  }

  /** A window's prefix tree, reusing what the window before carried. */
  private treeOf(encoded: readonly EncodedRequest[], carried: readonly number[] | undefined): PrefixNode[] {
    return buildPrefixTree(encoded, {
      maxLength: this.maxLength,
      sharing: this.sharing,
      ...(carried ? { carried } : {}),
    });
  }

  /** The node whose cache this run keeps for the next window: only the prefix tree carries one. */
  private carryOf(run: TreeRun): PrefixNode | undefined {
    return this.sharing === "prefix-tree" ? run.carry : undefined;
  }

  /** What the previous window left in the cache: see CarriedCache. */
  private carried: CarriedCache | undefined;

  private dropCarried(): void {
    if (this.carried !== undefined) this.hold(this.carried.cache.present, -1);
    this.carried = undefined;
  }

  /**
   * Runs the requests window by window (see encodingWindows), each window's prefix tree built on its own, while the
   * encoder (in Node, a tokenizer thread) encodes the windows after it. The cache of the shared prefix the last window ended in (a
   * subject's few-shot block) is kept for the next window. Windows whose requests are all answered are neither
   * encoded nor run.
   */
  async loglikelihood(
    asked: readonly LoglikelihoodRequest[],
    options: AnswerOptions<LoglikelihoodResponse>,
  ): Promise<void> {
    const requests = asked.map((request) => this.rendered(request));
    const windows = windowsToRun(requests, options.isAnswered);
    const encodings: Promise<EncodedRequest[]>[] = [];
    const encodeAhead = (upTo: number) => {
      for (let k = encodings.length; k < Math.min(upTo, windows.length); k++) {
        const encoding = this.encodeWindow(requests, windows[k]!);
        // Awaited in its turn; a run that stops before then must not leave it an unhandled rejection.
        encoding.catch(() => {});
        encodings.push(encoding);
      }
    };
    try {
      for (let k = 0; k < windows.length; k++) {
        encodeAhead(k + 1 + WINDOWS_AHEAD);
        const encoded = await encodings[k]!;
        const tree = this.treeOf(encoded, this.carried?.tokens);
        const run = new TreeRun(tree, options, (request, response) => options.onResponse(request.index, response));
        await this.runNodes(tree, undefined, run);
      }
    } finally {
      this.dropCarried();
    }
  }

  /**
   * The forward tokens `loglikelihood` will run for `asked` (those `isAnswered` leaves), before padding: each window
   * encoded and planned through the prefix tree as the run plans it, the prefix it carries to the next included, and
   * nothing run. What a host states before a run, and times it by once the first passes have run.
   */
  async plannedForwardTokens(
    asked: readonly LoglikelihoodRequest[],
    isAnswered?: (index: number) => boolean,
  ): Promise<number> {
    const requests = asked.map((request) => this.rendered(request));
    let carried: readonly number[] | undefined;
    let tokens = 0;
    for (const window of windowsToRun(requests, isAnswered)) {
      const tree = this.treeOf(await this.encodeWindow(requests, window), carried);
      const run = new TreeRun(tree, isAnswered ? { isAnswered } : {}, () => {});
      tokens += run.tokensToRun();
      carried = this.carryOf(run)?.tokens ?? carried;
    }
    return tokens;
  }

  async generate(requests: readonly GenerationRequest[], options: AnswerOptions<{ text: string }>): Promise<void> {
    for (const [index, asked] of requests.entries()) {
      options.signal?.throwIfAborted();
      if (options.isAnswered?.(index)) continue;
      const request = this.rendered(asked);
      // lm-evaluation-harness leaves room for the answer: the context keeps its last max_length - max_gen_toks tokens.
      const room = Math.max(1, this.maxLength - request.maxTokens);
      const prompt = this.tokenizer.encode(request.context, { add_special_tokens: false }).slice(-room);
      const output = (await this.model.generate({
        input_ids: new Tensor("int64", BigInt64Array.from(prompt.map(BigInt)), [1, prompt.length]),
        attention_mask: new Tensor("int64", new BigInt64Array(prompt.length).fill(1n), [1, prompt.length]),
        max_new_tokens: request.maxTokens,
        do_sample: false,
        stopping_criteria: [new StopSequenceCriteria(this.tokenizer, request.until, prompt.length)],
      })) as Tensor;
      const generated = (output.tolist() as bigint[][])[0]!.slice(prompt.length).map(Number);
      this.tokens += prompt.length + generated.length;
      const text = this.tokenizer.decode(generated, { skip_special_tokens: true });
      options.onResponse(index, { text: cutAtStop(text, request.until) });
    }
  }

  async dispose(): Promise<void> {
    await Promise.all([this.model.dispose(), this.encoder.close()]);
  }
}

/** Bytes held by a key/value cache's tensors. */
function cacheBytes(cache: PastKeyValues): number {
  return Object.values(cache).reduce((sum, tensor) => sum + (tensor.data as ArrayBufferView).byteLength, 0);
}

/** Row `row`'s first `length` positions of a batch's key/value cache ([batch, heads, positions, head size]). */
function rowCache(source: { present: PastKeyValues }, row: number, length: number): KeyValueCache {
  const present: PastKeyValues = {};
  for (const [name, tensor] of Object.entries(source.present)) {
    const [, heads, positions, size] = tensor.dims as [number, number, number, number];
    const data = tensor.data as Float32Array;
    const copy = new (data.constructor as Float32ArrayConstructor)(heads * length * size);
    for (let head = 0; head < heads; head++) {
      const from = (row * heads + head) * positions * size;
      copy.set(data.subarray(from, from + length * size), head * length * size);
    }
    present[name] = new Tensor(tensor.type, copy, [1, heads, length, size]);
  }
  return { present, length };
}

/** A one-row key/value cache repeated for `batch` rows. */
function tiled(past: PastKeyValues, batch: number): PastKeyValues {
  if (batch === 1) return past;
  const result: PastKeyValues = {};
  for (const [name, tensor] of Object.entries(past)) {
    const source = tensor.data as Float32Array;
    const data = new (source.constructor as Float32ArrayConstructor)(source.length * batch);
    for (let row = 0; row < batch; row++) data.set(source, row * source.length);
    result[name] = new Tensor(tensor.type, data, [batch, ...tensor.dims.slice(1)]);
  }
  return result;
}
