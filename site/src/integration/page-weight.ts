import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface PageWeight {
  /** Gzipped bytes of the scripts a page runs on load: its own, inline, and everything they import statically. */
  js: number;
  /** Gzipped bytes of its stylesheets and inline styles. */
  css: number;
  files: string[];
}

const gzipped = (text: string) => gzipSync(text).length;

/** Scripts and modules a built module imports statically; import("…") loads later, on demand, and does not count. */
function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:\bimport|\bfrom)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)].map((match) => match[1]!);
}

/**
 * What a built page costs to load in JS and CSS, gzipped, as the budgets count it. `root` is the built site; asset
 * URLs are resolved from it with `base` removed.
 */
export function pageWeight(html: string, root: string, base = "/"): PageWeight {
  const files = new Set<string>();
  let js = 0;
  let css = 0;
  const local = (url: string) => join(root, url.startsWith(base) ? url.slice(base.length) : url);
  const addScript = (path: string) => {
    if (files.has(path)) return;
    files.add(path);
    const code = readFileSync(path, "utf8");
    js += gzipped(code);
    for (const imported of staticImports(code)) addScript(join(path, "..", imported));
  };
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (/type="application\/(?:ld\+)?json"/.test(attributes!)) continue;
    const src = /\bsrc="([^"]+)"/.exec(attributes!)?.[1];
    if (src) addScript(local(src));
    else if (body!.trim()) js += gzipped(body!);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (!href) continue;
    if (/rel="stylesheet"/.test(tag)) {
      const path = local(href);
      if (!files.has(path)) {
        files.add(path);
        css += gzipped(readFileSync(path, "utf8"));
      }
    } else if (/rel="modulepreload"/.test(tag)) addScript(local(href));
  }
  for (const [, body] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) css += gzipped(body!);
  return { js, css, files: [...files].sort() };
}
