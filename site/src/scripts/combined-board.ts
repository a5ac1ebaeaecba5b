import { combine, type SuiteScore } from "../lib/combined.ts";

/**
 * Recomputes the combined leaderboard when the chosen benchmarks change: means, intervals and coverage with
 * the same combine() the build used, columns of unchosen benchmarks hidden, rows in order. The filter form then
 * re-applies and re-ranks what remains visible. The choice (?benchmarks=a,b) and the sort (?sort=key&order=asc)
 * are kept in the URL beside the filters, so a view can be shared; a shared URL opens as it was.
 */
export function initCombinedBoard(): void {
  const fieldset = document.getElementById("combination");
  const table = document.getElementById("combined-board") as HTMLTableElement | null;
  const json = document.getElementById("combined-data");
  if (!fieldset || !table || !json) return;
  const { scores, suites } = JSON.parse(json.textContent!) as {
    scores: SuiteScore[];
    suites: { id: string; title: string }[];
  };
  const title = (id: string) => suites.find((suite) => suite.id === id)?.title ?? id;

  const remember = (name: string, value: string | undefined) => {
    const params = new URLSearchParams(location.search);
    if (value === undefined) params.delete(name);
    else params.set(name, value);
    const query = params.toString();
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
  };

  fieldset.addEventListener("change", () => {
    const chosen = [...fieldset.querySelectorAll<HTMLInputElement>("input:checked")].map((input) => input.value);
    remember("benchmarks", chosen.join(","));
    const rows = combine(scores, chosen);
    const body = table.tBodies[0]!;
    const byModel = new Map([...body.rows].map((row) => [row.dataset.model!, row]));
    for (const cell of table.querySelectorAll<HTMLElement>("[data-suite]"))
      cell.hidden = !chosen.includes(cell.dataset.suite!);
    for (const combined of rows) {
      const row = byModel.get(combined.modelId);
      if (!row) continue;
      const mean = row.querySelector<HTMLElement>("[data-mean]")!;
      const coverage = row.querySelector<HTMLElement>("[data-coverage]")!;
      const rank = row.querySelector<HTMLElement>("[data-rank]")!;
      coverage.textContent = `${combined.covered.length}/${chosen.length}`;
      coverage.dataset.value = String(combined.covered.length);
      if (combined.interval && combined.mean !== undefined) {
        row.dataset.low = String(combined.interval.low);
        row.dataset.high = String(combined.interval.high);
        const half = (combined.interval.high - combined.interval.low) / 2;
        mean.innerHTML = "";
        const strong = document.createElement("strong");
        strong.textContent = combined.mean.toFixed(1);
        const ci = document.createElement("span");
        ci.className = "ci";
        ci.textContent = half > 0 ? `±${half.toFixed(1)}` : "";
        mean.append(strong, " ", ci);
        mean.dataset.value = String(combined.mean);
      } else {
        delete row.dataset.low;
        delete row.dataset.high;
        mean.textContent = `not ranked: lacks ${chosen
          .filter((suite) => !combined.covered.includes(suite))
          .map(title)
          .join(", ")}`;
        mean.dataset.value = "";
        rank.textContent = "—";
        rank.dataset.value = "";
      }
      body.append(row);
    }
    document.getElementById("combined-board-filters")?.dispatchEvent(new Event("input"));
  });

  table.addEventListener("zoo:sorted", () => {
    const header = table.querySelector<HTMLElement>("th[aria-sort]");
    const key = header?.dataset.suite ?? header?.dataset.key;
    remember("sort", key);
    remember(
      "order",
      key === undefined ? undefined : header!.getAttribute("aria-sort") === "ascending" ? "asc" : "desc",
    );
  });

  // A shared URL opens as it was: its benchmarks, then its sort.
  const initial = new URLSearchParams(location.search);
  const benchmarks = initial.get("benchmarks");
  if (benchmarks !== null) {
    const wanted = new Set(benchmarks.split(",").filter(Boolean));
    for (const input of fieldset.querySelectorAll<HTMLInputElement>("input[type=checkbox]"))
      input.checked = wanted.has(input.value);
    fieldset.dispatchEvent(new Event("change"));
  }
  const sort = initial.get("sort");
  const header = [...table.tHead!.rows[0]!.cells].find((cell) => (cell.dataset.suite ?? cell.dataset.key) === sort);
  const button = header?.querySelector<HTMLButtonElement>("button.sort");
  if (header && button) {
    const order = initial.get("order") === "asc" ? "ascending" : "descending";
    for (let press = 0; press < 2 && header.getAttribute("aria-sort") !== order; press++) button.click();
  }
}
