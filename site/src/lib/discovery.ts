import { LICENSE_CLASS_INFO, formatCount, type DescribedModel } from "@zoo/catalog";
import { formatDate } from "./format.ts";
import { href } from "./href.ts";

/**
 * What search engines and link previews read: each page's path and public URL, the sitemap and robots.txt.
 *
 * Absolute URLs need the site's public address, ZOO_SITE_URL (Astro's `site`). Without it the build writes none:
 * pages have no canonical link and no og:url, there is no sitemap (astro.config.ts adds @astrojs/sitemap only with
 * it), and robots.txt names none. A local build is never indexed, and a guessed address (localhost) would be wrong
 * wherever the files are deployed.
 */

/** Route patterns whose pages are not for landing on: the 404 page, and the compare page's column fragments. */
export const UNLISTED_ROUTES = new Set(["/404", "/compare/column/[id]"]);

/**
 * The path of one page of a route, relative to the site's base, as the build writes it (a folder per page):
 * "/models/[id]" with {id: "base-7b"} → "models/base-7b/"; "/" → "".
 */
export function pagePath(route: string, params: Record<string, string | number | undefined>): string {
  const path = route
    .replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => String(params[name] ?? ""))
    .split("/")
    .filter(Boolean)
    .join("/");
  return path === "" ? "" : `${path}/`;
}

/** A path inside the site as an absolute URL, under the base it is deployed at; undefined without a site URL. */
export function absoluteUrl(path: string, site: URL | undefined): string | undefined {
  return site ? new URL(href(path), site).href : undefined;
}

/**
 * robots.txt: everything may be crawled but the compare page's column fragments; the sitemap where there is one.
 * Crawlers read robots.txt only at a host's root, so under a base path (a project page) it is advisory.
 */
export function robotsTxt(sitemapUrl: string | undefined): string {
  return [
    "User-agent: *",
    `Disallow: ${href("compare/column/")}`,
    ...(sitemapUrl ? ["", `Sitemap: ${sitemapUrl}`] : []),
    "",
  ].join("\n");
}

/**
 * The data exports that belong to a page, which its head links to (rel=alternate) and, unless `footer` is false,
 * its footer too. The leaderboards index keeps its export out of the footer: every link there under
 * /leaderboards/ is taken for a leaderboard page (the real-catalogue test opens each), and a CSV is a download.
 */
export function pageExports(
  route: string,
  params: Record<string, string | number | undefined>,
): { label: string; path: string; type: "text/csv" | "application/json"; footer?: false }[] {
  switch (route) {
    case "/models":
      return [{ label: "this table as CSV", path: "api/models.csv", type: "text/csv" }];
    case "/models/[id]":
      return [{ label: "this model as JSON", path: `api/models/${params.id}.json`, type: "application/json" }];
    case "/leaderboards":
      return [
        {
          label: "the combined leaderboard as CSV",
          path: "api/leaderboards/combined.csv",
          type: "text/csv",
          footer: false,
        },
      ];
    case "/leaderboards/[suite]":
      return [{ label: "this leaderboard as CSV", path: `api/leaderboards/${params.suite}.csv`, type: "text/csv" }];
    default:
      return [];
  }
}

/**
 * A model page's description, for search results and link previews: what the model is, in one sentence of facts
 * (size where known, "~" marking an estimate), then what the page holds.
 */
export function modelDescription(
  { entry, derived }: Pick<DescribedModel, "entry" | "derived">,
  organizationName: string,
): string {
  const total = entry.parameters?.total;
  const size =
    total && total.status !== "undisclosed"
      ? `${total.status === "estimate" ? "~" : ""}${formatCount(total.value)}-parameter `
      : "";
  const weights = derived.openWeights ? "open-weight" : "closed-weight";
  return (
    `${entry.name}: a ${size}${weights} ${entry.kind} model by ${organizationName}, released ${formatDate(entry.released)}, ` +
    `under ${entry.license} (${LICENSE_CLASS_INFO[derived.licenseClass].title.toLowerCase()}). Its facts with their ` +
    `sources, derived facts, lineage and benchmark results.`
  );
}
