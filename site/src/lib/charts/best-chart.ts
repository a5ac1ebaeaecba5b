import * as Plot from "@observablehq/plot";
import type { BestRecord } from "../best-to-date.ts";
import { modelHref } from "../href.ts";
import { CLOSED_COLOR, OPEN_COLOR } from "../palette.ts";
import { renderSizes } from "./render.ts";
import { labelMarks } from "./label-marks.ts";
import { CHART_FONT_SIZE, CHART_SMALL_FONT_SIZE } from "./sizes.ts";
import { dotBox, overlaps, placeLabels, textWidth, type Box, type LabelCandidate } from "./text.ts";

/** The radius of a record's dot. */
const DOT = 4.5;

interface Step extends BestRecord {
  weights: "open weights" | "closed weights";
  name: string;
}

/**
 * The score axis of the best-to-date chart: from a little below the lowest record to a little above the highest,
 * in steps of ten, rather than from 0, so the steps between records show. Chance is on it when it lies within ten
 * points of the lowest record; further below, it is left off the chart (the caption says so).
 */
export function bestToDateDomain(
  series: { open: readonly BestRecord[]; closed: readonly BestRecord[] },
  chance: number | null,
): { domain: [number, number]; showsChance: boolean } {
  const values = [...series.open, ...series.closed].map((record) => record.value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const showsChance = chance !== null && chance >= low - 10;
  const floor = Math.min(low, showsChance ? chance : low);
  const domain: [number, number] = [
    Math.max(0, Math.floor((floor - 2) / 10) * 10),
    Math.min(100, Math.ceil((high + 2) / 10) * 10),
  ];
  return { domain, showsChance };
}

/**
 * The best score to date among open-weight and among closed models, as steps over release dates: each dot is the
 * model that set a new best, linked to its page. Names are written beside the dots where they fit without
 * covering another name, a dot or a line, the standing records first; every dot keeps its name in its tooltip.
 */
export function bestToDateChart(
  series: { open: BestRecord[]; closed: BestRecord[] },
  name: (id: string) => string,
  chance: number | null,
  until: string,
): string {
  const steps: Step[] = [
    ...series.open.map((record) => ({ ...record, weights: "open weights" as const, name: name(record.modelId) })),
    ...series.closed.map((record) => ({ ...record, weights: "closed weights" as const, name: name(record.modelId) })),
  ];
  // Each line runs on to the latest release shown, so a record that still stands reads as standing.
  const lines = (["open weights", "closed weights"] as const).map((weights) => {
    const own = steps.filter((step) => step.weights === weights);
    const last = own.at(-1);
    return last && last.released < until ? [...own, { ...last, released: until }] : own;
  });
  const { domain, showsChance } = bestToDateDomain(series, chance);
  const time = (day: string) => new Date(day).getTime();
  const dates = steps.map((step) => step.released).concat(until);
  const xDomain = [new Date(dates.reduce((a, b) => (a < b ? a : b))), new Date(until > dates[0]! ? until : dates[0]!)];
  const axisLabel = "↑ best score to date (%)";
  return renderSizes((width) => {
    const height = width < 500 ? 260 : 280;
    // The bottom margin holds date ticks of two lines (a month above its year).
    const margin = { top: 26, right: 16, bottom: 42, left: 40 };
    const inset = 10;
    const [x0, x1] = [margin.left + inset, width - margin.right - inset];
    const [t0, t1] = xDomain.map(Number) as [number, number];
    const x = (day: string) => x0 + ((time(day) - t0) / Math.max(1, t1 - t0)) * (x1 - x0);
    const y = (value: number) =>
      height - margin.bottom - ((value - domain[0]) / (domain[1] - domain[0])) * (height - margin.bottom - margin.top);
    // What no label may cover: the dots, the lines (as thin boxes), the axis label and the chance note.
    const obstacles: Box[] = steps.map((step) => dotBox(x(step.released), y(step.value), DOT));
    for (const line of lines)
      line.forEach((step, index) => {
        const next = line[index + 1];
        if (!next) return;
        const [left, right, level] = [x(step.released), x(next.released), y(step.value)];
        obstacles.push({ left, right, top: level - 2, bottom: level + 2 });
        const [top, bottom] = [y(Math.max(step.value, next.value)), y(Math.min(step.value, next.value))];
        obstacles.push({ left: right - 2, right: right + 2, top, bottom });
      });
    obstacles.push({ left: 0, right: textWidth(axisLabel, CHART_FONT_SIZE) + 4, top: 0, bottom: margin.top - 4 });
    // The chance note sits above its line at the left, or at the right where a record's dot or line is in the way.
    const chanceNote = `chance ${chance}%`;
    let chanceAtRight = false;
    if (showsChance) {
      const level = y(chance!) - 8;
      const noteWidth = textWidth(chanceNote, CHART_SMALL_FONT_SIZE) + 8;
      const left = { left: margin.left, right: margin.left + noteWidth, top: level - 8, bottom: level + 8 };
      const right = {
        left: width - margin.right - noteWidth,
        right: width - margin.right,
        top: level - 8,
        bottom: level + 8,
      };
      chanceAtRight = obstacles.some((obstacle) => overlaps(left, obstacle));
      obstacles.push(chanceAtRight ? right : left);
    }
    // The records that still stand first, then the others from the newest back.
    const standing = new Set(lines.map((line) => line.findLast((step) => steps.includes(step))));
    const ordered = [...steps].sort(
      (a, b) =>
        Number(standing.has(b)) - Number(standing.has(a)) || b.released.localeCompare(a.released) || b.value - a.value,
    );
    const candidates: LabelCandidate<Step>[] = ordered.map((step) => ({
      item: step,
      text: step.name,
      x: x(step.released),
      y: y(step.value),
    }));
    const positions = [
      { dx: -7, dy: -12, textAnchor: "end" },
      { dx: 7, dy: -12, textAnchor: "start" },
      { dx: 8, dy: 0, textAnchor: "start" },
      { dx: -8, dy: 0, textAnchor: "end" },
      { dx: 7, dy: 12, textAnchor: "start" },
      { dx: -7, dy: 12, textAnchor: "end" },
    ] as const;
    const labels = placeLabels(candidates, {
      fontSize: CHART_SMALL_FONT_SIZE,
      frame: { left: margin.left, right: width, top: 0, bottom: height - margin.bottom },
      obstacles,
      positions,
    });
    const date = (step: Step) => new Date(step.released);
    return {
      width,
      height,
      marginTop: margin.top,
      marginRight: margin.right,
      marginBottom: margin.bottom,
      marginLeft: margin.left,
      x: { type: "utc", label: null, grid: true, inset, domain: xDomain, ticks: Math.max(3, Math.round(width / 110)) },
      y: { label: axisLabel, grid: true, domain, ticks: Math.max(3, Math.round((height - 60) / 40)) },
      color: { domain: ["open weights", "closed weights"], range: [OPEN_COLOR, CLOSED_COLOR] },
      marks: [
        ...(showsChance
          ? [
              Plot.ruleY([chance], { stroke: "currentColor", strokeDasharray: "4 3", strokeOpacity: 0.7 }),
              Plot.text([chance], {
                y: (d: number) => d,
                frameAnchor: chanceAtRight ? "right" : "left",
                dx: chanceAtRight ? -4 : 4,
                dy: -8,
                textAnchor: chanceAtRight ? "end" : "start",
                text: () => chanceNote,
                fill: "currentColor",
                fontSize: CHART_SMALL_FONT_SIZE,
              }),
            ]
          : []),
        Plot.line(lines.flat(), {
          x: date,
          y: "value",
          z: "weights",
          stroke: "weights",
          curve: "step-after",
          strokeWidth: 2,
        }),
        Plot.dot(steps, {
          x: date,
          y: "value",
          fill: "weights",
          r: DOT,
          title: (step: Step) =>
            `${step.name} (${step.weights})\n${step.value.toFixed(1)}% · released ${step.released}`,
          href: (step: Step) => modelHref(step.modelId),
        }),
        ...labelMarks(labels, positions, { x: date, y: (step) => step.value }),
      ],
    };
  });
}
