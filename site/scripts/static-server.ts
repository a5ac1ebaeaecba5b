import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
};

/** The file a URL path names inside `root`: a folder means its index.html; nothing outside `root` is served. */
async function resolveFile(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const path = resolve(root, `.${normalize(`/${decoded}`)}`);
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile()) return path;
  if (info?.isDirectory()) {
    const index = join(path, "index.html");
    return (await stat(index).catch(() => undefined))?.isFile() ? index : undefined;
  }
  return undefined;
}

/** Serves a built site folder over HTTP on localhost, as a static host would: GET and HEAD, 404.html for misses. */
export async function serveStatic(dir: string, port = 0, host = "127.0.0.1"): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  const server = createServer(async (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const { pathname } = new URL(request.url ?? "/", "http://localhost");
    if (pathname.endsWith("/") === false && extname(pathname) === "") {
      const folder = await resolveFile(root, pathname);
      if (folder?.endsWith(`${sep}index.html`)) {
        response.writeHead(301, { location: `${pathname}/` }).end();
        return;
      }
    }
    const file = await resolveFile(root, pathname);
    const status = file ? 200 : 404;
    const body = file ?? (await resolveFile(root, "/404.html"));
    const type = TYPES[extname(body ?? ".txt")] ?? "application/octet-stream";
    response.writeHead(status, { "content-type": type, "cache-control": "no-cache" });
    if (request.method === "HEAD" || !body) response.end(body ? undefined : "not found\n");
    else createReadStream(body).pipe(response);
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(port, host, done);
  });
  const { port: bound } = server.address() as AddressInfo;
  return { server, url: `http://${host === "0.0.0.0" ? "localhost" : host}:${bound}/` };
}
