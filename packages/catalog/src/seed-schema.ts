import { z } from "zod";

/** One of the seed documents the catalogue started from; a model source may cite it instead of a URL. */
export const seedSchema = z
  .strictObject({
    $schema: z.string().optional(),
    title: z.string().min(1),
    file: z.string().regex(/^[\w.-]+\.txt$/).describe("The document's file name in the seed collection"),
    description: z.string().min(1).optional(),
  })
  .describe("A seed document");

export type Seed = z.output<typeof seedSchema> & { id: string };
