import type { DerivedFacts, DescribedModel, ModelEntry } from "@zoo/catalog";

/** The fields of a model that matchesFilter reads: what a page embeds so its script can filter in the browser. */
export interface FilterView {
  entry: Pick<
    ModelEntry,
    | "id"
    | "name"
    | "aliases"
    | "family"
    | "organization"
    | "description"
    | "kind"
    | "parameters"
    | "context_length"
    | "released"
    | "architecture"
    | "modalities"
  >;
  derived: Pick<DerivedFacts, "licenseClass" | "commercialUse" | "openWeights">;
}

export function filterView({ entry, derived }: DescribedModel): FilterView {
  return {
    entry: {
      id: entry.id,
      name: entry.name,
      ...(entry.aliases ? { aliases: entry.aliases } : {}),
      family: entry.family,
      organization: entry.organization,
      description: entry.description,
      kind: entry.kind,
      ...(entry.parameters ? { parameters: { total: entry.parameters.total } } : {}),
      ...(entry.context_length !== undefined ? { context_length: entry.context_length } : {}),
      released: entry.released,
      ...(entry.architecture ? { architecture: { type: entry.architecture.type } } : {}),
      modalities: entry.modalities,
    },
    derived: {
      licenseClass: derived.licenseClass,
      commercialUse: derived.commercialUse,
      openWeights: derived.openWeights,
    },
  };
}
