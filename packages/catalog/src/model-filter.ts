import type { Catalog } from "./catalog-loader.ts";
import { deriveFacts, type DerivedFacts } from "./derived-facts.ts";
import { figureValue } from "./figure-value.ts";
import type { LicenseClass } from "./license-class.ts";
import type { CommercialUse } from "./license-schema.ts";
import type { Modality, ModelEntry, ModelKind } from "./model-schema.ts";
import { dateYear } from "./partial-date.ts";

/** A model with the facts derived from it: what listings, pages and exports show. */
export interface DescribedModel {
  entry: ModelEntry;
  derived: DerivedFacts;
}

/** Derives the facts of every model of a valid catalogue, in id order. */
export function describeModels(catalog: Catalog): DescribedModel[] {
  const licenses = new Map(catalog.licenses.map((license) => [license.id, license]));
  return [...catalog.models]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((entry) => {
      const license = licenses.get(entry.license);
      if (!license) throw new Error(`model ${entry.id} names license ${entry.license}, which the catalogue lacks`);
      return { entry, derived: deriveFacts(entry, license) };
    });
}

/** Every field is optional; a model passes when it matches all the fields given. */
export interface ModelFilter {
  organization?: string;
  family?: string;
  kind?: ModelKind;
  licenseClass?: LicenseClass;
  commercialUse?: CommercialUse;
  openWeights?: boolean;
  architecture?: string;
  modality?: Modality;
  /** Inclusive bounds on total parameters; a model with no known count fails any bound. */
  minParameters?: number;
  maxParameters?: number;
  minContextLength?: number;
  year?: number;
  /** Case-insensitive text matched against id, name, aliases, family, organization and description. */
  search?: string;
}

export function matchesFilter({ entry, derived }: DescribedModel, filter: ModelFilter): boolean {
  const parameters = figureValue(entry.parameters?.total);
  const text = filter.search?.toLowerCase();
  const checks: [unknown, () => boolean][] = [
    [filter.organization, () => entry.organization === filter.organization],
    [filter.family, () => entry.family === filter.family],
    [filter.kind, () => entry.kind === filter.kind],
    [filter.licenseClass, () => derived.licenseClass === filter.licenseClass],
    [filter.commercialUse, () => derived.commercialUse === filter.commercialUse],
    [filter.openWeights, () => derived.openWeights === filter.openWeights],
    [filter.architecture, () => entry.architecture?.type === filter.architecture],
    [filter.modality, () => [...entry.modalities.input, ...entry.modalities.output].includes(filter.modality!)],
    [filter.minParameters, () => parameters !== undefined && parameters >= filter.minParameters!],
    [filter.maxParameters, () => parameters !== undefined && parameters <= filter.maxParameters!],
    [
      filter.minContextLength,
      () => entry.context_length !== undefined && entry.context_length >= filter.minContextLength!,
    ],
    [filter.year, () => dateYear(entry.released) === filter.year],
    [
      text,
      () =>
        [entry.id, entry.name, entry.family, entry.organization, entry.description, ...(entry.aliases ?? [])].some(
          (field) => field.toLowerCase().includes(text!),
        ),
    ],
  ];
  return checks.every(([wanted, check]) => wanted === undefined || check());
}
