// Events and relations with filters, paged (the timeline and the tables).

import type { ReadConnection } from "./connection.js";
import { eventsById, relationsById } from "./facts.js";
import { dateFrom, dateTo, SOURCE_MATCH } from "./sql-helpers.js";
import { EVIDENCE_SHOWN, type EventFilters, type EventView, type RelationFilters, type RelationView } from "./views.js";

export function events(reader: ReadConnection, f: EventFilters): { total: number; items: EventView[] } {
  const where = [
    "(:actor IS NULL OR EXISTS (SELECT 1 FROM event_roles r WHERE r.event_id = e.id AND r.role = 'actor' AND r.entity_id = :actor))",
    "(:target IS NULL OR EXISTS (SELECT 1 FROM event_roles r WHERE r.event_id = e.id AND r.role = 'target' AND r.entity_id = :target))",
    "(:entity IS NULL OR EXISTS (SELECT 1 FROM event_roles r WHERE r.event_id = e.id AND r.entity_id = :entity))",
    "(:roots IS NULL OR e.root IN (SELECT value FROM json_each(:roots)))",
    `(:from IS NULL OR ${dateFrom("e.date")})`,
    `(:to IS NULL OR ${dateTo("e.date")})`,
    "(:negated IS NULL OR e.negated = :negated)",
    "(:hypothetical IS NULL OR e.hypothetical = :hypothetical)",
    `(:source IS NULL OR EXISTS (SELECT 1 FROM evidence ev JOIN documents d ON d.id = ev.doc_id
       WHERE ev.fact_kind = 'event' AND ev.fact_id = e.id AND ${SOURCE_MATCH}))`,
  ].join(" AND ");
  const flag = (b: boolean | undefined) => (b === undefined ? null : b ? 1 : 0);
  const params = {
    actor: f.actor ?? null,
    target: f.target ?? null,
    entity: f.entity ?? null,
    roots: f.roots?.length ? JSON.stringify(f.roots) : null,
    from: f.from ?? null,
    to: f.to ?? null,
    negated: flag(f.negated),
    hypothetical: flag(f.hypothetical),
    source: f.source ?? null,
  };
  const total = Number(reader.q(`SELECT count(*) FROM events e WHERE ${where}`).pluck().get(params));
  const eventIds = reader
    .q(`SELECT e.id FROM events e WHERE ${where} ORDER BY e.date IS NULL, e.date, e.id LIMIT :limit OFFSET :offset`)
    .pluck()
    .all({ ...params, limit: f.limit, offset: f.offset }) as number[];
  return { total, items: eventsById(reader, eventIds, EVIDENCE_SHOWN) };
}

export function relations(reader: ReadConnection, f: RelationFilters): { total: number; items: RelationView[] } {
  const where = [
    "(:entity IS NULL OR r.subject_id = :entity OR r.object_id = :entity)",
    "(:types IS NULL OR r.type IN (SELECT value FROM json_each(:types)))",
    "(:negated IS NULL OR r.negated = :negated)",
  ].join(" AND ");
  const params = {
    entity: f.entity ?? null,
    types: f.types?.length ? JSON.stringify(f.types) : null,
    negated: f.negated === undefined ? null : f.negated ? 1 : 0,
  };
  const total = Number(reader.q(`SELECT count(*) FROM relations r WHERE ${where}`).pluck().get(params));
  const relationIds = reader
    .q(`SELECT r.id FROM relations r WHERE ${where} ORDER BY r.type, r.id LIMIT :limit OFFSET :offset`)
    .pluck()
    .all({ ...params, limit: f.limit, offset: f.offset }) as number[];
  return { total, items: relationsById(reader, relationIds, EVIDENCE_SHOWN) };
}
