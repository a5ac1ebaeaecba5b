import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A dataset repository as the fake Hub serves it: one commit and its files. */
export interface FakeRepo {
  commit: string;
  files: Record<string, Uint8Array | string>;
  /** Paths whose listed sha256 is wrong, to test that downloads are verified. */
  corruptListing?: string[];
  /** Answer every request for the repo with this status, as the Hub answers a gated or private repo. */
  refuse?: 401 | 403;
}

export interface FakeHub {
  url: string;
  /** Full downloads served, by "repo/path". */
  downloads: string[];
  /** The Authorization headers of the requests, in order. */
  authorizations: (string | undefined)[];
  close(): Promise<void>;
}

/**
 * The Hub's CORS headers: any origin may read its API and files, and the headers its clients read (a file's size
 * from Content-Range, its ETag, the error code) are exposed to a page's JavaScript, which @huggingface/hub in a
 * browser depends on.
 */
export const HUB_CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers":
    "X-Repo-Commit,X-Request-Id,X-Error-Code,X-Error-Message,X-Total-Count,ETag,Link,Accept-Ranges,Content-Range,X-Linked-Size,X-Linked-ETag,X-Xet-Hash",
};

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * A local HTTP server answering the Hugging Face Hub API calls @huggingface/hub makes for datasets (revision info,
 * tree listing, resolve with ranges), with the Hub's response shapes and CORS headers, so downloads are tested over
 * a real socket, from Node or from a browser page.
 */
export async function startFakeHub(repos: Record<string, FakeRepo>): Promise<FakeHub> {
  const downloads: string[] = [];
  const authorizations: (string | undefined)[] = [];
  const bytesOf = (content: Uint8Array | string) =>
    typeof content === "string" ? new TextEncoder().encode(content) : content;

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    for (const [name, value] of Object.entries(HUB_CORS_HEADERS)) response.setHeader(name, value);
    if (request.method === "OPTIONS")
      return response
        .writeHead(204, {
          "Access-Control-Allow-Headers": "Authorization, Range, Accept",
          "Access-Control-Max-Age": "600",
        })
        .end();
    authorizations.push(request.headers.authorization);
    const url = new URL(request.url ?? "/", "http://hub");
    const json = (status: number, body: unknown) =>
      response.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
    const api = /^\/api\/datasets\/([^/]+\/[^/]+)\/(revision|tree)\/([^/]+)(?:\/(.*))?$/.exec(url.pathname);
    const resolve = /^\/datasets\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(url.pathname);
    const [repoName, revision] = api
      ? [api[1]!, decodeURIComponent(api[3]!)]
      : resolve
        ? [resolve[1]!, decodeURIComponent(resolve[2]!)]
        : [];
    const repo = repoName === undefined ? undefined : repos[repoName];
    if (repo === undefined || (revision !== "main" && revision !== "HEAD" && revision !== repo.commit)) {
      response.setHeader("X-Error-Code", repo === undefined ? "RepoNotFound" : "RevisionNotFound");
      return json(404, { error: repo === undefined ? "Repository not found" : `Invalid rev id: ${revision}` });
    }
    if (repo.refuse !== undefined) {
      response.setHeader("X-Error-Code", "GatedRepo");
      return json(repo.refuse, {
        error: `Access to dataset ${repoName} is restricted. You must have access to it and be authenticated to access it. Please log in.`,
      });
    }
    if (api?.[2] === "revision")
      return json(200, {
        _id: "0",
        id: repoName,
        sha: repo.commit,
        private: false,
        gated: false,
        downloads: 0,
        likes: 0,
        lastModified: "2024-01-01T00:00:00.000Z",
      });
    if (api?.[2] === "tree") {
      const folders = new Set<string>();
      const entries = Object.entries(repo.files).map(([path, content]) => {
        const bytes = bytesOf(content);
        path
          .split("/")
          .slice(0, -1)
          .forEach((_, index, parts) => folders.add(parts.slice(0, index + 1).join("/")));
        const oid = repo.corruptListing?.includes(path) ? "0".repeat(64) : sha256(bytes);
        return {
          type: "file",
          oid: oid.slice(0, 40),
          size: bytes.length,
          path,
          lfs: { oid, size: bytes.length, pointerSize: 134 },
        };
      });
      return json(200, [
        ...[...folders].map((path) => ({ type: "directory", oid: "0".repeat(40), size: 0, path })),
        ...entries,
      ]);
    }
    const path = decodeURIComponent(resolve![3]!);
    const content = repo.files[path];
    if (content === undefined) {
      response.setHeader("X-Error-Code", "EntryNotFound");
      return json(404, { error: "Entry not found" });
    }
    const bytes = bytesOf(content);
    const headers = {
      ETag: `"${sha256(bytes)}"`,
      "Accept-Ranges": "bytes",
      "Content-Type": "application/octet-stream",
    };
    const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? "");
    if (range) {
      const start = Number(range[1]);
      const end = range[2] === "" ? bytes.length - 1 : Math.min(Number(range[2]), bytes.length - 1);
      response.writeHead(206, { ...headers, "Content-Range": `bytes ${start}-${end}/${bytes.length}` });
      return response.end(bytes.subarray(start, end + 1));
    }
    downloads.push(`${repoName}/${path}`);
    response.writeHead(200, { ...headers, "Content-Length": String(bytes.length) }).end(bytes);
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    downloads,
    authorizations,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
