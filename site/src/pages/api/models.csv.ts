import type { APIRoute } from "astro";
import { modelsCsvColumns } from "../../lib/api.ts";
import { csvResponse, toCsv } from "../../lib/csv.ts";
import { siteData } from "../../lib/site-data.ts";

/** The models table as CSV: one row per model, in /api/models.json's order, with every score column. */
export const GET: APIRoute = async () => {
  const data = await siteData();
  return csvResponse(toCsv(modelsCsvColumns(data), data.models));
};
