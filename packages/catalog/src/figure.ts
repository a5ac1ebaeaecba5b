import { z } from "zod";
import { describeInput } from "./describe-input.ts";

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

function countFrom(input: string | number): number | undefined {
  const value = typeof input === "number" ? input : parseCount(input);
  return value !== undefined && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

const scalarSchema = z.union([z.number(), z.string()]);
const COUNT_FORMS = 'a count such as 7000000000 or "7B" (suffixes K, M, B, T)';

/** A count written as an integer (7000000000) or with a suffix ("7B", "1.8T"), as sources print them. */
export const countSchema = scalarSchema.transform((input, context) => {
  const value = countFrom(input);
  if (value === undefined) {
    context.addIssue({ code: "custom", message: `expected ${COUNT_FORMS}, found ${describeInput(input)}`, input });
    return z.NEVER;
  }
  return value;
});

/** A figure as the catalogue holds it once read: stated by a source, estimated, or withheld by its maker. */
export type Figure =
  | { status: "stated"; value: number }
  | { status: "estimate"; value: number; source: string; note?: string }
  | { status: "undisclosed" };

const estimateSchema = z
  .strictObject({
    estimate: countSchema.describe("The estimated or rumoured count"),
    source: z.url().describe("Where the estimate was published"),
    note: z.string().min(1).optional().describe("Who estimated it and how"),
  })
  .transform(({ estimate, source, note }): Figure => ({
    status: "estimate",
    value: estimate,
    source,
    ...(note === undefined ? {} : { note }),
  }));

const statedOrUndisclosedSchema = scalarSchema.transform((input, context): Figure => {
  if (input === "undisclosed") return { status: "undisclosed" };
  const value = countFrom(input);
  if (value === undefined) {
    context.addIssue({
      code: "custom",
      message: `expected ${COUNT_FORMS} or "undisclosed", found ${describeInput(input)}`,
      input,
    });
    return z.NEVER;
  }
  return { status: "stated", value };
});

/**
 * A count that a source may state, that may only be estimated or rumoured (then marked as such, with its own
 * source), or that the maker withholds ("undisclosed").
 */
export const figureSchema = z.union([statedOrUndisclosedSchema, estimateSchema], {
  error: (issue) =>
    `expected ${COUNT_FORMS}, "undisclosed", or an estimate {estimate, source}, found ${describeInput(issue.input)}`,
});

/** The value of a figure, when one is known (stated or estimated). */
export function figureValue(figure: Figure | undefined): number | undefined {
  return figure && figure.status !== "undisclosed" ? figure.value : undefined;
}
