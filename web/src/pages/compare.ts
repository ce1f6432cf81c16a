// Source comparison: which documents and outlets assert which of an entity's facts.
import { api } from "../api.js";
import { linkButton, muted, pageHeader, section, typeBadge } from "../components.js";
import { h } from "../dom.js";
import { factsFromSources, formatDate, plural } from "../format.js";
import { link, positiveInt, type Route } from "../router.js";
import { csvButton } from "../table.js";
import type { View } from "../view.js";

export async function compareView(route: Route): Promise<View> {
  const id = positiveInt(route.parts[1]);
  if (!id) throw new Error("A comparison needs a numeric entity id: #/entity/12/sources");
  const c = await api.sources(id);
  const docs = c.documents;
  const docLabel = (d: (typeof docs)[number]) => `${d.outlet ?? "no outlet"} ${d.published ?? ""}`.trim();
  const matrix = h(
    "div",
    { class: "table-wrap matrix-wrap" },
    h(
      "div",
      { class: "table-tools" },
      h(
        "span",
        { class: "muted" },
        "✓ opens the sentence in that document; a column marked copy is a near-copy of another.",
      ),
      csvButton({
        name: `${c.entity.name}-source-comparison`,
        rows: c.facts,
        columns: [
          { label: "kind", value: (f) => f.kind },
          { label: "fact id", value: (f) => f.id },
          { label: "fact", value: (f) => f.label },
          { label: "independent sources", value: (f) => f.sources },
          ...docs.map((d) => ({
            label: `${docLabel(d)} (${d.id})`,
            value: (f: (typeof c.facts)[number]) => (f.documents.includes(d.id) ? "yes" : ""),
          })),
        ],
      }),
    ),
    h(
      "table",
      { class: "data matrix" },
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          h("th", { scope: "col" }, "Fact"),
          h("th", { scope: "col", class: "num" }, "Sources"),
          docs.map((d) =>
            h(
              "th",
              { scope: "col", class: `doc-col${d.duplicateOf ? " copy" : ""}`, title: d.title ?? d.id },
              h("a", { href: link(`doc/${encodeURIComponent(d.id)}`) }, d.outlet ?? "no outlet"),
              h("span", { class: "muted" }, formatDate(d.published)),
              d.duplicateOf ? h("span", { class: "badge copy" }, "copy") : null,
            ),
          ),
        ),
      ),
      h(
        "tbody",
        null,
        c.facts.map((f) =>
          h(
            "tr",
            { class: f.sources <= 1 ? "single" : null },
            h("td", null, h("span", { class: `badge kind-${f.kind}` }, f.kind), " ", f.label),
            h("td", { class: "num" }, String(f.sources)),
            docs.map((d) =>
              h(
                "td",
                { class: "mark" },
                f.documents.includes(d.id)
                  ? h(
                      "a",
                      {
                        href: link(`doc/${encodeURIComponent(d.id)}`, { fact: `${f.kind}:${f.id}` }),
                        title: "Open the evidence",
                      },
                      "✓",
                    )
                  : "",
              ),
            ),
          ),
        ),
      ),
    ),
  );
  const el = h(
    "div",
    { class: "compare-page" },
    pageHeader(
      ["Sources on ", h("a", { href: link(`entity/${id}`) }, c.entity.name), " ", typeBadge(c.entity.type)],
      `${factsFromSources(c.counts.facts, c.counts.independentSources)} in ${plural(c.counts.documents, "document")}; ` +
        `${c.singleSourced} of the ${plural(c.facts.length, "fact")} compared rest on a single independent source`,
      linkButton("Back to dossier", link(`entity/${id}`)),
    ),
    section(
      "Outlets",
      c.outlets.length
        ? h(
            "ul",
            { class: "outlet-bars" },
            c.outlets.map((o) =>
              h(
                "li",
                null,
                h("span", { class: "outlet-name" }, o.outlet ?? "no outlet"),
                h("meter", { min: 0, max: Math.max(1, c.facts.length), value: o.facts }),
                h(
                  "span",
                  { class: "muted" },
                  `${plural(o.facts, "fact")} in ${plural(o.documents.length, "document")}`,
                ),
              ),
            ),
          )
        : muted("No document asserts a fact about this entity yet."),
    ),
    section("Who asserts what", c.facts.length ? matrix : muted("No facts to compare.")),
  );
  return { title: `Sources: ${c.entity.name}`, el };
}
