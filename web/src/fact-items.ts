// Quotes and figures as the dossier and the quote and figure lists show them.
import type { QuantityView, QuoteView } from "./api.js";
import { entityLink, entityList, evidenceLinks, support } from "./components.js";
import { h } from "./dom.js";
import { formatQuantity } from "./format.js";
import type { Column } from "./table.js";

/** Evidence positions for a CSV cell: "doc:start-end" each. */
export const evidenceCsv = (f: { evidence: { doc: string; start: number; end: number; text: string }[] }) =>
  f.evidence.map((e) => `${e.doc}:${e.start}-${e.end}`).join(" ");

export function quoteItem(q: QuoteView, showSpeaker: boolean): HTMLElement {
  return h(
    "li",
    { class: "quote", "data-fact": `quote:${q.id}` },
    h("blockquote", null, `“${q.text}”`),
    h(
      "div",
      { class: "fact-meta" },
      showSpeaker ? ["— ", entityLink(q.speaker), " · "] : null,
      support(q),
      " ",
      evidenceLinks(q),
    ),
  );
}

export const FIGURE_COLUMNS: Column<QuantityView>[] = [
  { label: "Measure", cell: (q) => q.measure, value: (q) => q.measure },
  { label: "Value", cell: (q) => formatQuantity(q.value, q.unit), value: (q) => q.value, numeric: true },
  { label: "Unit", cell: (q) => q.unit, value: (q) => q.unit },
  { label: "Time", cell: (q) => q.time ?? "—", value: (q) => q.time },
  {
    label: "Subjects",
    cell: (q) => entityList(q.subjects),
    value: (q) => q.subjects.map((s) => s.name).join("; "),
  },
  { label: "Sources", cell: (q) => support(q), value: (q) => q.sources, numeric: true },
  { label: "Evidence", cell: (q) => evidenceLinks(q), value: evidenceCsv },
];
