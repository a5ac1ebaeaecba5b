import { z } from "zod";
import { licenseSchema } from "./license-schema.ts";
import { milestonesSchema } from "./milestone-schema.ts";
import { modelSchema } from "./model-schema.ts";
import { organizationSchema } from "./organization-schema.ts";
import { seedSchema } from "./seed-schema.ts";

/** The schema of each kind of catalogue file, by the name of its generated JSON Schema file (catalog/schema/). */
const FILE_SCHEMAS = {
  "model.json": modelSchema,
  "organization.json": organizationSchema,
  "license.json": licenseSchema,
  "seed.json": seedSchema,
  "milestones.json": milestonesSchema,
} as const;

/**
 * JSON Schemas of the catalogue's YAML files as they are written (the input side of the zod schemas), so editors
 * can complete and check them. Cross-field and cross-file checks are beyond JSON Schema: `zoo catalog check` does them.
 */
export function catalogJsonSchemas(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(FILE_SCHEMAS).map(([file, schema]) => [
      file,
      `${JSON.stringify(z.toJSONSchema(schema, { io: "input", target: "draft-2020-12", unrepresentable: "any" }), null, 2)}\n`,
    ]),
  );
}
