import type { Response } from "@zoo/suites";

/**
 * Where a run keeps its answers, by request key, the moment each arrives: Node's append-only file (ResponseCache);
 * a browser's IndexedDB.
 */
export interface ResponseStore {
  has(key: string): boolean;
  get(key: string): Response | undefined;
  put(key: string, response: Response): void;
}
