import { truncatedInput, type EncodedPair } from "./lm-eval-encoding.ts";

/** A request to score: its index in the adapter's list and its tokens as lm-evaluation-harness encodes them. */
export interface EncodedRequest {
  index: number;
  pair: EncodedPair;
}

/**
 * What forward passes requests share. "prefix-tree": every common prefix of token ids is run once (the default);
 * "per-context": only the continuations of one context share its pass, and inputs cut to the model's length are
 * run alone (what zoo did before the prefix tree, kept so that `pnpm perf` measures the tree against it); "none":
 * every request's whole input is run on its own (`--no-prefix-cache`, for checking).
 */
export type Sharing = "prefix-tree" | "per-context" | "none";

/**
 * What one more forward pass costs, in tokens of work: a pass streams all of the model's weights, and on a CPU that
 * costs about as much as running a few dozen tokens more. A shared prefix whose own pass would save fewer tokens
 * than this is run again in each of its branches instead (MMLU's questions often begin with the same word), and a
 * prefix carried from the previous window is reused only when it spans at least this many tokens.
 */
export const PASS_COST_TOKENS = 32;

/** One continuation token whose log-probability is read off the logits at `position` (absolute, from 0). */
export interface Read {
  request: EncodedRequest;
  position: number;
  token: number;
}

/**
 * A node of the tree: `tokens` run after the tokens of the nodes above it, the first at `start`. Its pass gives
 * the logits of `reads`; the requests in `ends` have every read answered once it has run.
 */
export interface PrefixNode {
  tokens: number[];
  start: number;
  children: PrefixNode[];
  reads: Read[];
  ends: EncodedRequest[];
  /** Already run: its key/value cache is the one kept from the window before (see `carried`). */
  precomputed?: true;
}

export interface PrefixTreeOptions {
  maxLength: number;
  sharing: Sharing;
  /** See PASS_COST_TOKENS. */
  passCost?: number;
  /** Tokens whose cache is still held from the previous window: a top-level prefix they share is not run again. */
  carried?: readonly number[];
}

/** A node being built: `ends` are the requests whose input ends exactly at the node's last token. */
interface Draft {
  tokens: number[];
  children: Draft[];
  ends: EncodedRequest[];
  precomputed?: true;
}

const draft = (tokens: number[], ends: EncodedRequest[] = [], children: Draft[] = []): Draft => ({
  tokens,
  children,
  ends,
});

function commonLength(a: readonly number[], aFrom: number, b: readonly number[], bFrom = 0): number {
  let n = 0;
  while (aFrom + n < a.length && bFrom + n < b.length && a[aFrom + n] === b[bFrom + n]) n++;
  return n;
}

/** Splits `node` after `at` tokens: the node keeps the head, a new child takes the tail, the children and ends. */
function split(node: Draft, at: number): void {
  const tail = draft(node.tokens.slice(at), node.ends, node.children);
  if (node.precomputed) tail.precomputed = true;
  node.tokens = node.tokens.slice(0, at);
  node.children = [tail];
  node.ends = [];
}

/** Inserts `input` below `roots` (a radix tree: no node has a single child unless requests end at it). */
function insert(roots: Draft[], input: readonly number[], request: EncodedRequest): void {
  let siblings = roots;
  let offset = 0;
  for (;;) {
    const next = siblings.find((node) => node.tokens[0] === input[offset]);
    if (next === undefined) {
      siblings.push(draft(input.slice(offset), [request]));
      return;
    }
    const shared = commonLength(input, offset, next.tokens);
    if (shared < next.tokens.length) split(next, shared);
    offset += shared;
    if (offset === input.length) {
      next.ends.push(request);
      return;
    }
    siblings = next.children;
  }
}

/** The nodes of a radix tree over `inputs`. */
function radixTree(inputs: readonly { input: number[]; request: EncodedRequest }[]): Draft[] {
  const roots: Draft[] = [];
  for (const { input, request } of inputs) insert(roots, input, request);
  return roots;
}

/** Runs a shared prefix again in each branch where that costs fewer tokens than its own pass: see PASS_COST_TOKENS. */
function collapseShort(nodes: Draft[], passCost: number): Draft[] {
  return nodes.flatMap((node) => {
    node.children = collapseShort(node.children, passCost);
    const recomputed = (node.children.length - 1) * node.tokens.length;
    if (node.precomputed || node.ends.length > 0 || node.children.length === 0 || recomputed >= passCost) return [node];
    return node.children.map((child) => {
      child.tokens = [...node.tokens, ...child.tokens];
      return child;
    });
  });
}

/** The earliest position any request below `node` reads (relative to the node's own start). */
function firstRead(node: Draft, start: number, readFrom: Map<EncodedRequest, number>): number {
  let first = Infinity;
  for (const request of node.ends) first = Math.min(first, readFrom.get(request)! - start);
  for (const child of node.children)
    first = Math.min(first, firstRead(child, start + node.tokens.length, readFrom) + node.tokens.length);
  return first;
}

/**
 * Marks the top-level prefix shared with the tokens still cached from the previous window as precomputed, where
 * no request reads logits inside it (those logits were not kept).
 */
function reuseCarried(
  roots: Draft[],
  carried: readonly number[],
  passCost: number,
  readFrom: Map<EncodedRequest, number>,
) {
  const node = roots.find((root) => root.tokens[0] === carried[0]);
  if (node === undefined) return;
  const shared = commonLength(node.tokens, 0, carried);
  if (shared < passCost || firstRead(node, 0, readFrom) < shared) return;
  if (shared < node.tokens.length) split(node, shared);
  node.precomputed = true;
}

/** Orders siblings longest first (so a batch pads little), then by their tokens: the same whatever the request order. */
function bySize(a: Draft, b: Draft): number {
  if (a.tokens.length !== b.tokens.length) return b.tokens.length - a.tokens.length;
  const shared = commonLength(a.tokens, 0, b.tokens);
  return shared === a.tokens.length ? 0 : a.tokens[shared]! - b.tokens[shared]!;
}

function finish(
  drafts: Draft[],
  start: number,
  path: PrefixNode[],
  readFrom: Map<EncodedRequest, number>,
): PrefixNode[] {
  return [...drafts].sort(bySize).map((draftNode) => {
    const node: PrefixNode = {
      tokens: draftNode.tokens,
      start,
      children: [],
      reads: [],
      ends: [...draftNode.ends].sort((a, b) => a.index - b.index),
      ...(draftNode.precomputed ? { precomputed: true as const } : {}),
    };
    const along = [...path, node];
    for (const request of node.ends) {
      const from = readFrom.get(request)!;
      const continuation = request.pair.continuation;
      for (const at of along)
        for (let position = Math.max(at.start, from); position < at.start + at.tokens.length; position++)
          at.reads.push({ request, position, token: continuation[position - from]! });
    }
    node.children = finish(draftNode.children, start + node.tokens.length, along, readFrom);
    return node;
  });
}

/**
 * The forward passes that answer `requests` (one window of a run), as a tree over token ids. Each request's
 * input is lm-evaluation-harness's, (context + continuation)[-(maxLength + 1):][:-1], and its continuation's
 * log-probabilities are read off the input's last positions. Inputs that begin with the same tokens share the
 * nodes of that prefix, so each is run once and its key/value cache extended by the nodes below it: a few-shot
 * block once per subject, a context once for all of its continuations, identical inputs (the choices of a
 * question cut to the model's length) once. The tree depends only on the requests, the model's length, the
 * sharing and what is carried: a resumed run builds the same tree.
 */
export function buildPrefixTree(requests: readonly EncodedRequest[], options: PrefixTreeOptions): PrefixNode[] {
  const { maxLength, sharing } = options;
  const passCost = options.passCost ?? PASS_COST_TOKENS;
  const readFrom = new Map<EncodedRequest, number>();
  const inputs = requests.map((request) => {
    const input = truncatedInput(request.pair, maxLength);
    const from = input.length - request.pair.continuation.length;
    if (from < 0)
      throw new Error(
        `a continuation of ${request.pair.continuation.length} tokens does not fit the model's ${maxLength}`,
      );
    readFrom.set(request, from);
    return { input, request };
  });
  let roots: Draft[];
  if (sharing === "none") roots = inputs.map(({ input, request }) => draft(input, [request]));
  else if (sharing === "per-context") {
    const groups = new Map<string, typeof inputs>();
    roots = [];
    for (const item of inputs) {
      const { pair } = item.request;
      if (pair.context.length + pair.continuation.length - 1 > maxLength) {
        roots.push(draft(item.input, [item.request]));
        continue;
      }
      const key = pair.context.join(",");
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [item]);
      else group.push(item);
    }
    for (const group of groups.values()) roots.push(...radixTree(group));
  } else {
    roots = radixTree(inputs);
    if (options.carried !== undefined && options.carried.length > 0)
      reuseCarried(roots, options.carried, passCost, readFrom);
  }
  return finish(collapseShort(roots, passCost), 0, [], readFrom);
}

/** Every request answered at or below `node`. */
export function requestsBelow(node: PrefixNode): EncodedRequest[] {
  return [...node.ends, ...node.children.flatMap(requestsBelow)];
}

/** Tokens the tree runs: what the forward passes cost before padding. */
export function treeTokens(nodes: readonly PrefixNode[]): number {
  return nodes.reduce((sum, node) => sum + (node.precomputed ? 0 : node.tokens.length) + treeTokens(node.children), 0);
}
