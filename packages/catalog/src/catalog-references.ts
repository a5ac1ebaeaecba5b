import spdxLicenseIds from "spdx-license-ids/index.json" with { type: "json" };
import type { CatalogRecords, Located } from "./catalog-loader.ts";
import { didYouMean } from "./did-you-mean.ts";
import { ID_PATTERN, recordId } from "./ids.ts";
import type { License } from "./license-schema.ts";
import type { Problem } from "./problem.ts";
import { isAfter } from "./release-date.ts";
import type { YamlSource } from "./yaml-file.ts";

const SPDX_IDS = new Set<string>(spdxLicenseIds);

/**
 * A reference checker for one kind of record: an error naming the closest known id when the reference is unknown.
 * An empty reference is left to the schema, which already reports it.
 */
function referenceCheck(kind: string, located: readonly Located<unknown>[]) {
  const ids = located.map(({ source }) => recordId(source.file));
  const known = new Set(ids);
  return (source: YamlSource, path: PropertyKey[], id: unknown): Problem[] =>
    typeof id !== "string" || id === "" || known.has(id)
      ? []
      : [source.problem(path, `no ${kind} "${id}" in the catalogue`, { suggestion: didYouMean(id, ids) })];
}

/** Catalogue ids by every lower-cased name, alias and family id that names them: what a milestone may mention. */
function modelsByName(models: readonly Located<unknown>[]): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const { source } of models) {
    const data = source.data as { name?: unknown; aliases?: unknown; family?: unknown };
    const names = [data.name, ...(Array.isArray(data.aliases) ? data.aliases : []), data.family];
    for (const name of new Set(names.filter((value): value is string => typeof value === "string")))
      byName.set(name.toLowerCase(), [...(byName.get(name.toLowerCase()) ?? []), recordId(source.file)]);
  }
  return byName;
}

/** The value at `key` of a mapping that may not have passed its schema, when it is a list. */
function listAt(data: unknown, key: string): unknown[] {
  const value = (data as Record<string, unknown>)[key];
  return Array.isArray(value) ? value : [];
}

/**
 * Checks between files: ids against file names, references to other records, lineage cycles, dates. A file that
 * failed its schema is still checked from its raw data, so one run reports everything.
 */
export function checkReferences(records: CatalogRecords, today: Date): Problem[] {
  const problems: Problem[] = [];
  const organization = referenceCheck("organization", records.organizations);
  const license = referenceCheck("license", records.licenses);
  const model = referenceCheck("model", records.models);
  const seed = referenceCheck("seed document", records.seeds);
  const firstFile = new Map<string, string>();

  for (const { value: entry, source } of records.models) {
    const data = source.data;
    const fileId = recordId(source.file);
    if (typeof data.id === "string" && data.id !== fileId) {
      problems.push(
        source.problem(["id"], `id "${data.id}" differs from the file name "${fileId}.yaml": they must be equal`),
      );
    }
    const earlier = firstFile.get(fileId);
    if (earlier) problems.push(source.problem(["id"], `duplicate id "${fileId}": also defined in ${earlier}`));
    else firstFile.set(fileId, source.file);

    problems.push(...organization(source, ["organization"], data.organization));
    problems.push(...license(source, ["license"], data.license));
    listAt(data, "base_model").forEach((base, index) => problems.push(...model(source, ["base_model", index], base)));
    listAt(data, "sources").forEach((cited, index) =>
      problems.push(...seed(source, ["sources", index, "seed"], (cited as Record<string, unknown> | null)?.seed)),
    );
    if (entry && isAfter(entry.released, today)) {
      problems.push(
        source.problem(
          ["released"],
          `release date ${entry.released} is in the future (today is ${today.toISOString().slice(0, 10)})`,
        ),
      );
    }
  }

  problems.push(...lineageCycles(records.models));

  problems.push(...unresolvedMentions(records));

  for (const { source } of [...records.organizations, ...records.seeds]) {
    const id = recordId(source.file);
    if (!ID_PATTERN.test(id)) problems.push(source.problem([], `file name "${id}" is not a kebab-case id`));
  }
  for (const { value, source } of records.licenses) {
    if (value) problems.push(...licenseIdProblems(value, source));
  }

  if (records.milestones) {
    const { value: milestones, source } = records.milestones;
    const named = modelsByName(records.models);
    listAt(source.data, "milestones").forEach((raw, index) => {
      const milestone = raw as { name?: unknown; model?: unknown; source?: { seed?: unknown } } | null;
      problems.push(...model(source, ["milestones", index, "model"], milestone?.model));
      const namesModels = typeof milestone?.name === "string" ? named.get(milestone.name.toLowerCase()) : undefined;
      if (namesModels && milestone?.model === undefined)
        problems.push(
          source.problem(
            ["milestones", index, "name"],
            `names the catalogued ${namesModels.length === 1 ? "model" : "models"} ${namesModels.join(", ")}: link the one it introduced with model:`,
          ),
        );
      problems.push(...seed(source, ["milestones", index, "source", "seed"], milestone?.source?.seed));
    });
    milestones?.forEach(({ date }, index) => {
      if (isAfter(date, today))
        problems.push(source.problem(["milestones", index, "date"], `date ${date} is in the future`));
    });
  }
  return problems;
}

function licenseIdProblems(license: License, source: YamlSource): Problem[] {
  if (license.spdx) {
    return SPDX_IDS.has(license.id)
      ? []
      : [
          source.problem(["spdx"], `"${license.id}" is not an SPDX license id`, {
            suggestion: didYouMean(license.id, [...SPDX_IDS]),
          }),
        ];
  }
  if (SPDX_IDS.has(license.id))
    return [source.problem(["spdx"], `"${license.id}" is an SPDX license id: set spdx: true`)];
  return ID_PATTERN.test(license.id)
    ? []
    : [source.problem([], `custom license id "${license.id}" is not a kebab-case id`)];
}

/** A model cannot be its own ancestor: each cycle is reported once, at the entry where the walk closed it. */
function lineageCycles(models: CatalogRecords["models"]): Problem[] {
  const byId = new Map(models.map((located) => [recordId(located.source.file), located]));
  const state = new Map<string, "visiting" | "done">();
  const problems: Problem[] = [];
  const visit = (id: string, trail: string[]) => {
    if (state.get(id) === "done") return;
    const located = byId.get(id);
    if (!located) return;
    state.set(id, "visiting");
    listAt(located.source.data, "base_model").forEach((base, index) => {
      if (typeof base !== "string" || base === id) return; // naming itself is reported with the entry's own checks
      if (state.get(base) === "visiting") {
        const cycle = [...trail.slice(trail.indexOf(base)), id, base];
        problems.push(located.source.problem(["base_model", index], `base_model forms a cycle: ${cycle.join(" → ")}`));
      } else {
        visit(base, [...trail, id]);
      }
    });
    state.set(id, "done");
  };
  for (const id of byId.keys()) visit(id, []);
  return problems;
}

/**
 * Names compare without case, spaces or punctuation ("Llama 2" names the family "llama-2"), except a dot between
 * digits and a plus, which tell sizes and versions apart ("OPT-1.3B" is not "OPT-13B", "CodeT5+" not "CodeT5").
 */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9.+]/g, "")
    .replace(/(?<![0-9])\.|\.(?![0-9])/g, "");
}

/** Every model a seed document mentions must be in the catalogue, by id, name, alias or family. */
function unresolvedMentions(records: CatalogRecords): Problem[] {
  const known = new Set<string>();
  for (const { source } of records.models) {
    const data = source.data;
    for (const name of [recordId(source.file), data.name, data.family, ...listAt(data, "aliases")]) {
      if (typeof name === "string") known.add(nameKey(name));
    }
  }
  return records.seeds.flatMap(({ value, source }) =>
    (value?.mentions ?? []).flatMap((mention, index) => {
      if (typeof mention === "string") {
        return known.has(nameKey(mention))
          ? []
          : [
              source.problem(
                ["mentions", index],
                `"${mention}" names no catalogue entry (by id, name, alias or family)`,
              ),
            ];
      }
      return known.has(nameKey(mention.model))
        ? []
        : [source.problem(["mentions", index, "model"], `"${mention.model}" is no catalogue entry or family`)];
    }),
  );
}
