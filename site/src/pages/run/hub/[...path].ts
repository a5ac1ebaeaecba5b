import type { APIRoute, GetStaticPaths } from "astro";
import { tinyLm, tinyLmFile } from "../../../lib/tiny-lm-files.ts";
import { TINY_LM_SITE_REPO, TINY_LM_SITE_REVISION } from "../../../run/site-paths.ts";

/**
 * zoo's tiny LM in the Hub's layout, `<repo>/resolve/<revision>/<file>`, so the /run/ page loads it with
 * transformers.js pointed at this folder (env.remoteHost) exactly as it loads a Hub model.
 */
export const getStaticPaths = (async () => {
  const { files } = await tinyLm();
  return files.map((file) => ({
    params: { path: `${TINY_LM_SITE_REPO}/resolve/${TINY_LM_SITE_REVISION}/${file}` },
    props: { file },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => new Response(new Uint8Array(await tinyLmFile(props.file as string)));
