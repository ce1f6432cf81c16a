// An entity's neighbourhood: a breadth-first walk over relations and event pairs, ranked by depth and degree.

import type { ReadConnection } from "./connection.js";
import { entity, entitySummaries } from "./entities.js";
import { ids } from "./sql-helpers.js";
import type { Graph, GraphEdge, GraphNode, GraphOptions } from "./views.js";

/**
 * Edges leaving each of `nodes`, counted: relations in both directions (of the given types, when there is a
 * :types list) and, with events, actor→target and target→actor pairs of each event. A node's degree is the sum
 * of its counts. Without a type list the relation parts read the indexes alone.
 */
function edgesFromSql(typed: boolean, events: boolean): string {
  const type = typed ? "AND type IN (SELECT value FROM json_each(:types))" : "";
  const parts = [
    `SELECT subject_id AS a, object_id AS b FROM relations
      WHERE subject_id IN (SELECT value FROM json_each(:nodes)) ${type}`,
    `SELECT object_id, subject_id FROM relations WHERE object_id IN (SELECT value FROM json_each(:nodes)) ${type}`,
  ];
  if (events) {
    parts.push(
      `SELECT a.entity_id, t.entity_id FROM event_roles a
        JOIN event_roles t ON t.event_id = a.event_id AND t.role = 'target'
        WHERE a.role = 'actor' AND a.entity_id IN (SELECT value FROM json_each(:nodes))`,
      `SELECT t.entity_id, a.entity_id FROM event_roles t
        JOIN event_roles a ON a.event_id = t.event_id AND a.role = 'actor'
        WHERE t.role = 'target' AND t.entity_id IN (SELECT value FROM json_each(:nodes))`,
    );
  }
  return parts.join(" UNION ALL ");
}

/**
 * The neighbours of each of `nodes` without a type list: relation ends in both directions and, with events, the
 * actor→target pairs ingest keeps (event_pairs), each pair once. Every part reads an index alone.
 */
function neighboursSql(events: boolean): string {
  const parts = [
    "SELECT subject_id AS a, object_id AS b FROM relations WHERE subject_id IN (SELECT value FROM json_each(:nodes))",
    "SELECT object_id, subject_id FROM relations WHERE object_id IN (SELECT value FROM json_each(:nodes))",
  ];
  if (events) {
    parts.push(
      "SELECT actor_id, target_id FROM event_pairs WHERE actor_id IN (SELECT value FROM json_each(:nodes))",
      "SELECT target_id, actor_id FROM event_pairs WHERE target_id IN (SELECT value FROM json_each(:nodes))",
    );
  }
  return parts.join(" UNION ");
}

export function graph(reader: ReadConnection, root: number, o: GraphOptions): Graph {
  const types = o.types?.length ? JSON.stringify(o.types) : null;
  const edgesFrom = edgesFromSql(types !== null, o.events);
  const params = (nodes: number[]) =>
    types ? { nodes: JSON.stringify(nodes), types } : { nodes: JSON.stringify(nodes) };
  const want = o.nodeLimit + 1;
  // Breadth-first walk with indexed lookups, one query per level. Nodes are ranked by depth, then degree
  // (edges leaving the node, with multiplicity), then id; a level is only expanded while fewer than `want`
  // nodes are known, and only the nodes that can still be returned get their degree counted.
  const depthOf = new Map<number, number>();
  const degree = new Map<number, number>();
  const rootRow = entity(reader, root);
  if (rootRow) depthOf.set(root, 0);
  let frontier = rootRow ? [root] : [];
  // Without a type list a degree is what ingest counted (entity_stats), and a level's walk keeps only the new
  // neighbours that can still be returned, chosen in SQL: a level of hubs has tens of thousands of neighbour pairs,
  // and only the best connected `want` of the nodes are ever returned.
  const degreeSql = `relations_out + relations_in ${o.events ? "+ event_pairs" : ""}`;
  const countedDegrees = (nodes: number[]) => {
    const counts = reader
      .q(
        `SELECT entity_id AS a, ${degreeSql} AS n
         FROM entity_stats WHERE entity_id IN (SELECT value FROM json_each(:nodes))`,
      )
      .all(params(nodes)) as { a: number; n: number }[];
    for (const c of counts) degree.set(c.a, c.n);
  };
  for (let depth = 0; frontier.length > 0; depth++) {
    if (depth >= o.depth || depthOf.size >= want) {
      // No edge of the last level is read.
      if (types) {
        const counts = reader.q(`SELECT a, count(*) AS n FROM (${edgesFrom}) GROUP BY a`).all(params(frontier)) as {
          a: number;
          n: number;
        }[];
        for (const c of counts) degree.set(c.a, c.n);
      } else countedDegrees(frontier);
      break;
    }
    const next: number[] = [];
    if (!types) {
      countedDegrees(frontier);
      // The next level, best connected first: all of it when it leaves room, else the `room` that rank first (the
      // walk stops there, and a level ranks by degree, then id).
      const found = reader
        .q(
          `SELECT n.b AS id, coalesce(${degreeSql}, 0) AS n
           FROM (SELECT DISTINCT b FROM (${neighboursSql(o.events)})) n
           LEFT JOIN entity_stats ON entity_id = n.b
           WHERE n.b NOT IN (SELECT value FROM json_each(:known))
           ORDER BY n DESC, n.b LIMIT :room`,
        )
        .all({
          nodes: JSON.stringify(frontier),
          known: JSON.stringify([...depthOf.keys()]),
          room: want - depthOf.size,
        }) as {
        id: number;
        n: number;
      }[];
      for (const f of found) {
        depthOf.set(f.id, depth + 1);
        degree.set(f.id, f.n);
        next.push(f.id);
      }
      frontier = next;
      continue;
    }
    const pairs = reader.q(`SELECT a, b, count(*) AS n FROM (${edgesFrom}) GROUP BY a, b`).all(params(frontier)) as {
      a: number;
      b: number;
      n: number;
    }[];
    for (const p of pairs) {
      degree.set(p.a, (degree.get(p.a) ?? 0) + p.n);
      if (!depthOf.has(p.b)) {
        depthOf.set(p.b, depth + 1);
        next.push(p.b);
      }
    }
    frontier = next;
  }
  const ranked = [...depthOf.entries()]
    .map(([id, depth]) => ({ id, depth, degree: degree.get(id) ?? 0 }))
    .sort((x, y) => x.depth - y.depth || y.degree - x.degree || x.id - y.id)
    .slice(0, want);
  const chosen = ranked.map((n) => n.id);
  const ents = entitySummaries(reader, chosen);
  const mentionCounts = new Map(
    (
      reader
        .q(
          `SELECT entity_id AS id, mentions AS n FROM entity_stats
         WHERE entity_id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(chosen)) as { id: number; n: number }[]
    ).map((r) => [r.id, r.n]),
  );
  const nodes: GraphNode[] = [];
  for (const n of ranked) {
    const e = ents.get(n.id);
    if (!e) continue;
    nodes.push({
      id: e.id,
      key: e.key,
      type: e.type,
      name: e.name,
      qid: e.qid,
      depth: n.depth,
      degree: n.degree,
      mentions: mentionCounts.get(n.id) ?? 0,
    });
  }
  const truncatedNodes = nodes.length > o.nodeLimit;
  if (truncatedNodes) nodes.length = o.nodeLimit;
  const nodeIds = ids(nodes.map((n) => n.id));
  const relationEdges = reader
    .q(
      `SELECT r.id, r.type, r.subject_id, r.object_id, r.negated, r.sources
       FROM relations r
       WHERE r.subject_id IN (SELECT value FROM json_each(:nodes)) AND r.object_id IN (SELECT value FROM json_each(:nodes))
         AND (:types IS NULL OR r.type IN (SELECT value FROM json_each(:types)))
       ORDER BY sources DESC, r.id LIMIT :limit`,
    )
    .all({ nodes: nodeIds, types, limit: o.edgeLimit + 1 }) as {
    id: number;
    type: string;
    subject_id: number;
    object_id: number;
    negated: number;
    sources: number;
  }[];
  const edges: GraphEdge[] = relationEdges.map((r) => ({
    kind: "relation",
    id: `r${r.id}`,
    relation: r.id,
    type: r.type,
    source: r.subject_id,
    target: r.object_id,
    negated: r.negated === 1,
    sources: r.sources,
  }));
  if (o.events) {
    const pairs = reader
      .q(
        `SELECT actor_id AS source, target_id AS target, sum(events) AS events, group_concat(root) AS roots
         FROM event_pairs
         WHERE actor_id IN (SELECT value FROM json_each(:nodes))
           -- unary + keeps the planner from probing the pairs once per node for every actor: the target is read
           -- with the actor, then checked against the list
           AND +target_id IN (SELECT value FROM json_each(:nodes))
         GROUP BY actor_id, target_id ORDER BY events DESC LIMIT :limit`,
      )
      .all({ nodes: nodeIds, limit: o.edgeLimit + 1 }) as {
      source: number;
      target: number;
      events: number;
      roots: string;
    }[];
    for (const p of pairs) {
      edges.push({
        kind: "event",
        id: `v${p.source}-${p.target}`,
        type: "events",
        source: p.source,
        target: p.target,
        events: p.events,
        roots: p.roots.split(",").sort(),
      });
    }
  }
  const truncatedEdges = edges.length > o.edgeLimit;
  if (truncatedEdges) edges.length = o.edgeLimit;
  return { root, nodes, edges, truncated: { nodes: truncatedNodes, edges: truncatedEdges } };
}
