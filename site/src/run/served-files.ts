import { joinPath, type FileSource } from "@zoo/suites";

/**
 * `files` narrowed to the paths the site is known to serve: any other path is missing without a request. MMLU's
 * loader asks for every subject's file and the samples hold four, so this spares 53 requests, each a 404 the
 * browser would log as an error.
 */
export function servedFiles(files: FileSource, served: readonly string[]): FileSource {
  const known = new Set(served.map((path) => joinPath(path)));
  return { read: async (path) => (known.has(joinPath(path)) ? files.read(path) : undefined) };
}
