// Search: entity names and sentences, with snippets, exact phrases and filters.
import { api, type TextPart } from "../api.js";
import { entityHref, entityTypes, errorBox, pageHeader, pager, readerHref, typeBadge } from "../components.js";
import { h } from "../dom.js";
import { formatDate, plural } from "../format.js";
import { link, navigate, positiveInt, type Route } from "../router.js";
import type { View } from "../view.js";
import { facetPanel } from "./search-facets.js";

const PAGE = 20;

/** Snippet parts as text nodes; matches wrapped in <mark>. */
export function snippet(parts: TextPart[]): HTMLElement {
  return h(
    "span",
    { class: "snippet" },
    parts.map((p) => (p.match ? h("mark", null, p.text) : p.text)),
  );
}

function filtersForm(q: URLSearchParams): HTMLFormElement {
  const field = (label: string, control: HTMLElement) =>
    h("label", { class: "field" }, h("span", null, label), control);
  const kinds = (q.get("kind") ?? "entity,sentence").split(",");
  const input = (name: string, attrs: Record<string, string> = {}) =>
    h("input", { name, value: q.get(name) ?? "", ...attrs });
  const type = h(
    "select",
    { name: "type" },
    h("option", { value: "" }, "any type"),
    entityTypes().map((t) => h("option", { value: t, selected: q.get("type") === t }, t)),
  );
  const form = h(
    "form",
    {
      class: "filters",
      role: "search",
      onsubmit: (e: Event) => {
        e.preventDefault();
        const data = new FormData(form);
        const kind = data.getAll("kind").map(String);
        navigate("search", {
          q: String(data.get("q") ?? "").trim(),
          kind: kind.length === 2 ? null : kind,
          type: String(data.get("type") ?? ""),
          source: String(data.get("source") ?? "").trim(),
          from: String(data.get("from") ?? "").trim(),
          to: String(data.get("to") ?? "").trim(),
          sort: String(data.get("sort") ?? "") === "date" ? "date" : null,
          entity: q.get("entity"),
        });
      },
    },
    h(
      "div",
      { class: "filter-main" },
      input("q", {
        type: "search",
        class: "big",
        placeholder: 'words, "exact phrase", prefix*, a OR b',
        "aria-label": "Search",
      }),
      h("button", { type: "submit", class: "btn primary" }, "Search"),
    ),
    h(
      "div",
      { class: "filter-row" },
      h(
        "fieldset",
        { class: "field" },
        h("legend", null, "Show"),
        h(
          "label",
          null,
          h("input", { type: "checkbox", name: "kind", value: "entity", checked: kinds.includes("entity") }),
          " entities",
        ),
        h(
          "label",
          null,
          h("input", { type: "checkbox", name: "kind", value: "sentence", checked: kinds.includes("sentence") }),
          " sentences",
        ),
      ),
      field("Entity type", type),
      field("Source", input("source", { placeholder: "outlet or URL part" })),
      field("From", input("from", { placeholder: "YYYY[-MM[-DD]]", pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?" })),
      field("To", input("to", { placeholder: "YYYY[-MM[-DD]]", pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?" })),
      field(
        "Sentences by",
        h(
          "select",
          { name: "sort", onchange: () => form.requestSubmit() },
          h("option", { value: "relevance" }, "relevance"),
          h("option", { value: "date", selected: q.get("sort") === "date" }, "date, newest first"),
        ),
      ),
    ),
  );
  return form;
}

/** "Mentioning Kazakhstan ×": the entity filter, which no form field shows, and the link that lifts it. */
async function entityFilter(id: number, q: URLSearchParams): Promise<HTMLElement> {
  const e = await api.dossier(id).then((d) => d.entity);
  return h(
    "p",
    { class: "active-filters" },
    "Sentences mentioning ",
    h("a", { href: entityHref(e), class: "entity" }, e.name),
    " under any name ",
    q.get("q")
      ? h(
          "a",
          {
            href: link("search", { ...Object.fromEntries(q.entries()), entity: null, page: null }),
            class: "btn small",
          },
          "× any entity",
        )
      : null,
  );
}

export async function searchView(route: Route): Promise<View> {
  const q = route.query;
  const text = q.get("q")?.trim() ?? "";
  const entity = positiveInt(q.get("entity"));
  const pageNo = Math.max(0, Number(q.get("page") ?? 0) || 0);
  const el = h("div", { class: "search-page" }, pageHeader(text || !entity ? "Search" : "Mentions"), filtersForm(q));
  if (!text && !entity) {
    el.append(
      h(
        "p",
        { class: "muted" },
        'Search matches whole words in any order. Put a phrase in "double quotes" to match it exactly, end a word with * to match its beginning, and join alternatives with OR.',
      ),
    );
    return { title: "Search", el };
  }
  const title = text ? `Search: ${text}` : "Mentions";
  let result: Awaited<ReturnType<typeof api.search>>;
  try {
    const [found, filter] = await Promise.all([
      api.search({
        q: text,
        kind: q.get("kind"),
        type: q.get("type"),
        entity,
        source: q.get("source"),
        from: q.get("from"),
        to: q.get("to"),
        sort: q.get("sort"),
        facets: true,
        limit: PAGE,
        offset: pageNo * PAGE,
      }),
      entity ? entityFilter(entity, q) : null,
    ]);
    result = found;
    if (filter) el.append(filter);
  } catch (err) {
    el.append(errorBox(err));
    return { title, el };
  }
  const results = h("div", { class: "search-results" });
  el.append(h("div", { class: "search-layout" }, results, result.facets ? facetPanel(result.facets, q) : null));
  const { entities, sentences } = result;
  if (entities.total) {
    results.append(
      h(
        "section",
        { class: "card results-entities" },
        h("h2", null, plural(entities.total, "entity", "entities")),
        h(
          "ul",
          { class: "entity-hits" },
          entities.items.map((e) => {
            const aliases = uniqueNames(e.names).filter(
              (n) => n.some((p) => p.match) && n.map((p) => p.text).join("") !== e.name,
            );
            return h(
              "li",
              null,
              h(
                "a",
                { href: entityHref(e), class: `entity-hit type-${e.type}`, "data-entity": e.id },
                h("strong", null, e.name),
              ),
              " ",
              typeBadge(e.type),
              aliases.length
                ? h(
                    "span",
                    { class: "aliases" },
                    " also ",
                    aliases.map((n, i) => [i ? ", " : "", snippetName(n)]),
                  )
                : null,
              h(
                "span",
                { class: "muted" },
                ` · ${plural(e.mentions, "mention")} in ${plural(e.documents, "document")}`,
              ),
            );
          }),
        ),
      ),
    );
  }
  if (sentences.total || !entities.total) {
    results.append(
      h(
        "section",
        { class: "card results-sentences" },
        h("h2", null, plural(sentences.total, "sentence")),
        sentences.items.length
          ? h(
              "ol",
              { class: "sentence-hits", start: pageNo * PAGE + 1 },
              sentences.items.map((s) =>
                h(
                  "li",
                  null,
                  h("a", { href: readerHref(s.doc.id, s.start, s.end), class: "hit-link" }, snippet(s.snippet)),
                  h(
                    "div",
                    { class: "hit-meta" },
                    h("a", { href: readerHref(s.doc.id) }, s.doc.title ?? s.doc.id),
                    h("span", { class: "muted" }, ` · ${s.doc.outlet ?? "no outlet"} · ${formatDate(s.doc.published)}`),
                    s.facts ? h("span", { class: "badge facts" }, plural(s.facts, "fact")) : null,
                    s.copies.length
                      ? h(
                          "span",
                          {
                            class: "badge copies",
                            title: `Same sentence in near-copies: ${s.copies
                              .map((c) => `${c.title ?? c.id} (${c.outlet ?? "no outlet"})`)
                              .join("; ")}`,
                          },
                          `+${plural(s.copies.length, "copy", "copies")}`,
                        )
                      : null,
                  ),
                ),
              ),
            )
          : h("p", { class: "muted" }, "No sentence matches."),
      ),
    );
  }
  results.append(pager("search", q, pageNo, Math.ceil(Math.max(entities.total, sentences.total) / PAGE)) ?? "");
  return { title, el };
}

/** highlight() gives "name | alias | alias" as one marked string; split it into names, once each. */
function uniqueNames(parts: TextPart[]): TextPart[][] {
  const names: TextPart[][] = [[]];
  for (const p of parts) {
    const pieces = p.text.split(" | ");
    pieces.forEach((piece, i) => {
      if (i > 0) names.push([]);
      if (piece) (names.at(-1) as TextPart[]).push({ text: piece, match: p.match });
    });
  }
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = n.map((p) => p.text).join("");
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function snippetName(parts: TextPart[]): HTMLElement {
  return snippet(parts);
}
