import type { APIRoute, GetStaticPaths } from "astro";
import { siteData } from "../../../lib/site-data.ts";

export const getStaticPaths = (async () =>
  (await siteData()).results.map((result) => ({
    params: { id: result.id },
    props: { result },
  }))) satisfies GetStaticPaths;

/** One result record, as the runner wrote it (after validation). */
export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(props.result.record, null, 1));
