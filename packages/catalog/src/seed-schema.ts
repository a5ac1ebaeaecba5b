import { z } from "zod";
import { idSchema } from "./ids.ts";

/** One of the seed documents the catalogue started from; a model source may cite it instead of a URL. */
export const seedSchema = z
  .strictObject({
    $schema: z.string().optional(),
    title: z.string().min(1),
    file: z.string().regex(/^[\w.-]+\.txt$/).describe("The document's file name in the seed collection"),
    description: z.string().min(1).optional(),
    mentions: z
      .array(
        z.union([
          z.string().min(1),
          z.strictObject({
            text: z.string().min(1).describe("The name exactly as the document writes it"),
            model: idSchema.describe("The catalogue entry or family it means"),
            note: z.string().min(1).describe("Why the text does not name it directly (a misprint, a wrong size …)"),
          }),
        ]),
      )
      .optional()
      .describe(
        "Every model the document names, as it writes them: each must match a catalogue entry or family by id, name or alias; a misprint is {text, model, note}",
      ),
  })
  .describe("A seed document");

export type Seed = z.output<typeof seedSchema> & { id: string };
