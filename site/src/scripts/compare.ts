const MAX_MODELS = 4;

/** The ids in ?ids=a,b,c: known ones only, each once, at most four. */
export function idsFromQuery(search: string, known: ReadonlySet<string>): string[] {
  const raw = new URLSearchParams(search).get("ids") ?? "";
  return [...new Set(raw.split(",").map((id) => id.trim()))].filter((id) => known.has(id)).slice(0, MAX_MODELS);
}

interface Column {
  id: string;
  name: string;
  href: string;
  rows: Map<string, { label: string; value: string }>;
}

async function fetchColumn(id: string): Promise<Column> {
  const response = await fetch(new URL(`column/${encodeURIComponent(id)}/`, location.href.replace(/[?#].*$/, "")));
  if (!response.ok) throw new Error(`no column for ${id} (HTTP ${response.status})`);
  // Parsed as an inert document: nothing in it runs, and only text is copied out of it.
  const page = new DOMParser().parseFromString(await response.text(), "text/html");
  const table = page.querySelector("table[data-model]")!;
  const rows = new Map<string, { label: string; value: string }>();
  for (const row of table.querySelectorAll<HTMLTableRowElement>("tr[data-row]")) {
    rows.set(row.dataset.row!, { label: row.cells[0]!.textContent ?? "", value: row.cells[1]!.textContent ?? "" });
  }
  return { id, name: table.getAttribute("data-name") ?? id, href: table.getAttribute("data-href") ?? "#", rows };
}

function render(columns: Column[]): HTMLTableElement {
  const table = document.createElement("table");
  table.id = "comparison";
  const head = table.createTHead().insertRow();
  const corner = document.createElement("th");
  corner.scope = "col";
  corner.textContent = "";
  head.append(corner);
  for (const column of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    const link = document.createElement("a");
    link.href = column.href;
    link.textContent = column.name;
    th.append(link);
    head.append(th);
  }
  const keys = [...new Set(columns.flatMap((column) => [...column.rows.keys()]))];
  const body = table.createTBody();
  for (const key of keys) {
    const row = body.insertRow();
    row.dataset.row = key;
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = columns.find((column) => column.rows.has(key))!.rows.get(key)!.label;
    row.append(th);
    const values = columns.map((column) => column.rows.get(key)?.value ?? "—");
    for (const value of values) {
      const cell = row.insertCell();
      cell.textContent = value;
    }
    if (new Set(values).size > 1) row.classList.add("differs");
  }
  return table;
}

/** Fills the selects from ?ids=, fetches each chosen model's column and sets them side by side. */
export function initCompare(): void {
  const form = document.getElementById("compare-form") as HTMLFormElement;
  const output = document.getElementById("compare-output")!;
  const status = document.getElementById("compare-status")!;
  const selects = [...form.querySelectorAll("select")];
  const known = new Set([...selects[0]!.options].map((option) => option.value).filter(Boolean));

  const show = async (ids: string[]) => {
    if (ids.length < 2) {
      output.hidden = true;
      status.textContent = "Choose at least two models.";
      return;
    }
    status.textContent = "Loading…";
    try {
      const columns = await Promise.all(ids.map(fetchColumn));
      output.replaceChildren(render(columns));
      output.hidden = false;
      status.textContent = `Comparing ${columns.map((column) => column.name).join(", ")}. Rows that differ are marked.`;
    } catch (error) {
      status.textContent = `Cannot compare: ${(error as Error).message}`;
    }
  };

  const ids = idsFromQuery(location.search, known);
  selects.forEach((select, index) => (select.value = ids[index] ?? ""));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = [...new Set(selects.map((select) => select.value).filter(Boolean))];
    history.replaceState(null, "", chosen.length > 0 ? `?ids=${chosen.join(",")}` : location.pathname);
    void show(chosen);
  });
  void show(ids);
}
