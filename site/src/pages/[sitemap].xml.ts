import type { APIRoute, GetStaticPaths } from "astro";
import { UNLISTED_ROUTES, absoluteUrl, pagePath, routeOfFile, sitemapXml } from "../lib/discovery.ts";

type PageModule = { getStaticPaths?: () => Promise<{ params: Record<string, string | number | undefined> }[]> };

// Every page file of the site, so the sitemap lists a page as soon as one is added, with no list to keep.
const PAGES = import.meta.glob<PageModule>("./**/*.astro");

/**
 * /sitemap.xml, written only when the build knows the site's public URL (ZOO_SITE_URL): a sitemap must hold
 * absolute URLs. Hence a route with a parameter, whose one path exists only then.
 */
export const getStaticPaths = (() =>
  import.meta.env.SITE ? [{ params: { sitemap: "sitemap" } }] : []) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site }) => {
  const paths: string[] = [];
  for (const [file, load] of Object.entries(PAGES).sort(([a], [b]) => a.localeCompare(b))) {
    const route = routeOfFile(file);
    if (UNLISTED_ROUTES.has(route)) continue;
    const { getStaticPaths } = await load();
    const pages = getStaticPaths ? await getStaticPaths() : [{ params: {} }];
    for (const { params } of pages) paths.push(pagePath(route, params));
  }
  const urls = [...new Set(paths)].sort().map((path) => absoluteUrl(path, site)!);
  return new Response(sitemapXml(urls), { headers: { "content-type": "application/xml; charset=utf-8" } });
};
