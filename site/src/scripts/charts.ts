import type * as Zoom from "./chart-zoom.ts";

/**
 * Tooltips for the build-time SVG charts: each mark's <title> (which browsers show natively, slowly) becomes a
 * styled tip that follows the pointer and also appears when a mark, or the link around it, gets keyboard focus.
 * Charts marked data-zoom (the release chart) gain drag-to-zoom, whose code loads only when first used: zoom helps
 * only a scatter that dense. The others fit their column as drawn.
 */
export function initCharts(root: ParentNode = document): void {
  for (const figure of root.querySelectorAll<HTMLElement>("figure[data-chart]")) {
    attachTooltips(figure);
    if (figure.hasAttribute("data-zoom")) attachZoom(figure);
  }
}

export function attachTooltips(figure: HTMLElement): void {
  let tip = figure.querySelector<HTMLElement>(".chart-tip");
  if (!tip) {
    tip = document.createElement("div");
    tip.className = "chart-tip";
    tip.hidden = true;
    tip.setAttribute("role", "tooltip");
    figure.append(tip);
  }
  for (const title of figure.querySelectorAll("svg title")) {
    // A linked mark's tip belongs to its link, which is what takes the focus.
    const mark = title.parentElement!.closest("svg a") ?? title.parentElement!;
    mark.setAttribute("data-tip", title.textContent ?? "");
    mark.setAttribute("aria-label", title.textContent ?? "");
    title.remove();
  }
  const show = (mark: Element, x: number, y: number) => {
    const box = figure.getBoundingClientRect();
    tip!.textContent = mark.getAttribute("data-tip");
    tip!.hidden = false;
    const left = Math.min(x - box.left + 12, box.width - tip!.offsetWidth - 4);
    tip!.style.left = `${Math.max(0, left)}px`;
    tip!.style.top = `${y - box.top + 12}px`;
  };
  figure.addEventListener("pointermove", (event) => {
    const mark = (event.target as Element).closest("[data-tip]");
    if (mark) show(mark, event.clientX, event.clientY);
    else tip!.hidden = true;
  });
  figure.addEventListener("pointerleave", () => (tip!.hidden = true));
  figure.addEventListener("focusin", (event) => {
    const mark = (event.target as Element).closest("[data-tip]");
    if (!mark) return;
    const rect = mark.getBoundingClientRect();
    show(mark, rect.right, rect.top);
  });
  figure.addEventListener("focusout", () => (tip!.hidden = true));
}

function attachZoom(figure: HTMLElement): void {
  const tools = document.createElement("div");
  tools.className = "chart-tools";
  tools.innerHTML =
    '<span class="muted">Drag across the chart to zoom into a region.</span> <button type="button" data-zoom-reset disabled>Reset zoom</button>';
  figure.prepend(tools);
  let zoom: typeof Zoom | undefined;
  const load = async () => (zoom ??= await import("./chart-zoom.ts"));
  figure.addEventListener(
    "pointerdown",
    async (event) => {
      // Touch drags scroll the page; zooming is for mouse and pen.
      if (event.pointerType !== "touch" && (event.target as Element).closest(".chart-body svg"))
        (await load()).startZoom(figure, event);
    },
    { passive: true },
  );
  tools.querySelector("[data-zoom-reset]")!.addEventListener("click", async () => (await load()).resetZoom(figure));
  // Dots are links: dragging from one must draw the zoom rectangle, not drag the link away.
  figure.addEventListener("dragstart", (event) => event.preventDefault());
}
