// Full-text search over entity names and sentences.

import type { ReadConnection } from "./connection.js";
import { CLOSE, markedParts, OPEN } from "./full-text.js";
import { dateFrom, dateTo, docRef, type Row, SOURCE_MATCH } from "./sql-helpers.js";
import type { DocumentRef, EntitySummary, SearchFilters, SearchResult, SentenceHit } from "./views.js";

export function search(reader: ReadConnection, f: SearchFilters): SearchResult {
  const result: SearchResult = { entities: { total: 0, items: [] }, sentences: { total: 0, items: [] } };
  if (f.kinds.has("entity")) result.entities = searchEntities(reader, f);
  if (f.kinds.has("sentence")) result.sentences = searchSentences(reader, f);
  return result;
}

/** The bound parameters every search reads: the query and its filters, null where not given. */
function filterParams(f: SearchFilters) {
  return { match: f.match, type: f.type ?? null, source: f.source ?? null, from: f.from ?? null, to: f.to ?? null };
}

function searchEntities(reader: ReadConnection, f: SearchFilters): SearchResult["entities"] {
  const where = [
    "entities_fts MATCH :match",
    "(:type IS NULL OR e.type = :type)",
    // Source and dates narrow entities to those mentioned in matching documents.
    `(:source IS NULL AND :from IS NULL AND :to IS NULL OR EXISTS (
       SELECT 1 FROM entity_documents ed JOIN documents d ON d.id = ed.doc_id WHERE ed.entity_id = e.id AND ed.mentions > 0
       AND (:source IS NULL OR ${SOURCE_MATCH})
       AND (:from IS NULL OR ${dateFrom("d.published")}) AND (:to IS NULL OR ${dateTo("d.published")})))`,
  ].join(" AND ");
  const params = filterParams(f);
  const from = "FROM entities_fts JOIN entities e ON e.id = entities_fts.rowid";
  const total = Number(reader.q(`SELECT count(*) ${from} WHERE ${where}`).pluck().get(params));
  const rows = reader
    .q(
      `SELECT e.id, e.key, e.type, e.name, e.qid,
         highlight(entities_fts, 0, '${OPEN}', '${CLOSE}') AS names,
         coalesce(st.mentions, 0) AS mentions, coalesce(st.documents, 0) AS documents
       ${from} LEFT JOIN entity_stats st ON st.entity_id = e.id WHERE ${where}
       ORDER BY bm25(entities_fts), mentions DESC, e.id LIMIT :limit OFFSET :offset`,
    )
    .all({ ...params, limit: f.limit, offset: f.offset }) as (EntitySummary & {
    names: string;
    mentions: number;
    documents: number;
  })[];
  return { total, items: rows.map((r) => ({ ...r, names: markedParts(r.names) })) };
}

/** Matching sentences ranked by relevance at most: beyond this many, the newest this many are ranked. */
export const RANK_WINDOW = 2000;

function searchSentences(reader: ReadConnection, f: SearchFilters): SearchResult["sentences"] {
  const where = [
    "sentences_fts MATCH :match",
    `(:source IS NULL OR ${SOURCE_MATCH})`,
    `(:from IS NULL OR ${dateFrom("d.published")})`,
    `(:to IS NULL OR ${dateTo("d.published")})`,
    `(:type IS NULL OR EXISTS (SELECT 1 FROM mentions m JOIN entities me ON me.id = m.entity_id
       WHERE m.doc_id = s.doc_id AND m.start >= s.start AND m."end" <= s."end" AND me.type = :type))`,
    `(:entity IS NULL OR EXISTS (SELECT 1 FROM mentions m
       WHERE m.doc_id = s.doc_id AND m.start >= s.start AND m."end" <= s."end" AND m.entity_id = :entity))`,
  ].join(" AND ");
  const params = { ...filterParams(f), entity: f.entity ?? null };
  const from = `FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid JOIN documents d ON d.id = s.doc_id`;
  const filtered = f.source != null || f.from != null || f.to != null || f.type != null || f.entity != null;
  // Without filters the full-text index counts its matches alone, without reading a sentence or document row.
  const total = Number(
    (filtered
      ? reader.q(`SELECT count(*) ${from} WHERE ${where}`)
      : reader.q("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH :match")
    )
      .pluck()
      .get(filtered ? params : { match: f.match }),
  );
  if (total === 0 || f.offset >= total) return { total, items: [] };
  // Ranking scores every match it orders. A common term matches a large part of the store: then only the newest
  // RANK_WINDOW matches (by sentence id, newest stored first, an order the index reads without scoring) are
  // ranked. The snippet and fact count are made for the returned page only.
  const window = Math.max(RANK_WINDOW, f.offset + f.limit);
  let floor: number | null = null;
  const byDate = f.sort === "date";
  if (total > window && !byDate) {
    floor = Number(
      (filtered
        ? reader.q(`SELECT s.id ${from} WHERE ${where} ORDER BY sentences_fts.rowid DESC LIMIT 1 OFFSET :skip`)
        : reader.q(
            "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH :match ORDER BY rowid DESC LIMIT 1 OFFSET :skip",
          )
      )
        .pluck()
        .get({ ...(filtered ? params : { match: f.match }), skip: window - 1 }),
    );
  }
  // Without filters the ranking reads the full-text index alone (ties: most recently stored first), not a sentence
  // and document row per ranked match; filters need those rows anyway (ties: newest document first).
  const pageIds = (
    byDate
      ? reader
          .q(
            `SELECT s.id ${from} WHERE ${where}
             ORDER BY d.published IS NULL, d.published DESC, s.id DESC LIMIT :limit OFFSET :offset`,
          )
          .all({ ...params, limit: f.limit, offset: f.offset })
      : !filtered
        ? reader
            .q(
              `SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH :match
             AND (:floor IS NULL OR rowid >= CAST(:floor AS INTEGER))
             ORDER BY bm25(sentences_fts), rowid DESC LIMIT :limit OFFSET :offset`,
            )
            .all({ match: f.match, floor, limit: f.limit, offset: f.offset })
        : reader
            .q(
              `SELECT s.id ${from} WHERE ${where} AND (:floor IS NULL OR sentences_fts.rowid >= CAST(:floor AS INTEGER))
             ORDER BY bm25(sentences_fts), d.published DESC, s.id LIMIT :limit OFFSET :offset`,
            )
            .all({ ...params, floor, limit: f.limit, offset: f.offset })
  ).map((r) => Object.values(r as Row)[0] as number);
  // One full-text read for the page's snippets: a prefix query expands its terms once, not once per sentence.
  // The range bounds the read; the unary + keeps the id list a filter, so only the page gets a snippet. A JS
  // number is bound as a REAL, and FTS5 ignores a rowid constraint that is not an integer: the bounds are cast.
  const snippets = new Map(
    (pageIds.length
      ? (reader
          .q(
            `SELECT rowid AS id, snippet(sentences_fts, 0, '${OPEN}', '${CLOSE}', '…', 40) AS snippet
             FROM sentences_fts WHERE sentences_fts MATCH :match
             AND rowid BETWEEN CAST(:lo AS INTEGER) AND CAST(:hi AS INTEGER)
             AND +rowid IN (SELECT value FROM json_each(:ids))`,
          )
          .all({
            match: f.match,
            lo: Math.min(...pageIds),
            hi: Math.max(...pageIds),
            ids: JSON.stringify(pageIds),
          }) as { id: number; snippet: string }[])
      : []
    ).map((r) => [r.id, r.snippet]),
  );
  const detail = reader.q(
    `SELECT s.idx, s.start, s."end" AS "end", s.text, d.id, d.title, d.outlet, d.published, d.source,
         COALESCE(d.duplicate_of, d.id) AS canonical,
         (SELECT count(*) FROM evidence ev WHERE ev.doc_id = s.doc_id AND ev.start >= s.start AND ev."end" <= s."end")
           AS facts
       FROM sentences s JOIN documents d ON d.id = s.doc_id WHERE s.id = ?`,
  );
  const rows = pageIds.map((sid) => ({
    ...(detail.get(sid) as DocumentRef & { idx: number; start: number; end: number; text: string; facts: number }),
    snippet: snippets.get(sid) ?? "",
  }));
  const hits = rows.map((r) => ({
    text: r.text,
    hit: {
      doc: docRef(r),
      sentence: r.idx,
      start: r.start,
      end: r.end,
      snippet: markedParts(r.snippet),
      facts: r.facts,
      copies: [],
    } as SentenceHit,
  }));
  return { total, items: foldCopies(hits) };
}

/**
 * Folds the page's near-copies: the same sentence (same words, white space aside) of documents with one canonical
 * (an article and its syndicated reprints) is one hit: the canonical's own sentence when it is on the page (else
 * the first copy's), in its own place, with the others as its `copies`. Identical sentences rank alike (same words,
 * same length), so copies sit side by side in the ranking and meet on one page; a filter that keeps only a copy
 * (its outlet) leaves that copy standing alone.
 */
export function foldCopies(hits: { text: string; hit: SentenceHit }[]): SentenceHit[] {
  const groups = new Map<string, SentenceHit[]>();
  for (const { text, hit } of hits) {
    const key = `${hit.doc.canonical}\u0000${text.replace(/\s+/g, " ").trim()}`;
    const group = groups.get(key);
    if (group) group.push(hit);
    else groups.set(key, [hit]);
  }
  // Each folded hit keeps its lead's place, so the page stays in the order it was ranked or sorted in.
  const folded = new Map<SentenceHit, DocumentRef[]>();
  for (const group of groups.values()) {
    const lead = group.find((h) => h.doc.id === h.doc.canonical) ?? (group[0] as SentenceHit);
    folded.set(
      lead,
      group.filter((h) => h !== lead).map((h) => h.doc),
    );
  }
  return hits.flatMap(({ hit }) => {
    const copies = folded.get(hit);
    return copies ? [{ ...hit, copies }] : [];
  });
}
