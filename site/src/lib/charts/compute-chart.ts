import * as Plot from "@observablehq/plot";
import { dateStart, formatCount, formatScientific, type Figure } from "@zoo/catalog";
import { formatDate } from "../format.ts";
import { modelHref } from "../href.ts";
import { CLOSED_COLOR, OPEN_COLOR } from "../palette.ts";
import type { SiteData } from "../site-data.ts";
import { renderPlot } from "./render.ts";

/** One model on the training-compute chart: 6·N·D, where its entry knows N and D. */
export interface ComputePoint {
  id: string;
  name: string;
  /** ISO day: the first day of the release date's precision. */
  released: string;
  flops: number;
  /** Computed from an estimated figure (parameters or tokens): drawn as a ring. */
  estimate: boolean;
  weights: "open weights" | "closed weights";
  labelled: boolean;
  tip: string;
}

const MAX_LABELS = 30;

const figureText = (figure: Figure | undefined) =>
  figure && figure.status !== "undisclosed"
    ? `${figure.status === "estimate" ? "~" : ""}${formatCount(figure.value)}`
    : "?";

/**
 * The models whose derived facts hold a training compute (6·N·D FLOPs, N the parameters active per token), in
 * catalogue order, with how many lack one. All are labelled while there are few; beyond 30, the model with the
 * most compute of each release year.
 */
export function computePoints(data: SiteData): { points: ComputePoint[]; unknown: number } {
  const known = data.models.filter(({ derived }) => derived.trainingComputeFlops !== undefined);
  const largestPerYear = new Map<string, { id: string; flops: number }>();
  for (const { entry, derived } of known) {
    const year = dateStart(entry.released).slice(0, 4);
    const flops = derived.trainingComputeFlops!.value;
    if ((largestPerYear.get(year)?.flops ?? 0) < flops) largestPerYear.set(year, { id: entry.id, flops });
  }
  const labelled = new Set(
    known.length <= MAX_LABELS
      ? known.map(({ entry }) => entry.id)
      : [...largestPerYear.values()].map(({ id }) => id).slice(0, MAX_LABELS),
  );
  const points = known.map(({ entry, derived }) => {
    const { value: flops, estimate } = derived.trainingComputeFlops!;
    const active = entry.parameters?.active?.status === "stated" || entry.parameters?.active?.status === "estimate";
    const n = active ? entry.parameters!.active : entry.parameters?.total;
    return {
      id: entry.id,
      name: entry.name,
      released: dateStart(entry.released),
      flops,
      estimate,
      weights: derived.openWeights ? ("open weights" as const) : ("closed weights" as const),
      labelled: labelled.has(entry.id),
      tip: [
        entry.name,
        `${data.organization(entry.organization)?.name ?? entry.organization} · released ${formatDate(entry.released)}`,
        `${estimate ? "~" : ""}${formatScientific(flops)} FLOPs${estimate ? " (from an estimate)" : ""}`,
        `6 × N ${figureText(n)}${active ? " active" : ""} parameters × D ${figureText(entry.training_tokens)} tokens`,
      ].join("\n"),
    };
  });
  return { points, unknown: data.models.length - known.length };
}

/** The compute range widened to at least two decades, so the log axis always shows labelled ticks. */
function domain(values: readonly number[]): [number, number] {
  if (values.length === 0) return [1e20, 1e26];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const widen = Math.sqrt(Math.max(1, 100 / (high / low)));
  return [low / widen / 1.5, high * widen * 1.5];
}

/** The powers of ten inside a range: the log axis's ticks and grid lines. */
function powersOfTen([low, high]: [number, number]): number[] {
  const powers: number[] = [];
  for (let exponent = Math.ceil(Math.log10(low)); exponent <= Math.floor(Math.log10(high)); exponent += 1)
    powers.push(10 ** exponent);
  return powers;
}

/**
 * Training compute against release date, on a log scale: open-weight models blue, closed ones red; rings are
 * computed from an estimate. Every dot links to its model's page.
 */
export function computeChart(points: readonly ComputePoint[]): string {
  const date = (point: ComputePoint) => new Date(point.released);
  const yDomain = domain(points.map((point) => point.flops));
  const dots = (estimate: boolean): Plot.Markish =>
    Plot.dot(
      points.filter((point) => point.estimate === estimate),
      {
        x: date,
        y: "flops",
        r: 5,
        stroke: "weights",
        strokeWidth: estimate ? 2 : 1.5,
        // A ring keeps a transparent fill rather than none, so its middle still takes the click.
        fill: "weights",
        fillOpacity: estimate ? 0 : 1,
        title: "tip",
        href: (point: ComputePoint) => modelHref(point.id),
      },
    );
  return renderPlot({
    width: 1100,
    height: 420,
    marginLeft: 56,
    marginRight: 110,
    marginBottom: 40,
    x: { type: "utc", label: "release date", grid: true, inset: 12 },
    y: {
      type: "log",
      label: "training compute, 6·N·D FLOPs (log scale)",
      grid: true,
      domain: yDomain,
      ticks: powersOfTen(yDomain),
      tickFormat: (value: number) => `1e${Math.round(Math.log10(value))}`,
    },
    color: { domain: ["open weights", "closed weights"], range: [OPEN_COLOR, CLOSED_COLOR] },
    marks: [
      dots(false),
      dots(true),
      Plot.text(
        points.filter((point) => point.labelled),
        {
          x: date,
          y: "flops",
          text: "name",
          dx: 8,
          textAnchor: "start",
          fontSize: 11,
          fill: "currentColor",
          lineWidth: 14,
        },
      ),
    ],
  });
}
