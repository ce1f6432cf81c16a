// The graph on a cytoscape canvas: laid out once with fcose (non-animated, so it settles before it is shown), then
// filtered, sized, coloured and labelled in place as the options change, keeping every node where it is.
import type { Core, ElementDefinition, NodeSingular } from "cytoscape";
import type { Graph, GraphEdge } from "../api.js";
import { humanise, plural } from "../format.js";
import { communities } from "./communities.js";
import type { DrawOptions } from "./draw-options.js";
import { edgeWeight, shows } from "./edge-filter.js";
import { placeLabels } from "./labels.js";
import type { CommunitySummary } from "./legend.js";
import {
  communityColour,
  DENIED_COLOUR,
  EVENT_EDGE_COLOUR,
  RELATION_COLOURS,
  STYLESHEET,
  TYPE_COLOURS,
} from "./style.js";

export interface Drawn {
  nodes: number;
  edges: number;
  /** With colouring by community: the communities, largest first. */
  communities: CommunitySummary[] | null;
}

export interface GraphCanvas {
  cy: Core;
  apply(o: DrawOptions): Drawn;
  /** Lays out what is shown again, from scratch. */
  rearrange(): void;
  destroy(): void;
}

function elements(g: Graph): ElementDefinition[] {
  const nodes: ElementDefinition[] = g.nodes.map((n) => ({
    data: {
      id: `n${n.id}`,
      entity: n.id,
      label: n.name,
      type: n.type,
      root: n.id === g.root ? 1 : 0,
      size: 24,
      colour: TYPE_COLOURS[n.type] ?? "#777",
    },
  }));
  const edges: ElementDefinition[] = g.edges.map((e) => ({
    data: {
      id: e.id,
      source: `n${e.source}`,
      target: `n${e.target}`,
      kind: e.kind,
      label: e.kind === "relation" ? `${e.negated ? "not " : ""}${humanise(e.type)}` : plural(e.events, "event"),
      colour:
        e.kind === "relation" ? (e.negated ? DENIED_COLOUR : (RELATION_COLOURS[e.type] ?? "#888")) : EVENT_EDGE_COLOUR,
      negated: e.kind === "relation" && e.negated ? 1 : 0,
      width: 1.2 + Math.min(4, edgeWeight(e) - 1) * 0.9,
    },
  }));
  return [...nodes, ...edges];
}

function layoutOptions(nodes: number, eles?: unknown) {
  return {
    name: "fcose",
    quality: "default",
    randomize: true,
    animate: false,
    fit: true,
    padding: 30,
    nodeDimensionsIncludeLabels: false,
    idealEdgeLength: nodes > 150 ? 45 : 75,
    nodeRepulsion: nodes > 150 ? 4500 : 8000,
    nodeSeparation: 60,
    packComponents: true,
    numIter: 2500,
    ...(eles ? { eles } : {}),
  } as never;
}

export async function drawGraph(
  container: HTMLElement,
  g: Graph,
  on: { node: (id: number) => void; edge: (id: string) => void; open: (id: number) => void },
): Promise<GraphCanvas> {
  const [{ default: cytoscape }, { default: fcose }] = await Promise.all([
    import("cytoscape"),
    import("cytoscape-fcose"),
  ]);
  cytoscape.use(fcose);
  const byId = new Map<string, GraphEdge>(g.edges.map((e) => [e.id, e]));
  const nodeInfo = new Map(g.nodes.map((n) => [`n${n.id}`, n]));
  const many = g.nodes.length > 200 || g.edges.length > 400;
  const cy = cytoscape({
    container,
    elements: elements(g),
    style: STYLESHEET,
    minZoom: 0.1,
    maxZoom: 4,
    // Hundreds of nodes stay smooth: edges are left out while the view moves, and drawn again when it stops.
    hideEdgesOnViewport: many,
    layout: { name: "preset" },
  });
  cy.layout(layoutOptions(g.nodes.length)).run();

  let lastSize: (n: NodeSingular) => number = () => 0;
  const relabel = () => placeLabels(cy, (n) => (n.data("root") === 1 ? Number.POSITIVE_INFINITY : lastSize(n)));
  let timer: ReturnType<typeof setTimeout> | undefined;
  cy.on("zoom", () => {
    clearTimeout(timer);
    timer = setTimeout(relabel, 120);
  });
  cy.on("dragfree", "node", relabel);
  cy.on("tap", "node", (ev) => on.node(Number(ev.target.data("entity"))));
  cy.on("tap", "edge", (ev) => on.edge(String(ev.target.id())));
  cy.on("dbltap", "node", (ev) => on.open(Number(ev.target.data("entity"))));
  cy.on("mouseover", "node, edge", (ev) => ev.target.addClass("hover"));
  cy.on("mouseout", "node, edge", (ev) => ev.target.removeClass("hover"));

  return {
    cy,
    apply(o) {
      const degree = new Map<string, number>();
      const links: { a: number; b: number; w: number }[] = [];
      let edgesShown = 0;
      let shownCount = 0;
      let summaries: CommunitySummary[] | null = null;
      cy.batch(() => {
        for (const edge of cy.edges().toArray()) {
          const e = byId.get(edge.id());
          const on = e !== undefined && shows(o.filter, e);
          edge.toggleClass("filtered", !on);
          if (!on || !e) continue;
          edgesShown++;
          for (const end of [`n${e.source}`, `n${e.target}`]) degree.set(end, (degree.get(end) ?? 0) + 1);
          links.push({ a: e.source, b: e.target, w: edgeWeight(e) });
        }
        const shown = cy
          .nodes()
          .toArray()
          .filter((n) => n.data("root") === 1 || degree.has(n.id()));
        const kept = new Set(shown);
        for (const n of cy.nodes().toArray()) n.toggleClass("filtered", !kept.has(n));
        const value = (n: NodeSingular): number => {
          const info = nodeInfo.get(n.id());
          if (o.sizeBy === "degree") return degree.get(n.id()) ?? 0;
          return (o.sizeBy === "sources" ? info?.sources : info?.mentions) ?? 0;
        };
        const max = Math.max(1, ...shown.map(value));
        lastSize = (n) => value(n) / max;
        for (const n of shown) n.data("size", 16 + 38 * Math.sqrt(value(n) / max));
        const ids = shown.map((n) => Number(n.data("entity")));
        const community = o.colourBy === "community" ? communities(ids, links) : null;
        for (const n of shown) {
          const c = community?.get(Number(n.data("entity")));
          n.data("colour", c !== undefined ? communityColour(c) : (TYPE_COLOURS[n.data("type")] ?? "#777"));
        }
        shownCount = shown.length;
        summaries = community ? summarise(community, shown, value) : null;
      });
      relabel();
      return { nodes: shownCount, edges: edgesShown, communities: summaries };
    },
    rearrange() {
      cy.elements()
        .not(".filtered")
        .layout(layoutOptions(cy.nodes().not(".filtered").length))
        .run();
      relabel();
    },
    destroy() {
      clearTimeout(timer);
      cy.destroy();
    },
  };
}

/** Each community with its members' names, the most connected first. */
function summarise(
  community: Map<number, number>,
  nodes: NodeSingular[],
  value: (n: NodeSingular) => number,
): CommunitySummary[] {
  const out = new Map<number, { n: NodeSingular; v: number }[]>();
  for (const n of nodes) {
    const c = community.get(Number(n.data("entity")));
    if (c === undefined) continue;
    const list = out.get(c);
    if (list) list.push({ n, v: value(n) });
    else out.set(c, [{ n, v: value(n) }]);
  }
  return [...out.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, members]) => ({
      index,
      members: members.sort((a, b) => b.v - a.v).map((m) => String(m.n.data("label"))),
    }));
}
