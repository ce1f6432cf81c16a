// Documents: the paged list, and one document with its sentences, mentions, evidence spans and facts.

import type { ReadConnection } from "./connection.js";
import { entitySummaries } from "./entities.js";
import { eventsById, quantitiesById, quotesById, relationsById } from "./facts.js";
import { dateFrom, dateTo, type Row, SOURCE_MATCH } from "./sql-helpers.js";
import type {
  DocumentFilters,
  DocumentRef,
  DocumentSummary,
  DocumentView,
  EntitySummary,
  EvidenceSpan,
  FactKind,
} from "./views.js";

const DOC_COLUMNS = `d.id, d.title, d.outlet, d.published, d.source, d.authors, d.flags,
  d.duplicate_of, COALESCE(d.duplicate_of, d.id) AS canonical, d.word_count,
  (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id) AS sentences,
  (SELECT count(*) FROM mentions m WHERE m.doc_id = d.id) AS mentions,
  (SELECT count(*) FROM evidence ev WHERE ev.doc_id = d.id) AS evidence`;

function documentSummary(r: Row): DocumentSummary {
  return {
    id: r.id as string,
    title: r.title as string | null,
    outlet: r.outlet as string | null,
    published: r.published as string | null,
    source: r.source as string,
    canonical: r.canonical as string,
    authors: JSON.parse(r.authors as string) as string[],
    flags: JSON.parse(r.flags as string) as string[],
    duplicateOf: r.duplicate_of as string | null,
    words: r.word_count as number,
    sentences: r.sentences as number,
    mentions: r.mentions as number,
    evidence: r.evidence as number,
  };
}

export function documents(reader: ReadConnection, f: DocumentFilters): { total: number; items: DocumentSummary[] } {
  const where = [
    `(:source IS NULL OR ${SOURCE_MATCH})`,
    `(:from IS NULL OR ${dateFrom("d.published")})`,
    `(:to IS NULL OR ${dateTo("d.published")})`,
    "(:entity IS NULL OR EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = d.id AND m.entity_id = :entity))",
  ].join(" AND ");
  const params = { source: f.source ?? null, from: f.from ?? null, to: f.to ?? null, entity: f.entity ?? null };
  const total = Number(reader.q(`SELECT count(*) FROM documents d WHERE ${where}`).pluck().get(params));
  const rows = reader
    .q(
      `SELECT ${DOC_COLUMNS} FROM documents d WHERE ${where}
       ORDER BY d.published IS NULL, d.published DESC, d.rowid LIMIT :limit OFFSET :offset`,
    )
    .all({ ...params, limit: f.limit, offset: f.offset }) as Row[];
  return { total, items: rows.map((r) => documentSummary(r)) };
}

export function document(reader: ReadConnection, id: string): DocumentView | null {
  const row = reader
    .q(`SELECT ${DOC_COLUMNS}, d.text, d.content_type, d.ingested_at FROM documents d WHERE d.id = ?`)
    .get(id) as Row | undefined;
  if (!row) return null;
  const copies = reader
    .q(
      `SELECT id, title, outlet, published, source, COALESCE(duplicate_of, id) AS canonical
       FROM documents WHERE duplicate_of = ? ORDER BY rowid`,
    )
    .all(id) as DocumentRef[];
  const sentenceSpans = reader
    .q('SELECT idx AS "index", start, "end" AS "end" FROM sentences WHERE doc_id = ? ORDER BY idx')
    .all(id) as { index: number; start: number; end: number }[];
  const mentionRows = reader
    .q(
      `SELECT m.start, m."end" AS "end", m.text, m.method, m.entity_id FROM mentions m
       WHERE m.doc_id = ? ORDER BY m.start, m."end" DESC`,
    )
    .all(id) as { start: number; end: number; text: string; method: string; entity_id: number }[];
  const ents = entitySummaries(
    reader,
    mentionRows.map((m) => m.entity_id),
  );
  const evidenceSpans = reader
    .q(
      `SELECT fact_kind AS kind, fact_id AS fact, start, "end" AS "end", confidence FROM evidence
       WHERE doc_id = ? ORDER BY start, fact_kind, fact_id`,
    )
    .all(id) as EvidenceSpan[];
  const factIds = (kind: FactKind) => evidenceSpans.filter((e) => e.kind === kind).map((e) => e.fact);
  return {
    ...documentSummary(row),
    contentType: row.content_type as string,
    text: row.text as string,
    ingestedAt: row.ingested_at as string,
    copies,
    sentenceSpans,
    mentionSpans: mentionRows.map((m) => ({
      start: m.start,
      end: m.end,
      text: m.text,
      method: m.method,
      entity: ents.get(m.entity_id) as EntitySummary,
    })),
    evidenceSpans,
    facts: [
      ...relationsById(reader, factIds("relation")),
      ...eventsById(reader, factIds("event")),
      ...quotesById(reader, factIds("quote")),
      ...quantitiesById(reader, factIds("quantity")),
    ],
  };
}
