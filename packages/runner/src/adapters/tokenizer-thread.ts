import type { PreTrainedTokenizer } from "@huggingface/transformers";
import { Worker } from "node:worker_threads";

/** What the thread builds its tokenizer from: the main thread's tokenizer's class and JSON, so it is the same. */
export interface TokenizerRecipe {
  className: string;
  json: unknown;
  config: unknown;
}

/** The recipe of a loaded tokenizer. */
export function tokenizerRecipe(tokenizer: PreTrainedTokenizer): TokenizerRecipe {
  return { className: tokenizer.constructor.name, json: tokenizer._tokenizerJSON, config: tokenizer._tokenizerConfig };
}

interface Reply {
  id: number;
  lengths: Int32Array;
  ids: Int32Array;
  milliseconds: number;
}

interface Pending {
  resolve: (tokens: number[][]) => void;
  reject: (error: Error) => void;
}

/** The tokenizer thread failed: it could not build the tokenizer, or it died. */
export class TokenizerThreadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TokenizerThreadError";
  }
}

/**
 * A worker thread that encodes texts with the model's tokenizer. ONNX Runtime's session.run blocks the main
 * thread while it runs, so tokenising the next requests there would add to every forward pass; on this thread
 * it runs alongside them.
 */
export class TokenizerThread {
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private failure: TokenizerThreadError | undefined;
  private busy = 0;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (reply: Reply) => {
      const pending = this.pending.get(reply.id);
      if (pending === undefined) return;
      this.forget(reply.id);
      this.busy += reply.milliseconds;
      const tokens: number[][] = [];
      let offset = 0;
      for (const length of reply.lengths) {
        tokens.push(Array.from(reply.ids.subarray(offset, offset + length)));
        offset += length;
      }
      pending.resolve(tokens);
    });
    worker.on("error", (error) => this.fail(`the tokenizer thread failed: ${error.message.split("\n")[0]}`));
    worker.on("exit", (code) => this.fail(`the tokenizer thread stopped (exit code ${code})`));
  }

  /** Starts a thread with the tokenizer `recipe` describes, and waits until it is ready. */
  static async start(recipe: TokenizerRecipe): Promise<TokenizerThread> {
    const worker = new Worker(new URL("./tokenizer-worker.js", import.meta.url), { workerData: recipe });
    const thread = new TokenizerThread(worker);
    await new Promise<void>((resolve, reject) => {
      worker.once("message", () => resolve());
      worker.once("error", () => reject(thread.failure));
      worker.once("exit", () => reject(thread.failure));
    });
    worker.unref();
    return thread;
  }

  /** The tokens of each text, without special tokens: `tokenizer.encode(text, { add_special_tokens: false })`. */
  encode(texts: readonly string[]): Promise<number[][]> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const id = this.nextId++;
    // While an answer is owed, the thread keeps the process alive; idle, it never does.
    if (this.pending.size === 0) this.worker.ref();
    const reply = new Promise<number[][]>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.worker.postMessage({ id, texts });
    return reply;
  }

  /** Milliseconds the thread has spent encoding: the tokenising that `pnpm perf` reports. */
  busyMilliseconds(): number {
    return this.busy;
  }

  /** Ends the thread; answers still owed are dropped, since whoever asked for them is done. */
  async close(): Promise<void> {
    this.failure ??= new TokenizerThreadError("the tokenizer thread is closed");
    this.pending.clear();
    this.worker.removeAllListeners("exit");
    await this.worker.terminate();
  }

  private forget(id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
  }

  private fail(message: string): void {
    this.failure ??= new TokenizerThreadError(message);
    for (const [id, { reject }] of this.pending) {
      this.forget(id);
      reject(this.failure);
    }
  }
}

/** The model's tokenizer on a thread of its own: how Node hosts encode a transformers.js model's requests. */
export function startTokenizerThread(tokenizer: PreTrainedTokenizer): Promise<TokenizerThread> {
  return TokenizerThread.start(tokenizerRecipe(tokenizer));
}
