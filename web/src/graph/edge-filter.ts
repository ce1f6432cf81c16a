// Which of a neighbourhood's edges the graph shows: by relation type (or "events"), minimum weight and date range.
import type { GraphEdge } from "../api.js";
import { period } from "../period.js";

export interface EdgeFilter {
  /** Edge kinds switched off in the legend: relation types, and "events" for event edges. */
  hidden: Set<string>;
  /** Least weight shown: independent sources of a relation, events of an event edge. */
  minWeight: number;
  /** Only edges dated within [from, to) (ms); an undated edge is hidden once either bound is set. */
  from: number | null;
  to: number | null;
}

/** What the legend groups an edge under: its relation type, or "events". */
export function edgeKind(e: GraphEdge): string {
  return e.kind === "relation" ? e.type : "events";
}

export function edgeWeight(e: GraphEdge): number {
  return e.kind === "relation" ? e.sources : e.events;
}

/** The stretch an edge's dates cover, or null when it has none. */
export function edgeSpan(e: GraphEdge): [number, number] | null {
  if (!e.first || !e.last) return null;
  return [period(e.first)[0], Math.max(period(e.first)[1], period(e.last)[1])];
}

export function shows(f: EdgeFilter, e: GraphEdge): boolean {
  if (f.hidden.has(edgeKind(e)) || edgeWeight(e) < f.minWeight) return false;
  if (f.from === null && f.to === null) return true;
  const span = edgeSpan(e);
  if (!span) return false;
  return (f.from === null || span[1] > f.from) && (f.to === null || span[0] < f.to);
}
