import { cp, mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const FIXTURE = fileURLToPath(new URL("../../fixtures/catalog", import.meta.url));

/** A copy of the fixture catalogue in a temp folder, with files replaced (content) or removed (null). */
export async function fixtureCatalog(overrides: Record<string, string | Uint8Array | null> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "zoo-catalog-"));
  await cp(FIXTURE, dir, { recursive: true });
  for (const [file, content] of Object.entries(overrides)) {
    const path = join(dir, file);
    if (content === null) {
      await rm(path);
    } else {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    }
  }
  return dir;
}

export const FIXTURE_TODAY = new Date("2026-11-23T12:00:00Z");
