import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Response } from "@zoo/suites";
import { z } from "zod";
import type { ResponseStore } from "./response-store.ts";

const responseSchema = z.union([
  z.strictObject({ logprob: z.number(), isGreedy: z.boolean() }),
  z.strictObject({ text: z.string() }),
]);
const lineSchema = z.strictObject({ key: z.string().regex(/^[0-9a-f]{64}$/), response: responseSchema });

/**
 * Every answer a model has given, persisted the moment it is given: an append-only JSONL file per model (keyed by
 * a hash of the model's identity and revision), one line per answer. A process killed mid-write leaves at most a
 * torn last line, which is skipped on reading; every line is written with one append, and starts on a line of its
 * own, so concurrent runs of one model interleave whole lines and never corrupt each other's.
 */
export class ResponseCache implements ResponseStore {
  private readonly answers = new Map<string, Response>();
  private fd: number | undefined;

  private constructor(readonly file: string) {}

  /** The cache of the model whose identity hashes to `modelKey`, under `dir`. */
  static open(dir: string, modelKey: string): ResponseCache {
    const cache = new ResponseCache(join(dir, "responses", `${modelKey}.jsonl`));
    cache.reload();
    return cache;
  }

  /** Reads what is on disk now, including what other runs of the model have added. */
  reload(): void {
    let text: string;
    try {
      text = readFileSync(this.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    for (const line of text.split("\n")) {
      if (line === "") continue;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        continue; // a line torn by a kill: its request is asked again
      }
      const parsed = lineSchema.safeParse(json);
      if (parsed.success) this.answers.set(parsed.data.key, parsed.data.response);
    }
  }

  get size(): number {
    return this.answers.size;
  }

  get(key: string): Response | undefined {
    return this.answers.get(key);
  }

  has(key: string): boolean {
    return this.answers.has(key);
  }

  put(key: string, response: Response): void {
    if (this.answers.has(key)) return;
    this.answers.set(key, response);
    if (this.fd === undefined) {
      mkdirSync(dirname(this.file), { recursive: true });
      this.fd = openSync(this.file, "a");
    }
    // The leading newline ends any line a killed run left torn, so this one parses.
    writeSync(this.fd, `\n${JSON.stringify({ key, response })}`);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
