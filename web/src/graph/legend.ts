// The graph's legend: what node colours mean (entity types, or communities) and, for each kind of link drawn, its
// colour and a switch that shows or hides it.
import type { Graph } from "../api.js";
import { clear, h } from "../dom.js";
import { kindLabel } from "./draw-options.js";
import { edgeKind } from "./edge-filter.js";
import { communityColour, EVENT_EDGE_COLOUR, RELATION_COLOURS, TYPE_COLOURS } from "./style.js";

/** A community as the legend names it: its colour index and its best-known members. */
export interface CommunitySummary {
  index: number;
  members: string[];
}

function swatch(colour: string, shape: "dot" | "line"): HTMLElement {
  const s = h("span", { class: `swatch ${shape}`, "aria-hidden": "true" });
  // Through the CSSOM: the CSP forbids style attributes, not style properties.
  s.style.background = colour;
  return s;
}

export interface Legend {
  el: HTMLElement;
  /** Shows entity types, or with communities the communities found in what is drawn. */
  showNodes(communities: CommunitySummary[] | null): void;
}

export function graphLegend(
  g: Graph,
  hidden: ReadonlySet<string>,
  onToggle: (kind: string, on: boolean) => void,
): Legend {
  const typeCounts = new Map<string, number>();
  for (const n of g.nodes) typeCounts.set(n.type, (typeCounts.get(n.type) ?? 0) + 1);
  const kindCounts = new Map<string, number>();
  for (const e of g.edges) kindCounts.set(edgeKind(e), (kindCounts.get(edgeKind(e)) ?? 0) + 1);
  const nodeList = h("ul", { class: "legend-list", "data-legend": "nodes" });
  const nodeTitle = h("h3", null, "Entities");
  const legend: Legend = {
    el: h(
      "div",
      { class: "graph-legend" },
      h("div", null, nodeTitle, nodeList),
      h(
        "div",
        null,
        h("h3", null, "Links"),
        h(
          "ul",
          { class: "legend-list", "data-legend": "edges" },
          [...kindCounts.entries()].map(([kind, n]) =>
            h(
              "li",
              { "data-kind": kind },
              h(
                "label",
                null,
                h("input", {
                  type: "checkbox",
                  checked: !hidden.has(kind),
                  onchange: (ev: Event) => onToggle(kind, (ev.target as HTMLInputElement).checked),
                }),
                swatch(kind === "events" ? EVENT_EDGE_COLOUR : (RELATION_COLOURS[kind] ?? "#888"), "line"),
                ` ${kindLabel(kind)} `,
                h("span", { class: "muted" }, String(n)),
              ),
            ),
          ),
        ),
        h(
          "p",
          { class: "muted legend-note" },
          "Arrows run subject → object; dashed: said not to hold; dotted: events. Thicker: more sources or events.",
        ),
      ),
    ),
    showNodes(communities) {
      clear(nodeList);
      nodeTitle.textContent = communities ? "Communities" : "Entities";
      if (communities) {
        for (const c of communities.slice(0, 10)) {
          const more = c.members.length > 3 ? ` +${c.members.length - 3}` : "";
          nodeList.append(
            h(
              "li",
              { "data-community": c.index },
              swatch(communityColour(c.index), "dot"),
              ` ${c.members.slice(0, 3).join(", ")}${more}`,
            ),
          );
        }
        if (communities.length > 10) nodeList.append(h("li", { class: "muted" }, `${communities.length - 10} more`));
        return;
      }
      for (const [type, n] of typeCounts) {
        nodeList.append(
          h(
            "li",
            { "data-type": type },
            swatch(TYPE_COLOURS[type] ?? "#777", "dot"),
            ` ${type} `,
            h("span", { class: "muted" }, String(n)),
          ),
        );
      }
    },
  };
  return legend;
}
