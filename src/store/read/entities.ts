// Entities: summaries by id, the entity list with its counters, and the counters ingest keeps per entity.

import type { ReadConnection } from "./connection.js";
import { ids } from "./sql-helpers.js";
import type { EntityFilters, EntityListItem, EntitySummary } from "./views.js";

/** An entity's counters kept at ingest (entity_stats); zeros for an entity nothing mentions. */
export interface EntityStats {
  mentions: number;
  documents: number;
  canonicals: number;
  relations_out: number;
  relations_in: number;
  relations_self: number;
  events: number;
  as_actor: number;
  as_target: number;
  event_pairs: number;
  facts: number;
  fact_documents: number;
  fact_sources: number;
  fact_only_documents: number;
}

const NO_STATS: EntityStats = {
  mentions: 0,
  documents: 0,
  canonicals: 0,
  relations_out: 0,
  relations_in: 0,
  relations_self: 0,
  events: 0,
  as_actor: 0,
  as_target: 0,
  event_pairs: 0,
  facts: 0,
  fact_documents: 0,
  fact_sources: 0,
  fact_only_documents: 0,
};

export function entitySummaries(reader: ReadConnection, entityIds: Iterable<number>): Map<number, EntitySummary> {
  const rows = reader
    .q("SELECT id, key, type, name, qid FROM entities WHERE id IN (SELECT value FROM json_each(?))")
    .all(ids(entityIds)) as EntitySummary[];
  return new Map(rows.map((r) => [r.id, r]));
}

export function entity(reader: ReadConnection, id: number): EntitySummary | null {
  return (
    (reader.q("SELECT id, key, type, name, qid FROM entities WHERE id = ?").get(id) as EntitySummary | undefined) ??
    null
  );
}

/** An entity's counts from the counters ingest keeps (st: entity_stats, left-joined). */
export const STATS_COLUMNS = `coalesce(st.mentions, 0) AS mentions,
  coalesce(st.documents, 0) AS documents, coalesce(st.relations_out + st.relations_in, 0) AS relations,
  coalesce(st.events, 0) AS events`;

export function entities(reader: ReadConnection, f: EntityFilters): { total: number; items: EntityListItem[] } {
  const where = "(:type IS NULL OR e.type = :type) AND (:name IS NULL OR instr(lower(e.name), lower(:name)) > 0)";
  const params = { type: f.type ?? null, name: f.name ?? null };
  const total = Number(reader.q(`SELECT count(*) FROM entities e WHERE ${where}`).pluck().get(params));
  const items = reader
    .q(
      `SELECT e.id, e.key, e.type, e.name, e.qid, ${STATS_COLUMNS}
       FROM entities e LEFT JOIN entity_stats st ON st.entity_id = e.id WHERE ${where}
       ORDER BY mentions DESC, e.name LIMIT :limit OFFSET :offset`,
    )
    .all({ ...params, limit: f.limit, offset: f.offset }) as EntityListItem[];
  return { total, items };
}

/** The counters ingest keeps for an entity. */
export function entityStats(reader: ReadConnection, id: number): EntityStats {
  return (reader.q("SELECT * FROM entity_stats WHERE entity_id = ?").get(id) as EntityStats | undefined) ?? NO_STATS;
}
