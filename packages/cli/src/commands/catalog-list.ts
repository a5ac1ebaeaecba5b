import {
  ARCHITECTURE_TYPES,
  COMMERCIAL_USE,
  LICENSE_CLASSES,
  MODALITIES,
  MODEL_KINDS,
  describeModels,
  figureValue,
  formatCount,
  matchesFilter,
  type DescribedModel,
  type ModelFilter,
} from "@zoo/catalog";
import { Command, Option } from "commander";
import type { Context } from "../context.ts";
import { formatTable } from "../format-table.ts";
import { loadValidCatalog } from "../load-catalog.ts";
import { countOption, positiveIntegerOption } from "../option-parsers.ts";

interface ListOptions extends Omit<ModelFilter, "openWeights"> {
  dir?: string;
  openWeights?: boolean;
  closedWeights?: boolean;
  sort: "id" | "released" | "parameters" | "context";
  json?: boolean;
}

const SORTS: Record<ListOptions["sort"], (a: DescribedModel, b: DescribedModel) => number> = {
  id: (a, b) => a.entry.id.localeCompare(b.entry.id),
  released: (a, b) => a.entry.released.localeCompare(b.entry.released) || a.entry.id.localeCompare(b.entry.id),
  parameters: (a, b) => (figureValue(b.entry.parameters?.total) ?? -1) - (figureValue(a.entry.parameters?.total) ?? -1),
  context: (a, b) => (b.entry.context_length ?? -1) - (a.entry.context_length ?? -1),
};

function parameterText({ entry }: DescribedModel): string {
  const total = entry.parameters?.total;
  if (!total) return "";
  if (total.status === "undisclosed") return "undisclosed";
  return `${total.status === "estimate" ? "~" : ""}${formatCount(total.value)}`;
}

export function catalogListCommand(context: Context): Command {
  return new Command("list")
    .description("list the catalogue's models, filtered and sorted")
    .option("--dir <dir>", "the catalogue folder (default: catalog/ of this checkout)")
    .option("--organization <id>", "only this organization's models")
    .option("--family <id>", "only this family (e.g. llama-2)")
    .addOption(new Option("--kind <kind>", "only this kind").choices(MODEL_KINDS))
    .addOption(new Option("--license-class <class>", "only this license class").choices(LICENSE_CLASSES))
    .addOption(new Option("--commercial-use <use>", "only licenses with this commercial use").choices(COMMERCIAL_USE))
    .addOption(new Option("--open-weights", "only models whose weights can be downloaded").conflicts("closedWeights"))
    .option("--closed-weights", "only models whose weights cannot be downloaded")
    .addOption(new Option("--architecture <type>", "only this architecture").choices(ARCHITECTURE_TYPES))
    .addOption(new Option("--modality <modality>", "only models taking or producing this").choices(MODALITIES))
    .option("--min-params <count>", "at least this many parameters (7B, 500M, …)", countOption)
    .option("--max-params <count>", "at most this many parameters", countOption)
    .option("--min-context <tokens>", "a context window of at least this many tokens", positiveIntegerOption)
    .option("--year <year>", "released in this year", positiveIntegerOption)
    .option("--search <text>", "text in the id, name, aliases, family, organization or description")
    .addOption(new Option("--sort <field>", "order of the rows").choices(Object.keys(SORTS)).default("id"))
    .option("--json", "print the models and their derived facts as JSON")
    .action(async (options: ListOptions & { minParams?: number; maxParams?: number; minContext?: number }) => {
      const catalog = await loadValidCatalog(context.io, options.dir);
      const filter: ModelFilter = {
        organization: options.organization,
        family: options.family,
        kind: options.kind,
        licenseClass: options.licenseClass,
        commercialUse: options.commercialUse,
        openWeights: options.openWeights ? true : options.closedWeights ? false : undefined,
        architecture: options.architecture,
        modality: options.modality,
        minParameters: options.minParams,
        maxParameters: options.maxParams,
        minContextLength: options.minContext,
        year: options.year,
        search: options.search,
      };
      const models = describeModels(catalog)
        .filter((model) => matchesFilter(model, filter))
        .sort(SORTS[options.sort]);
      if (options.json) {
        context.io.out(`${JSON.stringify(models, null, 2)}\n`);
        return;
      }
      const rows = models.map((model) => [
        model.entry.id,
        model.entry.name,
        model.entry.organization,
        model.entry.released,
        parameterText(model),
        model.entry.context_length?.toLocaleString("en-US") ?? "",
        model.derived.licenseClass,
        model.entry.kind,
      ]);
      context.io.out(
        formatTable(["id", "name", "organization", "released", "params", "context", "license", "kind"], rows),
      );
      context.io.out(`${models.length} of ${catalog.models.length} models\n`);
    });
}
