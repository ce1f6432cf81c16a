// SQLite implementation of the store (better-sqlite3, WAL, FTS5). Every document is one transaction.
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import type { InterchangeKind, InterchangeLine } from "../export/interchange.js";
import type { DocFacts, Document, EntityRef, Evidence } from "../types.js";
import { MIGRATIONS } from "./schema.js";
import { sqliteExportLines } from "./sqlite-export.js";
import type { SaveResult, SourceInput, Store, StoredDocumentSummary, StoreStats } from "./store.js";

type Db = Database.Database;

export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

function migrate(db: Db): void {
  db.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
  const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined;
  const current = row ? Number(row.value) : 0;
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema version ${current} is newer than this Heartland (${MIGRATIONS.length})`);
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] as string);
      db.prepare(
        "INSERT INTO meta(key, value) VALUES ('schema_version', ?) ON CONFLICT(key) DO UPDATE SET value = ?",
      ).run(String(v + 1), String(v + 1));
    })();
  }
}

/** A stable merge key for a list of entity keys. */
const keyList = (xs: string[]) => [...new Set(xs)].sort().join(",");

export class SqliteStore implements Store {
  readonly kind = "sqlite" as const;
  readonly db: Db;
  private readonly entityIds = new Map<string, number>();

  constructor(readonly path: string) {
    try {
      this.db = new Database(path);
    } catch (err) {
      throw new Error(`cannot open database ${path}: ${(err as Error).message}`);
    }
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("busy_timeout = 5000");
    try {
      migrate(this.db);
    } catch (err) {
      this.db.close();
      throw new Error(`cannot use database ${path}: ${(err as Error).message}`);
    }
  }

  async findByContentHash(hash: string): Promise<string | null> {
    const row = this.db.prepare("SELECT id FROM documents WHERE content_hash = ?").get(hash) as
      | { id: string }
      | undefined;
    return row?.id ?? null;
  }

  async nearDuplicateCandidates(bands: string[]) {
    if (bands.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT DISTINCT d.id, d.signature, d.duplicate_of FROM signature_bands b JOIN documents d ON d.id = b.doc_id
         WHERE b.band IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(bands)) as { id: string; signature: string; duplicate_of: string | null }[];
    return rows.map((r) => ({ id: r.id, signature: JSON.parse(r.signature) as number[], duplicateOf: r.duplicate_of }));
  }

  async saveDocument(source: SourceInput, doc: Document, bands: string[], facts: DocFacts): Promise<SaveResult> {
    const db = this.db;
    const pendingIds = new Map<string, number>();
    const run = db.transaction((): SaveResult => {
      const existing = db.prepare("SELECT id FROM documents WHERE content_hash = ?").get(doc.contentHash) as
        | { id: string }
        | undefined;
      if (existing) return { status: "exists", id: existing.id };
      const rawHash = sha256(source.raw);
      db.prepare(
        `INSERT INTO sources(uri, content_type, raw, raw_sha256, fetched_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(uri, raw_sha256) DO NOTHING`,
      ).run(source.uri, source.contentType, Buffer.from(source.raw), rawHash, new Date().toISOString());
      const sourceRow = db
        .prepare("SELECT id FROM sources WHERE uri = ? AND raw_sha256 = ?")
        .get(source.uri, rawHash) as {
        id: number;
      };
      db.prepare(
        `INSERT INTO documents(id, source_id, source, title, outlet, authors, published, content_type, text, flags,
           duplicate_of, content_hash, signature, word_count, ingested_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        doc.id,
        sourceRow.id,
        doc.source,
        doc.title,
        doc.outlet,
        JSON.stringify(doc.authors),
        doc.published,
        doc.contentType,
        doc.text,
        JSON.stringify(doc.flags),
        doc.duplicateOf,
        doc.contentHash,
        JSON.stringify(doc.signature),
        countWords(doc.text),
        new Date().toISOString(),
      );
      const addBand = db.prepare("INSERT OR IGNORE INTO signature_bands(band, doc_id) VALUES (?, ?)");
      for (const b of bands) addBand.run(b, doc.id);
      const addSentence = db.prepare('INSERT INTO sentences(doc_id, idx, start, "end", text) VALUES (?, ?, ?, ?, ?)');
      for (const s of doc.sentences) addSentence.run(doc.id, s.index, s.start, s.end, s.text);
      this.saveFacts(doc.id, facts, pendingIds);
      return { status: "stored", id: doc.id };
    });
    const result = run();
    for (const [k, v] of pendingIds) this.entityIds.set(k, v);
    return result;
  }

  /** Entity row id for a key, creating the entity (and its search row) on first sight. */
  private entityId(ref: EntityRef | undefined, key: string, pending: Map<string, number>): number {
    const known = this.entityIds.get(key) ?? pending.get(key);
    if (known !== undefined) return known;
    const row = this.db.prepare("SELECT id FROM entities WHERE key = ?").get(key) as { id: number } | undefined;
    if (row) {
      pending.set(key, row.id);
      return row.id;
    }
    if (!ref) throw new Error(`fact names entity ${key}, which the document's entity list lacks`);
    const info = this.db
      .prepare("INSERT INTO entities(key, type, name, qid) VALUES (?, ?, ?, ?)")
      .run(key, ref.type, ref.name, ref.qid ?? null);
    const id = Number(info.lastInsertRowid);
    this.db.prepare("INSERT INTO entities_fts(rowid, names) VALUES (?, ?)").run(id, ref.name);
    pending.set(key, id);
    return id;
  }

  private saveFacts(docId: string, facts: DocFacts, pending: Map<string, number>): void {
    const db = this.db;
    const refs = new Map(facts.entities.map((e) => [e.key, e]));
    const id = (key: string) => this.entityId(refs.get(key), key, pending);
    for (const e of facts.entities) id(e.key);

    const addAlias = db.prepare("INSERT OR IGNORE INTO entity_aliases(entity_id, alias) VALUES (?, ?)");
    const addFtsAlias = db.prepare("UPDATE entities_fts SET names = names || ' | ' || ? WHERE rowid = ?");
    const addMention = db.prepare(
      'INSERT OR IGNORE INTO mentions(entity_id, doc_id, start, "end", text, method) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const m of facts.mentions) {
      const eid = id(m.key);
      addMention.run(eid, docId, m.start, m.end, m.text, m.method);
      if (addAlias.run(eid, m.text).changes > 0) addFtsAlias.run(m.text, eid);
    }

    const addEvidence = db.prepare(
      `INSERT OR IGNORE INTO evidence(fact_kind, fact_id, doc_id, start, "end", text, confidence, extra)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const evidence = (kind: string, factId: number, f: { confidence: number; evidence: Evidence }, extra?: unknown) =>
      addEvidence.run(
        kind,
        factId,
        docId,
        f.evidence.start,
        f.evidence.end,
        f.evidence.text,
        f.confidence,
        extra ? JSON.stringify(extra) : null,
      );

    const upsertRelation = db.prepare(
      `INSERT INTO relations(type, subject_id, object_id, negated, attrs) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(type, subject_id, object_id, negated, attrs) DO UPDATE SET type = excluded.type RETURNING id`,
    );
    for (const r of facts.relations) {
      const attrs = JSON.stringify(Object.fromEntries(Object.entries(r.attrs).sort()));
      const row = upsertRelation.get(r.type, id(r.subject), id(r.object), r.negated ? 1 : 0, attrs) as { id: number };
      evidence("relation", row.id, r);
    }

    const upsertEvent = db.prepare(
      `INSERT INTO events(code, root, date, location_id, negated, hypothetical, merge_key) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(merge_key) DO UPDATE SET location_id = COALESCE(events.location_id, excluded.location_id) RETURNING id`,
    );
    const addRole = db.prepare("INSERT OR IGNORE INTO event_roles(event_id, entity_id, role) VALUES (?, ?, ?)");
    for (const e of facts.events) {
      const mergeKey = [
        e.type,
        keyList(e.actors),
        keyList(e.targets),
        e.date ?? "",
        e.negated ? 1 : 0,
        e.hypothetical ? 1 : 0,
      ].join("|");
      const root = e.type.slice(0, 2);
      const loc = e.location ? id(e.location) : null;
      const row = upsertEvent.get(e.type, root, e.date, loc, e.negated ? 1 : 0, e.hypothetical ? 1 : 0, mergeKey) as {
        id: number;
      };
      for (const a of e.actors) addRole.run(row.id, id(a), "actor");
      for (const t of e.targets) addRole.run(row.id, id(t), "target");
      evidence("event", row.id, e, e.trigger ? { trigger: e.trigger } : undefined);
    }

    const upsertQuote = db.prepare(
      `INSERT INTO quotes(speaker_id, text, merge_key) VALUES (?, ?, ?)
       ON CONFLICT(merge_key) DO UPDATE SET text = quotes.text RETURNING id`,
    );
    for (const q of facts.quotes) {
      const sid = id(q.speaker);
      const norm = q.text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .trim();
      const row = upsertQuote.get(sid, q.text, `${sid}|${norm}`) as { id: number };
      evidence("quote", row.id, q);
    }

    const upsertQuantity = db.prepare(
      `INSERT INTO quantities(value, unit, measure, time, merge_key) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(merge_key) DO UPDATE SET measure = quantities.measure RETURNING id`,
    );
    const addSubject = db.prepare("INSERT OR IGNORE INTO quantity_subjects(quantity_id, entity_id) VALUES (?, ?)");
    for (const q of facts.quantities) {
      const mergeKey = [q.value, q.unit, keyList(q.subjects), q.time ?? "", q.measure.toLowerCase()].join("|");
      const row = upsertQuantity.get(q.value, q.unit, q.measure, q.time, mergeKey) as { id: number };
      for (const s of q.subjects) addSubject.run(row.id, id(s));
      evidence("quantity", row.id, q);
    }
  }

  async documents(): Promise<StoredDocumentSummary[]> {
    const rows = this.db
      .prepare("SELECT id, source, title, published, duplicate_of FROM documents ORDER BY rowid")
      .all() as {
      id: string;
      source: string;
      title: string | null;
      published: string | null;
      duplicate_of: string | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      source: r.source,
      title: r.title,
      published: r.published,
      duplicateOf: r.duplicate_of,
    }));
  }

  async stats(): Promise<StoreStats> {
    const db = this.db;
    const one = (sql: string) => Number((db.prepare(sql).pluck().get() as number | null) ?? 0);
    const grouped = (sql: string) =>
      Object.fromEntries((db.prepare(sql).all() as { k: string; n: number }[]).map((r) => [r.k, r.n]));
    const flags: Record<string, number> = {};
    for (const row of db.prepare("SELECT flags FROM documents WHERE flags <> '[]'").pluck().all() as string[]) {
      for (const f of JSON.parse(row) as string[]) flags[f] = (flags[f] ?? 0) + 1;
    }
    return {
      documents: one("SELECT count(*) FROM documents"),
      sources: one("SELECT count(*) FROM sources"),
      sentences: one("SELECT count(*) FROM sentences"),
      words: one("SELECT sum(word_count) FROM documents"),
      duplicates: one("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"),
      flags,
      entities: grouped("SELECT type AS k, count(*) AS n FROM entities GROUP BY type ORDER BY type"),
      mentions: one("SELECT count(*) FROM mentions"),
      relations: grouped("SELECT type AS k, count(*) AS n FROM relations GROUP BY type ORDER BY type"),
      events: grouped("SELECT root AS k, count(*) AS n FROM events GROUP BY root ORDER BY root"),
      quotes: one("SELECT count(*) FROM quotes"),
      quantities: one("SELECT count(*) FROM quantities"),
    };
  }

  async *exportLines(kinds: ReadonlySet<InterchangeKind>): AsyncIterable<InterchangeLine> {
    yield* sqliteExportLines(this.db, kinds);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}
