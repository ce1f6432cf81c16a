// The read queries the benchmark times: search, entity dossier, graph neighbourhood.
// It uses the HTTP API's own reader (src/store/sqlite-read.ts, SqliteReader) with the API's default parameters
// when that module is there and has the methods; otherwise equivalent direct SQL, so the benchmark keeps working
// while the API is being built. `source` says which was used.
import Database from "better-sqlite3";

export interface QueryApi {
  source: "sqlite-read" | "direct-sql";
  search(q: string): number;
  dossier(id: number): number;
  graph(id: number): number;
  /**
   * Entity ids to query: the HUBS_SAMPLED most connected first, then half from the 100 most mentioned, half from
   * all, drawn with `pick`.
   */
  sampleEntities(n: number, pick: (max: number) => number): number[];
  close(): void;
}

interface ReaderLike {
  search(f: unknown): unknown;
  dossier(id: number): unknown;
  graph(id: number, o: unknown): unknown;
  close(): void;
  db: Database.Database;
}

type ReaderModule = {
  SqliteReader?: new (path: string) => ReaderLike;
  ftsQuery?: (input: string) => string | null;
};

/** A rough size of a result, so the work cannot be skipped and a reader of the results sees it is not empty. */
const size = (x: unknown): number => (x == null ? 0 : JSON.stringify(x).length);

/** The entities with the most edges (relations either way and actor-target event pairs), from ingest's counters. */
function mostConnected(db: Database.Database, n: number): number[] {
  try {
    return db
      .prepare(
        `SELECT entity_id FROM entity_stats ORDER BY relations_out + relations_in + event_pairs DESC, entity_id LIMIT ?`,
      )
      .pluck()
      .all(n) as number[];
  } catch {
    return []; // a store older than the counters
  }
}

/** The hubs every sample holds: their dossiers and graphs are the slowest reads, and the busiest pages. */
export const HUBS_SAMPLED = 20;

function sampler(db: Database.Database) {
  const hubs = mostConnected(db, HUBS_SAMPLED);
  const top = db
    .prepare("SELECT entity_id FROM mentions GROUP BY entity_id ORDER BY count(*) DESC LIMIT 100")
    .pluck()
    .all() as number[];
  const all = db.prepare("SELECT id FROM entities ORDER BY id").pluck().all() as number[];
  return (n: number, pick: (max: number) => number): number[] => {
    if (all.length === 0) return [];
    const out: number[] = hubs.slice(0, n);
    for (let i = out.length; i < n; i++) {
      const from = i % 2 === 0 && top.length > 0 ? top : all;
      out.push(from[pick(from.length)] as number);
    }
    return out;
  };
}

export async function openQueries(path: string): Promise<QueryApi> {
  let mod: ReaderModule | undefined;
  try {
    mod = (await import("../src/store/sqlite-read.js")) as ReaderModule;
  } catch {
    mod = undefined;
  }
  const Reader = mod?.SqliteReader;
  const fts = mod?.ftsQuery;
  if (
    Reader &&
    fts &&
    typeof Reader.prototype.search === "function" &&
    typeof Reader.prototype.dossier === "function" &&
    typeof Reader.prototype.graph === "function"
  ) {
    const reader = new Reader(path);
    const kinds = new Set(["entity", "sentence"]);
    return {
      source: "sqlite-read",
      search: (q) => {
        const match = fts(q);
        return match ? size(reader.search({ match, kinds, limit: 20, offset: 0 })) : 0;
      },
      dossier: (id) => size(reader.dossier(id)),
      graph: (id) => size(reader.graph(id, { depth: 2, events: true, nodeLimit: 150, edgeLimit: 600 })),
      sampleEntities: sampler(reader.db),
      close: () => reader.close(),
    };
  }
  return directSql(path);
}

/** Queries equivalent in work to the API's, written directly against the schema. */
function directSql(path: string): QueryApi {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const quote = (q: string) =>
    q
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .map((w) => `"${w}"`)
      .join(" ");
  const entityHits = db.prepare(
    `SELECT e.id, e.name, (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions
     FROM entities_fts f JOIN entities e ON e.id = f.rowid WHERE entities_fts MATCH ? ORDER BY rank LIMIT 20`,
  );
  const entityTotal = db.prepare("SELECT count(*) FROM entities_fts WHERE entities_fts MATCH ?").pluck();
  const sentenceHits = db.prepare(
    `SELECT s.id, s.doc_id, d.title, snippet(sentences_fts, 0, '[', ']', '…', 24) AS snip
     FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid JOIN documents d ON d.id = s.doc_id
     WHERE sentences_fts MATCH ? ORDER BY rank LIMIT 20`,
  );
  const sentenceTotal = db.prepare("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH ?").pluck();
  // Each statement takes the entity id for every "?" it holds.
  const dossierStmts = [
    db.prepare("SELECT * FROM entities WHERE id = ?"),
    db.prepare("SELECT alias FROM entity_aliases WHERE entity_id = ?"),
    db.prepare("SELECT count(*), count(DISTINCT doc_id) FROM mentions WHERE entity_id = ?"),
    db.prepare(
      `SELECT r.*, ev.doc_id, ev.text FROM relations r JOIN evidence ev ON ev.fact_kind = 'relation' AND ev.fact_id = r.id
       WHERE r.subject_id = ? OR r.object_id = ?`,
    ),
    db.prepare(
      `SELECT e.*, ev.doc_id, ev.text FROM event_roles er JOIN events e ON e.id = er.event_id
       JOIN evidence ev ON ev.fact_kind = 'event' AND ev.fact_id = e.id WHERE er.entity_id = ?`,
    ),
    db.prepare(
      `SELECT q.*, ev.doc_id, ev.text FROM quotes q JOIN evidence ev ON ev.fact_kind = 'quote' AND ev.fact_id = q.id
       WHERE q.speaker_id = ?`,
    ),
    db.prepare(
      `SELECT q.*, ev.doc_id FROM quantity_subjects qs JOIN quantities q ON q.id = qs.quantity_id
       JOIN evidence ev ON ev.fact_kind = 'quantity' AND ev.fact_id = q.id WHERE qs.entity_id = ?`,
    ),
    db.prepare(
      `SELECT d.id, d.title, d.outlet, d.published, d.duplicate_of, count(*) AS mentions FROM mentions m
       JOIN documents d ON d.id = m.doc_id WHERE m.entity_id = ? GROUP BY d.id ORDER BY d.published DESC LIMIT 200`,
    ),
  ].map((stmt) => Object.assign(stmt, { parameterCount: stmt.source.split("?").length - 1 }));
  const graph = db.prepare(
    `WITH RECURSIVE
       edges(a, b) AS (
         SELECT subject_id, object_id FROM relations UNION ALL SELECT object_id, subject_id FROM relations
         UNION ALL SELECT a.entity_id, t.entity_id FROM event_roles a
           JOIN event_roles t ON t.event_id = a.event_id AND t.role = 'target' WHERE a.role = 'actor'
       ),
       walk(node, depth) AS (SELECT ?, 0 UNION SELECT e.b, w.depth + 1 FROM walk w JOIN edges e ON e.a = w.node WHERE w.depth < 2)
     SELECT node, min(depth) AS depth FROM walk GROUP BY node ORDER BY depth LIMIT 150`,
  );
  return {
    source: "direct-sql",
    search: (q) => {
      const m = quote(q);
      if (!m) return 0;
      return (
        size(entityHits.all(m)) + size(entityTotal.get(m)) + size(sentenceHits.all(m)) + size(sentenceTotal.get(m))
      );
    },
    dossier: (id) => dossierStmts.reduce((n, s) => n + size(s.all(...Array<number>(s.parameterCount).fill(id))), 0),
    graph: (id) => size(graph.all(id)),
    sampleEntities: sampler(db),
    close: () => db.close(),
  };
}
