import * as Plot from "@observablehq/plot";
import { dateStart, formatCount, formatScientific, type Figure } from "@zoo/catalog";
import { formatDate } from "../format.ts";
import { modelHref } from "../href.ts";
import { CLOSED_COLOR, OPEN_COLOR } from "../palette.ts";
import type { SiteData } from "../site-data.ts";
import { renderSizes } from "./render.ts";
import { besideDot, labelMarks } from "./label-marks.ts";
import { CHART_FONT_SIZE, CHART_SMALL_FONT_SIZE, CHART_WIDTHS } from "./sizes.ts";
import { dotBox, placeLabels, textWidth } from "./text.ts";

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

/** The powers of ten inside a range, at most `most` of them (every second, third… when there are more). */
function powersOfTen([low, high]: [number, number], most: number): number[] {
  const exponents: number[] = [];
  for (let exponent = Math.ceil(Math.log10(low)); exponent <= Math.floor(Math.log10(high)); exponent += 1)
    exponents.push(exponent);
  const step = Math.ceil(exponents.length / most);
  return exponents.filter((_, index) => index % step === 0).map((exponent) => 10 ** exponent);
}

/**
 * Training compute against release date, on a log scale, drawn at each chart size: open-weight models blue, closed
 * ones red; rings are computed from an estimate. Every dot links to its model's page. Names are written where they
 * cover no other name nor any dot, the labelled models with the most compute first; the rest keep theirs in the
 * tooltip.
 */
export function computeChart(points: readonly ComputePoint[]): string {
  const date = (point: ComputePoint) => new Date(point.released);
  const yDomain = domain(points.map((point) => point.flops));
  const days = points.map((point) => point.released).sort();
  const xDomain = [new Date(days[0] ?? "2018-01-01"), new Date(days.at(-1) ?? "2026-01-01")] as [Date, Date];
  const axisLabel = "↑ training compute, 6·N·D FLOPs (log scale)";
  return renderSizes((width) => {
    const small = width < CHART_WIDTHS.m;
    const height = small ? 300 : 380;
    // The bottom margin holds date ticks of two lines (a month above its year).
    const margin = { top: 26, right: 16, bottom: 42, left: 44 };
    const inset = 12;
    const r = small ? 3.5 : 5;
    const [t0, t1] = xDomain.map(Number) as [number, number];
    const [x0, x1] = [margin.left + inset, width - margin.right - inset];
    const x = (point: ComputePoint) => x0 + ((date(point).getTime() - t0) / Math.max(1, t1 - t0)) * (x1 - x0);
    const [l0, l1] = yDomain.map(Math.log) as [number, number];
    const y = (point: ComputePoint) =>
      height - margin.bottom - ((Math.log(point.flops) - l0) / (l1 - l0)) * (height - margin.bottom - margin.top);
    const positions = besideDot(r);
    const labels = placeLabels(
      points
        .filter((point) => point.labelled)
        .sort((a, b) => b.flops - a.flops || a.released.localeCompare(b.released))
        .map((point) => ({ item: point, text: point.name, x: x(point), y: y(point) })),
      {
        fontSize: CHART_SMALL_FONT_SIZE,
        frame: { left: margin.left, right: width, top: 0, bottom: height - margin.bottom },
        obstacles: [
          ...points.map((point) => dotBox(x(point), y(point), r)),
          { left: 0, right: textWidth(axisLabel, CHART_FONT_SIZE) + 4, top: 0, bottom: margin.top - 4 },
        ],
        positions,
      },
    );
    const dots = (estimate: boolean): Plot.Markish =>
      Plot.dot(
        points.filter((point) => point.estimate === estimate),
        {
          x: date,
          y: "flops",
          r,
          stroke: "weights",
          strokeWidth: estimate ? 2 : 1.5,
          // A ring keeps a transparent fill rather than none, so its middle still takes the click.
          fill: "weights",
          fillOpacity: estimate ? 0 : 1,
          // A phone has no pointer to hover with (a tap follows the link), so its dots carry just the name.
          title: small ? "name" : "tip",
          href: (point: ComputePoint) => modelHref(point.id),
        },
      );
    return {
      width,
      height,
      marginTop: margin.top,
      marginRight: margin.right,
      marginBottom: margin.bottom,
      marginLeft: margin.left,
      x: { type: "utc", label: null, grid: true, inset, domain: xDomain, ticks: Math.max(3, Math.round(width / 100)) },
      y: {
        type: "log",
        label: axisLabel,
        grid: true,
        domain: yDomain,
        ticks: powersOfTen(yDomain, Math.max(3, Math.round((height - 60) / 40))),
        tickFormat: (value: number) => `1e${Math.round(Math.log10(value))}`,
      },
      color: { domain: ["open weights", "closed weights"], range: [OPEN_COLOR, CLOSED_COLOR] },
      marks: [dots(false), dots(true), ...labelMarks(labels, positions, { x: date, y: (point) => point.flops })],
    };
  });
}
