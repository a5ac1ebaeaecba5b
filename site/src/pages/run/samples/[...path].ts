import type { APIRoute, GetStaticPaths } from "astro";
import { sampleFile, sampleFiles } from "../../../lib/sample-files.ts";

/** benchmarks/samples as they are, for the /run/ page's suites (read through httpFiles). */
export const getStaticPaths = (async () =>
  (await sampleFiles()).map((path) => ({ params: { path } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => new Response(new Uint8Array(await sampleFile(params.path!)));
