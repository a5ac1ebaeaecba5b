import { datePrecision, formatCount, type DerivedNumber, type Figure, type PartialDate } from "@zoo/catalog";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A partial date at its own precision: "14 Mar 2023", "Mar 2023" or "2023". */
export function formatDate(date: PartialDate): string {
  const [year, month, day] = date.split("-");
  const precision = datePrecision(date);
  if (precision === "year") return year!;
  const monthName = MONTHS[Number(month) - 1]!;
  return precision === "month" ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}

/** A count figure as a table cell shows it: "7B", "~1.8T" for an estimate, "undisclosed". */
export function figureShort(figure: Figure | undefined): string {
  if (!figure) return "—";
  if (figure.status === "undisclosed") return "undisclosed";
  return `${figure.status === "estimate" ? "~" : ""}${formatCount(figure.value)}`;
}

/**
 * A context length as people quote it: "32K" for 32,768 (binary, as windows are sized), "128K" for 128,000 and
 * "200K" for 200,000 (decimal, as their makers announce them), else the exact count.
 */
export function contextShort(tokens: number | undefined): string {
  if (tokens === undefined) return "—";
  const isPowerOfTwo = (value: number) => Number.isInteger(value) && (value & (value - 1)) === 0;
  for (const [suffix, binary, decimal] of [
    ["M", 1024 * 1024, 1_000_000],
    ["K", 1024, 1000],
  ] as const) {
    if (tokens >= binary && tokens % binary === 0 && isPowerOfTwo(tokens / binary))
      return `${tokens / binary}${suffix}`;
    if (tokens >= decimal && tokens % decimal === 0) return `${tokens / decimal}${suffix}`;
  }
  return tokens.toLocaleString("en-US");
}

export function integer(value: number): string {
  return value.toLocaleString("en-US");
}

/** A score in percent to one decimal place. */
export function percent(value: number): string {
  return value.toFixed(1);
}

/** The half-width of a 95% interval, "±0.8", or an empty string for a point. */
export function plusMinus(low: number, high: number): string {
  const half = (high - low) / 2;
  return half > 0 ? `±${half.toFixed(1)}` : "";
}

/** "(estimate)" after a number derived from an estimated figure. */
export function estimateMark(number: DerivedNumber | undefined): string {
  return number?.estimate ? " (from an estimate)" : "";
}

/** Words of an id-like value: "inference_code" → "inference code", "decoder-only" stays. */
export function words(value: string): string {
  return value.replaceAll("_", " ");
}

/** Seconds as "13 min 32 s", "4.2 s". */
export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
