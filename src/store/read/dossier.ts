// An entity's dossier: its lists (relations, events, quotes, figures, sources), each the first page off an index, and totals from the counters ingest keeps.

import type { ReadConnection } from "./connection.js";
import { entity as entityById, entityStats } from "./entities.js";
import { eventsById, quantitiesById, quotesById, relationsById } from "./facts.js";
import { groupBy } from "./sql-helpers.js";
import { DOSSIER_LIMIT, type Dossier, EVIDENCE_SHOWN, type FactDocuments, type SourceDocument } from "./views.js";

export function dossier(reader: ReadConnection, id: number, limit = DOSSIER_LIMIT): Dossier | null {
  return readDossier(reader, id, limit);
}

/**
 * The dossier, and every document behind each listed fact (the facts carry at most EVIDENCE_SHOWN sentences):
 * the source comparison lists them all, which reads every evidence row of the listed facts.
 */
export function dossierWithDocuments(
  reader: ReadConnection,
  id: number,
  limit = DOSSIER_LIMIT,
): { dossier: Dossier; factDocuments: FactDocuments } | null {
  const factDocuments: FactDocuments = new Map();
  const dossier = readDossier(reader, id, limit, factDocuments);
  return dossier ? { dossier, factDocuments } : null;
}

/** `factDocuments`, when given, receives every document behind each listed fact. */
function readDossier(reader: ReadConnection, id: number, limit: number, factDocuments?: FactDocuments): Dossier | null {
  const entity = entityById(reader, id);
  if (!entity) return null;
  const aliases = (
    reader.q("SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias").pluck().all(id) as string[]
  ).filter((a) => a !== entity.name);
  const stats = entityStats(reader, id);
  // Every list is the first `limit` ids off an index already in the list's order; totals come from the counters
  // ingest keeps or from counting an index range, so a hub costs about what a rarely seen entity does.
  const ranked = (sql: string, ...args: unknown[]) =>
    reader
      .q(sql)
      .pluck()
      .all(...args) as number[];
  const counted = (sql: string, ...args: unknown[]) =>
    Number(
      reader
        .q(sql)
        .pluck()
        .get(...args) ?? 0,
    );

  // Best supported first: the entity's relations as subject and as object, each read in evidence order.
  const relationIds = ranked(
    `SELECT id FROM (
       SELECT id, evidence FROM (SELECT id, evidence FROM relations WHERE subject_id = :id
         ORDER BY evidence DESC, id LIMIT :limit)
       UNION
       SELECT id, evidence FROM (SELECT id, evidence FROM relations WHERE object_id = :id
         ORDER BY evidence DESC, id LIMIT :limit))
     ORDER BY evidence DESC, id LIMIT :limit`,
    { id, limit },
  );
  const relations = relationsById(reader, relationIds, EVIDENCE_SHOWN, factDocuments);
  const byType = groupBy(
    relations.map((r) => ({ ...r, direction: r.subject.id === id ? ("out" as const) : ("in" as const) })),
    (r) => r.type,
  );

  // Latest first, undated last (NULL sorts last in a descending index).
  const eventsAs = (role: string) =>
    ranked(
      `SELECT event_id FROM event_roles WHERE entity_id = ? AND role = ?
       ORDER BY date DESC, event_id DESC LIMIT ?`,
      id,
      role,
      limit,
    );
  const actorIds = eventsAs("actor");
  const targetIds = eventsAs("target");
  const events = eventsById(reader, [...actorIds, ...targetIds], EVIDENCE_SHOWN, factDocuments);
  const pick = (ids: number[]) => {
    const wanted = new Set(ids);
    return events.filter((e) => wanted.has(e.id));
  };

  const quotesBy = ranked("SELECT id FROM quotes WHERE speaker_id = ? ORDER BY id DESC LIMIT ?", id, limit);
  const quotesAbout = ranked(
    "SELECT quote_id FROM quote_about WHERE entity_id = ? ORDER BY quote_id DESC LIMIT ?",
    id,
    limit,
  );
  const quantityIds = ranked(
    `SELECT quantity_id FROM quantity_subjects WHERE entity_id = ?
     ORDER BY time DESC, quantity_id DESC LIMIT ?`,
    id,
    limit,
  );

  const quotes = {
    by: quotesById(reader, quotesBy, EVIDENCE_SHOWN, factDocuments),
    about: quotesById(reader, quotesAbout, EVIDENCE_SHOWN, factDocuments),
  };
  const quantities = quantitiesById(reader, quantityIds, EVIDENCE_SHOWN, factDocuments);

  // Sources: documents that mention the entity or back one of its facts, newest first, each with its mentions and
  // how many of the entity's facts it backs, all kept at ingest (entity_documents).
  const sources = reader
    .q(
      `SELECT d.id, d.title, d.outlet, d.published, d.source, d.duplicate_of AS duplicateOf,
         COALESCE(d.duplicate_of, d.id) AS canonical, ed.mentions, ed.facts
       FROM entity_documents ed JOIN documents d ON d.id = ed.doc_id WHERE ed.entity_id = ?
       ORDER BY ed.published DESC, ed.doc_id LIMIT ?`,
    )
    .all(id, limit) as SourceDocument[];
  return {
    entity: { ...entity, aliases, mentions: stats.mentions, documents: stats.documents },
    relations: [...byType.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([type, items]) => ({ type, items })),
    events: { asActor: pick(actorIds), asTarget: pick(targetIds) },
    quotes,
    quantities,
    sources,
    independentSources: stats.fact_sources,
    totals: {
      facts: stats.facts,
      factDocuments: stats.fact_documents,
      relations: stats.relations_out + stats.relations_in - stats.relations_self,
      asActor: stats.as_actor,
      asTarget: stats.as_target,
      quotesBy: counted("SELECT count(*) FROM quotes WHERE speaker_id = ?", id),
      quotesAbout: counted("SELECT count(*) FROM quote_about WHERE entity_id = ?", id),
      quantities: counted("SELECT count(*) FROM quantity_subjects WHERE entity_id = ?", id),
      sources: stats.documents + stats.fact_only_documents,
    },
    limit,
  };
}
