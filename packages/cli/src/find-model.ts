import { didYouMean, type ModelEntry } from "@zoo/catalog";
import { CliError } from "./cli-error.ts";

/**
 * The catalogue entry with this id, or a CliError saying there is none and which id was probably meant: the entry
 * whose name or alias it is ("gpt2" → "gpt-2-124m"), else the nearest id.
 */
export function findModel(entries: readonly ModelEntry[], id: string, hint = ""): ModelEntry {
  const entry = entries.find((candidate) => candidate.id === id);
  if (entry) return entry;
  const folded = id.toLowerCase();
  const named = entries.find((candidate) =>
    [candidate.name, ...(candidate.aliases ?? [])].some((name) => name.toLowerCase() === folded),
  );
  const suggestion =
    named?.id ??
    didYouMean(
      id,
      entries.map((candidate) => candidate.id),
    );
  throw new CliError(`no model "${id}" in the catalogue${suggestion ? ` (did you mean "${suggestion}"?)` : ""}${hint}`);
}
