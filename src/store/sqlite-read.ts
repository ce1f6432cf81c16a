// Read queries behind the HTTP API and the web UI: search, dossiers, graphs, timelines, documents.
// Opens the SQLite file read-only; every value reaches SQL as a bound parameter.
import Database from "better-sqlite3";
import { combinedConfidence } from "../export/interchange.js";
import type { EntityType } from "../types.js";
import { MIGRATIONS } from "./schema.js";
import { SqliteStore } from "./sqlite.js";

type Db = Database.Database;

// ---- shapes the views return ------------------------------------------------------------------

export interface EntitySummary {
  id: number;
  key: string;
  type: EntityType;
  name: string;
  qid: string | null;
}

export interface DocumentRef {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  source: string;
  /** The document this one copies, or its own id: evidence from one canonical counts once. */
  canonical: string;
}

export interface EvidenceView extends Omit<DocumentRef, "id"> {
  /** The document the sentence is in. */
  doc: string;
  start: number;
  end: number;
  text: string;
  confidence: number;
  trigger: string | null;
  /**
   * "text" when the sentence states the fact; "reference" when the fact comes from reference knowledge the document
   * presupposes and the sentence only names its ends (a city and its state).
   */
  basis: "text" | "reference";
}

interface FactSupport {
  /** 1 - Π(1 - c) over the best confidence from each independent source. */
  confidence: number;
  /** Independent sources: distinct COALESCE(duplicate_of, id) of the evidence documents. */
  sources: number;
  /** Evidence rows the fact has in all: `evidence` holds every one on a fact's own route, at most EVIDENCE_SHOWN in lists. */
  evidenceTotal: number;
  evidence: EvidenceView[];
}

/**
 * Evidence sentences a fact carries in lists (dossier, source comparison, events and relations): the best sentence
 * of each of its best independent sources first. A hub's relations have thousands of sentences each; the fact's own
 * route returns them all.
 */
export const EVIDENCE_SHOWN = 3;

/** The documents behind each listed fact (key: `kind:id`), all of them, however few of their sentences are shown. */
export type FactDocuments = Map<string, DocumentRef[]>;

export type FactKind = "relation" | "event" | "quote" | "quantity";

export interface RelationView extends FactSupport {
  kind: "relation";
  id: number;
  type: string;
  subject: EntitySummary;
  object: EntitySummary;
  negated: boolean;
  attrs: Record<string, string>;
}

export interface EventView extends FactSupport {
  kind: "event";
  id: number;
  code: string;
  root: string;
  date: string | null;
  /** "text": the sentence states the date; "published": the text gives none, so it is the report's publication date. */
  dateSource: "text" | "published" | null;
  location: EntitySummary | null;
  negated: boolean;
  hypothetical: boolean;
  actors: EntitySummary[];
  targets: EntitySummary[];
}

export interface QuoteView extends FactSupport {
  kind: "quote";
  id: number;
  speaker: EntitySummary;
  text: string;
}

export interface QuantityView extends FactSupport {
  kind: "quantity";
  id: number;
  value: number;
  unit: string;
  measure: string;
  time: string | null;
  subjects: EntitySummary[];
}

export type FactView = RelationView | EventView | QuoteView | QuantityView;

/** A piece of text, marked when it matched the query. */
export interface TextPart {
  text: string;
  match: boolean;
}

export interface SentenceHit {
  doc: DocumentRef;
  sentence: number;
  start: number;
  end: number;
  snippet: TextPart[];
  /** Facts read from this sentence. */
  facts: number;
}

export interface EntityHit extends EntitySummary {
  names: TextPart[];
  mentions: number;
  documents: number;
}

export interface SearchFilters {
  /** Already an FTS5 expression: build it with ftsQuery(). */
  match: string;
  kinds: ReadonlySet<"entity" | "sentence">;
  type?: EntityType;
  source?: string;
  from?: string;
  to?: string;
  entity?: number;
  /** Sentences by relevance (default) or newest document first. */
  sort?: "relevance" | "date";
  limit: number;
  offset: number;
}

export interface SearchResult {
  entities: { total: number; items: EntityHit[] };
  sentences: { total: number; items: SentenceHit[] };
}

export interface DocumentFilters {
  source?: string;
  from?: string;
  to?: string;
  entity?: number;
  limit: number;
  offset: number;
}

export interface DocumentSummary extends DocumentRef {
  authors: string[];
  flags: string[];
  duplicateOf: string | null;
  words: number;
  sentences: number;
  mentions: number;
  /** Evidence spans: facts read from this document. */
  evidence: number;
}

export interface MentionView {
  start: number;
  end: number;
  text: string;
  method: string;
  entity: EntitySummary;
}

export interface EvidenceSpan {
  kind: FactKind;
  fact: number;
  start: number;
  end: number;
  confidence: number;
}

export interface DocumentView extends DocumentSummary {
  contentType: string;
  text: string;
  ingestedAt: string;
  /** Near-copies of this document stored later. */
  copies: DocumentRef[];
  sentenceSpans: { index: number; start: number; end: number }[];
  mentionSpans: MentionView[];
  evidenceSpans: EvidenceSpan[];
  facts: FactView[];
}

export interface EventFilters {
  actor?: number;
  target?: number;
  entity?: number;
  roots?: string[];
  from?: string;
  to?: string;
  negated?: boolean;
  hypothetical?: boolean;
  source?: string;
  limit: number;
  offset: number;
}

export interface RelationFilters {
  entity?: number;
  types?: string[];
  negated?: boolean;
  limit: number;
  offset: number;
}

export interface EntityFilters {
  type?: EntityType;
  name?: string;
  limit: number;
  offset: number;
}

export interface EntityListItem extends EntitySummary {
  mentions: number;
  documents: number;
  relations: number;
  events: number;
}

export interface SourceDocument extends DocumentRef {
  duplicateOf: string | null;
  mentions: number;
  facts: number;
}

export interface Dossier {
  entity: EntitySummary & { aliases: string[]; mentions: number; documents: number };
  relations: { type: string; items: (RelationView & { direction: "out" | "in" })[] }[];
  events: { asActor: EventView[]; asTarget: EventView[] };
  quotes: { by: QuoteView[]; about: QuoteView[] };
  quantities: QuantityView[];
  sources: SourceDocument[];
  /** Distinct canonical documents among all the sources: every mentioning document and those behind the listed facts. */
  independentSources: number;
  /**
   * How many items each list would hold without the per-list limit. A list holds at most `limit` items: the best
   * supported relations, the latest events, quotes and quantities, the most recently published sources.
   */
  totals: {
    relations: number;
    asActor: number;
    asTarget: number;
    quotesBy: number;
    quotesAbout: number;
    quantities: number;
    sources: number;
  };
  limit: number;
}

/** Items per dossier list unless the caller asks for another bound. */
export const DOSSIER_LIMIT = 50;

export interface GraphOptions {
  depth: number;
  types?: string[];
  events: boolean;
  nodeLimit: number;
  edgeLimit: number;
}

export interface GraphNode extends EntitySummary {
  depth: number;
  degree: number;
  mentions: number;
}

export type GraphEdge =
  | {
      kind: "relation";
      id: string;
      relation: number;
      type: string;
      source: number;
      target: number;
      negated: boolean;
      sources: number;
    }
  | { kind: "event"; id: string; type: "events"; source: number; target: number; events: number; roots: string[] };

export interface Graph {
  root: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: { nodes: boolean; edges: boolean };
}

export interface CountryInvolvement extends EntitySummary {
  mentions: number;
  documents: number;
  events: number;
  relations: number;
  /** With a focus entity: events and relations shared with it. */
  shared: number;
}

/**
 * A location entity where events took place (the map's places layer). Countries are left out: the map shades them.
 * Places only mentioned are left out too: they have no events to size a mark by, and every place named in passing
 * would crowd the map.
 */
export interface PlaceInvolvement extends EntitySummary {
  /** Events located here (with a focus entity: those it takes part in, or all when it is this place). */
  events: number;
  mentions: number;
  documents: number;
  /** Key of the country entity the place lies in by a located_in relation (through up to two places). */
  locatedIn: string | null;
  /** Other names mentions gave the entity. */
  aliases: string[];
}

export interface Overview {
  documents: number;
  independentDocuments: number;
  sentences: number;
  entities: Record<string, number>;
  relations: number;
  events: number;
  quotes: number;
  quantities: number;
  outlets: { outlet: string; documents: number }[];
  published: { first: string | null; last: string | null };
}

// ---- full-text query building ----------------------------------------------------------------------

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * Turns what a user typed into a safe FTS5 expression. Every term is quoted, so FTS5 syntax in the
 * input ("NEAR(", "*", ":", "^", stray quotes) is read as words. Supported: "exact phrases", word*
 * prefixes, and OR between terms; everything else is an implicit AND. Null when nothing searchable is left.
 */
export function ftsQuery(input: string): string | null {
  const groups: string[][] = [[]];
  const s = input.normalize("NFC");
  let i = 0;
  while (i < s.length) {
    const ch = s[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    let chunk: string;
    let phrase = false;
    if (ch === '"') {
      const close = s.indexOf('"', i + 1);
      const end = close < 0 ? s.length : close;
      chunk = s.slice(i + 1, end);
      phrase = true;
      i = end + 1;
      if (s[i] === "*") {
        chunk += "*";
        i++;
      }
    } else {
      let end = i;
      while (end < s.length && !/[\s"]/.test(s[end] as string)) end++;
      chunk = s.slice(i, end);
      i = end;
    }
    if (!phrase && chunk === "OR") {
      if ((groups.at(-1) as string[]).length) groups.push([]);
      continue;
    }
    const words = chunk.match(WORD);
    if (!words) continue;
    const prefix = chunk.endsWith("*") ? "*" : "";
    (groups.at(-1) as string[]).push(`"${words.join(" ")}"${prefix}`);
  }
  const parts = groups.filter((g) => g.length).map((g) => g.join(" "));
  if (!parts.length) return null;
  return parts.length === 1 ? (parts[0] as string) : parts.map((p) => `(${p})`).join(" OR ");
}

// Markers snippet()/highlight() put around matches; private-use characters never stored in text.
const OPEN = "\uE000";
const CLOSE = "\uE001";

function markedParts(marked: string): TextPart[] {
  const parts: TextPart[] = [];
  let rest = marked;
  while (rest.length) {
    const open = rest.indexOf(OPEN);
    if (open < 0) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (open > 0) parts.push({ text: rest.slice(0, open), match: false });
    const close = rest.indexOf(CLOSE, open + 1);
    const end = close < 0 ? rest.length : close;
    parts.push({ text: rest.slice(open + 1, end), match: true });
    rest = rest.slice(end + 1);
  }
  return parts.filter((p) => p.text.length);
}

// ---- SQL fragments shared by filters ----------------------------------------------------------------

/** A document matches a source filter by its outlet (any case) or by part of its path or URL. */
export const SOURCE_MATCH = "(d.outlet = :source COLLATE NOCASE OR instr(lower(d.source), lower(:source)) > 0)";
/** Partial ISO dates ("2022", "2022-01") overlap a range: "2022-01" lies in 2022-01-01..2022-01-31. */
const dateFrom = (col: string) => `(${col} || '~' >= :from)`;
const dateTo = (col: string) => `(${col} <= :to || '~')`;
/** The document d's publication date overlaps :from or :to. */
export const DATE_FROM_MATCH = dateFrom("d.published");
export const DATE_TO_MATCH = dateTo("d.published");

interface Row {
  [k: string]: unknown;
}

const ids = (xs: Iterable<number>) => JSON.stringify([...new Set(xs)]);

type EvidenceRow = DocumentRef & {
  fact_id: number;
  start: number;
  end: number;
  text: string;
  confidence: number;
  extra: string | null;
};

const docRef = (r: DocumentRef): DocumentRef => ({
  id: r.id,
  title: r.title,
  outlet: r.outlet,
  published: r.published,
  source: r.source,
  canonical: r.canonical,
});

/** Earliest first, undated last. */
const byPublished = (a: { published: string | null }, b: { published: string | null }) =>
  a.published === b.published
    ? 0
    : a.published === null
      ? 1
      : b.published === null
        ? -1
        : a.published < b.published
          ? -1
          : 1;

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Support from every evidence row of a fact: best confidence per independent source, combined. */
function supportOf(evidence: EvidenceView[], evidenceTotal: number): FactSupport {
  const best = new Map<string, number>();
  for (const e of evidence) best.set(e.canonical, Math.max(best.get(e.canonical) ?? 0, e.confidence));
  return { confidence: combinedConfidence([...best.values()]), sources: best.size, evidenceTotal, evidence };
}

function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

function schemaVersion(db: Db): number {
  try {
    const v = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get() as string | undefined;
    return v === undefined ? 0 : Number(v);
  } catch {
    return 0;
  }
}

/**
 * A read-only connection to a store of the current schema. The queries rely on what ingest keeps (counters,
 * per-document aggregates): a store written by an older Heartland is brought up to date first, once, through a
 * short-lived writable connection (the migration fills them in from what the store holds).
 */
function openForReading(path: string): Db {
  const open = () => {
    try {
      return new Database(path, { readonly: true, fileMustExist: true });
    } catch (err) {
      throw new Error(`cannot open database ${path}: ${(err as Error).message}`);
    }
  };
  const db = open();
  if (schemaVersion(db) >= MIGRATIONS.length) return db;
  db.close();
  new SqliteStore(path).db.close();
  return open();
}

/** An entity's counters kept at ingest (entity_stats); zeros for an entity nothing mentions. */
interface EntityStats {
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
};

/** Sources newest first (undated last), then by id: the order of a dossier's source list. */
const bySourceOrder = (a: { published: string | null; id: string }, b: { published: string | null; id: string }) => {
  const pa = a.published ?? "";
  const pb = b.published ?? "";
  return pa < pb ? 1 : pa > pb ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

// ---- the reader ------------------------------------------------------------------------------------

export class SqliteReader {
  readonly db: Db;

  constructor(readonly path: string) {
    this.db = openForReading(path);
    this.db.pragma("busy_timeout = 5000");
    // A neighbourhood or a hub's dossier reads index pages all over a large store, and the reader lives as long as
    // the server: keep pages between calls (64 MiB cache) and read the first GiB of the file through a memory map
    // instead of a read() per page (the mapped pages are the OS page cache, shared, not private memory).
    this.db.pragma("cache_size = -65536");
    this.db.pragma("mmap_size = 1073741824");
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** A prepared statement for this SQL, compiled once per reader; always in row (not pluck) mode. */
  private q(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt.reader ? stmt.pluck(false) : stmt;
  }

  overview(): Overview {
    const one = (sql: string) => Number(this.q(sql).pluck().get() ?? 0);
    const entities = Object.fromEntries(
      (this.q("SELECT type, count(*) AS n FROM entities GROUP BY type ORDER BY type").all() as Row[]).map((r) => [
        r.type as string,
        r.n as number,
      ]),
    );
    const range = this.q(
      "SELECT min(published) AS first, max(published) AS last FROM documents WHERE published IS NOT NULL",
    ).get() as { first: string | null; last: string | null };
    return {
      documents: one("SELECT count(*) FROM documents"),
      independentDocuments: one("SELECT count(*) FROM documents WHERE duplicate_of IS NULL"),
      sentences: one("SELECT count(*) FROM sentences"),
      entities,
      relations: one("SELECT count(*) FROM relations"),
      events: one("SELECT count(*) FROM events"),
      quotes: one("SELECT count(*) FROM quotes"),
      quantities: one("SELECT count(*) FROM quantities"),
      outlets: this.q(
        `SELECT outlet, count(*) AS documents FROM documents WHERE outlet IS NOT NULL
           GROUP BY outlet ORDER BY documents DESC, outlet`,
      ).all() as { outlet: string; documents: number }[],
      published: range,
    };
  }

  // ---- search ----

  search(f: SearchFilters): SearchResult {
    const result: SearchResult = { entities: { total: 0, items: [] }, sentences: { total: 0, items: [] } };
    if (f.kinds.has("entity")) result.entities = this.searchEntities(f);
    if (f.kinds.has("sentence")) result.sentences = this.searchSentences(f);
    return result;
  }

  private searchEntities(f: SearchFilters): SearchResult["entities"] {
    const where = [
      "entities_fts MATCH :match",
      "(:type IS NULL OR e.type = :type)",
      // Source and dates narrow entities to those mentioned in matching documents.
      `(:source IS NULL AND :from IS NULL AND :to IS NULL OR EXISTS (
         SELECT 1 FROM entity_documents ed JOIN documents d ON d.id = ed.doc_id WHERE ed.entity_id = e.id
         AND (:source IS NULL OR ${SOURCE_MATCH})
         AND (:from IS NULL OR ${dateFrom("d.published")}) AND (:to IS NULL OR ${dateTo("d.published")})))`,
    ].join(" AND ");
    const params = {
      match: f.match,
      type: f.type ?? null,
      source: f.source ?? null,
      from: f.from ?? null,
      to: f.to ?? null,
    };
    const from = "FROM entities_fts JOIN entities e ON e.id = entities_fts.rowid";
    const total = Number(this.q(`SELECT count(*) ${from} WHERE ${where}`).pluck().get(params));
    const rows = this.q(
      `SELECT e.id, e.key, e.type, e.name, e.qid,
           highlight(entities_fts, 0, '${OPEN}', '${CLOSE}') AS names,
           coalesce(st.mentions, 0) AS mentions, coalesce(st.documents, 0) AS documents
         ${from} LEFT JOIN entity_stats st ON st.entity_id = e.id WHERE ${where}
         ORDER BY bm25(entities_fts), mentions DESC, e.id LIMIT :limit OFFSET :offset`,
    ).all({ ...params, limit: f.limit, offset: f.offset }) as (EntitySummary & {
      names: string;
      mentions: number;
      documents: number;
    })[];
    return { total, items: rows.map((r) => ({ ...r, names: markedParts(r.names) })) };
  }

  /** Matching sentences ranked by relevance at most: beyond this many, the newest this many are ranked. */
  static readonly RANK_WINDOW = 2000;

  private searchSentences(f: SearchFilters): SearchResult["sentences"] {
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
    const params = {
      match: f.match,
      type: f.type ?? null,
      source: f.source ?? null,
      from: f.from ?? null,
      to: f.to ?? null,
      entity: f.entity ?? null,
    };
    const from = `FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid JOIN documents d ON d.id = s.doc_id`;
    const filtered = f.source != null || f.from != null || f.to != null || f.type != null || f.entity != null;
    // Without filters the full-text index counts its matches alone, without reading a sentence or document row.
    const total = Number(
      (filtered
        ? this.q(`SELECT count(*) ${from} WHERE ${where}`)
        : this.q("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH :match")
      )
        .pluck()
        .get(filtered ? params : { match: f.match }),
    );
    if (total === 0 || f.offset >= total) return { total, items: [] };
    // Ranking scores every match it orders. A common term matches a large part of the store: then only the newest
    // RANK_WINDOW matches (by sentence id, newest stored first, an order the index reads without scoring) are
    // ranked. The snippet and fact count are made for the returned page only.
    const window = Math.max(SqliteReader.RANK_WINDOW, f.offset + f.limit);
    let floor: number | null = null;
    const byDate = f.sort === "date";
    if (total > window && !byDate) {
      floor = Number(
        (filtered
          ? this.q(`SELECT s.id ${from} WHERE ${where} ORDER BY sentences_fts.rowid DESC LIMIT 1 OFFSET :skip`)
          : this.q(
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
        ? this.q(
            `SELECT s.id ${from} WHERE ${where}
               ORDER BY d.published IS NULL, d.published DESC, s.id DESC LIMIT :limit OFFSET :offset`,
          ).all({ ...params, limit: f.limit, offset: f.offset })
        : !filtered
          ? this.q(
              `SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH :match
               AND (:floor IS NULL OR rowid >= CAST(:floor AS INTEGER))
               ORDER BY bm25(sentences_fts), rowid DESC LIMIT :limit OFFSET :offset`,
            ).all({ match: f.match, floor, limit: f.limit, offset: f.offset })
          : this.q(
              `SELECT s.id ${from} WHERE ${where} AND (:floor IS NULL OR sentences_fts.rowid >= CAST(:floor AS INTEGER))
               ORDER BY bm25(sentences_fts), d.published DESC, s.id LIMIT :limit OFFSET :offset`,
            ).all({ ...params, floor, limit: f.limit, offset: f.offset })
    ).map((r) => Object.values(r as Row)[0] as number);
    // One full-text read for the page's snippets: a prefix query expands its terms once, not once per sentence.
    // The range bounds the read; the unary + keeps the id list a filter, so only the page gets a snippet. A JS
    // number is bound as a REAL, and FTS5 ignores a rowid constraint that is not an integer: the bounds are cast.
    const snippets = new Map(
      (pageIds.length
        ? (this.q(
            `SELECT rowid AS id, snippet(sentences_fts, 0, '${OPEN}', '${CLOSE}', '…', 40) AS snippet
               FROM sentences_fts WHERE sentences_fts MATCH :match
               AND rowid BETWEEN CAST(:lo AS INTEGER) AND CAST(:hi AS INTEGER)
               AND +rowid IN (SELECT value FROM json_each(:ids))`,
          ).all({
            match: f.match,
            lo: Math.min(...pageIds),
            hi: Math.max(...pageIds),
            ids: JSON.stringify(pageIds),
          }) as { id: number; snippet: string }[])
        : []
      ).map((r) => [r.id, r.snippet]),
    );
    const detail = this.q(
      `SELECT s.idx, s.start, s."end" AS "end", d.id, d.title, d.outlet, d.published, d.source,
           COALESCE(d.duplicate_of, d.id) AS canonical,
           (SELECT count(*) FROM evidence ev WHERE ev.doc_id = s.doc_id AND ev.start >= s.start AND ev."end" <= s."end")
             AS facts
         FROM sentences s JOIN documents d ON d.id = s.doc_id WHERE s.id = ?`,
    );
    const rows = pageIds.map((sid) => ({
      ...(detail.get(sid) as DocumentRef & { idx: number; start: number; end: number; facts: number }),
      snippet: snippets.get(sid) ?? "",
    }));
    return {
      total,
      items: rows.map((r) => ({
        doc: {
          id: r.id,
          title: r.title,
          outlet: r.outlet,
          published: r.published,
          source: r.source,
          canonical: r.canonical,
        },
        sentence: r.idx,
        start: r.start,
        end: r.end,
        snippet: markedParts(r.snippet),
        facts: r.facts,
      })),
    };
  }

  // ---- entities ----

  entitySummaries(entityIds: Iterable<number>): Map<number, EntitySummary> {
    const rows = this.q(
      "SELECT id, key, type, name, qid FROM entities WHERE id IN (SELECT value FROM json_each(?))",
    ).all(ids(entityIds)) as EntitySummary[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  entity(id: number): EntitySummary | null {
    return (
      (this.q("SELECT id, key, type, name, qid FROM entities WHERE id = ?").get(id) as EntitySummary | undefined) ??
      null
    );
  }

  /** An entity's counts from the counters ingest keeps (st: entity_stats, left-joined). */
  private static readonly STATS_COLUMNS = `coalesce(st.mentions, 0) AS mentions,
    coalesce(st.documents, 0) AS documents, coalesce(st.relations_out + st.relations_in, 0) AS relations,
    coalesce(st.events, 0) AS events`;

  entities(f: EntityFilters): { total: number; items: EntityListItem[] } {
    const where = "(:type IS NULL OR e.type = :type) AND (:name IS NULL OR instr(lower(e.name), lower(:name)) > 0)";
    const params = { type: f.type ?? null, name: f.name ?? null };
    const total = Number(this.q(`SELECT count(*) FROM entities e WHERE ${where}`).pluck().get(params));
    const items = this.q(
      `SELECT e.id, e.key, e.type, e.name, e.qid, ${SqliteReader.STATS_COLUMNS}
         FROM entities e LEFT JOIN entity_stats st ON st.entity_id = e.id WHERE ${where}
         ORDER BY mentions DESC, e.name LIMIT :limit OFFSET :offset`,
    ).all({ ...params, limit: f.limit, offset: f.offset }) as EntityListItem[];
    return { total, items };
  }

  /** The counters ingest keeps for an entity. */
  private stats(id: number): EntityStats {
    return (this.q("SELECT * FROM entity_stats WHERE entity_id = ?").get(id) as EntityStats | undefined) ?? NO_STATS;
  }

  dossier(id: number, limit = DOSSIER_LIMIT): Dossier | null {
    return this.dossierWithDocuments(id, limit)?.dossier ?? null;
  }

  /**
   * The dossier, and every document behind each listed fact (the facts carry at most EVIDENCE_SHOWN sentences):
   * the source comparison lists them all.
   */
  dossierWithDocuments(id: number, limit = DOSSIER_LIMIT): { dossier: Dossier; factDocuments: FactDocuments } | null {
    const entity = this.entity(id);
    if (!entity) return null;
    const aliases = (
      this.q("SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias").pluck().all(id) as string[]
    ).filter((a) => a !== entity.name);
    const stats = this.stats(id);
    // Every list is the first `limit` ids off an index already in the list's order; totals come from the counters
    // ingest keeps or from counting an index range, so a hub costs about what a rarely seen entity does.
    const ranked = (sql: string, ...args: unknown[]) =>
      this.q(sql)
        .pluck()
        .all(...args) as number[];
    const counted = (sql: string, ...args: unknown[]) =>
      Number(
        this.q(sql)
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
    const factDocuments: FactDocuments = new Map();
    const relations = this.relationsById(relationIds, EVIDENCE_SHOWN, factDocuments);
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
    const events = this.eventsById([...actorIds, ...targetIds], EVIDENCE_SHOWN, factDocuments);
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
      by: this.quotesById(quotesBy, EVIDENCE_SHOWN, factDocuments),
      about: this.quotesById(quotesAbout, EVIDENCE_SHOWN, factDocuments),
    };
    const quantities = this.quantitiesById(quantityIds, EVIDENCE_SHOWN, factDocuments);

    // Sources: documents that mention the entity or back one of its listed facts, newest first. The newest
    // `limit` mentioning documents and the fact documents hold the first `limit` of them all.
    const docs = new Map<string, SourceDocument>();
    const mentionDocs = this.q(
      `SELECT d.id, d.title, d.outlet, d.published, d.source, d.duplicate_of AS duplicateOf,
           COALESCE(d.duplicate_of, d.id) AS canonical, ed.mentions
         FROM entity_documents ed JOIN documents d ON d.id = ed.doc_id WHERE ed.entity_id = ?
         ORDER BY ed.published DESC, ed.doc_id LIMIT ?`,
    ).all(id, limit) as (DocumentRef & { duplicateOf: string | null; mentions: number })[];
    for (const d of mentionDocs) docs.set(d.id, { ...d, facts: 0 });
    const allFacts: FactView[] = [...relations, ...events, ...quotes.by, ...quotes.about, ...quantities];
    const factDocs = new Map<string, SourceDocument>();
    for (const fact of allFacts) {
      for (const ref of factDocuments.get(`${fact.kind}:${fact.id}`) ?? []) {
        const known = docs.get(ref.id) ?? factDocs.get(ref.id);
        if (known) known.facts++;
        else {
          factDocs.set(ref.id, {
            ...ref,
            duplicateOf: ref.canonical === ref.id ? null : ref.canonical,
            mentions: 0,
            facts: 1,
          });
        }
      }
    }
    // Fact documents beyond the newest mentioning ones may mention the entity too: they are counted once.
    let extraSources = factDocs.size;
    const extraCanonicals = new Set([...factDocs.values()].map((d) => d.canonical));
    if (factDocs.size) {
      const mentioning = this.q(
        "SELECT doc_id, mentions FROM entity_documents WHERE entity_id = ? AND doc_id IN (SELECT value FROM json_each(?))",
      ).all(id, JSON.stringify([...factDocs.keys()])) as { doc_id: string; mentions: number }[];
      for (const m of mentioning) {
        (factDocs.get(m.doc_id) as SourceDocument).mentions = m.mentions;
        extraSources--;
      }
      const known = this.q(
        `SELECT DISTINCT canonical FROM entity_documents
         WHERE entity_id = ? AND canonical IN (SELECT value FROM json_each(?))`,
      )
        .pluck()
        .all(id, JSON.stringify([...extraCanonicals])) as string[];
      for (const c of known) extraCanonicals.delete(c);
    }
    for (const [docId, d] of factDocs) docs.set(docId, d);
    const sources = [...docs.values()].sort(bySourceOrder).slice(0, limit);
    const dossier: Dossier = {
      entity: { ...entity, aliases, mentions: stats.mentions, documents: stats.documents },
      relations: [...byType.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([type, items]) => ({ type, items })),
      events: { asActor: pick(actorIds), asTarget: pick(targetIds) },
      quotes,
      quantities,
      sources,
      independentSources: stats.canonicals + extraCanonicals.size,
      totals: {
        relations: stats.relations_out + stats.relations_in - stats.relations_self,
        asActor: stats.as_actor,
        asTarget: stats.as_target,
        quotesBy: counted("SELECT count(*) FROM quotes WHERE speaker_id = ?", id),
        quotesAbout: counted("SELECT count(*) FROM quote_about WHERE entity_id = ?", id),
        quantities: counted("SELECT count(*) FROM quantity_subjects WHERE entity_id = ?", id),
        sources: stats.documents + extraSources,
      },
      limit,
    };
    return { dossier, factDocuments };
  }

  // ---- facts by id, with evidence ----

  private static readonly EVIDENCE_COLUMNS = `ev.fact_id, ev.doc_id AS id, ev.start, ev."end" AS "end", ev.text,
    ev.confidence, ev.extra, d.title, d.outlet, d.published, d.source, COALESCE(d.duplicate_of, d.id) AS canonical`;

  private static evidenceView(r: EvidenceRow): EvidenceView {
    const extra = r.extra ? (JSON.parse(r.extra) as { trigger?: string; basis?: "reference" }) : {};
    return {
      doc: r.id,
      title: r.title,
      outlet: r.outlet,
      published: r.published,
      source: r.source,
      canonical: r.canonical,
      start: r.start,
      end: r.end,
      text: r.text,
      confidence: r.confidence,
      trigger: extra.trigger ?? null,
      basis: extra.basis ?? "text",
    };
  }

  /**
   * Each fact's support. Uncapped (a fact's own route, a document's facts): every evidence row. Capped (lists): the
   * confidence, independent sources and total come from every row's document and confidence, but only `cap`
   * sentences are read and returned: the best sentence (highest confidence, then earliest) of the best document of
   * each independent source, sources in order of their best confidence, then earliest; spare places go to further
   * documents and sentences in the same order. Shown sentences keep the full list's order (publication date).
   * `docs`, when given, receives every document behind each fact.
   */
  private supportFor(kind: FactKind, factIds: number[], cap = Number.POSITIVE_INFINITY, docs?: FactDocuments) {
    const out = new Map<number, FactSupport>();
    if (!factIds.length) return out;
    if (!Number.isFinite(cap)) {
      const rows = this.q(
        `SELECT ${SqliteReader.EVIDENCE_COLUMNS} FROM evidence ev JOIN documents d ON d.id = ev.doc_id
           WHERE ev.fact_kind = ? AND ev.fact_id IN (SELECT value FROM json_each(?))
           ORDER BY ev.fact_id, d.published IS NULL, d.published, ev.doc_id, ev.start`,
      ).all(kind, ids(factIds)) as EvidenceRow[];
      for (const [factId, list] of groupBy(rows, (r) => r.fact_id)) {
        const evidence = list.map(SqliteReader.evidenceView);
        out.set(factId, supportOf(evidence, evidence.length));
        if (docs) docs.set(`${kind}:${factId}`, [...new Map(list.map((r) => [r.id, docRef(r)])).values()]);
      }
      return out;
    }
    // Per fact and document: the best confidence and the number of sentences, in the evidence key's order.
    const groups = this.q(
      `SELECT ev.fact_id, ev.doc_id AS id, max(ev.confidence) AS confidence, count(*) AS n, d.title, d.outlet,
           d.published, d.source, COALESCE(d.duplicate_of, d.id) AS canonical
         FROM evidence ev JOIN documents d ON d.id = ev.doc_id
         WHERE ev.fact_kind = ? AND ev.fact_id IN (SELECT value FROM json_each(?)) GROUP BY ev.fact_id, ev.doc_id`,
    ).all(kind, ids(factIds)) as (DocumentRef & { fact_id: number; confidence: number; n: number })[];
    const rowsOf = this.q(
      `SELECT ${SqliteReader.EVIDENCE_COLUMNS} FROM evidence ev JOIN documents d ON d.id = ev.doc_id
         WHERE ev.fact_kind = ? AND ev.fact_id = ? AND ev.doc_id = ? ORDER BY ev.confidence DESC, ev.start`,
    );
    const better = (a: { confidence: number; ref: DocumentRef }, b: { confidence: number; ref: DocumentRef }) =>
      b.confidence - a.confidence || byPublished(a.ref, b.ref) || byId(a.ref, b.ref);
    for (const [factId, list] of groupBy(groups, (g) => g.fact_id)) {
      const ranked = list.map((g) => ({ confidence: g.confidence, n: g.n, ref: docRef(g) })).sort(better);
      const best = new Map<string, number>();
      const firstOfSource: typeof ranked = [];
      const rest: typeof ranked = [];
      for (const g of ranked) {
        if (best.has(g.ref.canonical)) rest.push(g);
        else {
          best.set(g.ref.canonical, g.confidence);
          firstOfSource.push(g);
        }
      }
      // Documents to read sentences from: the best of each source, then the others, until `cap` sentences.
      const picked: typeof ranked = [];
      let sentences = 0;
      for (const g of [...firstOfSource, ...rest]) {
        if (sentences >= cap) break;
        picked.push(g);
        sentences += g.n;
      }
      const perDoc = picked.map((g) => rowsOf.all(kind, factId, g.ref.id) as EvidenceRow[]);
      const shown: EvidenceRow[] = perDoc.map((rows) => rows[0] as EvidenceRow).slice(0, cap);
      for (const rows of perDoc) for (const r of rows.slice(1)) if (shown.length < cap) shown.push(r);
      shown.sort((a, b) => byPublished(a, b) || byId(a, b) || a.start - b.start);
      out.set(factId, {
        confidence: combinedConfidence([...best.values()]),
        sources: best.size,
        evidenceTotal: list.reduce((n, g) => n + g.n, 0),
        evidence: shown.map(SqliteReader.evidenceView),
      });
      if (docs)
        docs.set(
          `${kind}:${factId}`,
          ranked.map((g) => g.ref).sort((a, b) => byPublished(a, b) || byId(a, b)),
        );
    }
    return out;
  }

  private support(support: FactSupport | undefined): FactSupport {
    return support ?? { confidence: 0, sources: 0, evidenceTotal: 0, evidence: [] };
  }

  /** `cap`: most evidence sentences per fact (lists); `docs` receives every document behind each fact. */
  relationsById(relationIds: number[], cap = Number.POSITIVE_INFINITY, docs?: FactDocuments): RelationView[] {
    if (!relationIds.length) return [];
    const rows = this.q(
      `SELECT id, type, subject_id, object_id, negated, attrs FROM relations
         WHERE id IN (SELECT value FROM json_each(?)) ORDER BY type, id`,
    ).all(ids(relationIds)) as {
      id: number;
      type: string;
      subject_id: number;
      object_id: number;
      negated: number;
      attrs: string;
    }[];
    const ents = this.entitySummaries(rows.flatMap((r) => [r.subject_id, r.object_id]));
    const ev = this.supportFor(
      "relation",
      rows.map((r) => r.id),
      cap,
      docs,
    );
    return rows.map((r) => ({
      kind: "relation",
      id: r.id,
      type: r.type,
      subject: ents.get(r.subject_id) as EntitySummary,
      object: ents.get(r.object_id) as EntitySummary,
      negated: r.negated === 1,
      attrs: JSON.parse(r.attrs) as Record<string, string>,
      ...this.support(ev.get(r.id)),
    }));
  }

  /** `cap`: most evidence sentences per fact (lists); `docs` receives every document behind each fact. */
  eventsById(eventIds: number[], cap = Number.POSITIVE_INFINITY, docs?: FactDocuments): EventView[] {
    if (!eventIds.length) return [];
    const list = ids(eventIds);
    const rows = this.q(
      `SELECT id, code, root, date, date_source, location_id, negated, hypothetical FROM events
         WHERE id IN (SELECT value FROM json_each(?)) ORDER BY date IS NULL, date, id`,
    ).all(list) as {
      id: number;
      code: string;
      root: string;
      date: string | null;
      date_source: "text" | "published" | null;
      location_id: number | null;
      negated: number;
      hypothetical: number;
    }[];
    const roles = this.q(
      `SELECT event_id, entity_id, role FROM event_roles WHERE event_id IN (SELECT value FROM json_each(?))
         ORDER BY event_id, entity_id`,
    ).all(list) as { event_id: number; entity_id: number; role: string }[];
    const ents = this.entitySummaries([
      ...roles.map((r) => r.entity_id),
      ...rows.flatMap((r) => (r.location_id == null ? [] : [r.location_id])),
    ]);
    const byEvent = groupBy(roles, (r) => r.event_id);
    const ev = this.supportFor(
      "event",
      rows.map((r) => r.id),
      cap,
      docs,
    );
    return rows.map((r) => {
      const rs = byEvent.get(r.id) ?? [];
      const of = (role: string) => rs.filter((x) => x.role === role).map((x) => ents.get(x.entity_id) as EntitySummary);
      return {
        kind: "event",
        id: r.id,
        code: r.code,
        root: r.root,
        date: r.date,
        dateSource: r.date_source,
        location: r.location_id == null ? null : (ents.get(r.location_id) ?? null),
        negated: r.negated === 1,
        hypothetical: r.hypothetical === 1,
        actors: of("actor"),
        targets: of("target"),
        ...this.support(ev.get(r.id)),
      };
    });
  }

  /** `cap`: most evidence sentences per fact (lists); `docs` receives every document behind each fact. */
  quotesById(quoteIds: number[], cap = Number.POSITIVE_INFINITY, docs?: FactDocuments): QuoteView[] {
    if (!quoteIds.length) return [];
    const rows = this.q(
      "SELECT id, speaker_id, text FROM quotes WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
    ).all(ids(quoteIds)) as { id: number; speaker_id: number; text: string }[];
    const ents = this.entitySummaries(rows.map((r) => r.speaker_id));
    const ev = this.supportFor(
      "quote",
      rows.map((r) => r.id),
      cap,
      docs,
    );
    return rows.map((r) => ({
      kind: "quote",
      id: r.id,
      speaker: ents.get(r.speaker_id) as EntitySummary,
      text: r.text,
      ...this.support(ev.get(r.id)),
    }));
  }

  /** `cap`: most evidence sentences per fact (lists); `docs` receives every document behind each fact. */
  quantitiesById(quantityIds: number[], cap = Number.POSITIVE_INFINITY, docs?: FactDocuments): QuantityView[] {
    if (!quantityIds.length) return [];
    const list = ids(quantityIds);
    const rows = this.q(
      `SELECT id, value, unit, measure, time FROM quantities WHERE id IN (SELECT value FROM json_each(?))
         ORDER BY time IS NULL, time, id`,
    ).all(list) as { id: number; value: number; unit: string; measure: string; time: string | null }[];
    const subjects = this.q(
      `SELECT quantity_id, entity_id FROM quantity_subjects WHERE quantity_id IN (SELECT value FROM json_each(?))
         ORDER BY quantity_id, entity_id`,
    ).all(list) as { quantity_id: number; entity_id: number }[];
    const ents = this.entitySummaries(subjects.map((s) => s.entity_id));
    const byQuantity = groupBy(subjects, (s) => s.quantity_id);
    const ev = this.supportFor(
      "quantity",
      rows.map((r) => r.id),
      cap,
      docs,
    );
    return rows.map((r) => ({
      kind: "quantity",
      ...r,
      subjects: (byQuantity.get(r.id) ?? []).map((s) => ents.get(s.entity_id) as EntitySummary),
      ...this.support(ev.get(r.id)),
    }));
  }

  // ---- events and relations with filters ----

  events(f: EventFilters): { total: number; items: EventView[] } {
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
    const total = Number(this.q(`SELECT count(*) FROM events e WHERE ${where}`).pluck().get(params));
    const eventIds = this.q(
      `SELECT e.id FROM events e WHERE ${where} ORDER BY e.date IS NULL, e.date, e.id LIMIT :limit OFFSET :offset`,
    )
      .pluck()
      .all({ ...params, limit: f.limit, offset: f.offset }) as number[];
    return { total, items: this.eventsById(eventIds, EVIDENCE_SHOWN) };
  }

  relations(f: RelationFilters): { total: number; items: RelationView[] } {
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
    const total = Number(this.q(`SELECT count(*) FROM relations r WHERE ${where}`).pluck().get(params));
    const relationIds = this.q(
      `SELECT r.id FROM relations r WHERE ${where} ORDER BY r.type, r.id LIMIT :limit OFFSET :offset`,
    )
      .pluck()
      .all({ ...params, limit: f.limit, offset: f.offset }) as number[];
    return { total, items: this.relationsById(relationIds, EVIDENCE_SHOWN) };
  }

  fact(kind: FactKind, id: number): FactView | null {
    const found =
      kind === "relation"
        ? this.relationsById([id])
        : kind === "event"
          ? this.eventsById([id])
          : kind === "quote"
            ? this.quotesById([id])
            : this.quantitiesById([id]);
    return found[0] ?? null;
  }

  // ---- graph ----

  /**
   * Edges leaving each of `nodes`, counted: relations in both directions (of the given types, when there is a
   * :types list) and, with events, actor→target and target→actor pairs of each event. A node's degree is the sum
   * of its counts. Without a type list the relation parts read the indexes alone.
   */
  private static edgesFrom(typed: boolean, events: boolean): string {
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

  graph(root: number, o: GraphOptions): Graph {
    const types = o.types?.length ? JSON.stringify(o.types) : null;
    const edgesFrom = SqliteReader.edgesFrom(types !== null, o.events);
    const params = (nodes: number[]) =>
      types ? { nodes: JSON.stringify(nodes), types } : { nodes: JSON.stringify(nodes) };
    const want = o.nodeLimit + 1;
    // Breadth-first walk with indexed lookups, one query per level. Nodes are ranked by depth, then degree
    // (edges leaving the node, with multiplicity), then id; a level is only expanded while fewer than `want`
    // nodes are known, and only the nodes that can still be returned get their degree counted.
    const depthOf = new Map<number, number>();
    const degree = new Map<number, number>();
    const rootRow = this.entity(root);
    if (rootRow) depthOf.set(root, 0);
    let frontier = rootRow ? [root] : [];
    for (let depth = 0; frontier.length > 0; depth++) {
      if (depth >= o.depth || depthOf.size >= want) {
        // Without a type list a degree is what ingest counted: no edge of the last level is read.
        const counts = (
          types
            ? this.q(`SELECT a, count(*) AS n FROM (${edgesFrom}) GROUP BY a`)
            : this.q(
                `SELECT entity_id AS a, relations_out + relations_in ${o.events ? "+ event_pairs" : ""} AS n
                 FROM entity_stats WHERE entity_id IN (SELECT value FROM json_each(:nodes))`,
              )
        ).all(params(frontier)) as { a: number; n: number }[];
        for (const c of counts) degree.set(c.a, c.n);
        break;
      }
      const pairs = this.q(`SELECT a, b, count(*) AS n FROM (${edgesFrom}) GROUP BY a, b`).all(params(frontier)) as {
        a: number;
        b: number;
        n: number;
      }[];
      const next: number[] = [];
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
    const ents = this.entitySummaries(chosen);
    const mentionCounts = new Map(
      (
        this.q(
          `SELECT entity_id AS id, mentions AS n FROM entity_stats
           WHERE entity_id IN (SELECT value FROM json_each(?))`,
        ).all(JSON.stringify(chosen)) as { id: number; n: number }[]
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
    const relationEdges = this.q(
      `SELECT r.id, r.type, r.subject_id, r.object_id, r.negated, r.sources
         FROM relations r
         WHERE r.subject_id IN (SELECT value FROM json_each(:nodes)) AND r.object_id IN (SELECT value FROM json_each(:nodes))
           AND (:types IS NULL OR r.type IN (SELECT value FROM json_each(:types)))
         ORDER BY sources DESC, r.id LIMIT :limit`,
    ).all({ nodes: nodeIds, types, limit: o.edgeLimit + 1 }) as {
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
      const pairs = this.q(
        `SELECT actor_id AS source, target_id AS target, sum(events) AS events, group_concat(root) AS roots
           FROM event_pairs
           WHERE actor_id IN (SELECT value FROM json_each(:nodes))
             -- unary + keeps the planner from probing the pairs once per node for every actor: the target is read
             -- with the actor, then checked against the list
             AND +target_id IN (SELECT value FROM json_each(:nodes))
           GROUP BY actor_id, target_id ORDER BY events DESC LIMIT :limit`,
      ).all({ nodes: nodeIds, limit: o.edgeLimit + 1 }) as {
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

  // ---- documents ----

  private static readonly DOC_COLUMNS = `d.id, d.title, d.outlet, d.published, d.source, d.authors, d.flags,
    d.duplicate_of, COALESCE(d.duplicate_of, d.id) AS canonical, d.word_count,
    (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id) AS sentences,
    (SELECT count(*) FROM mentions m WHERE m.doc_id = d.id) AS mentions,
    (SELECT count(*) FROM evidence ev WHERE ev.doc_id = d.id) AS evidence`;

  private documentSummary(r: Row): DocumentSummary {
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

  documents(f: DocumentFilters): { total: number; items: DocumentSummary[] } {
    const where = [
      `(:source IS NULL OR ${SOURCE_MATCH})`,
      `(:from IS NULL OR ${dateFrom("d.published")})`,
      `(:to IS NULL OR ${dateTo("d.published")})`,
      "(:entity IS NULL OR EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = d.id AND m.entity_id = :entity))",
    ].join(" AND ");
    const params = { source: f.source ?? null, from: f.from ?? null, to: f.to ?? null, entity: f.entity ?? null };
    const total = Number(this.q(`SELECT count(*) FROM documents d WHERE ${where}`).pluck().get(params));
    const rows = this.q(
      `SELECT ${SqliteReader.DOC_COLUMNS} FROM documents d WHERE ${where}
         ORDER BY d.published IS NULL, d.published DESC, d.rowid LIMIT :limit OFFSET :offset`,
    ).all({ ...params, limit: f.limit, offset: f.offset }) as Row[];
    return { total, items: rows.map((r) => this.documentSummary(r)) };
  }

  document(id: string): DocumentView | null {
    const row = this.q(
      `SELECT ${SqliteReader.DOC_COLUMNS}, d.text, d.content_type, d.ingested_at FROM documents d WHERE d.id = ?`,
    ).get(id) as Row | undefined;
    if (!row) return null;
    const copies = this.q(
      `SELECT id, title, outlet, published, source, COALESCE(duplicate_of, id) AS canonical
         FROM documents WHERE duplicate_of = ? ORDER BY rowid`,
    ).all(id) as DocumentRef[];
    const sentenceSpans = this.q(
      'SELECT idx AS "index", start, "end" AS "end" FROM sentences WHERE doc_id = ? ORDER BY idx',
    ).all(id) as { index: number; start: number; end: number }[];
    const mentionRows = this.q(
      `SELECT m.start, m."end" AS "end", m.text, m.method, m.entity_id FROM mentions m
         WHERE m.doc_id = ? ORDER BY m.start, m."end" DESC`,
    ).all(id) as { start: number; end: number; text: string; method: string; entity_id: number }[];
    const ents = this.entitySummaries(mentionRows.map((m) => m.entity_id));
    const evidenceSpans = this.q(
      `SELECT fact_kind AS kind, fact_id AS fact, start, "end" AS "end", confidence FROM evidence
         WHERE doc_id = ? ORDER BY start, fact_kind, fact_id`,
    ).all(id) as EvidenceSpan[];
    const factIds = (kind: FactKind) => evidenceSpans.filter((e) => e.kind === kind).map((e) => e.fact);
    return {
      ...this.documentSummary(row),
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
        ...this.relationsById(factIds("relation")),
        ...this.eventsById(factIds("event")),
        ...this.quotesById(factIds("quote")),
        ...this.quantitiesById(factIds("quantity")),
      ],
    };
  }

  // ---- map ----

  countries(focus?: number): CountryInvolvement[] {
    return this.q(
      `SELECT e.id, e.key, e.type, e.name, e.qid, ${SqliteReader.STATS_COLUMNS},
           CASE WHEN :focus IS NULL THEN 0 ELSE
             (SELECT count(DISTINCT a.event_id) FROM event_roles a JOIN event_roles b ON b.event_id = a.event_id
              WHERE a.entity_id = e.id AND b.entity_id = :focus AND e.id <> :focus)
             + (SELECT count(*) FROM relations r
                WHERE (r.subject_id = e.id AND r.object_id = :focus) OR (r.object_id = e.id AND r.subject_id = :focus))
           END AS shared
         FROM entities e LEFT JOIN entity_stats st ON st.entity_id = e.id WHERE e.type = 'country' ORDER BY e.name`,
    ).all({ focus: focus ?? null }) as CountryInvolvement[];
  }

  /** Location entities where events took place, most events first (see PlaceInvolvement). */
  eventPlaces(focus: number | undefined, limit: number): PlaceInvolvement[] {
    const rows = this.q(
      `WITH located AS (
         SELECT v.location_id AS id, count(*) AS events FROM events v
         WHERE v.location_id IS NOT NULL AND (:focus IS NULL OR v.location_id = :focus
           OR EXISTS (SELECT 1 FROM event_roles r WHERE r.event_id = v.id AND r.entity_id = :focus))
         GROUP BY v.location_id)
       SELECT e.id, e.key, e.type, e.name, e.qid, l.events, coalesce(st.mentions, 0) AS mentions,
           coalesce(st.documents, 0) AS documents
         FROM located l JOIN entities e ON e.id = l.id LEFT JOIN entity_stats st ON st.entity_id = e.id
         WHERE e.type = 'location' ORDER BY l.events DESC, mentions DESC, e.name LIMIT :limit`,
    ).all({ focus: focus ?? null, limit }) as Omit<PlaceInvolvement, "locatedIn" | "aliases">[];
    const up = this.q(
      `SELECT o.id, o.key, o.type FROM relations r JOIN entities o ON o.id = r.object_id
         WHERE r.subject_id = ? AND r.type = 'located_in' AND r.negated = 0 AND o.type IN ('country', 'location')
         ORDER BY o.type = 'country' DESC, r.id`,
    );
    const aliases = this.q("SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias").pluck();
    const countryOf = (id: number): string | null => {
      let frontier = [id];
      const seen = new Set(frontier);
      for (let depth = 0; depth < 3 && frontier.length; depth++) {
        const next: number[] = [];
        for (const at of frontier) {
          for (const o of up.all(at) as { id: number; key: string; type: string }[]) {
            if (o.type === "country") return o.key;
            if (!seen.has(o.id)) {
              seen.add(o.id);
              next.push(o.id);
            }
          }
        }
        frontier = next;
      }
      return null;
    };
    return rows.map((r) => ({
      ...r,
      locatedIn: countryOf(r.id),
      aliases: (aliases.all(r.id) as string[]).filter((a) => a !== r.name),
    }));
  }
}
