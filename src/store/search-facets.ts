// What a search matched, counted by facet (entity, entity type, outlet, month), and every sentence that mentions an
// entity under any of its names. Both read the same set of sentences: those the full-text query matches, or those
// mentioning the chosen entity when there is no query, narrowed by the search's filters.
import type Database from "better-sqlite3";
import type { EntityType } from "../types.js";
import {
  DATE_FROM_MATCH,
  DATE_TO_MATCH,
  type DocumentRef,
  type EntitySummary,
  type SearchResult,
  SOURCE_MATCH,
  type TextPart,
} from "./sqlite-read.js";

type Db = Database.Database;

/** The sentences a search reads: full-text matches of `match`, or without it every sentence mentioning `entity`. */
export interface SentenceScope {
  /** An FTS5 expression (ftsQuery()). */
  match?: string;
  entity?: number;
  type?: EntityType;
  source?: string;
  from?: string;
  to?: string;
}

export interface SearchFacets {
  /** Matching sentences the counts read: every one, or the newest FACET_WINDOW when `complete` is false. */
  sentences: number;
  complete: boolean;
  /** Entities mentioned in the sentences (the filtered entity left out), most sentences first. */
  entities: (EntitySummary & { count: number })[];
  types: { type: EntityType; count: number }[];
  outlets: { outlet: string; count: number }[];
  /** YYYY-MM of the documents' publication, newest first. */
  months: { month: string; count: number }[];
}

/** Facets count at most this many matching sentences (the newest stored). */
export const FACET_WINDOW = 5000;
/** Entities listed in the entity facet, at most. */
export const FACET_ENTITIES = 12;

const MENTION_IN_SENTENCE = 'm.doc_id = s.doc_id AND m.start >= s.start AND m."end" <= s."end"';

/** SQL selecting the scope's sentences (sid, doc_id, start, end, outlet, published), and its parameters. */
function scopeSql(f: SentenceScope): { sql: string; params: Record<string, unknown> } {
  const filters = [
    `(:source IS NULL OR ${SOURCE_MATCH})`,
    `(:from IS NULL OR ${DATE_FROM_MATCH})`,
    `(:to IS NULL OR ${DATE_TO_MATCH})`,
    `(:type IS NULL OR EXISTS (SELECT 1 FROM mentions m JOIN entities me ON me.id = m.entity_id
       WHERE ${MENTION_IN_SENTENCE} AND me.type = :type))`,
  ];
  const columns = 's.id AS sid, s.doc_id, s.start, s."end" AS "end", d.outlet, d.published';
  const params = {
    match: f.match ?? null,
    entity: f.entity ?? null,
    type: f.type ?? null,
    source: f.source ?? null,
    from: f.from ?? null,
    to: f.to ?? null,
  };
  if (f.match) {
    filters.push(`(:entity IS NULL OR EXISTS (SELECT 1 FROM mentions m WHERE ${MENTION_IN_SENTENCE}
      AND m.entity_id = :entity))`);
    return {
      sql: `SELECT ${columns} FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid
        JOIN documents d ON d.id = s.doc_id WHERE sentences_fts MATCH :match AND ${filters.join(" AND ")}`,
      params,
    };
  }
  return {
    sql: `SELECT DISTINCT ${columns} FROM entity_documents ed
      JOIN mentions m ON m.doc_id = ed.doc_id AND m.entity_id = ed.entity_id
      JOIN sentences s ON s.doc_id = m.doc_id AND s.start <= m.start AND s."end" >= m."end"
      JOIN documents d ON d.id = s.doc_id WHERE ed.entity_id = :entity AND ${filters.join(" AND ")}`,
    params,
  };
}

/** Counts of the scope's sentences by entity, type, outlet and month. */
export function searchFacets(db: Db, f: SentenceScope): SearchFacets {
  const { sql, params } = scopeSql(f);
  const window = `WITH scope AS (SELECT * FROM (${sql}) ORDER BY sid DESC LIMIT ${FACET_WINDOW + 1})`;
  const all = <T>(select: string) => db.prepare(`${window} ${select}`).all(params) as T[];
  const counted = Number(db.prepare(`${window} SELECT count(*) FROM scope`).pluck().get(params));
  const complete = counted <= FACET_WINDOW;
  // The window holds one sentence more than it counts, to tell a complete count from a capped one.
  const scope = `(SELECT * FROM scope ORDER BY sid DESC LIMIT ${FACET_WINDOW}) sc`;
  const inSentence = 'm.doc_id = sc.doc_id AND m.start >= sc.start AND m."end" <= sc."end"';
  return {
    sentences: Math.min(counted, FACET_WINDOW),
    complete,
    entities: all<EntitySummary & { count: number }>(
      `SELECT e.id, e.key, e.type, e.name, e.qid, count(DISTINCT sc.sid) AS count
         FROM ${scope} JOIN mentions m ON ${inSentence} JOIN entities e ON e.id = m.entity_id
         WHERE e.id IS NOT :entity GROUP BY e.id ORDER BY count DESC, e.name LIMIT ${FACET_ENTITIES}`,
    ),
    types: all<{ type: EntityType; count: number }>(
      `SELECT e.type, count(DISTINCT sc.sid) AS count
         FROM ${scope} JOIN mentions m ON ${inSentence} JOIN entities e ON e.id = m.entity_id
         GROUP BY e.type ORDER BY count DESC, e.type`,
    ),
    outlets: all<{ outlet: string; count: number }>(
      `SELECT outlet, count(*) AS count FROM ${scope} WHERE outlet IS NOT NULL
         GROUP BY outlet ORDER BY count DESC, outlet`,
    ),
    months: all<{ month: string; count: number }>(
      `SELECT substr(published, 1, 7) AS month, count(*) AS count FROM ${scope} WHERE length(published) >= 7
         GROUP BY month ORDER BY month DESC`,
    ),
  };
}

/** A sentence longer than this is cut around its first marked mention. */
const SNIPPET_CHARS = 320;

/** The sentence's text with the spans marked, cut to SNIPPET_CHARS around the first one. */
function markedSentence(text: string, offset: number, spans: { start: number; end: number }[]): TextPart[] {
  const first = spans[0];
  let lo = 0;
  let hi = text.length;
  if (text.length > SNIPPET_CHARS && first) {
    lo = Math.max(0, Math.min(first.start - offset - SNIPPET_CHARS / 3, text.length - SNIPPET_CHARS));
    lo = lo > 0 ? text.indexOf(" ", lo) + 1 || lo : 0;
    hi = Math.min(text.length, lo + SNIPPET_CHARS);
  }
  const parts: TextPart[] = [];
  let at = lo;
  for (const sp of spans) {
    const start = Math.max(sp.start - offset, at);
    const end = Math.min(sp.end - offset, hi);
    if (end <= start) continue;
    if (start > at) parts.push({ text: text.slice(at, start), match: false });
    parts.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (hi > at) parts.push({ text: text.slice(at, hi), match: false });
  if (lo > 0) parts.unshift({ text: "…", match: false });
  if (hi < text.length) parts.push({ text: "…", match: false });
  return parts;
}

/**
 * Every sentence mentioning `f.entity`, by whatever name, demonym or stand-in the text used: newest document first,
 * then in reading order. Each snippet marks the entity's mentions.
 */
export function mentionSentences(
  db: Db,
  f: SentenceScope & { entity: number; limit: number; offset: number },
): SearchResult["sentences"] {
  const { sql, params } = scopeSql({ ...f, match: undefined });
  const total = Number(db.prepare(`SELECT count(*) FROM (${sql})`).pluck().get(params));
  const rows = db
    .prepare(
      `SELECT sc.sid, s.idx, s.start, s."end" AS "end", s.text, d.id, d.title, d.outlet, d.published, d.source,
         COALESCE(d.duplicate_of, d.id) AS canonical,
         (SELECT count(*) FROM evidence ev WHERE ev.doc_id = s.doc_id AND ev.start >= s.start AND ev."end" <= s."end")
           AS facts
       FROM (${sql}) sc JOIN sentences s ON s.id = sc.sid JOIN documents d ON d.id = s.doc_id
       ORDER BY d.published IS NULL, d.published DESC, d.id, s.idx LIMIT :limit OFFSET :offset`,
    )
    .all({ ...params, limit: f.limit, offset: f.offset }) as (DocumentRef & {
    sid: number;
    idx: number;
    start: number;
    end: number;
    text: string;
    facts: number;
  })[];
  const spans = db.prepare(
    `SELECT start, "end" FROM mentions WHERE doc_id = ? AND entity_id = ? AND start >= ? AND "end" <= ? ORDER BY start`,
  );
  return {
    total,
    items: rows.map(({ sid: _, idx, start, end, text, facts, ...doc }) => ({
      doc,
      sentence: idx,
      start,
      end,
      snippet: markedSentence(text, start, spans.all(doc.id, f.entity, start, end) as { start: number; end: number }[]),
      facts,
    })),
  };
}
