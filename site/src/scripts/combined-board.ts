import { combine, type SuiteScore } from "../lib/combined.ts";

/**
 * Recomputes the combined leaderboard when the chosen benchmarks change: means, intervals and coverage with
 * the same combine() the build used, columns of unchosen benchmarks hidden, rows in order. The filter form then
 * re-applies and re-ranks what remains visible.
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

  fieldset.addEventListener("change", () => {
    const chosen = [...fieldset.querySelectorAll<HTMLInputElement>("input:checked")].map((input) => input.value);
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
}
