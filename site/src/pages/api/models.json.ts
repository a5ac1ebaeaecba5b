import { exportCatalog } from "@zoo/catalog";
import type { APIRoute } from "astro";
import { siteData } from "../../lib/site-data.ts";

/** The whole catalogue with derived facts: exactly `zoo catalog export`. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(exportCatalog((await siteData()).catalog), null, 1));
