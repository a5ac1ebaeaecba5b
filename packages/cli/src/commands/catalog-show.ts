import {
  LICENSE_CLASS_INFO,
  countryName,
  describeModels,
  formatCount,
  type DescribedModel,
  type Figure,
} from "@zoo/catalog";
import { Command } from "commander";
import type { Context } from "../context.ts";
import { formatBytes, formatScientific } from "../format-units.ts";
import { findModel } from "../find-model.ts";
import { loadValidCatalog } from "../load-catalog.ts";

function figureText(figure: Figure | undefined): string | undefined {
  if (!figure) return undefined;
  if (figure.status === "undisclosed") return "undisclosed";
  if (figure.status === "stated") return formatCount(figure.value);
  return `~${formatCount(figure.value)} (estimate${figure.note ? `: ${figure.note}` : ""}; ${figure.source})`;
}

function section(title: string, rows: [string, string | undefined][]): string {
  const shown = rows.filter((row): row is [string, string] => row[1] !== undefined && row[1] !== "");
  if (shown.length === 0) return "";
  const width = Math.max(...shown.map(([label]) => label.length));
  return `\n${title}\n${shown.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join("\n")}\n`;
}

function describe({ entry, derived }: DescribedModel, organizationName: string, descendants: string[]): string {
  const architecture = entry.architecture;
  const estimated = (estimate: boolean) => (estimate ? " (from an estimate)" : "");
  const licenseClass = LICENSE_CLASS_INFO[derived.licenseClass];
  return [
    `${entry.name} (${entry.id})\n${entry.description}\n`,
    section("Facts", [
      ["organization", organizationName],
      ["family", entry.family],
      ["released", entry.released],
      ["kind", entry.kind],
      ["modalities", `${entry.modalities.input.join(", ")} → ${entry.modalities.output.join(", ")}`],
      ["parameters", figureText(entry.parameters?.total)],
      ["active parameters", figureText(entry.parameters?.active)],
      ["context length", entry.context_length?.toLocaleString("en-US")],
      ["training tokens", figureText(entry.training_tokens)],
      ["license", entry.license],
      ["access", entry.access],
      ["derived from", entry.base_model?.join(", ")],
      ["derivatives", descendants.join(", ")],
    ]),
    architecture
      ? section("Architecture", [
          ["type", architecture.type],
          [
            "experts",
            architecture.experts && `${architecture.experts.active} of ${architecture.experts.total} per token`,
          ],
          ["attention", architecture.attention?.join(", ")],
          ["positions", architecture.positional_encoding],
          ["norm", architecture.norm],
          [
            "tokenizer",
            architecture.tokenizer &&
              [architecture.tokenizer.kind, architecture.tokenizer.vocab_size?.toLocaleString("en-US")]
                .filter(Boolean)
                .join(", vocabulary "),
          ],
          ["layers", architecture.layers?.toLocaleString("en-US")],
          ["hidden size", architecture.hidden_size?.toLocaleString("en-US")],
          ["heads", architecture.heads?.toLocaleString("en-US")],
          ["key/value heads", architecture.kv_heads?.toLocaleString("en-US")],
        ])
      : "",
    section(
      "Openness",
      Object.entries(entry.openness).map(([component, level]) => [component.replace("_", " "), level]),
    ),
    section("Derived", [
      ["license class", `${licenseClass.title}: ${licenseClass.allows}`],
      [
        "commercial use",
        derived.commercialUse + (derived.commercialConditions ? ` (${derived.commercialConditions})` : ""),
      ],
      ["open weights", derived.openWeights ? "yes" : "no"],
      [
        "tokens/parameter",
        derived.tokensPerParameter &&
          `${derived.tokensPerParameter.value.toFixed(1)}, ${derived.chinchillaRatio!.value.toFixed(2)}× Chinchilla's 20 (${derived.chinchillaBand})${estimated(derived.tokensPerParameter.estimate)}`,
      ],
      [
        "training compute",
        derived.trainingComputeFlops &&
          `${formatScientific(derived.trainingComputeFlops.value)} FLOPs (6·N·D)${estimated(derived.trainingComputeFlops.estimate)}`,
      ],
      [
        "weight memory",
        derived.weightMemoryBytes &&
          Object.entries(derived.weightMemoryBytes)
            .map(([precision, bytes]) => `${precision} ${formatBytes(bytes.value)}`)
            .join(" · ") + estimated(derived.weightMemoryBytes.fp32.estimate),
      ],
    ]),
    section(
      "Reported scores",
      (entry.reported ?? []).map((score) => [
        score.benchmark,
        `${score.value} (${score.shots}-shot${score.note ? `, ${score.note}` : ""}) ${score.source}`,
      ]),
    ),
    section(
      "Sources",
      entry.sources.map((source) => [source.facts.join(", "), source.url ?? `seed document "${source.seed}"`]),
    ),
    section(
      "Links",
      Object.entries(entry.links ?? {}).map(([kind, link]) => [kind, link]),
    ),
  ].join("");
}

export function catalogShowCommand(context: Context): Command {
  return new Command("show")
    .description("show one model: its facts with their sources, and the facts derived from them")
    .argument("<id>", "the model's catalogue id")
    .option("--dir <dir>", "the catalogue folder (default: catalog/ of this checkout)")
    .option("--json", "print the entry and its derived facts as JSON")
    .action(async (id: string, options: { dir?: string; json?: boolean }) => {
      const catalog = await loadValidCatalog(context.io, options.dir);
      const models = describeModels(catalog);
      const entry = findModel(catalog.models, id);
      const model = models.find((described) => described.entry === entry)!;
      if (options.json) {
        context.io.out(`${JSON.stringify(model, null, 2)}\n`);
        return;
      }
      const organization = catalog.organizations.find(({ id: orgId }) => orgId === model.entry.organization)!;
      const organizationName = `${organization.name} (${countryName(organization.country)})`;
      const descendants = models.filter(({ entry }) => entry.base_model?.includes(id)).map(({ entry }) => entry.id);
      context.io.out(describe(model, organizationName, descendants));
    });
}
