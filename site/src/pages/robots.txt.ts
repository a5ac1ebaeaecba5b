import type { APIRoute } from "astro";
import { absoluteUrl, robotsTxt } from "../lib/discovery.ts";

/** /robots.txt, naming the sitemap where the build writes one (with ZOO_SITE_URL). */
export const GET: APIRoute = ({ site }) => new Response(robotsTxt(absoluteUrl("sitemap-index.xml", site)));
