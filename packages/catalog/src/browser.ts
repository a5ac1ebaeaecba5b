/**
 * The part of @zoo/catalog that runs in a browser: plain functions over already-loaded data, with no zod and no
 * node: modules, so a page's script stays small. browser.test.ts keeps it that way.
 */
export { formatCount, figureValue, parseCount } from "./figure-value.ts";
export type { Figure } from "./figure-value.ts";
export { formatBytes, formatScientific } from "./format-units.ts";
export { LICENSE_CLASSES, LICENSE_CLASS_INFO } from "./license-class.ts";
export type { LicenseClass, LicenseClassInfo } from "./license-class.ts";
export { matchesFilter } from "./model-filter.ts";
export type { DescribedModel, ModelFilter } from "./model-filter.ts";
export { dateStart, datePrecision, dateYear } from "./partial-date.ts";
export type { DatePrecision, PartialDate } from "./partial-date.ts";
