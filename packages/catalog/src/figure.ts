import { z } from "zod";
import { webUrlSchema } from "./ids.ts";
import { describeInput } from "./describe-input.ts";
import { parseCount, type Figure } from "./figure-value.ts";

export { figureValue, formatCount, parseCount } from "./figure-value.ts";
export type { Figure } from "./figure-value.ts";

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

const estimateSchema = z
  .strictObject({
    estimate: countSchema.describe("The estimated or rumoured count"),
    source: webUrlSchema.describe("Where the estimate was published"),
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
