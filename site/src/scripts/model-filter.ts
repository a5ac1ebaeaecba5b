import { matchesFilter, type DescribedModel } from "@zoo/catalog/browser";
import { overlapRanks } from "../lib/overlap-rank.ts";
import { FILTER_PARAMS, filterFromParams, isEmptyFilter, paramsFromFilter } from "../lib/filter-query.ts";

/**
 * Connects a form.filters to the table named by its data-table: rows (data-model="<id>") whose model fails the
 * filter are hidden, using @zoo/catalog's own matchesFilter on the models the page embeds. The filter lives in
 * the URL, so a filtered view can be shared. Rows of models outside the catalogue (data-model absent) are
 * baselines and stay visible. A "measured" checkbox in the form hides rows with data-provenance="reported". Rows
 * with data-low/data-high are re-ranked among the visible ones. Query parameters the form does not own (a combined
 * board's benchmarks, a sort) are kept.
 *
 * Controls placed elsewhere on the page join the form through their form attribute (the models page's score
 * columns): a select with data-score-token="K" keeps only the rows whose data-scores lists K followed by its
 * value, and every such control, checkboxes included (as a comma-separated list), is kept in the URL too.
 */
export function initModelFilters(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>("form.filters[data-table]")) connect(form);
}

function connect(form: HTMLFormElement): void {
  const table = document.getElementById(form.dataset.table!) as HTMLTableElement;
  const models = new Map<string, DescribedModel>(
    (JSON.parse(document.getElementById(form.dataset.models!)!.textContent!) as DescribedModel[]).map((model) => [
      model.entry.id,
      model,
    ]),
  );
  const count = document.getElementById(form.dataset.count!);
  const noun = form.dataset.noun ?? "rows";
  const scoreSelects = [...form.elements].filter(
    (element): element is HTMLSelectElement => element instanceof HTMLSelectElement && !!element.dataset.scoreToken,
  );

  const apply = (updateUrl: boolean) => {
    const fields = new FormData(form);
    const filter = filterFromParams({
      get: (name) => (typeof fields.get(name) === "string" ? (fields.get(name) as string) : null),
    });
    const measuredOnly = form.querySelector<HTMLInputElement>('input[name="measured"]')?.checked ?? false;
    const tokens = scoreSelects
      .filter((select) => select.value !== "")
      .map((select) => `${select.dataset.scoreToken}${select.value}`);
    let shown = 0;
    const rows = [...table.tBodies[0]!.rows];
    for (const row of rows) {
      const id = row.dataset.model;
      const model = id === undefined ? undefined : models.get(id);
      const rowTokens = tokens.length > 0 ? new Set((row.dataset.scores ?? "").split(" ")) : undefined;
      const visible =
        !(measuredOnly && row.dataset.provenance === "reported") &&
        (id === undefined ||
          (model !== undefined && matchesFilter(model, filter) && tokens.every((token) => rowTokens!.has(token))) ||
          (model === undefined && isEmptyFilter(filter) && tokens.length === 0));
      row.hidden = !visible;
      if (visible && id !== undefined) shown += 1;
    }
    rerank(rows.filter((row) => !row.hidden));
    if (count)
      count.textContent = `${shown} of ${rows.filter((row) => row.dataset.model !== undefined).length} ${noun} shown`;
    if (updateUrl) {
      const params = new URLSearchParams(location.search);
      for (const element of form.elements) if ("name" in element && element.name) params.delete(element.name as string);
      for (const [name, value] of paramsFromFilter(filter)) params.set(name, value);
      for (const [name, value] of extraParams(form)) params.set(name, value);
      const query = params.toString().replaceAll("%2C", ",");
      history.replaceState(null, "", query ? `?${query}` : location.pathname);
    }
  };

  // Fields from the URL first, so a shared link opens filtered.
  const initial = new URLSearchParams(location.search);
  for (const element of form.elements) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement)) continue;
    const value = initial.get(element.name);
    if (element instanceof HTMLInputElement && element.type === "checkbox")
      element.checked = value !== null && value.split(",").includes(element.value);
    else if (value !== null) element.value = value;
  }
  // An input event on the form itself re-applies too (the combined board sends one after recombining).
  form.addEventListener("input", () => apply(true));
  // Controls outside the form belong to it through their form attribute; their events do not bubble through it.
  document.addEventListener("input", (event) => {
    const target = event.target as HTMLInputElement | null;
    if (target?.form === form && !form.contains(target)) apply(true);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply(true);
  });
  form.addEventListener("reset", () => setTimeout(() => apply(true)));
  apply(false);
}

/** Ranks only separate visible scores whose intervals do not overlap, so a filtered board is ranked on its own. */
function rerank(rows: HTMLTableRowElement[]): void {
  const ranked = rows.filter((row) => row.dataset.low !== undefined && row.dataset.high !== undefined);
  const ranks = overlapRanks(ranked.map((row) => ({ low: Number(row.dataset.low), high: Number(row.dataset.high) })));
  ranked.forEach((row, index) => {
    const cell = row.querySelector<HTMLElement>("[data-rank]");
    if (!cell) return;
    cell.textContent = String(ranks[index]);
    cell.dataset.value = String(ranks[index]);
  });
}

/**
 * The query parameters of the form's controls that are not model filters, in document order: a select's value,
 * and the ticked values of a group of checkboxes joined by commas (scores=mmlu,truthfulqa_mc2).
 */
function extraParams(form: HTMLFormElement): URLSearchParams {
  const values = new Map<string, string[]>();
  for (const element of form.elements) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement)) continue;
    if (!element.name || Object.hasOwn(FILTER_PARAMS, element.name)) continue;
    if (!values.has(element.name)) values.set(element.name, []);
    const checkbox = element instanceof HTMLInputElement && element.type === "checkbox";
    if (checkbox ? element.checked : element.value !== "") values.get(element.name)!.push(element.value);
  }
  return new URLSearchParams(
    [...values].filter(([, list]) => list.length > 0).map(([name, list]) => [name, list.join(",")]),
  );
}
