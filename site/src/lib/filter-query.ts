import type { ModelFilter } from "@zoo/catalog/browser";

/**
 * The models filter as form fields and URL query parameters (?organization=meta&min-params=7000000000), so a
 * filtered table can be linked to. Each parameter fills one field of @zoo/catalog's ModelFilter.
 */
export const FILTER_PARAMS = {
  q: "search",
  organization: "organization",
  license: "licenseClass",
  commercial: "commercialUse",
  weights: "openWeights",
  architecture: "architecture",
  kind: "kind",
  modality: "modality",
  "min-params": "minParameters",
  "max-params": "maxParameters",
  "min-context": "minContextLength",
  year: "year",
} as const satisfies Record<string, keyof ModelFilter>;

export type FilterParam = keyof typeof FILTER_PARAMS;

const NUMERIC = new Set<keyof ModelFilter>(["minParameters", "maxParameters", "minContextLength", "year"]);

/** The filter that the given fields describe; empty and unparseable values are no constraint. */
export function filterFromParams(params: { get(name: string): string | null }): ModelFilter {
  const filter: Record<string, unknown> = {};
  for (const [param, field] of Object.entries(FILTER_PARAMS) as [FilterParam, keyof ModelFilter][]) {
    const raw = params.get(param)?.trim();
    if (!raw) continue;
    if (field === "openWeights") {
      if (raw === "open" || raw === "closed") filter[field] = raw === "open";
    } else if (NUMERIC.has(field)) {
      const value = Number(raw);
      if (Number.isFinite(value)) filter[field] = value;
    } else {
      filter[field] = raw;
    }
  }
  return filter as ModelFilter;
}

/** The query string for a filter, in FILTER_PARAMS order: the inverse of filterFromParams. */
export function paramsFromFilter(filter: ModelFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [param, field] of Object.entries(FILTER_PARAMS) as [FilterParam, keyof ModelFilter][]) {
    const value = filter[field];
    if (value === undefined || value === "") continue;
    params.set(param, field === "openWeights" ? (value ? "open" : "closed") : String(value));
  }
  return params;
}

export function isEmptyFilter(filter: ModelFilter): boolean {
  return Object.keys(filter).length === 0;
}
