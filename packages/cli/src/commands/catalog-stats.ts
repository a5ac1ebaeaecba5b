import { LICENSE_CLASSES, MODEL_KINDS, dateStart, dateYear, describeModels } from "@zoo/catalog";
import { Command } from "commander";
import type { Context } from "../context.ts";
import { formatTable } from "../format-table.ts";
import { loadValidCatalog } from "../load-catalog.ts";

/** Counts over the catalogue, as the README quotes them. */
export function catalogStatsCommand(context: Context): Command {
  return new Command("stats")
    .description(
      "count the catalogue: entries, organizations, families, license classes, kinds, reported scores, runnable entries, the newest release and entries per release year",
    )
    .option("--dir <dir>", "the catalogue folder (default: catalog/ of this checkout)")
    .option("--json", "print the counts as JSON")
    .action(async (options: { dir?: string; json?: boolean }) => {
      const catalog = await loadValidCatalog(context.io, options.dir);
      const models = describeModels(catalog);
      const count = <T extends string>(keys: readonly T[], keyOf: (model: (typeof models)[number]) => T) =>
        Object.fromEntries(keys.map((key) => [key, models.filter((model) => keyOf(model) === key).length])) as Record<
          T,
          number
        >;
      const newest = models
        .map(({ entry }) => entry)
        .reduce<(typeof models)[number]["entry"] | undefined>(
          (latest, entry) =>
            latest === undefined || dateStart(entry.released) > dateStart(latest.released) ? entry : latest,
          undefined,
        );
      const stats = {
        models: models.length,
        organizations: catalog.organizations.length,
        families: new Set(models.map(({ entry }) => entry.family)).size,
        licenses: catalog.licenses.length,
        openWeights: models.filter(({ derived }) => derived.openWeights).length,
        withReportedScores: models.filter(({ entry }) => entry.reported !== undefined).length,
        reportedScores: models.reduce((sum, { entry }) => sum + (entry.reported?.length ?? 0), 0),
        licenseClasses: count(LICENSE_CLASSES, ({ derived }) => derived.licenseClass),
        kinds: count(MODEL_KINDS, ({ entry }) => entry.kind),
        runnable: {
          transformersJs: models.filter(({ entry }) => entry.run?.adapter === "transformers-js").length,
          api: models.filter(({ entry }) => entry.run !== undefined && entry.run.adapter !== "transformers-js").length,
          nightly: models.filter(({ entry }) => entry.run?.nightly === true).length,
        },
        newestRelease: newest?.released ?? null,
        newestModel: newest?.id ?? null,
        releasedByYear: Object.fromEntries(
          [...new Set(models.map(({ entry }) => dateYear(entry.released)))]
            .sort((a, b) => a - b)
            .map((year) => [year, models.filter(({ entry }) => dateYear(entry.released) === year).length]),
        ),
      };
      if (options.json) {
        context.io.out(`${JSON.stringify(stats, null, 2)}\n`);
        return;
      }
      const rows: [string, number][] = [
        ["models", stats.models],
        ["organizations", stats.organizations],
        ["families", stats.families],
        ["licenses", stats.licenses],
        ["with open weights", stats.openWeights],
        ["with reported scores", stats.withReportedScores],
        ["reported scores", stats.reportedScores],
        ...Object.entries(stats.licenseClasses).map(([name, n]): [string, number] => [`license class ${name}`, n]),
        ...Object.entries(stats.kinds).map(([name, n]): [string, number] => [`kind ${name}`, n]),
        ["runnable through transformers.js", stats.runnable.transformersJs],
        ["runnable through an API", stats.runnable.api],
        ["in the nightly refresh", stats.runnable.nightly],
        ...Object.entries(stats.releasedByYear).map(([year, n]): [string, number] => [`released in ${year}`, n]),
      ];
      context.io.out(
        formatTable(
          ["count", "value"],
          [
            ...rows.map(([name, n]) => [name, String(n)]),
            ["newest release", stats.newestRelease ? `${stats.newestRelease} (${stats.newestModel})` : "–"],
          ],
        ),
      );
    });
}
