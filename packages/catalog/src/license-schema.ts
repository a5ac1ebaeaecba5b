import { z } from "zod";
import { webUrlSchema } from "./ids.ts";
import { LICENSE_CLASSES } from "./license-class.ts";

export const COMMERCIAL_USE = ["allowed", "forbidden", "conditional"] as const;
export type CommercialUse = (typeof COMMERCIAL_USE)[number];

export const licenseSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1),
    spdx: z.boolean().describe("Whether the file name is an SPDX license identifier"),
    class: z.enum(LICENSE_CLASSES).describe("Where the license sits in the seeds' taxonomy"),
    commercial_use: z.enum(COMMERCIAL_USE),
    conditions: z.string().min(1).optional().describe("What commercial use is conditional on"),
    url: webUrlSchema.optional().describe("The license text"),
  })
  .refine((license) => (license.commercial_use === "conditional") === (license.conditions !== undefined), {
    error: "conditions are given exactly when commercial_use is conditional",
    path: ["conditions"],
  })
  .describe("A license that catalogue entries name");

export type License = z.output<typeof licenseSchema> & { id: string };
