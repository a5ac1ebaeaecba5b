import { RESULT_RECORD_VERSION } from "@zoo/suites";
import type { APIRoute } from "astro";
import { resultsExport } from "../../lib/api.ts";
import { siteData } from "../../lib/site-data.ts";

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(resultsExport(await siteData(), RESULT_RECORD_VERSION), null, 1));
