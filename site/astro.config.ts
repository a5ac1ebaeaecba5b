import sitemap from "@astrojs/sitemap";
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import { siteChecks } from "./src/integration/site-checks.ts";
import { onnxRuntimeWebAlias } from "./src/lib/ort-files.ts";
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
  vite: {
    // The /run/ page's ONNX Runtime WebAssembly files, from transformers.js's own onnxruntime-web (see ort-files.ts).
    resolve: { alias: [onnxRuntimeWebAlias(fileURLToPath(new URL(".", import.meta.url)))] },
    // Its worker is a module: ONNX Runtime and the suites load parts of themselves on demand.
    worker: { format: "es" },
    // Vite would gzip every asset to report its size, ONNX Runtime's 27 MB of WebAssembly among them (a second of
    // every build); the pages' budgets report what counts (integration/site-checks.ts).
    build: { reportCompressedSize: false },
  },
  // The sitemap needs absolute URLs, so it is written only when ZOO_SITE_URL gives the site's address.
  integrations: [siteChecks(), ...(process.env.ZOO_SITE_URL ? [sitemap({ filter: listedInSitemap })] : [])],
});
