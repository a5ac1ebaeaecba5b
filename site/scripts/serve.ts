import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { serveStatic } from "./static-server.ts";

// `pnpm start`'s second half: serve the built site (site/dist, or ZOO_SITE_OUT_DIR) on localhost and print where.
const dir = resolve(process.env.ZOO_SITE_OUT_DIR ?? "dist");
const port = Number(process.env.PORT ?? 4321);
if (!existsSync(resolve(dir, "index.html"))) {
  console.error(`zoo site: nothing built in ${dir}: run pnpm build first`);
  process.exit(1);
}
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`zoo site: PORT must be a port number, found ${JSON.stringify(process.env.PORT)}`);
  process.exit(2);
}
try {
  const { url } = await serveStatic(dir, port, process.env.HOST ?? "127.0.0.1");
  console.log(`zoo site: serving ${dir} at ${url} (Ctrl-C to stop)`);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    `zoo site: cannot listen on port ${port}${code === "EADDRINUSE" ? ": it is in use (set PORT to another)" : `: ${(error as Error).message}`}`,
  );
  process.exit(1);
}
