import type { APIRoute } from "astro";
import { combinedCsvColumns, combinedExport } from "../../../lib/api.ts";
import { csvResponse, toCsv } from "../../../lib/csv.ts";
import { siteData } from "../../../lib/site-data.ts";

/** /api/leaderboards/combined.json as CSV: one line per model, a value and a provenance per benchmark. */
export const GET: APIRoute = async () => {
  const exported = combinedExport(await siteData());
  return csvResponse(toCsv(combinedCsvColumns(exported), exported.rows));
};
