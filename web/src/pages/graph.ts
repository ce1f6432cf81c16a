// The graph: an entity's neighbourhood drawn with cytoscape. Click a node for its summary, an edge for its evidence.
import type { Core, ElementDefinition } from "cytoscape";
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
import { entityPicker } from "../picker.js";
import { link, navigate, positiveInt, type Route } from "../router.js";
import { csvButton, dataTable } from "../table.js";
import type { View } from "../view.js";

export const TYPE_COLOURS: Record<string, string> = {
  country: "#2a6f97",
  person: "#c1666b",
  organization: "#6a4c93",
  location: "#4d908e",
  facility: "#d68c45",
  initiative: "#7d8a3c",
};

const RELATION_COLOURS: Record<string, string> = {
  member_of: "#6a4c93",
  holds_position: "#c1666b",
  affiliated_with: "#b5838d",
  located_in: "#4d908e",
  borders: "#8d99ae",
  trade_partner: "#2a9d8f",
  supplies: "#e9c46a",
  invests_in: "#f4a261",
  allied_with: "#2a6f97",
  opposes: "#c1432e",
  operates: "#d68c45",
  participates_in: "#7d8a3c",
  created: "#577590",
};

function elements(g: Graph): ElementDefinition[] {
  const maxMentions = Math.max(1, ...g.nodes.map((n) => n.mentions));
  const nodes: ElementDefinition[] = g.nodes.map((n) => ({
    data: {
      id: `n${n.id}`,
      entity: n.id,
      label: n.name,
      type: n.type,
      colour: TYPE_COLOURS[n.type] ?? "#777",
      size: 22 + 34 * Math.sqrt(n.mentions / maxMentions),
      root: n.id === g.root ? 1 : 0,
    },
  }));
  const edges: ElementDefinition[] = g.edges.map((e) => ({
    data: {
      id: e.id,
      source: `n${e.source}`,
      target: `n${e.target}`,
      kind: e.kind,
      label: e.kind === "relation" ? `${e.negated ? "not " : ""}${humanise(e.type)}` : plural(e.events, "event"),
      colour: e.kind === "relation" ? (e.negated ? "#c1432e" : (RELATION_COLOURS[e.type] ?? "#888")) : "#9aa5b1",
      negated: e.kind === "relation" && e.negated ? 1 : 0,
      width: e.kind === "relation" ? 1.5 + Math.min(4, e.sources) : 1 + Math.min(4, e.events),
    },
  }));
  return [...nodes, ...edges];
}

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
        depth: String(data.get("depth")),
        types: data.getAll("types").map(String),
        events: data.get("events") ? null : "false",
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
        h("input", { type: "checkbox", name: "events", value: "1", checked: q.get("events") !== "false" }),
        " link actors to their events' targets",
      ),
      h("button", { type: "submit", class: "btn primary" }, "Draw"),
    ),
    h(
      "details",
      { class: "roots", open: chosen.length > 0 },
      h("summary", null, chosen.length ? `Relation types: ${chosen.map(humanise).join(", ")}` : "Relation types: all"),
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
    api.graph(id, { depth: q.get("depth"), types: q.get("types"), events: q.get("events") }),
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
        `${plural(n.degree, "link")} · ${plural(n.mentions, "mention")} · ${n.depth} step${n.depth === 1 ? "" : "s"} from ${root.name}`,
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
  side.append(muted("Click a node or an edge. Drag to move, scroll to zoom."));
  let cy: Core | null = null;
  const el = h(
    "div",
    { class: "graph-page" },
    pageHeader(
      ["Graph around ", h("a", { href: link(`entity/${root.id}`) }, root.name)],
      `${plural(g.nodes.length, "node")}, ${plural(g.edges.length, "edge")}${g.truncated.nodes || g.truncated.edges ? " (trimmed: narrow the depth or the types)" : ""}`,
      [
        linkButton("Dossier", link(`entity/${root.id}`)),
        linkButton("Timeline", link("timeline", { entity: root.id })),
        h("button", { type: "button", class: "btn", onclick: () => cy?.fit(undefined, 30) }, "Fit"),
        h(
          "button",
          {
            type: "button",
            class: "btn",
            onclick: () => cy?.layout({ name: "cose", animate: false, randomize: true } as never).run(),
          },
          "Re-arrange",
        ),
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
          ],
        }),
      ],
    ),
    controls(route, root),
    g.edges.length
      ? h(
          "div",
          { class: "graph-grid" },
          h("div", { class: "card graph-card" }, canvas),
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
      void import("cytoscape").then(({ default: cytoscape }) => {
        if (!canvas.isConnected) return;
        cy = cytoscape({
          container: canvas,
          elements: elements(g),
          minZoom: 0.2,
          maxZoom: 3,
          style: [
            {
              selector: "node",
              style: {
                "background-color": "data(colour)",
                label: "data(label)",
                width: "data(size)",
                height: "data(size)",
                "font-size": 11,
                "font-family": "system-ui, sans-serif",
                color: "#1d2733",
                "text-valign": "bottom",
                "text-margin-y": 4,
                "text-outline-color": "#ffffff",
                "text-outline-width": 2,
                "text-wrap": "wrap",
                "text-max-width": "110px",
                "border-width": 2,
                "border-color": "#ffffff",
              },
            },
            {
              selector: "node[root = 1]",
              style: { "border-color": "#f2c14e", "border-width": 4, "font-weight": "bold" },
            },
            { selector: "node:selected", style: { "border-color": "#1d2733", "border-width": 3 } },
            {
              selector: "edge",
              style: {
                width: "data(width)",
                "line-color": "data(colour)",
                "target-arrow-color": "data(colour)",
                "target-arrow-shape": "triangle",
                "arrow-scale": 0.8,
                "curve-style": "bezier",
                opacity: 0.85,
                label: g.edges.length <= 12 ? "data(label)" : "",
                "font-size": 9,
                color: "#4a5563",
                "text-rotation": "autorotate",
                "text-background-color": "#ffffff",
                "text-background-opacity": 0.8,
                "text-background-padding": "1px",
              },
            },
            { selector: "edge[kind = 'event']", style: { "line-style": "dotted" } },
            { selector: "edge[negated = 1]", style: { "line-style": "dashed" } },
            { selector: "edge:selected, edge.hover", style: { opacity: 1, label: "data(label)", "z-index": 10 } },
          ],
          layout: {
            name: "cose",
            animate: false,
            padding: 30,
            nodeRepulsion: () => 9000,
            idealEdgeLength: () => 90,
          } as never,
        });
        cy.on("tap", "node", (ev) => showNode(Number(ev.target.data("entity"))));
        cy.on("tap", "edge", (ev) => void showEdge(String(ev.target.id())));
        cy.on("mouseover", "edge", (ev) => ev.target.addClass("hover"));
        cy.on("mouseout", "edge", (ev) => ev.target.removeClass("hover"));
        cy.on("dbltap", "node", (ev) => navigate(`entity/${ev.target.data("entity")}`));
        canvas.setAttribute("data-ready", "1");
      });
    },
    unmount: () => {
      cy?.destroy();
      cy = null;
    },
  };
}
