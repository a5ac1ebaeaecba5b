// Figures and counts as plain values, without their schemas: this file stays free of zod so browsers can use it.

const SUFFIX_EXPONENT = { K: 3, M: 6, B: 9, T: 12 } as const;
const COUNT_PATTERN = /^(\d+(?:\.\d+)?)\s*([KMBT])$/;

/** "7B" → 7e9, "1.8T" → 1.8e12, "125M" → 1.25e8. Undefined when the text is not such a count. */
export function parseCount(text: string): number | undefined {
  const match = COUNT_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const [, mantissa, suffix] = match as unknown as [string, string, keyof typeof SUFFIX_EXPONENT];
  // Through the decimal exponent, so "6.7B" is exactly 6700000000 and not 6.7 × 1e9's rounding.
  return Number(`${mantissa}e${SUFFIX_EXPONENT[suffix]}`);
}

/** 6.7e9 → "6.7B", 1.8e12 → "1.8T", 350e6 → "350M": the inverse of parseCount, to three significant digits. */
export function formatCount(value: number): string {
  for (const [suffix, exponent] of [
    ["T", 12],
    ["B", 9],
    ["M", 6],
    ["K", 3],
  ] as const) {
    const scaled = value / 10 ** exponent;
    if (scaled >= 1) return `${Number(scaled.toPrecision(3))}${suffix}`;
  }
  return String(value);
}

/** A figure as the catalogue holds it once read: stated by a source, estimated, or withheld by its maker. */
export type Figure =
  | { status: "stated"; value: number }
  | { status: "estimate"; value: number; source: string; note?: string }
  | { status: "undisclosed" };

/** The value of a figure, when one is known (stated or estimated). */
export function figureValue(figure: Figure | undefined): number | undefined {
  return figure && figure.status !== "undisclosed" ? figure.value : undefined;
}
