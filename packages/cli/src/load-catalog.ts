import { CatalogError, loadCatalog, type Catalog } from "@zoo/catalog";
import { catalogDir, shownPath } from "./catalog-dir.ts";
import { CliError } from "./cli-error.ts";
import type { Io } from "./io.ts";

/** The valid catalogue for commands that read it; an invalid one is one line pointing at `zoo catalog check`. */
export async function loadValidCatalog(io: Io, dir: string | undefined): Promise<Catalog> {
  const folder = catalogDir(io.cwd, dir);
  try {
    return await loadCatalog(folder, { relativeTo: io.cwd });
  } catch (error) {
    if (error instanceof CatalogError && error.problems.length > 0) {
      const count = error.problems.length;
      throw new CliError(
        `the catalogue in ${shownPath(io.cwd, folder)} has ${count} problem${count === 1 ? "" : "s"}: run "zoo catalog check" to see them`,
      );
    }
    throw error;
  }
}
