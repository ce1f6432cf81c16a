// Labels only where they fit: node labels are kept in order of importance, each one only if it covers no label or
// labelled node already kept. Labels keep one size on screen whatever the zoom, so zooming in makes room for more;
// labelled nodes are drawn above the rest, so no unlabelled node hides a label.
import type { Core, NodeSingular } from "cytoscape";

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/**
 * The keys whose labels are kept, taking `items` in order: a label is kept only if it overlaps no label kept before
 * it and no node whose label was kept, and its own node overlaps no kept label.
 */
export function fitLabels<T>(items: readonly { key: T; label: Box; body: Box }[], cell = 80): Set<T> {
  const grid = new Map<string, Box[]>();
  const cells = (b: Box) => {
    const out: string[] = [];
    for (let x = Math.floor(b.x1 / cell); x <= Math.floor(b.x2 / cell); x++) {
      for (let y = Math.floor(b.y1 / cell); y <= Math.floor(b.y2 / cell); y++) out.push(`${x},${y}`);
    }
    return out;
  };
  const clear = (b: Box) => !cells(b).some((c) => grid.get(c)?.some((other) => overlaps(b, other)));
  const keep = (b: Box) => {
    for (const c of cells(b)) {
      const list = grid.get(c);
      if (list) list.push(b);
      else grid.set(c, [b]);
    }
  };
  const kept = new Set<T>();
  for (const { key, label, body } of items) {
    if (!clear(label) || !clear(body)) continue;
    kept.add(key);
    keep(label);
    keep(body);
  }
  return kept;
}

/** Screen size of node labels, in px. */
const FONT = 11;

export function labelBox(n: NodeSingular): Box {
  return n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
}

function bodyBox(n: NodeSingular): Box {
  return n.boundingBox({ includeNodes: true, includeEdges: false, includeLabels: false, includeOverlays: false });
}

/**
 * Sizes labels for the current zoom and shows those that fit, the most important first (`rank`: higher first).
 */
export function placeLabels(cy: Core, rank: (n: NodeSingular) => number): number {
  const z = cy.zoom();
  cy.nodes().style({
    "font-size": FONT / z,
    "text-max-width": `${110 / z}px`,
    "text-margin-y": 3 / z,
    "text-outline-width": 2 / z,
  });
  const nodes = cy
    .nodes()
    .toArray()
    .filter((n) => n.visible())
    .sort((a, b) => rank(b) - rank(a));
  // Every label is measured with its text (a hidden label has none), then those that do not fit are hidden again;
  // nothing is drawn in between.
  cy.nodes().removeClass("label-hidden");
  const shown = fitLabels(nodes.map((n) => ({ key: n, label: labelBox(n), body: bodyBox(n) })));
  cy.nodes()
    .filter((n) => !shown.has(n))
    .addClass("label-hidden");
  return shown.size;
}
