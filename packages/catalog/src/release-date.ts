import { z } from "zod";
import { describeInput } from "./describe-input.ts";
import { dateStart, type PartialDate } from "./partial-date.ts";

export { dateStart, datePrecision, dateYear } from "./partial-date.ts";
export type { DatePrecision, PartialDate } from "./partial-date.ts";

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
export const EARLIEST_YEAR = 1950;

/** True when the date is later than `today` at the date's own precision (a year is not future until it starts). */
export function isAfter(date: PartialDate, today: Date): boolean {
  return dateStart(date) > today.toISOString().slice(0, 10);
}

function calendarProblem(text: string): string | undefined {
  const match = DATE_PATTERN.exec(text);
  if (!match) return `expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found ${JSON.stringify(text)}`;
  const [, year, month, day] = match;
  if (Number(year) < EARLIEST_YEAR) return `expected a date in ${EARLIEST_YEAR} or later, found ${text}`;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return `expected a month 01–12, found ${text}`;
  if (day !== undefined) {
    const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    if (Number(day) < 1 || Number(day) > daysInMonth)
      return `expected a day 01–${daysInMonth} of ${year}-${month}, found ${text}`;
  }
  return undefined;
}

/** YAML reads `2023` as a number, so a bare year is accepted as one and kept as the text "2023". */
export const partialDateSchema = z
  .union([z.string(), z.number()], {
    error: (issue) => `expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found ${describeInput(issue.input)}`,
  })
  .transform((input, context): PartialDate => {
    const text = String(input);
    const problem = calendarProblem(text);
    if (problem) {
      context.addIssue({ code: "custom", message: problem, input });
      return z.NEVER;
    }
    return text;
  })
  .describe("A date at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD");
