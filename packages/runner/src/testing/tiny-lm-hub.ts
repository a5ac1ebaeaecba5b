import { cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tinyLmFixture } from "./tiny-lm-fixture.ts";

/** The commit every repo of tinyLmHubRoot is at. */
export const TINY_LM_HUB_COMMIT = "0123456789abcdef0123456789abcdef01234567";

/**
 * A folder for @zoo/catalog's fake Hub holding the tiny LM as each repo named, at TINY_LM_HUB_COMMIT; a repo
 * mapped to "manual" is gated.
 */
export async function tinyLmHubRoot(repos: Record<string, false | "manual">): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "zoo-hub-"));
  const fixture = await tinyLmFixture();
  for (const [repo, gated] of Object.entries(repos)) {
    await mkdir(join(root, repo), { recursive: true });
    await cp(fixture.dir, join(root, repo, "files"), { recursive: true });
    await writeFile(
      join(root, repo, "model-info.json"),
      JSON.stringify({ _id: "1", id: repo, sha: TINY_LM_HUB_COMMIT, private: false, gated }),
    );
  }
  return root;
}
