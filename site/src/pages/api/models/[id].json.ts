import type { APIRoute, GetStaticPaths } from "astro";
import { modelExport } from "../../../lib/api.ts";
import { siteData } from "../../../lib/site-data.ts";

export const getStaticPaths = (async () =>
  (await siteData()).models.map(({ entry }) => ({ params: { id: entry.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(JSON.stringify(modelExport(await siteData(), params.id!), null, 1));
