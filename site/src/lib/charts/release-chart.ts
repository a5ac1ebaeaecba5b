import * as Plot from "@observablehq/plot";
import { formatCount } from "@zoo/catalog/browser";
import { modelHref } from "../href.ts";
import { CATEGORY_COLORS, LICENSE_COLORS, LICENSE_ORDER, OTHER_COLOR } from "../palette.ts";
import { besideDot, labelMarks } from "./label-marks.ts";
import { CHART_FONT_SIZE, CHART_SMALL_FONT_SIZE, CHART_WIDTHS } from "./sizes.ts";
import { dotBox, placeLabels, textWidth } from "./text.ts";

/** One model on the release-date × parameters chart. Dates are ISO days so the data travels as JSON. */
export interface ReleasePoint {
  id: string;
  name: string;
  released: string;
  parameters: number;
  estimate: boolean;
  licenseClass: string;
  /** The organization's name, or "Other" beyond the ten largest. */
  group: string;
  labelled: boolean;
  tip: string;
}

export interface ReleaseChartOptions {
  colorBy: "license" | "organization";
  /** The organizations with their own colour, in legend order. */
  groups: string[];
  /** The width to draw at, one of CHART_WIDTHS (the large one if left out). */
  width?: number;
  /** A zoomed view: [from, to] as ISO days and [min, max] parameters. */
  xDomain?: [string, string];
  yDomain?: [number, number];
}

/**
 * The Plot options of the release-date × parameters chart: shared by the build (SVG) and the zoom (browser). Each
 * dot links to its model's page. Names are written where they fit without covering another name or any dot, the
 * largest models first (the milestones and each year's largest; zoomed in, any model in view); the others keep their
 * name in the tooltip.
 */
export function releaseChartSpec(points: readonly ReleasePoint[], options: ReleaseChartOptions): Plot.PlotOptions {
  const width = options.width ?? CHART_WIDTHS.l;
  const small = width < CHART_WIDTHS.m;
  const height = small ? 340 : width < CHART_WIDTHS.l ? 400 : 480;
  // The bottom margin holds date ticks of two lines (a month above its year).
  const margin = { top: 26, right: 16, bottom: 42, left: 52 };
  const inset = options.xDomain ? 0 : 12;
  const r = small ? 3.5 : width < CHART_WIDTHS.l ? 4 : 5;
  const byLicense = options.colorBy === "license";
  const color = byLicense
    ? {
        type: "ordinal" as const,
        domain: [...LICENSE_ORDER],
        range: LICENSE_ORDER.map((licenseClass) => LICENSE_COLORS[licenseClass]),
      }
    : {
        type: "ordinal" as const,
        domain: [...options.groups, "Other"],
        range: [...CATEGORY_COLORS.slice(0, options.groups.length), OTHER_COLOR],
      };
  const key = (point: ReleasePoint) => (byLicense ? point.licenseClass : point.group);
  const date = (point: ReleasePoint) => new Date(point.released);
  const inView =
    options.xDomain && options.yDomain
      ? points.filter(
          (point) =>
            point.released >= options.xDomain![0] &&
            point.released <= options.xDomain![1] &&
            point.parameters >= options.yDomain![0] &&
            point.parameters <= options.yDomain![1],
        )
      : points;
  // Zoomed in, any model in view may be named, where there is room.
  const named = options.xDomain ? inView : points.filter((point) => point.labelled);
  const days = points.map((point) => point.released).sort();
  const xDomain = (options.xDomain ?? [days[0] ?? "2018-01-01", days.at(-1) ?? "2026-01-01"]).map(
    (day) => new Date(day),
  ) as [Date, Date];
  const yDomain = options.yDomain ?? atLeastADecade(points.map((point) => point.parameters));
  // The scales as Plot will draw them, to place the names.
  const [t0, t1] = xDomain.map(Number) as [number, number];
  const [x0, x1] = [margin.left + inset, width - margin.right - inset];
  const x = (point: ReleasePoint) => x0 + ((date(point).getTime() - t0) / Math.max(1, t1 - t0)) * (x1 - x0);
  const [l0, l1] = yDomain.map(Math.log) as [number, number];
  const y = (point: ReleasePoint) =>
    height - margin.bottom - ((Math.log(point.parameters) - l0) / (l1 - l0)) * (height - margin.bottom - margin.top);
  const axisLabel = "↑ parameters (log scale)";
  // A phone has no pointer to hover with (a tap follows the link), so its dots carry just the model's name.
  const title = small ? "name" : "tip";
  const positions = besideDot(r);
  const labels = placeLabels(
    [...named]
      .sort((a, b) => b.parameters - a.parameters || a.released.localeCompare(b.released))
      .map((point) => ({ item: point, text: point.name, x: x(point), y: y(point) })),
    {
      fontSize: CHART_SMALL_FONT_SIZE,
      frame: { left: margin.left, right: width, top: 0, bottom: height - margin.bottom },
      obstacles: [
        ...inView.map((point) => dotBox(x(point), y(point), r)),
        { left: 0, right: textWidth(axisLabel, CHART_FONT_SIZE) + 4, top: 0, bottom: margin.top - 4 },
      ],
      positions,
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
      tickFormat: (value: number) => formatCount(value),
      domain: yDomain,
      // Few enough that a log axis ticks the powers of ten alone, rather than each of their multiples.
      ticks: 5,
    },
    color,
    marks: [
      // Stated sizes are filled dots; estimates are rings, so a rumour never reads as a fact.
      Plot.dot(
        inView.filter((point) => !point.estimate),
        { x: date, y: "parameters", r, fill: key, stroke: key, strokeWidth: 1.5, title, href: link },
      ),
      Plot.dot(
        inView.filter((point) => point.estimate),
        { x: date, y: "parameters", r, fill: "none", stroke: key, strokeWidth: 2, title, href: link },
      ),
      ...labelMarks(labels, positions, { x: date, y: (point) => point.parameters }),
    ],
  };
}

const link = (point: ReleasePoint) => modelHref(point.id);

/** The sizes' range widened to at least a factor of ten, so a log axis always shows a readable decade. */
function atLeastADecade(values: readonly number[]): [number, number] {
  if (values.length === 0) return [1e8, 1e12];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const widen = Math.sqrt(Math.max(1, 10 / (high / low)));
  return [low / widen / 1.2, high * widen * 1.2];
}
