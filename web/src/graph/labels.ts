// Labels only where they fit: node labels are placed in order of importance, below, above, right or left of their
// node, whichever comes first without covering a label or labelled node already placed; a label that fits nowhere
// is hidden (hovering shows it). Labels keep one size on screen whatever the zoom, so zooming in makes room for
// more; labelled nodes are drawn above the rest, so no unlabelled node hides a label.
import type { Core, NodeSingular } from "cytoscape";

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Where a label may go, in order of preference; the index fitLabels returns. */
export const PLACES = ["bottom", "top", "right", "left"] as const;

/**
 * Where each label goes, taking `items` in order: the first of its candidate boxes that overlaps no label placed
 * before it and no node whose label was placed, provided its own node overlaps no placed label. A key left out has
 * no place.
 */
export function fitLabels<T>(items: readonly { key: T; labels: Box[]; body: Box }[], cell = 80): Map<T, number> {
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
  const placed = new Map<T, number>();
  for (const { key, labels, body } of items) {
    if (!clear(body)) continue;
    const at = labels.findIndex(clear);
    if (at < 0) continue;
    placed.set(key, at);
    keep(labels[at] as Box);
    keep(body);
  }
  return placed;
}

/** Screen size of node labels, in px. */
const FONT = 11;

function box(n: NodeSingular, labels: boolean): Box {
  return n.boundingBox({ includeNodes: !labels, includeEdges: false, includeLabels: labels, includeOverlays: false });
}

/**
 * The label's box below its node (as measured), and where it would be above, right and left: estimated from the
 * measured one, so widened by `pad` on every side to be sure to hold the box cytoscape will draw.
 */
function candidates(below: Box, body: Box, pad: number): Box[] {
  const w = below.x2 - below.x1;
  const h = below.y2 - below.y1;
  const gap = Math.max(0, below.y1 - body.y2);
  const mid = (body.y1 + body.y2) / 2;
  const widen = (b: Box): Box => ({ x1: b.x1 - pad, y1: b.y1 - pad, x2: b.x2 + pad, y2: b.y2 + pad });
  return [
    below,
    widen({ x1: below.x1, x2: below.x2, y1: body.y1 - gap - h, y2: body.y1 - gap }),
    widen({ x1: body.x2 + gap, x2: body.x2 + gap + w, y1: mid - h / 2, y2: mid + h / 2 }),
    widen({ x1: body.x1 - gap - w, x2: body.x1 - gap, y1: mid - h / 2, y2: mid + h / 2 }),
  ];
}

/**
 * Sizes labels for the current zoom and places those that fit, the most important first (`rank`: higher first).
 * Every label is measured below its node with its text (a hidden label has none), then placed or hidden again;
 * nothing is drawn in between.
 */
export function placeLabels(cy: Core, rank: (n: NodeSingular) => number): number {
  const z = cy.zoom();
  // On the nodes, not as a stylesheet block: blocks appended at each zoom grow the sheet and leave stale textures.
  cy.nodes().style({ "font-size": FONT / z, "text-max-width": `${110 / z}px`, "text-outline-width": 2 / z });
  const classes = ["label-hidden", ...PLACES.map((p) => `label-${p}`)].join(" ");
  cy.nodes().removeClass(classes);
  const nodes = cy
    .nodes()
    .toArray()
    .filter((n) => n.visible())
    .sort((a, b) => rank(b) - rank(a));
  const placed = fitLabels(
    nodes.map((n) => {
      const body = box(n, false);
      return { key: n, labels: candidates(box(n, true), body, 3 / z), body };
    }),
  );
  cy.batch(() => {
    for (const n of cy.nodes().toArray()) {
      const at = placed.get(n);
      n.addClass(at === undefined ? "label-hidden" : `label-${PLACES[at]}`);
    }
  });
  return placed.size;
}
