import sitemap from "@astrojs/sitemap";
import { defineConfig } from "astro/config";
import { siteChecks } from "./src/integration/site-checks.ts";
import { listedInSitemap } from "./src/lib/sitemap-pages.ts";

// Static output only: the site is plain files that any web server (or none: file by file) can serve.
export default defineConfig({
  output: "static",
  outDir: process.env.ZOO_SITE_OUT_DIR ?? "./dist",
  ...(process.env.ZOO_SITE_URL ? { site: process.env.ZOO_SITE_URL } : {}),
  base: process.env.ZOO_SITE_BASE ?? "/",
  trailingSlash: "ignore",
  build: { format: "directory", inlineStylesheets: "never" },
  devToolbar: { enabled: false },
  // The sitemap needs absolute URLs, so it is written only when ZOO_SITE_URL gives the site's address.
  integrations: [siteChecks(), ...(process.env.ZOO_SITE_URL ? [sitemap({ filter: listedInSitemap })] : [])],
});
