import { z } from "zod";
import { webUrlSchema } from "./ids.ts";

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

/** The English name of an ISO 3166-1 alpha-2 country code, or undefined when the code names no country. */
export function countryName(code: string): string | undefined {
  const name = /^[A-Z]{2}$/.test(code) ? regionNames.of(code) : undefined;
  return name === "Unknown Region" ? undefined : name;
}

export const organizationSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1),
    country: z
      .string()
      .refine((code) => countryName(code) !== undefined, {
        error: (issue) =>
          `expected an ISO 3166-1 alpha-2 country code such as "US" or "FR", found ${JSON.stringify(issue.input)}`,
      })
      .describe("Where the organization is based: ISO 3166-1 alpha-2 code"),
    url: webUrlSchema,
    description: z.string().min(1).optional(),
  })
  .describe("An organization that makes models");

export type Organization = z.output<typeof organizationSchema> & { id: string };
