import { z } from "zod";
import { idSchema, webUrlSchema } from "./ids.ts";

/**
 * A reference to where a fact comes from: a public URL or a seed document (catalog/seeds/), exactly one of them,
 * together with the fields in `shape`.
 */
export function sourceRefSchema<Shape extends z.ZodRawShape>(shape: Shape) {
  return z
    .strictObject({
      url: webUrlSchema.optional().describe("A public page that states the facts"),
      seed: idSchema.optional().describe("A seed document id (catalog/seeds/) that states the facts"),
      ...shape,
    })
    .refine((source: { url?: unknown; seed?: unknown }) => (source.url === undefined) !== (source.seed === undefined), {
      error: "expected exactly one of url or seed",
    });
}
