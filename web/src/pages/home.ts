// The front page: what the store holds, where to start, and a search box.
import { api } from "../api.js";
import { entityLink, entityTypes, section, typeBadge } from "../components.js";
import { h } from "../dom.js";
import { formatDate, plural } from "../format.js";
import { link, navigate } from "../router.js";
import type { View } from "../view.js";

/** Entities shown for each type under "Most mentioned". */
const PER_TYPE = 8;

function searchForm(): HTMLElement {
  const input = h("input", {
    type: "search",
    name: "q",
    class: "big",
    placeholder: 'Try: Kazakhstan, "customs union", pipeline*',
    "aria-label": "Search",
  });
  return h(
    "form",
    {
      class: "hero-search",
      role: "search",
      onsubmit: (e: Event) => {
        e.preventDefault();
        if (input.value.trim()) navigate("search", { q: input.value.trim() });
      },
    },
    input,
    h("button", { type: "submit", class: "btn primary" }, "Search"),
  );
}

function stat(n: number, label: string, href?: string): HTMLElement {
  const body = [h("span", { class: "stat-n" }, n.toLocaleString("en")), h("span", { class: "stat-label" }, label)];
  return href ? h("a", { class: "stat", href }, body) : h("div", { class: "stat" }, body);
}

export async function homeView(): Promise<View> {
  const [o, docs] = await Promise.all([api.overview(), api.documents({ limit: 6 })]);
  const entities = Object.values(o.entities).reduce((a, b) => a + b, 0);
  // The most mentioned of every type the store holds: a few facilities or initiatives are never crowded out by the
  // countries and people that fill a store-wide top list.
  const types = entityTypes().filter((t) => (o.entities[t] ?? 0) > 0);
  const tops = await Promise.all(types.map((type) => api.entities({ type, limit: PER_TYPE })));
  const byType = new Map(types.map((t, i) => [t, tops[i]?.items ?? []]));
  const el = h(
    "div",
    { class: "home" },
    h(
      "section",
      { class: "hero" },
      h("h1", null, "Heartland"),
      h(
        "p",
        { class: "lede" },
        "Actors, ties, events, quotes and figures read from the news, each one linked to the sentence it came from.",
      ),
      searchForm(),
      o.published.first
        ? h(
            "p",
            { class: "muted" },
            `${plural(o.documents, "document")} (${o.independentDocuments} independent) published ${formatDate(o.published.first)} – ${formatDate(o.published.last)}`,
          )
        : null,
    ),
    h(
      "div",
      { class: "stats" },
      stat(o.documents, "documents", link("documents")),
      stat(entities, "entities", link("entities")),
      stat(o.relations, "relations", link("graph")),
      stat(o.events, "events", link("timeline")),
      stat(o.quotes, "quotes", link("quotes")),
      stat(o.quantities, "figures", link("figures")),
    ),
    h(
      "div",
      { class: "columns" },
      section(
        "Most mentioned",
        byType.size
          ? h(
              "dl",
              { class: "by-type" },
              [...byType.entries()].map(([type, es]) => [
                h("dt", null, h("a", { href: link("entities", { type }) }, typeBadge(type))),
                h(
                  "dd",
                  { "data-type": type },
                  es.flatMap((e, i) => (i ? [" · ", entityLink(e)] : [entityLink(e)])),
                  (o.entities[type] ?? 0) > es.length
                    ? [" · ", h("a", { href: link("entities", { type }), class: "more" }, `all ${o.entities[type]}`)]
                    : null,
                ),
              ]),
            )
          : h("p", { class: "muted" }, "No entities yet: ingest some articles."),
      ),
      section(
        "Latest documents",
        h(
          "ul",
          { class: "plain" },
          docs.items.map((d) =>
            h(
              "li",
              null,
              h("a", { href: link(`doc/${encodeURIComponent(d.id)}`) }, d.title ?? d.id),
              h("span", { class: "muted" }, ` ${d.outlet ?? ""} ${formatDate(d.published)}`),
            ),
          ),
        ),
        o.outlets.length
          ? h(
              "p",
              { class: "outlets" },
              "Outlets: ",
              o.outlets.map((x, i) => [
                i ? ", " : "",
                h("a", { href: link("documents", { source: x.outlet }) }, x.outlet),
                ` (${x.documents})`,
              ]),
            )
          : null,
      ),
    ),
  );
  return { title: "Overview", el };
}
