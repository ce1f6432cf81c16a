// Documents: every stored article with its outlet, date, copies and how many facts were read from it.
import { api, type DocumentSummary } from "../api.js";
import { pageHeader, readerHref, section } from "../components.js";
import { h } from "../dom.js";
import { formatDate, plural } from "../format.js";
import { link, navigate, positiveInt, type Route } from "../router.js";
import { dataTable } from "../table.js";
import type { View } from "../view.js";

const PAGE = 200;

export async function documentsView(route: Route): Promise<View> {
  const q = route.query;
  const pageNo = Math.max(0, Number(q.get("page") ?? 0) || 0);
  const entity = positiveInt(q.get("entity"));
  const docs = await api.documents({
    source: q.get("source"),
    from: q.get("from"),
    to: q.get("to"),
    entity,
    limit: PAGE,
    offset: pageNo * PAGE,
  });
  const input = (name: string, placeholder: string) => h("input", { name, value: q.get(name) ?? "", placeholder });
  const form: HTMLFormElement = h(
    "form",
    {
      class: "filters",
      onsubmit: (e: Event) => {
        e.preventDefault();
        const data = new FormData(form);
        navigate("documents", {
          source: String(data.get("source") ?? "").trim(),
          from: String(data.get("from") ?? "").trim(),
          to: String(data.get("to") ?? "").trim(),
          entity,
        });
      },
    },
    h(
      "div",
      { class: "filter-row" },
      h("label", { class: "field" }, h("span", null, "Source"), input("source", "outlet or URL part")),
      h("label", { class: "field" }, h("span", null, "From"), input("from", "YYYY[-MM[-DD]]")),
      h("label", { class: "field" }, h("span", null, "To"), input("to", "YYYY[-MM[-DD]]")),
      h("button", { type: "submit", class: "btn primary" }, "Filter"),
    ),
  );
  const el = h(
    "div",
    { class: "documents-page" },
    pageHeader("Documents", `${plural(docs.total, "document")}${entity ? " mentioning the chosen entity" : ""}`),
    form,
    section(
      "Stored documents",
      dataTable<DocumentSummary>({
        name: "documents",
        rows: docs.items,
        empty: "No documents match.",
        columns: [
          { label: "Title", cell: (d) => h("a", { href: readerHref(d.id) }, d.title ?? d.id), value: (d) => d.title },
          { label: "id", value: (d) => d.id, csvOnly: true },
          { label: "Outlet", cell: (d) => d.outlet ?? "—", value: (d) => d.outlet },
          { label: "Published", cell: (d) => formatDate(d.published), value: (d) => d.published },
          {
            label: "Copy of",
            cell: (d) => (d.duplicateOf ? h("a", { href: readerHref(d.duplicateOf) }, "original") : "—"),
            value: (d) => d.duplicateOf,
          },
          {
            label: "Flags",
            cell: (d) => d.flags.map((f) => h("span", { class: "badge flag" }, f)),
            value: (d) => d.flags.join("; "),
          },
          { label: "Words", cell: (d) => d.words.toLocaleString("en"), value: (d) => d.words, numeric: true },
          { label: "Mentions", cell: (d) => String(d.mentions), value: (d) => d.mentions, numeric: true },
          { label: "Facts", cell: (d) => String(d.evidence), value: (d) => d.evidence, numeric: true },
          { label: "source", value: (d) => d.source, csvOnly: true },
        ],
      }),
    ),
    docs.total > PAGE
      ? h(
          "nav",
          { class: "pager" },
          pageNo > 0
            ? h(
                "a",
                {
                  class: "btn",
                  href: link("documents", { ...Object.fromEntries(q.entries()), page: pageNo - 1 || null }),
                },
                "← Previous",
              )
            : null,
          (pageNo + 1) * PAGE < docs.total
            ? h(
                "a",
                { class: "btn", href: link("documents", { ...Object.fromEntries(q.entries()), page: pageNo + 1 }) },
                "Next →",
              )
            : null,
        )
      : null,
  );
  return { title: "Documents", el };
}
