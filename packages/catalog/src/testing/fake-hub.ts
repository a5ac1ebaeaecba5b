import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The recorded Hub answers the tests serve: one folder per repo, `<owner>/<name>/`. */
export const HUB_FIXTURES = fileURLToPath(new URL("../../fixtures/hub", import.meta.url));

/** An answer to serve instead of the recorded one, once. */
export interface Fault {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface FakeHub {
  /** Where the Hub is: pass it as hubUrl (or HF_ENDPOINT). */
  url: string;
  /** Every request served, as "METHOD /path?query". */
  requests: string[];
  /** Serves these answers, in order, to the next requests whose path is `path`, before the recorded ones. */
  fail(path: string, ...faults: Fault[]): void;
  close(): Promise<void>;
}

interface Repo {
  folder: string;
  info: Record<string, unknown>;
}

/**
 * A local HTTP server that speaks the Hub's wire format for what sync reads: model records
 * (`/api/models/{repo}/revision/{rev}?expand=…`), folder listings (`/api/models/{repo}/tree/{rev}/{path}`), and
 * files (`/{repo}/resolve/{rev}/{path}` with range requests, `HEAD /{repo}/raw/…`), with the Hub's status codes,
 * X-Error-Code headers and JSON error bodies for missing repos, missing files and gated repos.
 *
 * A repo folder holds `model-info.json` (the model record with every field), optional `tree-<folder>.json`
 * (a folder listing), `files/` (files served as they are) and `safetensors/<path>.json` (a safetensors file given
 * by its tensors, served as the real format: an 8-byte little-endian header length, the JSON header, the data).
 * Gated repos serve files only to a bearer of one of `tokens`; private repos serve nothing else.
 */
export async function startFakeHub(options: { tokens?: readonly string[]; root?: string } = {}): Promise<FakeHub> {
  const root = options.root ?? HUB_FIXTURES;
  const tokens = new Set(options.tokens ?? []);
  const requests: string[] = [];
  const faults = new Map<string, Fault[]>();

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://hub.test");
    requests.push(`${request.method} ${url.pathname}${url.search}`);
    const fault = faults.get(url.pathname)?.shift();
    if (fault) {
      response.writeHead(fault.status, fault.headers ?? {});
      response.end(request.method === "HEAD" ? undefined : fault.body);
      return;
    }
    try {
      route(request, response, url);
    } catch (error) {
      response.writeHead(500, { "Content-Type": "text/plain" });
      response.end(String(error));
    }
  });

  function route(request: IncomingMessage, response: ServerResponse, url: URL): void {
    const api = /^\/api\/models\/([^/]+\/[^/]+)\/(revision|tree)\/([^/]+)(?:\/(.*))?$/.exec(url.pathname);
    const file = /^\/([^/]+\/[^/]+)\/(resolve|raw)\/([^/]+)\/(.+)$/.exec(url.pathname);
    const repoId = api?.[1] ?? file?.[1];
    if (!repoId) return error(request, response, 404, "", "Sorry, we can't find the page you are looking for.");
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    const repo = readRepo(repoId);
    if (!repo || (repo.info.private === true && !tokens.has(token ?? ""))) {
      // The Hub does not tell anonymous callers whether a repo exists: 401 without a token, 404 with one.
      return error(request, response, token ? 404 : 401, "RepoNotFound", "Repository not found");
    }
    const revision = decodeURIComponent((api?.[3] ?? file?.[3])!);
    if (!["main", "HEAD", repo.info.sha].includes(revision)) {
      return error(request, response, 404, "RevisionNotFound", `Invalid rev id: ${revision}`);
    }
    if (api?.[2] === "revision") return json(request, response, expanded(repo.info, url.searchParams.getAll("expand")));
    if (api?.[2] === "tree") {
      const listing = join(repo.folder, `tree-${api[4] ?? ""}.json`);
      if (!existsSync(listing))
        return error(request, response, 404, "EntryNotFound", `${api[4]} does not exist on "${revision}"`);
      return json(request, response, JSON.parse(readFileSync(listing, "utf8")));
    }
    if (repo.info.gated !== false && !tokens.has(token ?? "")) {
      const message = token
        ? `Access to model ${repoId} is restricted and you are not in the authorized list. Visit https://huggingface.co/${repoId} to ask for access.`
        : `Access to model ${repoId} is restricted. You must have access to it and be authenticated to access it. Please log in.`;
      return error(request, response, token ? 403 : 401, "GatedRepo", message);
    }
    const served = servedFile(repo.folder, file![4]!);
    if (!served) return error(request, response, 404, "EntryNotFound", "Entry not found");
    serveFile(request, response, served);
  }

  function readRepo(repoId: string): Repo | undefined {
    const folder = join(root, repoId);
    const infoFile = join(folder, "model-info.json");
    if (!existsSync(infoFile)) return undefined;
    return { folder, info: JSON.parse(readFileSync(infoFile, "utf8")) as Record<string, unknown> };
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    fail: (path, ...added) => faults.set(path, [...(faults.get(path) ?? []), ...added]),
    close: () =>
      new Promise<void>((resolve, reject) => server.close((failure) => (failure ? reject(failure) : resolve()))),
  };
}

/** The Hub answers `?expand=a&expand=b` with `_id`, `id` and just those fields. */
function expanded(info: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  if (fields.length === 0) return info;
  return Object.fromEntries(
    Object.entries(info).filter(([key]) => key === "_id" || key === "id" || fields.includes(key)),
  );
}

function json(request: IncomingMessage, response: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(200, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
  });
  response.end(request.method === "HEAD" ? undefined : text);
}

function error(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
): void {
  const text = JSON.stringify({ error: message });
  response.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    ...(code ? { "X-Error-Code": code, "X-Error-Message": message } : {}),
  });
  response.end(request.method === "HEAD" ? undefined : text);
}

/** A file's bytes, read by range: a safetensors file of a 7B model holds gigabytes of zeros that are never sent. */
interface ServedFile {
  size: number;
  etag: string;
  read(start: number, end: number): Buffer;
}

/** A file as it would be downloaded: as stored, or a safetensors file built from its tensors. */
function servedFile(folder: string, path: string): ServedFile | undefined {
  const plain = join(folder, "files", path);
  if (existsSync(plain) && statSync(plain).isFile()) {
    const bytes = readFileSync(plain);
    return { size: bytes.length, etag: digest(bytes), read: (start, end) => bytes.subarray(start, end) };
  }
  const tensors = join(folder, "safetensors", `${path}.json`);
  if (!existsSync(tensors)) return undefined;
  const { header, dataBytes } = safetensorsHeader(JSON.parse(readFileSync(tensors, "utf8")) as TensorSpec);
  return {
    size: header.length + dataBytes,
    etag: digest(header),
    read: (start, end) =>
      Buffer.concat([header.subarray(start, end), Buffer.alloc(Math.max(0, end - Math.max(start, header.length)))]),
  };
}

function digest(bytes: Buffer): string {
  return `"${createHash("sha256").update(bytes).digest("hex")}"`;
}

interface TensorSpec {
  __metadata__?: Record<string, string>;
  tensors: Record<string, { dtype: string; shape: number[] }>;
}

const DTYPE_BYTES: Record<string, number> = {
  F64: 8,
  F32: 4,
  F16: 2,
  BF16: 2,
  I64: 8,
  I32: 4,
  I16: 2,
  I8: 1,
  U8: 1,
  BOOL: 1,
};

/**
 * The safetensors format: the header's byte length as a little-endian u64, then the header (JSON, padded with
 * spaces to a multiple of 8 bytes); each tensor's bytes follow at its data_offsets, `dataBytes` in all.
 */
export function safetensorsHeader(spec: TensorSpec): { header: Buffer; dataBytes: number } {
  const header: Record<string, unknown> = spec.__metadata__ ? { __metadata__: spec.__metadata__ } : {};
  let offset = 0;
  for (const [name, { dtype, shape }] of Object.entries(spec.tensors)) {
    const size = shape.reduce((product, dim) => product * dim, 1) * DTYPE_BYTES[dtype]!;
    header[name] = { dtype, shape, data_offsets: [offset, offset + size] };
    offset += size;
  }
  let text = JSON.stringify(header);
  text += " ".repeat((8 - (Buffer.byteLength(text) % 8)) % 8);
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(Buffer.byteLength(text)));
  return { header: Buffer.concat([length, Buffer.from(text)]), dataBytes: offset };
}

/** Serves a file as the Hub's resolve endpoint does: an ETag, and a 206 with Content-Range for a range request. */
function serveFile(request: IncomingMessage, response: ServerResponse, file: ServedFile): void {
  const headers = { "Content-Type": "application/octet-stream", ETag: file.etag, "Accept-Ranges": "bytes" };
  const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? "");
  if (!range) {
    response.writeHead(200, { ...headers, "Content-Length": file.size });
    response.end(request.method === "HEAD" ? undefined : file.read(0, file.size));
    return;
  }
  const start = Number(range[1]);
  if (start >= file.size) {
    response.writeHead(416, { "Content-Range": `bytes */${file.size}` });
    response.end();
    return;
  }
  const end = Math.min(range[2] ? Number(range[2]) + 1 : file.size, file.size);
  const part = file.read(start, end);
  response.writeHead(206, {
    ...headers,
    "Content-Range": `bytes ${start}-${end - 1}/${file.size}`,
    "Content-Length": part.length,
  });
  response.end(request.method === "HEAD" ? undefined : part);
}
