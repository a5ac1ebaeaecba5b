import { LICENSE_CLASS_INFO, dateStart, figureValue, formatCount } from "@zoo/catalog";
import { bestToDate, type BestRecord } from "./best-to-date.ts";
import type { ReleasePoint } from "./charts/release-chart.ts";
import { formatDate } from "./format.ts";
import type { SuiteBoard } from "./leaderboard.ts";
import type { SiteData } from "./site-data.ts";

const MAX_LABELS = 30;
const COLOURED_ORGANIZATIONS = 10;

/**
 * The models of known size for the release chart. All are labelled while there are few; beyond 30, the largest
 * model of each year and those that open a milestone are.
 */
export function releasePoints(data: SiteData): { points: ReleasePoint[]; groups: string[]; unsized: number } {
  const sized = data.models.filter(({ entry }) => figureValue(entry.parameters?.total) !== undefined);
  const counts = new Map<string, number>();
  for (const { entry } of sized) counts.set(entry.organization, (counts.get(entry.organization) ?? 0) + 1);
  const organizationName = (id: string) => data.organization(id)?.name ?? id;
  const top = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, COLOURED_ORGANIZATIONS)
    .map(([id]) => id);
  const milestoneModels = new Set(
    data.catalog.milestones.flatMap((milestone) => (milestone.model ? [milestone.model] : [])),
  );
  const largestPerYear = new Map<string, { id: string; parameters: number }>();
  for (const { entry } of sized) {
    const year = entry.released.slice(0, 4);
    const parameters = figureValue(entry.parameters?.total)!;
    if ((largestPerYear.get(year)?.parameters ?? 0) < parameters)
      largestPerYear.set(year, { id: entry.id, parameters });
  }
  const labelledIds = new Set(
    sized.length <= MAX_LABELS
      ? sized.map(({ entry }) => entry.id)
      : [...milestoneModels, ...[...largestPerYear.values()].map(({ id }) => id)].slice(0, MAX_LABELS),
  );
  const points = sized.map(({ entry, derived }) => {
    const figure = entry.parameters!.total;
    const parameters = figureValue(figure)!;
    const estimate = figure.status === "estimate";
    return {
      id: entry.id,
      name: entry.name,
      released: dateStart(entry.released),
      parameters,
      estimate,
      licenseClass: derived.licenseClass,
      group: top.includes(entry.organization) ? organizationName(entry.organization) : "Other",
      labelled: labelledIds.has(entry.id),
      tip: [
        entry.name,
        `${organizationName(entry.organization)} · released ${formatDate(entry.released)}`,
        `${estimate ? "~" : ""}${formatCount(parameters)} parameters${estimate ? " (an estimate)" : ""}`,
        `${LICENSE_CLASS_INFO[derived.licenseClass].title} license (${entry.license})`,
      ].join("\n"),
    };
  });
  return { points, groups: top.map(organizationName), unsized: data.models.length - sized.length };
}

/** Per suite, the records set by open-weight and by closed models, from its ranked non-baseline scores. */
export function bestSeries(data: SiteData, board: SuiteBoard): { open: BestRecord[]; closed: BestRecord[] } {
  return bestToDate(
    board.ranked.flatMap((row) => {
      const model = data.model(row.score.modelId);
      if (!model || row.baseline) return [];
      return [
        {
          modelId: model.entry.id,
          released: dateStart(model.entry.released),
          value: row.score.value,
          openWeights: model.derived.openWeights,
        },
      ];
    }),
  );
}
