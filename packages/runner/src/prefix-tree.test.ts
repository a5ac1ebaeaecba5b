import { describe, expect, it } from "vitest";
import { buildPrefixTree, requestsBelow, treeTokens, type EncodedRequest, type PrefixNode } from "./prefix-tree.ts";

const request = (index: number, context: number[], continuation: number[]): EncodedRequest => ({
  index,
  pair: { context, continuation },
});

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** A tree as plain data: each node's tokens, start, reads (request index @ position = token) and ends. */
interface Shape {
  tokens: number[];
  start: number;
  reads: string[];
  ends: number[];
  precomputed?: true;
  children: Shape[];
}
function shape(nodes: readonly PrefixNode[]): Shape[] {
  return nodes.map((node) => ({
    tokens: node.tokens,
    start: node.start,
    reads: node.reads.map((read) => `${read.request.index}@${read.position}=${read.token}`),
    ends: node.ends.map((end) => end.index),
    ...(node.precomputed ? { precomputed: true as const } : {}),
    children: shape(node.children),
  }));
}

const exact = { maxLength: 100, sharing: "prefix-tree", passCost: 1 } as const;

describe("buildPrefixTree", () => {
  it("shares a common prefix of token ids and branches where the inputs part", () => {
    const requests = [
      request(0, range(1, 10), [20]),
      request(1, range(1, 10), [21]),
      request(2, [...range(1, 8), 30, 31], [22]),
      request(3, [40, 41], [23]),
    ];
    expect(shape(buildPrefixTree(requests, exact))).toEqual([
      {
        tokens: range(1, 8),
        start: 0,
        reads: [],
        ends: [],
        children: [
          { tokens: [9, 10], start: 8, reads: ["0@9=20", "1@9=21"], ends: [0, 1], children: [] },
          { tokens: [30, 31], start: 8, reads: ["2@9=22"], ends: [2], children: [] },
        ],
      },
      { tokens: [40, 41], start: 0, reads: ["3@1=23"], ends: [3], children: [] },
    ]);
  });

  it("ends a request inside another's input where its context is a prefix of the other's", () => {
    const requests = [request(0, [1, 2, 3], [4]), request(1, [1, 2, 3, 4, 5], [6])];
    expect(shape(buildPrefixTree(requests, exact))).toEqual([
      {
        tokens: [1, 2, 3],
        start: 0,
        reads: ["0@2=4"],
        ends: [0],
        children: [{ tokens: [4, 5], start: 3, reads: ["1@4=6"], ends: [1], children: [] }],
      },
    ]);
  });

  it("reads a continuation of several tokens across the nodes it spans", () => {
    const requests = [request(0, [1, 2, 3], [4, 5, 6]), request(1, [1, 2, 3], [4, 7])];
    expect(shape(buildPrefixTree(requests, exact))).toEqual([
      {
        tokens: [1, 2, 3, 4],
        start: 0,
        reads: ["1@2=4", "1@3=7", "0@2=4", "0@3=5"],
        ends: [1],
        children: [{ tokens: [5], start: 4, reads: ["0@4=6"], ends: [0], children: [] }],
      },
    ]);
  });

  it("shares only tokens: a text shared up to a BPE boundary that tokenises differently branches before it", () => {
    // GPT-2 encodes "A\n\n" ending a string as [32, 628] and "A\n\nB" as [32, 198, 198, 33]: the text "A\n\n" is
    // common to both contexts, its tokens are not.
    const requests = [request(0, [32, 628], [50]), request(1, [32, 198, 198, 33], [50])];
    expect(shape(buildPrefixTree(requests, exact))).toEqual([
      {
        tokens: [32],
        start: 0,
        reads: [],
        ends: [],
        children: [
          { tokens: [198, 198, 33], start: 1, reads: ["1@3=50"], ends: [1], children: [] },
          { tokens: [628], start: 1, reads: ["0@1=50"], ends: [0], children: [] },
        ],
      },
    ]);
  });

  it("runs a shared prefix again in each branch where that costs fewer tokens than one more pass", () => {
    const branches = (count: number, shared: number[]) =>
      Array.from({ length: count }, (_, i) => request(i, [...shared, ...range(10 * i + 10, 10 * i + 19)], [5]));
    // Two branches of a 2-token prefix: 2 tokens recomputed, under a pass's cost of 8.
    const short = buildPrefixTree(branches(2, [1, 2]), { ...exact, passCost: 8 });
    expect(short.map((node) => node.tokens)).toEqual([
      [1, 2, ...range(10, 19)],
      [1, 2, ...range(20, 29)],
    ]);
    expect(treeTokens(short)).toBe(24);
    // Nine branches of the same prefix would recompute 16 tokens: it runs once.
    const wide = buildPrefixTree(branches(9, [1, 2]), { ...exact, passCost: 8 });
    expect(wide.map((node) => node.tokens)).toEqual([[1, 2]]);
    expect(treeTokens(wide)).toBe(2 + 9 * 10);
  });

  it("runs the choices of a question cut to the model's length once: their cut inputs are the same", () => {
    const requests = [request(0, range(1, 10), [20]), request(1, range(1, 10), [21])];
    expect(shape(buildPrefixTree(requests, { ...exact, maxLength: 4 }))).toEqual([
      { tokens: [7, 8, 9, 10], start: 0, reads: ["0@3=20", "1@3=21"], ends: [0, 1], children: [] },
    ]);
  });

  it("cuts continuations of several tokens as lm-evaluation-harness does, each its own input", () => {
    const tree = buildPrefixTree([request(0, [1, 2, 3, 4], [5, 6]), request(1, [1, 2, 3, 4], [5, 7])], {
      ...exact,
      maxLength: 4,
    });
    expect(shape(tree)).toEqual([
      { tokens: [2, 3, 4, 5], start: 0, reads: ["0@2=5", "0@3=6", "1@2=5", "1@3=7"], ends: [0, 1], children: [] },
    ]);
    expect(() => buildPrefixTree([request(0, [1], range(2, 9))], { ...exact, maxLength: 4 })).toThrow(
      "a continuation of 8 tokens does not fit the model's 4",
    );
  });

  it("reuses the prefix carried from the previous window where no request reads inside it", () => {
    const block = range(1, 20);
    const requests = [request(0, [...block, 30, 31], [5]), request(1, [...block, 40, 41], [5])];
    expect(shape(buildPrefixTree(requests, { ...exact, carried: [...block, 99] }))).toEqual([
      {
        tokens: block,
        start: 0,
        reads: [],
        ends: [],
        precomputed: true,
        children: [
          { tokens: [30, 31], start: 20, reads: ["0@21=5"], ends: [0], children: [] },
          { tokens: [40, 41], start: 20, reads: ["1@21=5"], ends: [1], children: [] },
        ],
      },
    ]);
    // A request reading inside the carried prefix needs logits that were not kept: the prefix is run again.
    const reading = [request(2, range(1, 5), [6]), ...requests];
    expect(buildPrefixTree(reading, { ...exact, carried: block })[0]!.precomputed).toBeUndefined();
  });

  it("shares per context or not at all when asked", () => {
    const requests = [
      request(0, [...range(1, 10), 11], [5]),
      request(1, [...range(1, 10), 11], [6]),
      request(2, [...range(1, 10), 12], [5, 6]),
      request(3, [...range(1, 10), 12], [5, 7]),
    ];
    const perContext = buildPrefixTree(requests, { ...exact, sharing: "per-context" });
    expect(perContext.map((node) => requestsBelow(node).map((r) => r.index))).toEqual([
      [2, 3],
      [0, 1],
    ]);
    expect(treeTokens(perContext)).toBe(11 + 11 + 1);
    const none = buildPrefixTree(requests, { ...exact, sharing: "none" });
    expect(none.map((node) => node.ends.map((r) => r.index))).toEqual([[2], [3], [0], [1]]);
    expect(treeTokens(none)).toBe(4 * 11 + 1 + 1);
    expect(treeTokens(buildPrefixTree(requests, exact))).toBe(10 + 1 + 2);
  });

  it("builds the same tree whatever order the requests come in", () => {
    const requests = [
      request(0, [...range(1, 10), 2], [5]),
      request(1, [3], [5, 6]),
      request(2, [...range(1, 10), 4, 4], [5]),
    ];
    const reversed = [...requests].reverse();
    expect(shape(buildPrefixTree(reversed, exact))).toEqual(shape(buildPrefixTree(requests, exact)));
  });
});
