import { z } from "zod";
import { idSchema } from "./ids.ts";
import { partialDateSchema } from "./release-date.ts";
import { sourceRefSchema } from "./source-ref.ts";

export const milestoneSchema = z.strictObject({
  date: partialDateSchema,
  name: z.string().min(1),
  description: z.string().min(1),
  model: idSchema.optional().describe("The catalogue entry this milestone introduced, if there is one"),
  source: sourceRefSchema({}),
});

/** The history of NLP and LLMs, oldest first, for the timeline. */
export const milestonesSchema = z
  .strictObject({
    $schema: z.string().optional(),
    milestones: z.array(milestoneSchema).min(1),
  })
  .describe("The milestones file");

export type Milestone = z.output<typeof milestoneSchema>;
