import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/*
 * Vitest's global setup for every package: the tests run in a world of their own. Before any worker starts, the
 * temp folder, home, XDG cache and zoo cache point into one fresh folder (workers and the processes tests spawn
 * inherit the environment), and that folder is removed at the end. The places where zoo keeps a user's data are
 * fingerprinted first; if any of them changed by the end, or zoo's files were left in the real temp folder, the
 * run fails naming them, so a test that escapes the sandbox is caught the first time it runs.
 */

const REPO = fileURLToPath(new URL("..", import.meta.url));
/** The roots other packages' test runs use at the same moment: never counted as left behind. */
const RUN_ROOT_PREFIX = "zoo-test-";

export default function setup(): () => void {
  const guarded = userDataFolders();
  const before = guarded.map(fingerprint);
  const realTemp = tmpdir();
  const zooInTempBefore = new Set(zooEntries(realTemp));
  const root = mkdtempSync(join(realTemp, RUN_ROOT_PREFIX));
  for (const folder of ["tmp", "home", "xdg-cache", "zoo-cache"]) mkdirSync(join(root, folder));
  Object.assign(process.env, {
    TMPDIR: join(root, "tmp"),
    HOME: join(root, "home"),
    XDG_CACHE_HOME: join(root, "xdg-cache"),
    ZOO_CACHE_DIR: join(root, "zoo-cache"),
  });

  return () => {
    rmSync(root, { recursive: true, force: true });
    const changed = guarded.filter((folder, index) => fingerprint(folder) !== before[index]);
    const leftBehind = zooEntries(realTemp).filter(
      (name) => !zooInTempBefore.has(name) && !name.startsWith(RUN_ROOT_PREFIX),
    );
    const problems = [
      ...changed.map((folder) => `the tests changed ${folder}, which belongs to the user`),
      ...leftBehind.map((name) => `the tests left ${join(realTemp, name)} in the temp folder`),
    ];
    if (problems.length > 0) {
      // Vitest reports an error thrown here, or an exit code set here, and still exits 0: the run ends here, failed.
      process.stderr.write(`\ntests are not hermetic: ${problems.join("; ")}\n`);
      process.exit(1);
    }
  };
}

/** Everywhere zoo keeps a user's data: the caches it may pick, and the checkout's result records. */
function userDataFolders(): string[] {
  const { ZOO_CACHE_DIR, XDG_CACHE_HOME } = process.env;
  return [
    ...new Set([
      ...(ZOO_CACHE_DIR ? [ZOO_CACHE_DIR] : []),
      ...(XDG_CACHE_HOME ? [join(XDG_CACHE_HOME, "zoo")] : []),
      join(homedir(), ".cache", "zoo"),
      join(REPO, "benchmarks", "results"),
    ]),
  ];
}

/** Every path below `folder` with its size and modification time: equal fingerprints, untouched folder. */
function fingerprint(folder: string): string {
  const lines: string[] = [];
  const walk = (path: string): void => {
    let stats;
    try {
      stats = lstatSync(path);
    } catch {
      return;
    }
    lines.push(`${relative(folder, path)} ${stats.size} ${stats.mtimeMs}`);
    if (stats.isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name));
  };
  walk(folder);
  return lines.join("\n");
}

function zooEntries(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.startsWith("zoo"));
}
