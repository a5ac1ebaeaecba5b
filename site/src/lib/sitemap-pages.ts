/**
 * Whether @astrojs/sitemap lists a built page, given its absolute URL: every page but the 404 page and the compare
 * page's column fragments, which are not for landing on (lib/discovery.ts's UNLISTED_ROUTES). Free of imports, as
 * astro.config.ts loads it.
 */
export function listedInSitemap(page: string): boolean {
  const path = new URL(page).pathname;
  return !path.endsWith("/404/") && !path.includes("/compare/column/");
}
