import type { LeaderboardExport, LeaderboardRowExport } from "../lib/api.ts";
import { element } from "./element.ts";

/**
 * The rows of `model` on the site's leaderboard of `suite` (/api/leaderboards/<suite>.json, beside the /run/ page),
 * measured and reported, in the leaderboard's order (ranked first): none where the site has no leaderboard of it.
 */
export async function boardRows(
  pageUrl: string,
  suite: string,
  model: string,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): Promise<LeaderboardRowExport[]> {
  const url = new URL(`../api/leaderboards/${encodeURIComponent(suite)}.json`, pageUrl);
  const response = await fetchImpl(url);
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(`${url.pathname} answered ${response.status} ${response.statusText}`);
  const board = (await response.json()) as LeaderboardExport;
  return board.rows.filter((row) => row.model === model);
}

/** "measured by zoo", "reported by the maker", "reported by a third party". */
export function provenanceText(row: Pick<LeaderboardRowExport, "provenance" | "by">): string {
  if (row.provenance === "measured") return "measured by zoo";
  return row.by === "third-party" ? "reported by a third party" : "reported by the maker";
}

/** "44.1 ± 1.6" for a measured score, "50.2" for a reported one. */
export function boardScoreText(row: Pick<LeaderboardRowExport, "value" | "stderr">): string {
  return row.stderr === null ? row.value.toFixed(1) : `${row.value.toFixed(1)} ± ${row.stderr.toFixed(1)}`;
}

/** "5-shot", "0-shot, chain-of-thought, chat template". */
export function settingText(row: Pick<LeaderboardRowExport, "shots" | "method" | "chat_template">): string {
  return [
    `${row.shots}-shot`,
    ...(row.method === "direct" ? [] : [row.method]),
    ...(row.chat_template === null ? [] : ["chat template"]),
  ].join(", ");
}

/** "rank 4", or why the row is not ranked. */
export function standingText(row: Pick<LeaderboardRowExport, "rank" | "unranked_reason">): string {
  return row.rank === null ? `not ranked: ${row.unranked_reason ?? "other setting"}` : `rank ${row.rank}`;
}

/**
 * The leaderboard's rows of the model beside a result of the /run/ page: each with its provenance, score, setting,
 * standing, date, and the run or source behind it; or a line saying it has none.
 */
export function boardView(
  rows: readonly LeaderboardRowExport[],
  model: string,
  title: string,
  pageUrl: string,
): HTMLElement {
  const view = element("div", undefined, { class: "run-board" });
  if (rows.length === 0) {
    view.append(element("p", `The leaderboard has no score of ${model} on ${title} yet.`, { class: "muted small" }));
    return view;
  }
  view.append(element("h4", `${model} on the ${title} leaderboard`));
  const table = element("table");
  const head = table.createTHead().insertRow();
  for (const label of ["", "score (%)", "setting", "standing", "date", ""])
    head.append(element("th", label, { scope: "col" }));
  const body = table.createTBody();
  for (const row of rows) {
    const line = body.insertRow();
    line.dataset.provenance = row.provenance;
    const from =
      row.run !== null
        ? element("a", "the run", { href: new URL(`../runs/${row.run}/`, pageUrl).href })
        : row.source !== null && /^https?:\/\//.test(row.source)
          ? element("a", "source", { href: row.source, rel: "noopener" })
          : element("span");
    const link = element("td");
    link.append(from);
    line.append(
      element("th", provenanceText(row), { scope: "row" }),
      element("td", boardScoreText(row)),
      element("td", settingText(row)),
      element("td", standingText(row)),
      element("td", row.date),
      link,
    );
  }
  const wrap = element("div", undefined, { class: "table-wrap" });
  wrap.append(table);
  view.append(wrap);
  return view;
}
