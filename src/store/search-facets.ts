// What a search matched, counted by facet (entity, entity type, outlet, month), and every sentence that mentions an
// entity under any of its names. Both read the same set of sentences: those the full-text query matches, or those
// mentioning the chosen entity when there is no query, narrowed by the search's filters.
import type Database from "better-sqlite3";
import type { EntityType } from "../types.js";
import { foldCopies } from "./read/search.js";
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

/**
 * SQL selecting the scope's sentences (sid, doc_id, idx, published), its parameters, and the ORDER BY that lists the
 * most recently stored first straight off an index (the full-text index's rowid order for a query).
 */
function scopeSql(f: SentenceScope): { sql: string; params: Record<string, unknown>; newestFirst: string } {
  const filters = [
    `(:source IS NULL OR ${SOURCE_MATCH})`,
    `(:from IS NULL OR ${DATE_FROM_MATCH})`,
    `(:to IS NULL OR ${DATE_TO_MATCH})`,
    `(:type IS NULL OR EXISTS (SELECT 1 FROM mentions m JOIN entities me ON me.id = m.entity_id
       WHERE ${MENTION_IN_SENTENCE} AND me.type = :type))`,
  ];
  const columns = "s.id AS sid, s.doc_id, s.idx, d.published";
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
      newestFirst: "sentences_fts.rowid DESC",
    };
  }
  return {
    sql: `SELECT DISTINCT ${columns} FROM entity_documents ed
      JOIN mentions m ON m.doc_id = ed.doc_id AND m.entity_id = ed.entity_id
      JOIN sentences s ON s.doc_id = m.doc_id AND s.start <= m.start AND s."end" >= m."end"
      JOIN documents d ON d.id = s.doc_id WHERE ed.entity_id = :entity AND ${filters.join(" AND ")}`,
    params,
    newestFirst: "s.id DESC",
  };
}

/**
 * Counts of the scope's sentences by entity, type, outlet and month. The scope is read once, newest first and at
 * most FACET_WINDOW (and one more, to tell a complete count from a capped one); each count reads only those.
 */
export function searchFacets(db: Db, f: SentenceScope): SearchFacets {
  const { sql, params, newestFirst } = scopeSql(f);
  const ids = db
    .prepare(`${sql} ORDER BY ${newestFirst} LIMIT ${FACET_WINDOW + 1}`)
    .all(params)
    .map((r) => (r as { sid: number }).sid);
  const counted = JSON.stringify(ids.slice(0, FACET_WINDOW));
  const scope = `json_each(:ids) j JOIN sentences s ON s.id = j.value`;
  // Two reads: each counted sentence's document, and each (entity, sentence) pair of its mentions.
  const docs = db
    .prepare(`SELECT d.outlet, d.published FROM ${scope} JOIN documents d ON d.id = s.doc_id`)
    .all({ ids: counted }) as { outlet: string | null; published: string | null }[];
  const pairs = db
    .prepare(
      `SELECT DISTINCT m.entity_id AS entity, e.type, s.id AS sentence FROM ${scope}
         JOIN mentions m ON ${MENTION_IN_SENTENCE} JOIN entities e ON e.id = m.entity_id`,
    )
    .all({ ids: counted }) as { entity: number; type: EntityType; sentence: number }[];
  const byEntity = tally(pairs.filter((p) => p.entity !== f.entity).map((p) => p.entity));
  const top = [...byEntity].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, FACET_ENTITIES);
  const summaries = new Map(
    (
      db
        .prepare("SELECT id, key, type, name, qid FROM entities WHERE id IN (SELECT value FROM json_each(?))")
        .all(JSON.stringify(top.map(([id]) => id))) as EntitySummary[]
    ).map((e) => [e.id, e]),
  );
  const byType = tally([...new Set(pairs.map((p) => `${p.type}|${p.sentence}`))].map((k) => k.split("|")[0]));
  const byOutlet = tally(docs.flatMap((d) => (d.outlet === null ? [] : [d.outlet])));
  const byMonth = tally(docs.flatMap((d) => (d.published && d.published.length >= 7 ? [d.published.slice(0, 7)] : [])));
  const most = <K>(m: Map<K, number>, name: (k: K) => string) =>
    [...m].sort((a, b) => b[1] - a[1] || name(a[0]).localeCompare(name(b[0])));
  return {
    sentences: docs.length,
    complete: ids.length <= FACET_WINDOW,
    entities: top
      .map(([id, count]) => ({ ...(summaries.get(id) as EntitySummary), count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    types: most(byType, String).map(([type, count]) => ({ type: type as EntityType, count })),
    outlets: most(byOutlet, String).map(([outlet, count]) => ({ outlet, count })),
    months: [...byMonth].sort((a, b) => b[0].localeCompare(a[0])).map(([month, count]) => ({ month, count })),
  };
}

/** How often each value occurs. */
function tally<K>(values: K[]): Map<K, number> {
  const counts = new Map<K, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
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
  // The whole scope once, in the order of the list: its length is the total, a slice the page.
  const { sql, params } = scopeSql({ ...f, match: undefined });
  const ordered = db
    .prepare(`${sql} ORDER BY d.published IS NULL, d.published DESC, s.doc_id, s.idx`)
    .all(params)
    .map((r) => (r as { sid: number }).sid);
  const detail = db.prepare(
    `SELECT s.id AS sid, s.idx, s.start, s."end" AS "end", s.text, d.id, d.title, d.outlet, d.published, d.source,
       COALESCE(d.duplicate_of, d.id) AS canonical,
       (SELECT count(*) FROM evidence ev WHERE ev.doc_id = s.doc_id AND ev.start >= s.start AND ev."end" <= s."end")
         AS facts
     FROM sentences s JOIN documents d ON d.id = s.doc_id WHERE s.id = ?`,
  );
  const rows = ordered.slice(f.offset, f.offset + f.limit).map(
    (sid) =>
      detail.get(sid) as DocumentRef & {
        sid: number;
        idx: number;
        start: number;
        end: number;
        text: string;
        facts: number;
      },
  );
  const spans = db.prepare(
    `SELECT start, "end" FROM mentions WHERE doc_id = ? AND entity_id = ? AND start >= ? AND "end" <= ? ORDER BY start`,
  );
  return {
    total: ordered.length,
    items: foldCopies(
      rows.map(({ sid: _, idx, start, end, text, facts, ...doc }) => ({
        text,
        hit: {
          doc,
          sentence: idx,
          start,
          end,
          snippet: markedSentence(
            text,
            start,
            spans.all(doc.id, f.entity, start, end) as { start: number; end: number }[],
          ),
          facts,
          copies: [],
        },
      })),
    ),
  };
}
