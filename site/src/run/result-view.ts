import { resultFileName } from "@zoo/runner/result-file-name";
import type { SuiteResult } from "@zoo/runner/scoring";
import { benchCommand } from "../lib/bench-command.ts";
import { element } from "./element.ts";
import { recordJson, samplesFileName, samplesJsonl } from "./result-files.ts";
import { recordSummaries, scoreText } from "./score-summary.ts";

function download(text: string, name: string, type: string, label: string): HTMLAnchorElement {
  const link = element("a", label, { download: name, href: URL.createObjectURL(new Blob([text], { type })) });
  link.dataset.download = name;
  return link;
}

/**
 * One suite's result: the primary metric with its standard error and 95% interval, each category's where the
 * suite has categories, what the run took, the record and its samples to download, and the `pnpm bench` command that
 * reproduces it.
 */
export function resultView(result: SuiteResult, title: string): HTMLElement {
  const { record } = result;
  const { overall, categories } = recordSummaries(record);
  const section = element("section", undefined, { class: "run-result", "data-suite": record.suite.id });
  section.append(element("h3", `${title}${record.suite.dataset.sample ? " (sample data)" : ""}`));
  const score = element("p", undefined, { class: "run-score" });
  score.append(element("strong", `${overall.metric}: `), element("span", scoreText(overall), { "data-score": "" }));
  section.append(score);
  if (categories.length > 0) {
    const table = element("table", undefined, { class: "run-categories" });
    const head = table.createTHead().insertRow();
    for (const label of ["category", "documents", `${overall.metric} (%)`])
      head.append(element("th", label, { scope: "col" }));
    const body = table.createTBody();
    for (const [name, summary] of categories) {
      const row = body.insertRow();
      row.dataset.category = name;
      row.append(
        element("th", name.replaceAll("_", " "), { scope: "row" }),
        element("td", String(summary.documents)),
        element("td", scoreText(summary)),
      );
    }
    const wrap = element("div", undefined, { class: "table-wrap" });
    wrap.append(table);
    section.append(wrap);
  }
  const { timings } = record;
  section.append(
    element(
      "p",
      `${record.documents} document${record.documents === 1 ? "" : "s"}, ${record.shots}-shot, in ${timings.wall_seconds.toFixed(1)} s` +
        ` (${timings.items_per_second.toFixed(1)} items/s; answered from the store: ${timings.documents_cached ?? 0} of ${record.documents})` +
        (record.suite.dataset.sample ? ". Sample data: never shown as the benchmark's score." : "."),
      { class: "muted small" },
    ),
  );
  const downloads = element("p", "Download: ", { class: "run-downloads" });
  downloads.append(
    download(recordJson(record), resultFileName(record), "application/json", "the result record (JSON)"),
  );
  if (result.samples) {
    downloads.append(", ");
    downloads.append(
      download(samplesJsonl(result.samples), samplesFileName(record), "application/x-ndjson", "its samples (JSONL)"),
    );
  }
  section.append(downloads);
  const reproduce = element("p", "Reproduced in Node by ", { class: "muted small" });
  reproduce.append(element("code", benchCommand(record), { "data-command": "" }), ".");
  section.append(reproduce);
  return section;
}
