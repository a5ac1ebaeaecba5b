import type { Catalog } from "./catalog-loader.ts";
import type { DerivedFacts } from "./derived-facts.ts";
import type { License } from "./license-schema.ts";
import type { Milestone } from "./milestone-schema.ts";
import { describeModels } from "./model-filter.ts";
import type { ModelEntry } from "./model-schema.ts";
import type { Organization } from "./organization-schema.ts";
import type { Seed } from "./seed-schema.ts";

/** Bumped whenever a field of the export is removed or changes meaning; adding a field keeps the version. */
export const CATALOG_EXPORT_VERSION = 1;

export interface CatalogExport {
  version: typeof CATALOG_EXPORT_VERSION;
  models: (ModelEntry & { derived: DerivedFacts })[];
  organizations: Organization[];
  licenses: License[];
  seeds: Seed[];
  milestones: Milestone[];
}

/** The whole catalogue as one JSON-ready value: every entry with its derived facts, and every other record. */
export function exportCatalog(catalog: Catalog): CatalogExport {
  const byId = <T extends { id: string }>(records: T[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));
  return {
    version: CATALOG_EXPORT_VERSION,
    models: describeModels(catalog).map(({ entry, derived }) => ({ ...entry, derived })),
    organizations: byId(catalog.organizations),
    licenses: byId(catalog.licenses),
    seeds: byId(catalog.seeds),
    milestones: catalog.milestones,
  };
}
