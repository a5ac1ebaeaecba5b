import type { LoglikelihoodResponse } from "@zoo/suites";
import type { AnswerOptions } from "./adapter.ts";
import { requestsBelow, type EncodedRequest, type PrefixNode } from "./prefix-tree.ts";

/**
 * The bookkeeping of running one prefix tree: which nodes still have requests to answer below them (a resumed run
 * skips the rest), each request's log-probability summed over the nodes its continuation spans, and the answer
 * given once its last node has run.
 */
export class TreeRun {
  /** Nodes with at least one unanswered request at or below them. */
  readonly live = new Set<PrefixNode>();
  /**
   * The node whose cache is kept for the next window, which usually continues the same few-shot block: the
   * top-level node the window's last request descends from, when this run computes it (live, not carried from the
   * window before, with tokens of its own).
   */
  readonly carry: PrefixNode | undefined;
  readonly signal: AbortSignal | undefined;
  private readonly sums = new Map<EncodedRequest, { logprob: number; greedy: boolean }>();

  constructor(
    tree: readonly PrefixNode[],
    options: Pick<AnswerOptions<LoglikelihoodResponse>, "isAnswered" | "signal">,
    private readonly answer: (request: EncodedRequest, response: LoglikelihoodResponse) => void,
  ) {
    this.signal = options.signal;
    const isAnswered = options.isAnswered;
    this.pending = isAnswered === undefined ? () => true : (request) => !isAnswered(request.index);
    const mark = (node: PrefixNode): boolean => {
      const below = node.children.map(mark).some(Boolean);
      const live = below || node.ends.some(this.pending);
      if (live) this.live.add(node);
      return live;
    };
    tree.forEach(mark);
    let last = -1;
    let retain: PrefixNode | undefined;
    for (const node of tree) {
      const highest = Math.max(...requestsBelow(node).map((request) => request.index));
      if (highest > last) [last, retain] = [highest, node];
    }
    if (retain && this.live.has(retain) && !retain.precomputed && retain.tokens.length > 0) this.carry = retain;
  }

  /** Tokens the tree's live nodes run, before padding: the prefix carried from the window before costs none. */
  tokensToRun(): number {
    let tokens = 0;
    for (const node of this.live) if (!node.precomputed) tokens += node.tokens.length;
    return tokens;
  }

  /** Whether the request still needs an answer. */
  readonly pending: (request: EncodedRequest) => boolean;

  /** Adds the log-probability of one continuation token. */
  add(request: EncodedRequest, scored: { logprob: number; greedy: boolean }): void {
    const sum = this.sums.get(request);
    if (sum === undefined) this.sums.set(request, { ...scored });
    else {
      sum.logprob += scored.logprob;
      sum.greedy &&= scored.greedy;
    }
  }

  /** Answers the request from its summed reads (none: an empty continuation, log-probability 0). */
  finish(request: EncodedRequest): void {
    if (!this.pending(request)) return;
    const sum = this.sums.get(request) ?? { logprob: 0, greedy: true };
    this.sums.delete(request);
    this.answer(request, { logprob: sum.logprob, isGreedy: sum.greedy });
  }
}
