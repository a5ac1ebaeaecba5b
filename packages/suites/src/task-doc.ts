import type { DataLocation } from "./suite-errors.ts";

/** A document as loaded: its fields, the breakdown group it counts towards, and where it was read from. */
export interface TaskDoc {
  fields: Record<string, unknown>;
  /** The finest breakdown (an MMLU subject); the few-shot examples come from the same group. */
  group?: string;
  file: string;
  location?: DataLocation;
}
