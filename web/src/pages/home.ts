// The front page: what the store holds, where to start, and a search box.
import { api } from "../api.js";
import { entityLink, section, typeBadge } from "../components.js";
import { h } from "../dom.js";
import { formatDate, plural } from "../format.js";
import { link, navigate } from "../router.js";
import type { View } from "../view.js";

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
  const [o, top, docs] = await Promise.all([api.overview(), api.entities({ limit: 40 }), api.documents({ limit: 6 })]);
  const entities = Object.values(o.entities).reduce((a, b) => a + b, 0);
  const byType = new Map<string, typeof top.items>();
  for (const e of top.items) byType.set(e.type, [...(byType.get(e.type) ?? []), e]);
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
      stat(o.quotes, "quotes"),
      stat(o.quantities, "figures"),
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
                h("dt", null, typeBadge(type)),
                h(
                  "dd",
                  null,
                  es.slice(0, 8).flatMap((e, i) => (i ? [" · ", entityLink(e)] : [entityLink(e)])),
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
