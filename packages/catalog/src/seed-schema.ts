import { z } from "zod";

/** One of the seed documents the catalogue started from; a model source may cite it instead of a URL. */
export const seedSchema = z
  .strictObject({
    $schema: z.string().optional(),
    title: z.string().min(1),
    file: z.string().regex(/^[\w.-]+\.txt$/).describe("The document's file name in the seed collection"),
    description: z.string().min(1).optional(),
    mentions: z
      .array(z.string().min(1))
      .optional()
      .describe("Every model the document names, as it writes them: each must match a catalogue entry or family"),
  })
  .describe("A seed document");

export type Seed = z.output<typeof seedSchema> & { id: string };
