import {
  LICENSE_CLASS_INFO,
  LICENSE_CLASSES,
  MODALITIES,
  MODEL_KINDS,
  dateYear,
  formatCount,
  matchesFilter,
  type DescribedModel,
} from "@zoo/catalog";
import { filterFromParams, type FilterParam } from "./filter-query.ts";

export interface FilterField {
  param: Exclude<FilterParam, "q">;
  label: string;
  options: { value: string; label: string }[];
}

const SIZES = [1e8, 1e9, 3e9, 7e9, 13e9, 30e9, 70e9, 200e9, 1e12];
const CONTEXTS = [2048, 4096, 8192, 16384, 32768, 131072, 1048576];

const contextLabel = (tokens: number) => (tokens >= 1048576 ? `${tokens / 1048576}M` : `${tokens / 1024}K`);

/** The choices of each filter select, limited to the values some of `models` have. */
export function filterFields(
  models: readonly DescribedModel[],
  organizationName: (id: string) => string,
): FilterField[] {
  const distinct = <T>(values: T[]) => [...new Set(values)];
  const has = (predicate: (model: DescribedModel) => boolean) => models.some(predicate);
  const enumOptions = (values: readonly string[]) => values.map((value) => ({ value, label: value }));
  return [
    {
      param: "organization",
      label: "Organization",
      options: distinct(models.map(({ entry }) => entry.organization))
        .map((value) => ({ value, label: organizationName(value) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    },
    {
      param: "license",
      label: "License class",
      options: LICENSE_CLASSES.filter((value) => has(({ derived }) => derived.licenseClass === value)).map((value) => ({
        value,
        label: LICENSE_CLASS_INFO[value].title,
      })),
    },
    { param: "commercial", label: "Commercial use", options: enumOptions(["allowed", "conditional", "forbidden"]) },
    {
      param: "weights",
      label: "Weights",
      options: [
        { value: "open", label: "open (downloadable)" },
        { value: "closed", label: "closed" },
      ],
    },
    {
      param: "min-params",
      label: "Min. parameters",
      options: SIZES.map((size) => ({ value: String(size), label: `≥ ${formatCount(size)}` })),
    },
    {
      param: "max-params",
      label: "Max. parameters",
      options: SIZES.map((size) => ({ value: String(size), label: `≤ ${formatCount(size)}` })),
    },
    {
      param: "min-context",
      label: "Min. context",
      options: CONTEXTS.map((tokens) => ({ value: String(tokens), label: `≥ ${contextLabel(tokens)} tokens` })),
    },
    {
      param: "architecture",
      label: "Architecture",
      options: enumOptions(
        distinct(models.flatMap(({ entry }) => (entry.architecture ? [entry.architecture.type] : []))).sort(),
      ),
    },
    {
      param: "kind",
      label: "Kind",
      options: enumOptions(MODEL_KINDS.filter((kind) => has(({ entry }) => entry.kind === kind))),
    },
    {
      param: "modality",
      label: "Modality",
      options: enumOptions(
        MODALITIES.filter((modality) =>
          has(({ entry }) => [...entry.modalities.input, ...entry.modalities.output].includes(modality)),
        ),
      ),
    },
    {
      param: "year",
      label: "Release year",
      options: distinct(models.map(({ entry }) => dateYear(entry.released)))
        .sort((a, b) => b - a)
        .map((year) => ({ value: String(year), label: String(year) })),
    },
  ];
}

/**
 * For each select, the option values a model passes, as data-f-<param> attributes ("7000000000 13000000000").
 * They come from matchesFilter itself, so the CSS that filters without JavaScript (filterCss) only combines its
 * answers and can never disagree with it.
 */
export function filterAttributes(model: DescribedModel, fields: readonly FilterField[]): Record<string, string> {
  return Object.fromEntries(
    fields.map(({ param, options }) => [
      `data-f-${param}`,
      options
        .filter(({ value }) => matchesFilter(model, filterFromParams(new URLSearchParams([[param, value]]))))
        .map(({ value }) => value)
        .join(" "),
    ]),
  );
}

/**
 * CSS that applies the selects without JavaScript: a chosen option hides every catalogue row that does not list
 * it. `:root:not(.js)` switches it off once the script (which also searches and re-ranks) takes over.
 */
export function filterCss(formId: string, tableId: string, fields: readonly FilterField[]): string {
  return fields
    .flatMap(({ param, options }) =>
      options.map(
        ({ value }) =>
          `:root:not(.js) body:has(#${formId} [name="${param}"] option[value="${value}"]:checked) #${tableId} tr[data-model]:not([data-f-${param}~="${value}"])`,
      ),
    )
    .join(",\n")
    .concat(fields.length > 0 ? " { display: none; }\n" : "");
}
