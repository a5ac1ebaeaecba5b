// Dates as plain values, without their schema: this file stays free of zod so browsers can use it.

/** A date kept at the precision its source gives: a year, a month or a day. */
export type PartialDate = string;
export type DatePrecision = "year" | "month" | "day";

export function datePrecision(date: PartialDate): DatePrecision {
  return date.length === 4 ? "year" : date.length === 7 ? "month" : "day";
}

/** The first day the date can mean, as a sortable ISO day ("2023" → "2023-01-01"). */
export function dateStart(date: PartialDate): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

export function dateYear(date: PartialDate): number {
  return Number(date.slice(0, 4));
}
