// Entities: everything the store knows, filtered by type or name, with counts of mentions and facts.
import { api, type EntityListItem } from "../api.js";
import { entityLink, entityTypes, pageHeader, section, typeBadge } from "../components.js";
import { h } from "../dom.js";
import { plural } from "../format.js";
import { link, navigate, type Route } from "../router.js";
import { dataTable } from "../table.js";
import type { View } from "../view.js";

export async function entitiesView(route: Route): Promise<View> {
  const q = route.query;
  const type = q.get("type") ?? "";
  const name = q.get("name") ?? "";
  const page = await api.entities({ type: type || null, name: name || null, limit: 1000 });
  const form: HTMLFormElement = h(
    "form",
    {
      class: "filters",
      onsubmit: (e: Event) => {
        e.preventDefault();
        const data = new FormData(form);
        navigate("entities", { type: String(data.get("type") ?? ""), name: String(data.get("name") ?? "").trim() });
      },
    },
    h(
      "div",
      { class: "filter-row" },
      h(
        "label",
        { class: "field" },
        h("span", null, "Name contains"),
        h("input", { name: "name", value: name, type: "search" }),
      ),
      h(
        "label",
        { class: "field" },
        h("span", null, "Type"),
        h(
          "select",
          { name: "type" },
          h("option", { value: "" }, "any"),
          entityTypes().map((t) => h("option", { value: t, selected: t === type }, t)),
        ),
      ),
      h("button", { type: "submit", class: "btn primary" }, "Filter"),
    ),
    h(
      "p",
      { class: "type-links" },
      entityTypes().map((t) =>
        h("a", { href: link("entities", { type: t }), class: t === type ? "active" : null }, typeBadge(t)),
      ),
    ),
  );
  const el = h(
    "div",
    { class: "entities-page" },
    pageHeader(
      "Entities",
      `${plural(page.total, "entity", "entities")}${page.total > page.items.length ? ` (first ${page.items.length})` : ""}`,
    ),
    form,
    section(
      "Entities",
      dataTable<EntityListItem>({
        name: type ? `entities-${type}` : "entities",
        rows: page.items,
        empty: "No entities match.",
        columns: [
          { label: "Name", cell: (e) => entityLink(e), value: (e) => e.name },
          { label: "id", value: (e) => e.id, csvOnly: true },
          { label: "Type", cell: (e) => typeBadge(e.type), value: (e) => e.type },
          { label: "Key", cell: (e) => h("code", null, e.key), value: (e) => e.key },
          { label: "QID", cell: (e) => e.qid ?? "—", value: (e) => e.qid },
          { label: "Mentions", cell: (e) => String(e.mentions), value: (e) => e.mentions, numeric: true },
          { label: "Documents", cell: (e) => String(e.documents), value: (e) => e.documents, numeric: true },
          { label: "Relations", cell: (e) => String(e.relations), value: (e) => e.relations, numeric: true },
          { label: "Events", cell: (e) => String(e.events), value: (e) => e.events, numeric: true },
        ],
      }),
    ),
  );
  return { title: "Entities", el };
}
