import * as Plot from "@observablehq/plot";
import { releaseChartSpec, type ReleaseChartOptions, type ReleasePoint } from "../lib/charts/release-chart.ts";
import { CHART_FONT_SIZE } from "../lib/charts/sizes.ts";
import { attachTooltips } from "./charts.ts";

/*
 * Zoom for the release chart, loaded on first use: dragging a rectangle re-renders the chart with Observable Plot
 * in the browser from the same spec the build used, so axes, ticks and labels are redrawn for the new range.
 */

interface ChartData {
  points: ReleasePoint[];
  options: ReleaseChartOptions;
}

type Scaled = SVGSVGElement & { scale(name: "x" | "y"): { type: string; domain: number[] | Date[]; range: number[] } };

const pointsById = new Map<string, ReleasePoint[]>();

/** The figure's options (its colouring and width), and the points, which the figures of every size share. */
function chartData(figure: HTMLElement): ChartData {
  const script = figure.querySelector<HTMLElement>("script.chart-data")!;
  const id = script.dataset.points!;
  if (!pointsById.has(id)) pointsById.set(id, JSON.parse(document.getElementById(id)!.textContent!) as ReleasePoint[]);
  return { options: JSON.parse(script.textContent!) as ReleaseChartOptions, points: pointsById.get(id)! };
}

function render(figure: HTMLElement, options: ReleaseChartOptions): Scaled {
  return Plot.plot({
    ...releaseChartSpec(chartData(figure).points, options),
    style: { background: "transparent", fontSize: `${CHART_FONT_SIZE}px`, overflow: "visible" },
  }) as unknown as Scaled;
}

/** The chart's scales as drawn now: the zoomed SVG knows them; the build's SVG is rendered again to learn them. */
const current = new WeakMap<HTMLElement, Scaled>();

function scales(figure: HTMLElement): Scaled {
  let svg = current.get(figure);
  if (!svg) {
    svg = render(figure, chartData(figure).options);
    current.set(figure, svg);
  }
  return svg;
}

function invert(scale: ReturnType<Scaled["scale"]>, pixel: number): number {
  const [r0, r1] = scale.range as [number, number];
  const [d0, d1] = (scale.domain as (number | Date)[]).map(Number) as [number, number];
  const t = (pixel - r0) / (r1 - r0);
  return scale.type === "log" ? Math.exp(Math.log(d0) + t * (Math.log(d1) - Math.log(d0))) : d0 + t * (d1 - d0);
}

function show(figure: HTMLElement, svg: Scaled): void {
  const body = figure.querySelector(".chart-body")!;
  body.replaceChildren(svg);
  current.set(figure, svg);
  attachTooltips(figure);
}

export function startZoom(figure: HTMLElement, start: PointerEvent): void {
  const svgElement = figure.querySelector<SVGSVGElement>(".chart-body svg")!;
  const box = svgElement.getBoundingClientRect();
  const band = document.createElement("div");
  band.style.cssText =
    "position:absolute;border:1px dashed currentColor;background:rgb(31 95 191 / 12%);pointer-events:none";
  figure.append(band);
  const figureBox = figure.getBoundingClientRect();
  const place = (event: PointerEvent) => {
    const [x0, x1] = [start.clientX, event.clientX].sort((a, b) => a - b) as [number, number];
    const [y0, y1] = [start.clientY, event.clientY].sort((a, b) => a - b) as [number, number];
    Object.assign(band.style, {
      left: `${x0 - figureBox.left}px`,
      top: `${y0 - figureBox.top}px`,
      width: `${x1 - x0}px`,
      height: `${y1 - y0}px`,
    });
    return { x0, x1, y0, y1 };
  };
  const move = (event: PointerEvent) => place(event);
  const end = (event: PointerEvent) => {
    window.removeEventListener("pointermove", move);
    window.removeEventListener("pointerup", end);
    band.remove();
    const { x0, x1, y0, y1 } = place(event);
    if (x1 - x0 < 8 || y1 - y0 < 8) return;
    // From page pixels to the SVG's own coordinates (it is scaled to fit its column).
    const viewBox = svgElement.viewBox.baseVal;
    const sx = (px: number) => ((px - box.left) * viewBox.width) / box.width;
    const sy = (py: number) => ((py - box.top) * viewBox.height) / box.height;
    const scaled = scales(figure);
    const x = scaled.scale("x");
    const y = scaled.scale("y");
    const from = new Date(invert(x, sx(x0))).toISOString().slice(0, 10);
    const to = new Date(invert(x, sx(x1))).toISOString().slice(0, 10);
    const low = invert(y, sy(y1));
    const high = invert(y, sy(y0));
    const options = {
      ...chartData(figure).options,
      xDomain: [from, to] as [string, string],
      yDomain: [low, high] as [number, number],
    };
    show(figure, render(figure, options));
    figure.querySelector<HTMLButtonElement>("[data-zoom-reset]")!.disabled = false;
  };
  window.addEventListener("pointermove", move);
  window.addEventListener("pointerup", end);
}

export function resetZoom(figure: HTMLElement): void {
  show(figure, render(figure, chartData(figure).options));
  figure.querySelector<HTMLButtonElement>("[data-zoom-reset]")!.disabled = true;
}
