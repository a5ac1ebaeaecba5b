import * as Plot from "@observablehq/plot";
import { formatCount } from "@zoo/catalog/browser";
import { CATEGORY_COLORS, LICENSE_COLORS, LICENSE_ORDER, OTHER_COLOR } from "../palette.ts";

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
  /** A zoomed view: [from, to] as ISO days and [min, max] parameters. */
  xDomain?: [string, string];
  yDomain?: [number, number];
}

/** The Plot options of the release-date × parameters chart: shared by the build (SVG) and the zoom (browser). */
export function releaseChartSpec(points: readonly ReleasePoint[], options: ReleaseChartOptions): Plot.PlotOptions {
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
  // Zoomed in, every model in view gets its label.
  const labelled = options.xDomain
    ? inView.length <= 40
      ? inView
      : inView.filter((point) => point.labelled)
    : points.filter((point) => point.labelled);
  return {
    width: 1100,
    height: 480,
    marginLeft: 56,
    marginRight: 110,
    marginBottom: 40,
    x: {
      type: "utc",
      label: "release date",
      grid: true,
      ...(options.xDomain ? { domain: options.xDomain.map((day) => new Date(day)) } : { inset: 12 }),
    },
    y: {
      type: "log",
      label: "parameters (log scale)",
      grid: true,
      tickFormat: (value: number) => formatCount(value),
      domain: options.yDomain ?? atLeastADecade(points.map((point) => point.parameters)),
    },
    color,
    marks: [
      // Stated sizes are filled dots; estimates are rings, so a rumour never reads as a fact.
      Plot.dot(
        inView.filter((point) => !point.estimate),
        { x: date, y: "parameters", r: 5, fill: key, stroke: key, strokeWidth: 1.5, title: "tip" },
      ),
      Plot.dot(
        inView.filter((point) => point.estimate),
        { x: date, y: "parameters", r: 5, fill: "none", stroke: key, strokeWidth: 2, title: "tip" },
      ),
      Plot.text(labelled, {
        x: date,
        y: "parameters",
        text: "name",
        dx: 8,
        textAnchor: "start",
        fontSize: 11,
        fill: "currentColor",
        lineWidth: 14,
      }),
    ],
  };
}

/** The sizes' range widened to at least a factor of ten, so a log axis always shows a readable decade. */
function atLeastADecade(values: readonly number[]): [number, number] {
  if (values.length === 0) return [1e8, 1e12];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const widen = Math.sqrt(Math.max(1, 10 / (high / low)));
  return [low / widen / 1.2, high * widen * 1.2];
}
