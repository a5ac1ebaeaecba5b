import { z } from "zod";
import type { Drift, DriftField } from "./catalog-drift.ts";
import { knownKeysAt } from "./known-keys.ts";
import { modelSchema, type ModelEntry, type SourcedFact } from "./model-schema.ts";
import { compareProblems, type Problem } from "./problem.ts";
import { parseWithProblems } from "./schema-problems.ts";
import { parseYamlText } from "./yaml-file.ts";
import { editYaml, type YamlEdit } from "./yaml-update.ts";

/** The public page of a Hub repo: what a source that vouches for the Hub's facts points at. */
export function hubPageUrl(repo: string): string {
  return `https://huggingface.co/${repo}`;
}

const WRITABLE: Partial<Record<DriftField, { path: string[]; fact: SourcedFact }>> = {
  license: { path: ["license"], fact: "license" },
  "openness.weights": { path: ["openness", "weights"], fact: "openness" },
  "parameters.total": { path: ["parameters", "total"], fact: "parameters" },
};

const ENTRY_KEY_ORDER = knownKeysAt(modelSchema, []);
const MODEL_SCHEMA = z.compile(modelSchema);

export interface SyncPlan {
  edits: YamlEdit[];
  /** The drift these edits resolve. */
  written: Drift[];
}

/**
 * The edits that bring an entry in line with the Hub: every missing fact the Hub has, and with `force` every fact
 * that differs; never a value that needs review. Each fact written is vouched for by the repo's Hub page, as a
 * fact of the source that already points there or of a new source at the end of `sources`.
 */
export function planSync(
  entry: ModelEntry,
  repo: string,
  drift: readonly Drift[],
  options: { force?: boolean } = {},
): SyncPlan {
  const written = drift.filter(
    (item) =>
      item.value !== undefined &&
      WRITABLE[item.field] &&
      (item.kind === "missing" || (item.kind === "differs" && options.force)),
  );
  const edits: YamlEdit[] = written.map((item) =>
    item.field === "parameters.total" && !entry.parameters
      ? { set: ["parameters"], value: { total: item.value }, order: ENTRY_KEY_ORDER }
      : { set: WRITABLE[item.field]!.path, value: item.value },
  );
  const facts = [...new Set(written.map((item) => WRITABLE[item.field]!.fact))];
  if (facts.length === 0) return { edits: [], written: [] };

  const page = hubPageUrl(repo).toLowerCase();
  const index = entry.sources.findIndex((source) => source.url?.replace(/\/+$/, "").toLowerCase() === page);
  if (index === -1) {
    edits.push({
      append: ["sources"],
      value: { url: hubPageUrl(repo), title: `${repo} on the Hugging Face Hub`, facts },
    });
  } else {
    for (const fact of facts) {
      if (!entry.sources[index]!.facts.includes(fact)) edits.push({ append: ["sources", index, "facts"], value: fact });
    }
  }
  return { edits, written };
}

/** The edited file, or the problems that keep it from being written: sync never writes an entry the check rejects. */
export type SyncResult = { text: string; problems: [] } | { text?: undefined; problems: Problem[] };

/** Applies a plan to an entry's YAML text and validates the result as `zoo catalog check` does. */
export function applySync(text: string, file: string, plan: SyncPlan): SyncResult {
  const edited = editYaml(text, plan.edits);
  const read = parseYamlText(Buffer.from(edited), file);
  if (!read.source) return { problems: read.problems };
  const { problems } = parseWithProblems(MODEL_SCHEMA, read.source);
  return problems.length > 0 ? { problems: [...problems].sort(compareProblems) } : { text: edited, problems: [] };
}
