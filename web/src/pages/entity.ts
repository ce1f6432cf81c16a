// An entity's dossier: identity, relations by type, events on a timeline, quotes, figures and sources.
import { api, type Dossier, type QuantityView, type RelationView } from "../api.js";
import {
  cameo,
  entityLink,
  eventTimelineItem,
  evidenceLinks,
  linkButton,
  muted,
  pageHeader,
  readerHref,
  realisBadges,
  sectionWithActions,
  support,
  typeBadge,
} from "../components.js";
import { externalLink, h } from "../dom.js";
import { evidenceCsv, FIGURE_COLUMNS, quoteItem } from "../fact-items.js";
import { factsFromSources, formatDate, humanise, plural } from "../format.js";
import { relationSentence } from "../relation-sentence.js";
import { link, positiveInt, type Route } from "../router.js";
import { csvButton, dataTable } from "../table.js";
import type { View } from "../view.js";

type DirectedRelation = RelationView & { direction: "out" | "in" };

function relationsSection(d: Dossier): HTMLElement {
  const rows = d.relations.flatMap((g) => g.items as DirectedRelation[]);
  const body = d.relations.length
    ? d.relations.map((g) =>
        h(
          "div",
          { class: "relation-group" },
          h("h3", null, humanise(g.type), h("span", { class: "count" }, String(g.items.length))),
          h(
            "ul",
            { class: "facts" },
            (g.items as DirectedRelation[]).map((r) => {
              const self = h("span", { class: "self" }, d.entity.name);
              return h(
                "li",
                { class: `fact relation${r.negated ? " is-negated" : ""}`, "data-fact": `relation:${r.id}` },
                h(
                  "div",
                  { class: "fact-main" },
                  r.direction === "out"
                    ? relationSentence(self, r, entityLink(r.object))
                    : relationSentence(entityLink(r.subject), r, self),
                  " ",
                  realisBadges(r),
                ),
                h("div", { class: "fact-meta" }, support(r), " ", evidenceLinks(r)),
              );
            }),
          ),
        ),
      )
    : muted("No relations recorded.");
  return sectionWithActions(
    "Relations",
    rows.length
      ? csvButton({
          name: `${d.entity.name}-relations`,
          rows,
          columns: [
            { label: "id", value: (r) => r.id },
            { label: "type", value: (r) => r.type },
            { label: "subject", value: (r) => r.subject.name },
            { label: "object", value: (r) => r.object.name },
            { label: "negated", value: (r) => r.negated },
            { label: "attrs", value: (r) => JSON.stringify(r.attrs) },
            { label: "sources", value: (r) => r.sources },
            { label: "confidence", value: (r) => r.confidence },
            { label: "evidence", value: evidenceCsv },
          ],
        })
      : null,
    body,
  );
}

function eventsSection(d: Dossier): HTMLElement {
  const all = [
    ...d.events.asActor.map((e) => ({ e, role: "actor" as const })),
    ...d.events.asTarget.map((e) => ({ e, role: "target" as const })),
  ].sort((a, b) => (a.e.date ?? "9999").localeCompare(b.e.date ?? "9999") || a.e.id - b.e.id);
  return sectionWithActions(
    "Events",
    [
      all.length
        ? csvButton({
            name: `${d.entity.name}-events`,
            rows: all,
            columns: [
              { label: "id", value: (x) => x.e.id },
              { label: "date", value: (x) => x.e.date },
              { label: "role", value: (x) => x.role },
              { label: "cameo", value: (x) => x.e.code },
              { label: "event", value: (x) => cameo(x.e.root).name },
              { label: "actors", value: (x) => x.e.actors.map((a) => a.name).join("; ") },
              { label: "targets", value: (x) => x.e.targets.map((a) => a.name).join("; ") },
              { label: "negated", value: (x) => x.e.negated },
              { label: "hypothetical", value: (x) => x.e.hypothetical },
              { label: "sources", value: (x) => x.e.sources },
              { label: "evidence", value: (x) => evidenceCsv(x.e) },
            ],
          })
        : null,
      linkButton("Timeline", link("timeline", { entity: d.entity.id }), "small"),
    ],
    all.length
      ? h(
          "ol",
          { class: "timeline" },
          all.map((x) => eventTimelineItem(x.e, { role: x.role })),
        )
      : muted("No events recorded with this entity as actor or target."),
  );
}

function quotesSection(d: Dossier): HTMLElement {
  return sectionWithActions(
    "Quotes",
    null,
    h("h3", null, `By ${d.entity.name}`),
    d.quotes.by.length
      ? h(
          "ul",
          { class: "quotes" },
          d.quotes.by.map((q) => quoteItem(q, false)),
        )
      : muted("None recorded."),
    h("h3", null, `About ${d.entity.name}`),
    d.quotes.about.length
      ? h(
          "ul",
          { class: "quotes" },
          d.quotes.about.map((q) => quoteItem(q, true)),
        )
      : muted("None recorded."),
  );
}

function quantitiesSection(d: Dossier): HTMLElement {
  return sectionWithActions(
    "Figures",
    null,
    dataTable<QuantityView>({
      name: `${d.entity.name}-figures`,
      rows: d.quantities,
      empty: "No figures recorded.",
      columns: FIGURE_COLUMNS,
    }),
  );
}

function sourcesSection(d: Dossier): HTMLElement {
  return sectionWithActions(
    "Sources",
    linkButton("Compare sources", link(`entity/${d.entity.id}/sources`), "small"),
    h(
      "p",
      { class: "muted" },
      `${plural(d.totals.sources, "document")} mention it or back its facts; ` +
        `${factsFromSources(d.totals.facts, d.independentSources)} (near-copies count once).`,
    ),
    dataTable({
      name: `${d.entity.name}-sources`,
      rows: d.sources,
      columns: [
        {
          label: "Document",
          cell: (s) => h("a", { href: readerHref(s.id) }, s.title ?? s.id),
          value: (s) => s.title ?? s.id,
        },
        { label: "id", value: (s) => s.id, csvOnly: true },
        { label: "Outlet", cell: (s) => s.outlet ?? "—", value: (s) => s.outlet },
        { label: "Published", cell: (s) => formatDate(s.published), value: (s) => s.published },
        {
          label: "Copy of",
          cell: (s) => (s.duplicateOf ? h("a", { href: readerHref(s.duplicateOf) }, "original") : "—"),
          value: (s) => s.duplicateOf,
        },
        { label: "Mentions", cell: (s) => String(s.mentions), value: (s) => s.mentions, numeric: true },
        { label: "Facts", cell: (s) => String(s.facts), value: (s) => s.facts, numeric: true },
      ],
    }),
  );
}

function identity(d: Dossier): HTMLElement {
  const e = d.entity;
  const iso = /^country\/([A-Z]{3})$/.exec(e.key)?.[1];
  return h(
    "dl",
    { class: "identity" },
    h("dt", null, "Type"),
    h("dd", null, typeBadge(e.type)),
    h("dt", null, "Key"),
    h("dd", null, h("code", null, e.key)),
    iso ? [h("dt", null, "ISO 3166"), h("dd", null, iso)] : null,
    h("dt", null, "Wikidata"),
    h("dd", null, e.qid && /^Q\d+$/.test(e.qid) ? externalLink(`https://www.wikidata.org/wiki/${e.qid}`, e.qid) : "—"),
    h("dt", null, "Also called"),
    h("dd", null, e.aliases.length ? e.aliases.join(" · ") : "—"),
    h("dt", null, "Mentions"),
    h("dd", null, `${plural(e.mentions, "mention")} in ${plural(e.documents, "document")}`),
  );
}

export async function entityView(route: Route): Promise<View> {
  const id = positiveInt(route.parts[1]);
  if (!id) throw new Error("An entity page needs a numeric id: #/entity/12");
  const d = await api.dossier(id);
  // Counts from totals: each list of the dossier holds at most d.limit items.
  const t = d.totals;
  const factCount = t.facts;
  const shown =
    d.relations.reduce((n, g) => n + g.items.length, 0) +
    d.events.asActor.length +
    d.events.asTarget.length +
    d.quotes.by.length +
    d.quotes.about.length +
    d.quantities.length +
    d.sources.length;
  const all = factCount + t.quotesAbout + t.sources;
  const el = h(
    "div",
    { class: "entity-page" },
    pageHeader(
      [d.entity.name, " ", typeBadge(d.entity.type)],
      `${plural(factCount, "fact")} from ${plural(d.independentSources, "independent source")}`,
      [
        linkButton("Graph", link(`graph/${id}`)),
        linkButton("Timeline", link("timeline", { entity: id })),
        linkButton("Map", link("map", { entity: id })),
        linkButton("Sources", link(`entity/${id}/sources`)),
        linkButton("Mentions", link("search", { entity: id, kind: "sentence" })),
      ],
    ),
    h(
      "div",
      { class: "entity-grid" },
      h("aside", { class: "card identity-card" }, h("h2", null, "Identity"), identity(d)),
      h("div", { class: "entity-main" }, relationsSection(d), eventsSection(d)),
    ),
    h("div", { class: "columns" }, quotesSection(d), quantitiesSection(d)),
    sourcesSection(d),
    shown < all
      ? muted(
          `Each list shows at most ${d.limit} items: the best supported relations, the latest events, quotes and ` +
            "figures, the most recent sources. The Timeline and Graph pages hold the rest.",
        )
      : null,
  );
  return { title: d.entity.name, el };
}
