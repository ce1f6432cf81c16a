// The search page's facets: the entities, types, outlets and months of the matching sentences, with their counts.
// Each is a link that narrows the search to it; the one in use links back out.
import type { SearchFacets } from "../api.js";
import { typeBadge } from "../components.js";
import { type Child, h } from "../dom.js";
import { formatDate, plural } from "../format.js";
import { link, type QueryValues } from "../router.js";

interface FacetItem {
  label: Child;
  count: number;
  /** The query parameters that select this value. */
  select: QueryValues;
}

function facetGroup(title: string, name: string, items: FacetItem[], q: URLSearchParams): HTMLElement | null {
  if (!items.length) return null;
  const current = Object.fromEntries(q.entries());
  const isActive = (select: QueryValues) => Object.entries(select).every(([k, v]) => q.get(k) === String(v));
  return h(
    "section",
    { class: "facet", "data-facet": name },
    h("h3", null, title),
    h(
      "ul",
      null,
      items.map((it) => {
        const active = isActive(it.select);
        const cleared = Object.fromEntries(Object.keys(it.select).map((k) => [k, null]));
        const href = link("search", { ...current, ...(active ? cleared : it.select), page: null });
        return h(
          "li",
          null,
          h(
            "a",
            { href, class: active ? "active" : null, title: active ? "Remove this filter" : "Narrow to this" },
            h("span", { class: "facet-label" }, it.label),
            h("span", { class: "facet-count" }, it.count.toLocaleString("en")),
          ),
        );
      }),
    ),
  );
}

export function facetPanel(f: SearchFacets, q: URLSearchParams): HTMLElement {
  return h(
    "aside",
    { class: "card facets", "aria-label": "Narrow the search" },
    h("h2", null, "Narrow"),
    h(
      "p",
      { class: "muted" },
      f.complete
        ? `Counts of the ${plural(f.sentences, "matching sentence")}.`
        : `Counts of the newest ${plural(f.sentences, "matching sentence")}.`,
    ),
    facetGroup(
      "Mentions",
      "entity",
      f.entities.map((e) => ({ label: [typeBadge(e.type), " ", e.name], count: e.count, select: { entity: e.id } })),
      q,
    ),
    facetGroup(
      "Entity type",
      "type",
      f.types.map((t) => ({ label: typeBadge(t.type), count: t.count, select: { type: t.type } })),
      q,
    ),
    facetGroup(
      "Outlet",
      "outlet",
      f.outlets.map((o) => ({ label: o.outlet, count: o.count, select: { source: o.outlet } })),
      q,
    ),
    facetGroup(
      "Month",
      "month",
      f.months.map((m) => ({ label: formatDate(m.month), count: m.count, select: { from: m.month, to: m.month } })),
      q,
    ),
  );
}
