// The graph: an entity's neighbourhood drawn with cytoscape, with a legend that switches kinds of links on and off,
// filters by weight and date, and sizing and colouring choices. Click a node for its summary, an edge for its evidence.
import { api, type EntitySummary, type Graph, type GraphEdge } from "../api.js";
import {
  entityLink,
  errorBox,
  evidenceLinks,
  factSummary,
  linkButton,
  loading,
  muted,
  pageHeader,
  relationTypes,
  section,
  support,
  typeBadge,
} from "../components.js";
import { clear, h } from "../dom.js";
import { humanise, plural } from "../format.js";
import { drawGraph, type GraphCanvas } from "../graph/canvas.js";
import { drawQuery, readDrawOptions } from "../graph/draw-options.js";
import { graphLegend } from "../graph/legend.js";
import { RELATION_COLOURS } from "../graph/style.js";
import { graphToolbar } from "../graph/toolbar.js";
import { entityPicker } from "../picker.js";
import { link, navigate, positiveInt, type Route } from "../router.js";
import { csvButton, dataTable } from "../table.js";
import type { View } from "../view.js";

async function edgeDetails(e: GraphEdge, nodes: Map<number, EntitySummary>): Promise<HTMLElement> {
  if (e.kind === "relation") {
    const r = await api.relation(e.relation);
    return h(
      "div",
      null,
      h("h3", null, "Relation"),
      h("p", null, factSummary(r)),
      h("p", null, support(r)),
      h("p", null, evidenceLinks(r)),
    );
  }
  const page = await api.events({ actor: e.source, target: e.target, limit: 50 });
  const a = nodes.get(e.source);
  const t = nodes.get(e.target);
  return h(
    "div",
    null,
    h("h3", null, `${plural(page.total, "event")}: `, a ? entityLink(a) : "?", " → ", t ? entityLink(t) : "?"),
    h(
      "ul",
      { class: "facts" },
      page.items.map((ev) =>
        h(
          "li",
          { class: "fact" },
          factSummary(ev),
          h("div", { class: "fact-meta" }, support(ev), " ", evidenceLinks(ev)),
        ),
      ),
    ),
  );
}

function controls(route: Route, root: EntitySummary): HTMLElement {
  const q = route.query;
  const depth = q.get("depth") ?? "2";
  const chosen = (q.get("types") ?? "").split(",").filter(Boolean);
  let picked: EntitySummary | null = root;
  const form: HTMLFormElement = h("form", {
    class: "filters",
    onsubmit: (e: Event) => {
      e.preventDefault();
      const data = new FormData(form);
      navigate(`graph/${picked?.id ?? root.id}`, {
        ...drawQuery(readDrawOptions(q)),
        depth: String(data.get("depth")),
        types: data.getAll("types").map(String),
        events: data.get("events") ? "true" : null,
        nodes: q.get("nodes"),
      });
    },
  });
  form.append(
    h(
      "div",
      { class: "filter-row" },
      h(
        "label",
        { class: "field" },
        h("span", null, "Centre"),
        entityPicker(root, (e) => (picked = e), "Entity"),
      ),
      h(
        "label",
        { class: "field" },
        h("span", null, "Depth"),
        h(
          "select",
          { name: "depth" },
          ["1", "2", "3", "4"].map((d) => h("option", { value: d, selected: d === depth }, d)),
        ),
      ),
      h(
        "label",
        { class: "field inline" },
        h("input", { type: "checkbox", name: "events", value: "1", checked: q.get("events") === "true" }),
        " also link actors to their events' targets",
      ),
      h("button", { type: "submit", class: "btn primary" }, "Draw"),
    ),
    h(
      "details",
      { class: "roots", open: chosen.length > 0 },
      h(
        "summary",
        null,
        chosen.length ? `Walk only: ${chosen.map(humanise).join(", ")}` : "Walk relations of every type",
      ),
      h(
        "div",
        { class: "root-grid" },
        relationTypes().map((t) =>
          h(
            "label",
            { class: "root-option" },
            h("span", { class: "swatch", "data-colour": t }),
            h("input", { type: "checkbox", name: "types", value: t, checked: chosen.includes(t) }),
            ` ${humanise(t)}`,
          ),
        ),
      ),
    ),
  );
  // Swatch colours through the CSSOM (the CSP forbids style attributes, not style properties).
  for (const s of form.querySelectorAll<HTMLElement>(".swatch")) {
    s.style.background = RELATION_COLOURS[s.dataset.colour ?? ""] ?? "#888";
  }
  return form;
}

/** The edges as a table: readable without the canvas, and each one opens its evidence. */
function connections(g: Graph, nodes: Map<number, EntitySummary>, show: (edgeId: string) => void): HTMLElement {
  const name = (id: number) => {
    const n = nodes.get(id);
    return n ? entityLink(n) : String(id);
  };
  return section(
    "Connections",
    dataTable<GraphEdge>({
      name: "graph-connections",
      rows: g.edges,
      columns: [
        { label: "From", cell: (e) => name(e.source), value: (e) => nodes.get(e.source)?.name },
        {
          label: "Link",
          cell: (e) =>
            e.kind === "relation"
              ? [humanise(e.type), e.negated ? [" ", h("span", { class: "badge negated" }, "denied")] : null]
              : `events (${e.roots.join(", ")})`,
          value: (e) => (e.kind === "relation" ? e.type : "events"),
        },
        { label: "To", cell: (e) => name(e.target), value: (e) => nodes.get(e.target)?.name },
        {
          label: "Weight",
          cell: (e) => (e.kind === "relation" ? plural(e.sources, "source") : plural(e.events, "event")),
          value: (e) => (e.kind === "relation" ? e.sources : e.events),
          numeric: true,
        },
        {
          label: "Evidence",
          cell: (e) =>
            h("button", { type: "button", class: "btn small", "data-edge": e.id, onclick: () => show(e.id) }, "Show"),
          value: (e) => e.id,
        },
      ],
    }),
  );
}

export async function graphView(route: Route): Promise<View> {
  let id = positiveInt(route.parts[1]);
  if (!id) {
    const top = await api.entities({ limit: 1 });
    const first = top.items[0];
    if (!first) return { title: "Graph", el: h("div", null, pageHeader("Graph"), muted("No entities yet.")) };
    id = first.id;
  }
  const q = route.query;
  const [dossier, g] = await Promise.all([
    api.dossier(id),
    // Event links only when asked for: they outnumber relations and turn a neighbourhood into a hairball.
    api.graph(id, {
      depth: q.get("depth"),
      types: q.get("types"),
      events: q.get("events") === "true",
      nodes: q.get("nodes"),
    }),
  ]);
  const root = dossier.entity;
  const nodes = new Map<number, EntitySummary>(g.nodes.map((n) => [n.id, n]));
  const canvas = h("div", { class: "graph-canvas", "aria-label": `Graph around ${root.name}` });
  const side = h("div", { class: "graph-side-body" });
  const showNode = (nodeId: number) => {
    const n = g.nodes.find((x) => x.id === nodeId);
    if (!n) return;
    clear(side);
    side.append(
      h("h3", null, entityLink(n), " ", typeBadge(n.type)),
      h(
        "p",
        { class: "muted" },
        `${plural(n.degree, "link")} · ${plural(n.sources, "independent source")} · ${plural(n.mentions, "mention")} · ${n.depth} step${n.depth === 1 ? "" : "s"} from ${root.name}`,
      ),
      h(
        "p",
        { class: "actions" },
        linkButton("Dossier", link(`entity/${n.id}`), "small"),
        linkButton("Centre here", link(`graph/${n.id}`, Object.fromEntries(q.entries())), "small"),
        linkButton("Timeline", link("timeline", { entity: n.id }), "small"),
      ),
    );
  };
  const showEdge = async (edgeId: string) => {
    const e = g.edges.find((x) => x.id === edgeId);
    if (!e) return;
    clear(side);
    side.append(loading());
    side.scrollIntoView({ block: "nearest", behavior: "smooth" });
    try {
      const details = await edgeDetails(e, nodes);
      clear(side);
      side.append(details);
    } catch (err) {
      clear(side);
      side.append(errorBox(err));
    }
  };
  side.append(muted("Click a node or an edge. Drag to move, scroll to zoom: more labels show as you zoom in."));

  const options = readDrawOptions(q);
  let drawn: GraphCanvas | null = null;
  const redraw = () => {
    if (!drawn) return;
    const result = drawn.apply(options);
    legend.showNodes(result.communities);
    toolbar.setShown(
      `Showing ${plural(result.nodes, "node")} and ${result.edges} of ${plural(g.edges.length, "link")}`,
    );
    canvas.setAttribute("data-edges-shown", String(result.edges));
    // Keep the choices in the address (no reload): a drawn view can be bookmarked and shared.
    history.replaceState(
      null,
      "",
      link(`graph/${root.id}`, { ...Object.fromEntries(q.entries()), ...drawQuery(options) }),
    );
  };
  const toolbar = graphToolbar(g, options, redraw);
  const legend = graphLegend(g, options.filter.hidden, (kind, on) => {
    if (on) options.filter.hidden.delete(kind);
    else options.filter.hidden.add(kind);
    redraw();
  });
  legend.showNodes(null);
  const el = h(
    "div",
    { class: "graph-page" },
    pageHeader(
      ["Graph around ", h("a", { href: link(`entity/${root.id}`) }, root.name)],
      `${plural(g.nodes.length, "node")}, ${plural(g.edges.length, "edge")}${g.truncated.nodes || g.truncated.edges ? " (trimmed: narrow the depth or the types)" : ""}`,
      [
        linkButton("Dossier", link(`entity/${root.id}`)),
        linkButton("Timeline", link("timeline", { entity: root.id })),
        h("button", { type: "button", class: "btn", onclick: () => drawn?.cy.fit(undefined, 30) }, "Fit"),
        h("button", { type: "button", class: "btn", onclick: () => drawn?.rearrange() }, "Re-arrange"),
        csvButton({
          name: `${root.name}-graph-edges`,
          rows: g.edges,
          columns: [
            { label: "id", value: (e) => e.id },
            { label: "kind", value: (e) => e.kind },
            { label: "type", value: (e) => e.type },
            { label: "source_id", value: (e) => e.source },
            { label: "source", value: (e) => nodes.get(e.source)?.name ?? "" },
            { label: "target_id", value: (e) => e.target },
            { label: "target", value: (e) => nodes.get(e.target)?.name ?? "" },
            { label: "negated", value: (e) => (e.kind === "relation" ? e.negated : "") },
            { label: "weight", value: (e) => (e.kind === "relation" ? e.sources : e.events) },
            { label: "first", value: (e) => e.first ?? "" },
            { label: "last", value: (e) => e.last ?? "" },
          ],
        }),
      ],
    ),
    controls(route, root),
    g.edges.length
      ? h(
          "div",
          { class: "graph-grid" },
          h("div", { class: "card graph-card" }, toolbar.el, canvas, legend.el),
          h("aside", { class: "card graph-side" }, side),
        )
      : h(
          "section",
          { class: "card" },
          muted(`${root.name} has no relations${q.get("types") ? " of these types" : ""} yet.`),
        ),
    g.edges.length ? connections(g, nodes, (id) => void showEdge(id)) : null,
  );
  return {
    title: `Graph: ${root.name}`,
    el,
    mounted: () => {
      if (!g.edges.length) return;
      void drawGraph(canvas, g, {
        node: showNode,
        edge: (edgeId) => void showEdge(edgeId),
        open: (entity) => navigate(`entity/${entity}`),
      }).then((c) => {
        if (!canvas.isConnected) return c.destroy();
        drawn = c;
        redraw();
        canvas.setAttribute("data-ready", "1");
      });
    },
    unmount: () => {
      drawn?.destroy();
      drawn = null;
    },
  };
}
