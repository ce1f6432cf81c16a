// Tables with sortable columns and a CSV download of exactly what they hold.
import { type Cell, downloadCsv, toCsv } from "./csv.js";
import { type Child, clear, h } from "./dom.js";

export interface CsvColumn<T> {
  label: string;
  /** What the CSV holds (and what sorting uses). */
  value: (row: T) => Cell;
}

export interface Column<T> extends CsvColumn<T> {
  /** What the cell shows (not needed for csvOnly columns). */
  cell?: (row: T) => Child;
  numeric?: boolean;
  /** Extra CSV columns (ids behind a linked name, evidence positions...). */
  csvOnly?: boolean;
}

export interface TableOptions<T> {
  columns: Column<T>[];
  rows: T[];
  /** Download file name, without .csv. */
  name: string;
  empty?: string;
  caption?: string;
}

function compare(a: Cell, b: Cell): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a ?? "").localeCompare(String(b ?? ""), "en", { numeric: true });
}

export function csvButton<T>(opts: { name: string; rows: T[]; columns: CsvColumn<T>[] }): HTMLButtonElement {
  return h(
    "button",
    {
      type: "button",
      class: "btn small",
      "data-csv": opts.name,
      title: `Download these ${opts.rows.length} rows as CSV`,
      onclick: () => {
        const header = opts.columns.map((c) => c.label);
        downloadCsv(
          `${opts.name}.csv`,
          toCsv(
            header,
            opts.rows.map((r) => opts.columns.map((c) => c.value(r))),
          ),
        );
      },
    },
    "CSV",
  );
}

export function dataTable<T>(opts: TableOptions<T>): HTMLElement {
  const shown = opts.columns.filter((c) => !c.csvOnly);
  const body = h("tbody");
  let sortBy = -1;
  let descending = false;
  let rows = opts.rows;
  const fill = () => {
    clear(body);
    for (const r of rows) {
      body.appendChild(
        h(
          "tr",
          null,
          shown.map((c) => h("td", { class: c.numeric ? "num" : null }, c.cell ? c.cell(r) : String(c.value(r) ?? ""))),
        ),
      );
    }
  };
  const heads = shown.map((c, i) =>
    h(
      "th",
      { class: c.numeric ? "num" : null, scope: "col" },
      h(
        "button",
        {
          type: "button",
          class: "sort",
          title: `Sort by ${c.label}`,
          onclick: () => {
            descending = sortBy === i ? !descending : Boolean(c.numeric);
            sortBy = i;
            rows = [...opts.rows].sort((a, b) => compare(c.value(a), c.value(b)) * (descending ? -1 : 1));
            for (const [j, th] of heads.entries()) {
              th.setAttribute("aria-sort", j === i ? (descending ? "descending" : "ascending") : "none");
            }
            fill();
          },
        },
        c.label,
      ),
    ),
  );
  fill();
  if (!opts.rows.length) {
    return h("div", { class: "table-wrap" }, h("p", { class: "muted" }, opts.empty ?? "Nothing to show."));
  }
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "div",
      { class: "table-tools" },
      opts.caption ? h("span", { class: "muted" }, opts.caption) : null,
      csvButton(opts),
    ),
    h("table", { class: "data" }, h("thead", null, h("tr", null, heads)), body),
  );
}
