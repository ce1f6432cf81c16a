// What the graph view filters and sizes by, added to a neighbourhood the reader has already walked: each edge's
// first and last date (a relation's by the publication of the documents it was read from, an event edge's by the
// dates of its events) and each node's independent sources. Kept apart from the walk so the walk stays one query
// per level and these are two indexed reads over the edges actually returned.
import type Database from "better-sqlite3";
import type { Graph, GraphEdge, GraphNode } from "./sqlite-read.js";

/** First and last date of an edge, as partial ISO dates (YYYY[-MM[-DD]]); null when nothing of it is dated. */
export interface EdgeDates {
  first: string | null;
  last: string | null;
}

export type DatedGraphEdge = GraphEdge & EdgeDates;

export interface DatedGraphNode extends GraphNode {
  /** Independent sources: distinct canonical documents mentioning the entity (near-copies count once). */
  sources: number;
}

export interface DatedGraph extends Omit<Graph, "nodes" | "edges"> {
  nodes: DatedGraphNode[];
  edges: DatedGraphEdge[];
}

const UNDATED: EdgeDates = { first: null, last: null };

export function withEdgeDates(db: Database.Database, g: Graph): DatedGraph {
  const relationIds = g.edges.flatMap((e) => (e.kind === "relation" ? [e.relation] : []));
  const relationDates = new Map(
    (
      db
        .prepare(
          `SELECT ev.fact_id AS id, min(d.published) AS first, max(d.published) AS last
             FROM evidence ev JOIN documents d ON d.id = ev.doc_id
             WHERE ev.fact_kind = 'relation' AND ev.fact_id IN (SELECT value FROM json_each(?))
             GROUP BY ev.fact_id`,
        )
        .all(JSON.stringify(relationIds)) as ({ id: number } & EdgeDates)[]
    ).map((r) => [r.id, { first: r.first, last: r.last }]),
  );
  const eventEdges = g.edges.filter((e) => e.kind === "event");
  const pairDates = new Map<string, EdgeDates>();
  if (eventEdges.length) {
    const actors = [...new Set(eventEdges.map((e) => e.source))];
    const targets = [...new Set(eventEdges.map((e) => e.target))];
    const rows = db
      .prepare(
        `SELECT a.entity_id AS source, t.entity_id AS target, min(a.date) AS first, max(a.date) AS last
           FROM event_roles a JOIN event_roles t ON t.event_id = a.event_id AND t.role = 'target'
           WHERE a.role = 'actor' AND a.entity_id IN (SELECT value FROM json_each(?))
             AND t.entity_id IN (SELECT value FROM json_each(?)) AND a.date IS NOT NULL
           GROUP BY a.entity_id, t.entity_id`,
      )
      .all(JSON.stringify(actors), JSON.stringify(targets)) as ({ source: number; target: number } & EdgeDates)[];
    for (const r of rows) pairDates.set(`${r.source}-${r.target}`, { first: r.first, last: r.last });
  }
  const sources = new Map(
    (
      db
        .prepare(
          `SELECT entity_id AS id, canonicals AS n FROM entity_stats
             WHERE entity_id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(g.nodes.map((n) => n.id))) as { id: number; n: number }[]
    ).map((r) => [r.id, r.n]),
  );
  return {
    ...g,
    nodes: g.nodes.map((n) => ({ ...n, sources: sources.get(n.id) ?? 0 })),
    edges: g.edges.map((e) => ({
      ...e,
      ...((e.kind === "relation" ? relationDates.get(e.relation) : pairDates.get(`${e.source}-${e.target}`)) ??
        UNDATED),
    })),
  };
}
