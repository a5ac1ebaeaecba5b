/**
 * Makes every table[data-sortable] sortable: each header with data-sort ("number" or "text") becomes a button, so
 * it can be reached and pressed from the keyboard; aria-sort tells assistive technology the current order. Cells
 * sort by their data-value when they have one, else by their text. Empty values always sort last.
 */
export function initSortableTables(root: ParentNode = document): void {
  for (const table of root.querySelectorAll<HTMLTableElement>("table[data-sortable]")) sortable(table);
}

function sortable(table: HTMLTableElement): void {
  const headers = [...table.tHead!.rows[0]!.cells];
  const status = document.createElement("p");
  status.className = "skip";
  status.setAttribute("role", "status");
  table.after(status);
  headers.forEach((header, column) => {
    const kind = header.dataset.sort;
    if (kind !== "number" && kind !== "text") return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.append(...header.childNodes);
    header.append(button);
    button.addEventListener("click", () => {
      const descending =
        header.getAttribute("aria-sort") === "ascending" || (!header.hasAttribute("aria-sort") && kind === "number");
      for (const other of headers) other.removeAttribute("aria-sort");
      header.setAttribute("aria-sort", descending ? "descending" : "ascending");
      sortRows(table, column, kind, descending);
      status.textContent = `Sorted by ${button.textContent?.trim()}, ${descending ? "descending" : "ascending"}`;
      table.dispatchEvent(new CustomEvent("zoo:sorted", { bubbles: true }));
    });
  });
}

function cellValue(row: HTMLTableRowElement, column: number): string {
  const cell = row.cells[column];
  return (cell?.dataset.value ?? cell?.textContent ?? "").trim();
}

function sortRows(table: HTMLTableElement, column: number, kind: "number" | "text", descending: boolean): void {
  const body = table.tBodies[0]!;
  const rows = [...body.rows].map((row, index) => ({ row, index, value: cellValue(row, column) }));
  const direction = descending ? -1 : 1;
  rows.sort((a, b) => {
    if (a.value === "" || b.value === "")
      return (a.value === "" ? 1 : 0) - (b.value === "" ? 1 : 0) || a.index - b.index;
    const order =
      kind === "number"
        ? Number(a.value) - Number(b.value)
        : a.value.localeCompare(b.value, "en", { sensitivity: "base" });
    return order * direction || a.index - b.index;
  });
  body.append(...rows.map(({ row }) => row));
}
