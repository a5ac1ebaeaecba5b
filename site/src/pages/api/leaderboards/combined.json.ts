import type { APIRoute } from "astro";
import { combinedExport } from "../../../lib/api.ts";
import { siteData } from "../../../lib/site-data.ts";

/** The combined leaderboard over its default benchmarks, as /leaderboards/ shows it before any choice. */
export const GET: APIRoute = async () => new Response(JSON.stringify(combinedExport(await siteData()), null, 1));
