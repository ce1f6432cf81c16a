// SQLite implementation of the store (better-sqlite3, WAL, FTS5). Every document is one transaction, or, in a bulk
// load (Store.bulk), one savepoint of a batch transaction that commits every BATCH_DOCS documents or BATCH_MS.
import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import type { InterchangeKind, InterchangeLine } from "../export/interchange.js";
import type { DocFacts, Document, EntityRef, Evidence } from "../types.js";
import { inTextOrder, spansWithin } from "../util/spans.js";
import { stageLaps, timeStage } from "../util/stage-timer.js";
import { FactTally, factAggregateStatements } from "./fact-aggregates.js";
import { MIGRATIONS } from "./schema.js";
import { sqliteExportLines } from "./sqlite-export.js";
import type { RowMarks, SaveResult, SourceInput, Store, StoredDocumentSummary, StoreStats } from "./store.js";

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

/** Every statement ingest runs, compiled once per store. */
function writeStatements(db: Db) {
  return {
    docByHash: db.prepare("SELECT id FROM documents WHERE content_hash = ?").pluck(),
    candidates: db.prepare(
      `SELECT DISTINCT d.id, d.signature, d.duplicate_of FROM signature_bands b JOIN documents d ON d.id = b.doc_id
       WHERE b.band IN (SELECT value FROM json_each(?))`,
    ),
    addSource: db
      .prepare(
        `INSERT INTO sources(uri, content_type, raw, raw_sha256, fetched_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(uri, raw_sha256) DO NOTHING RETURNING id`,
      )
      .pluck(),
    sourceId: db.prepare("SELECT id FROM sources WHERE uri = ? AND raw_sha256 = ?").pluck(),
    addDocument: db.prepare(
      `INSERT INTO documents(id, source_id, source, title, outlet, authors, published, content_type, text, flags,
         duplicate_of, content_hash, signature, word_count, ingested_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    addBand: db.prepare("INSERT OR IGNORE INTO signature_bands(band, doc_id) VALUES (?, ?)"),
    addSentence: db.prepare('INSERT INTO sentences(doc_id, idx, start, "end", text) VALUES (?, ?, ?, ?, ?)'),
    addSentenceFts: db.prepare("INSERT INTO sentences_fts(rowid, text) VALUES (?, ?)"),
    entityByKey: db.prepare("SELECT id, name FROM entities WHERE key = ?"),
    addEntity: db.prepare("INSERT INTO entities(key, type, name, qid) VALUES (?, ?, ?, ?)"),
    addEntityFts: db.prepare("INSERT INTO entities_fts(rowid, names) VALUES (?, ?)"),
    addAlias: db.prepare("INSERT OR IGNORE INTO entity_aliases(entity_id, alias) VALUES (?, ?)"),
    appendFtsNames: db.prepare("UPDATE entities_fts SET names = names || ? WHERE rowid = ?"),
    addMention: db.prepare(
      'INSERT OR IGNORE INTO mentions(entity_id, doc_id, start, "end", text, method) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    addEvidence: db.prepare(
      `INSERT OR IGNORE INTO evidence(fact_kind, fact_id, doc_id, start, "end", text, confidence, extra)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    // A relation stored before has evidence: a returned count of 0 means this document created it.
    upsertRelation: db.prepare(
      `INSERT INTO relations(type, subject_id, object_id, negated, attrs) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(type, subject_id, object_id, negated, attrs) DO UPDATE SET type = excluded.type
       RETURNING id, evidence`,
    ),
    // The relation of this type, ends and polarity stored first, whatever its attributes.
    findRelation: db.prepare(
      `SELECT id, evidence, attrs FROM relations WHERE type = ? AND subject_id = ? AND object_id = ? AND negated = ?
       ORDER BY id LIMIT 1`,
    ),
    updateRelationAttrs: db.prepare("UPDATE OR IGNORE relations SET attrs = ? WHERE id = ?"),
    countRelationEvidence: db.prepare(
      "UPDATE relations SET evidence = evidence + 1, sources = sources + ? WHERE id = ?",
    ),
    // Whether an earlier document with this canonical backs the relation (only a near-copy can have one).
    relationHasCanonical: db
      .prepare(
        `SELECT 1 FROM evidence ev JOIN documents d ON d.id = ev.doc_id
         WHERE ev.fact_kind = 'relation' AND ev.fact_id = ? AND ev.doc_id <> ? AND COALESCE(d.duplicate_of, d.id) = ?
         LIMIT 1`,
      )
      .pluck(),
    // An event dated by publication keeps the earliest publication date among its reports (see saveFacts).
    upsertEvent: db.prepare(
      `INSERT INTO events(code, root, date, date_source, location_id, negated, hypothetical, merge_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(merge_key) DO UPDATE SET location_id = COALESCE(events.location_id, excluded.location_id),
           date = CASE WHEN excluded.date_source = 'published' AND (events.date IS NULL OR excluded.date < events.date)
             THEN excluded.date ELSE events.date END,
           date_source = CASE WHEN events.date IS NULL THEN excluded.date_source ELSE events.date_source END
         RETURNING id, date`,
    ),
    addRole: db.prepare("INSERT OR IGNORE INTO event_roles(event_id, entity_id, role, date) VALUES (?, ?, ?, ?)"),
    redateRoles: db.prepare("UPDATE event_roles SET date = @date WHERE event_id = @id AND date IS NOT @date"),
    upsertQuote: db
      .prepare(
        `INSERT INTO quotes(speaker_id, text, merge_key) VALUES (?, ?, ?)
         ON CONFLICT(merge_key) DO UPDATE SET text = quotes.text RETURNING id`,
      )
      .pluck(),
    upsertQuantity: db
      .prepare(
        `INSERT INTO quantities(value, unit, measure, time, merge_key) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(merge_key) DO UPDATE SET measure = quantities.measure RETURNING id`,
      )
      .pluck(),
    addSubject: db.prepare("INSERT OR IGNORE INTO quantity_subjects(quantity_id, entity_id, time) VALUES (?, ?, ?)"),
    addEventPairs: db.prepare(
      `INSERT INTO event_pairs(actor_id, target_id, root, events) VALUES (?, ?, ?, ?)
       ON CONFLICT(actor_id, target_id, root) DO UPDATE SET events = events + excluded.events`,
    ),
    addQuoteAbout: db.prepare("INSERT OR IGNORE INTO quote_about(entity_id, quote_id) VALUES (?, ?)"),
    hasCanonical: db
      .prepare("SELECT 1 FROM entity_documents WHERE entity_id = ? AND canonical = ? AND mentions > 0 LIMIT 1")
      .pluck(),
    addEntityDocument: db.prepare(
      "INSERT INTO entity_documents(entity_id, doc_id, canonical, published, mentions) VALUES (?, ?, ?, ?, ?)",
    ),
    addStats: db.prepare(
      `INSERT INTO entity_stats(entity_id, mentions, documents, canonicals, relations_out, relations_in,
         relations_self, events, as_actor, as_target, event_pairs)
       VALUES (:id, :mentions, :documents, :canonicals, :relationsOut, :relationsIn, :relationsSelf, :events,
         :asActor, :asTarget, :eventPairs)
       ON CONFLICT(entity_id) DO UPDATE SET mentions = mentions + excluded.mentions,
         documents = documents + excluded.documents, canonicals = canonicals + excluded.canonicals,
         relations_out = relations_out + excluded.relations_out, relations_in = relations_in + excluded.relations_in,
         relations_self = relations_self + excluded.relations_self, events = events + excluded.events,
         as_actor = as_actor + excluded.as_actor, as_target = as_target + excluded.as_target,
         event_pairs = event_pairs + excluded.event_pairs`,
    ),
    facts: factAggregateStatements(db),
  };
}

/** What one document adds to an entity's counters (entity_stats). */
interface StatsDelta {
  mentions: number;
  documents: number;
  canonicals: number;
  relationsOut: number;
  relationsIn: number;
  relationsSelf: number;
  events: number;
  asActor: number;
  asTarget: number;
  eventPairs: number;
}

const noDelta = (): StatsDelta => ({
  mentions: 0,
  documents: 0,
  canonicals: 0,
  relationsOut: 0,
  relationsIn: 0,
  relationsSelf: 0,
  events: 0,
  asActor: 0,
  asTarget: 0,
  eventPairs: 0,
});

interface KnownEntity {
  id: number;
  /** The stored canonical name: its search row starts with it, and a mention reading it adds no alias there. */
  name: string;
}

/** What one document's transaction learnt about entities: kept once it commits. */
interface Pending {
  entities: Map<string, KnownEntity>;
  aliases: Set<string>;
}

/**
 * Mentions that stand for their entity without naming it: a capital or seat for its state ("Beijing" for China), a
 * demonym ("Kazakh"), a role ("the Kazakh president"). They are mentions, but not what the entity is also called:
 * they add no alias and no search name. Migration 8 takes the ones older stores kept.
 */
export const NOT_NAMING_METHODS: readonly string[] = ["kb-metonym", "kb-demonym", "role"];

/** Whether a mention's text is another name of its entity: not a stand-in, nor the name in other letter case. */
function namesAnew(m: { text: string; method: string }, e: KnownEntity): boolean {
  return !NOT_NAMING_METHODS.includes(m.method) && (m.text === e.name || m.text.toLowerCase() !== e.name.toLowerCase());
}

/**
 * Rows whose writing waits for the end of the transaction they belong to (a document's own, or a batch's), where
 * each is written once: full-text rows (FTS5 writes a segment at every savepoint that follows a change, so rows added
 * document by document inside a batch would cost a segment, and later merges, per document) and counters that many
 * documents of a batch add to (a hub entity's stats, a busy event pair).
 */
interface Deferred {
  /** Sentence id and text, for sentences_fts. */
  sentences: [number, string][];
  /** Text to add to an entity's search row; `created` when the row does not exist yet (a new entity). */
  names: Map<number, { created: boolean; text: string }>;
  stats: Map<number, StatsDelta>;
  /** "actorId|targetId|root" → events. */
  pairs: Map<string, number>;
}

const noDeferred = (): Deferred => ({ sentences: [], names: new Map(), stats: new Map(), pairs: new Map() });

function addDelta(into: Map<number, StatsDelta>, entityId: number, d: StatsDelta): void {
  const to = into.get(entityId);
  if (!to) {
    into.set(entityId, d);
    return;
  }
  for (const k of Object.keys(d) as (keyof StatsDelta)[]) to[k] += d[k];
}

/** Adds one transaction's deferred rows to the enclosing batch's. */
function mergeDeferred(into: Deferred, from: Deferred): void {
  for (const row of from.sentences) into.sentences.push(row);
  for (const [id, n] of from.names) {
    const to = into.names.get(id);
    if (to) to.text += n.text;
    else into.names.set(id, n);
  }
  for (const [id, d] of from.stats) addDelta(into.stats, id, d);
  for (const [k, n] of from.pairs) into.pairs.set(k, (into.pairs.get(k) ?? 0) + n);
}

/** Aliases and entities the store remembers having stored, at most; beyond this it asks SQLite again. */
const ALIAS_CACHE_MAX = 200_000;
const ENTITY_CACHE_MAX = 200_000;

/**
 * A bulk load's batch commits after this many documents or this long after its first, whichever comes first, and
 * when the load ends: a kill loses at most the open batch, which a re-run stores again. One commit per document
 * wrote every page a document touched (about 150: each index's hot pages, the full-text segments) to the WAL once
 * per document; a batch writes a page once however many of its documents changed it.
 */
export const BATCH_DOCS = 500;
export const BATCH_MS = 1000;

interface Batch {
  docs: number;
  started: number;
  timer: NodeJS.Timeout;
  deferred: Deferred;
}

export class SqliteStore implements Store {
  readonly kind = "sqlite" as const;
  readonly db: Db;
  private readonly entities = new Map<string, KnownEntity>();
  /** "entityId|alias" pairs known to be in entity_aliases. */
  private readonly aliases = new Set<string>();
  private stmts: ReturnType<typeof writeStatements> | undefined;
  /** Open bulk loads (Store.bulk); while above 0, documents are saved in batches. */
  private bulkDepth = 0;
  private batch: Batch | null = null;
  /** Why the last batch could not commit (a commit from the timer has no caller to throw to): thrown next. */
  private batchError: Error | null = null;

  private readonly batchDocs: number;
  private readonly batchMs: number;

  /** `batchDocs`, `batchMs`: when a bulk load's batch commits (BATCH_DOCS, BATCH_MS unless given). */
  constructor(
    readonly path: string,
    opts: { batchDocs?: number; batchMs?: number } = {},
  ) {
    this.batchDocs = opts.batchDocs ?? BATCH_DOCS;
    this.batchMs = opts.batchMs ?? BATCH_MS;
    try {
      this.db = new Database(path);
    } catch (err) {
      throw new Error(`cannot open database ${path}: ${(err as Error).message}`);
    }
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("busy_timeout = 5000");
    // Ingest writes one transaction per document, each touching pages all over the indexes. Checkpointing every
    // ~40 MB of WAL instead of every 4 MB writes a page that many documents changed once, not once per 4 MB, and
    // syncs ten times less often; a 32 MB page cache keeps the hot index pages of a large store in memory.
    this.db.pragma("wal_autocheckpoint = 10000");
    this.db.pragma("cache_size = -32000");
    try {
      migrate(this.db);
    } catch (err) {
      this.db.close();
      throw new Error(`cannot use database ${path}: ${(err as Error).message}`);
    }
  }

  private get s(): ReturnType<typeof writeStatements> {
    this.stmts ??= writeStatements(this.db);
    return this.stmts;
  }

  async findByContentHash(hash: string): Promise<string | null> {
    return (this.s.docByHash.get(hash) as string | undefined) ?? null;
  }

  async nearDuplicateCandidates(bands: string[]) {
    if (bands.length === 0) return [];
    const rows = this.s.candidates.all(JSON.stringify(bands)) as {
      id: string;
      signature: string;
      duplicate_of: string | null;
    }[];
    return rows.map((r) => ({ id: r.id, signature: JSON.parse(r.signature) as number[], duplicateOf: r.duplicate_of }));
  }

  async bulk<T>(fn: () => Promise<T>): Promise<T> {
    this.bulkDepth++;
    try {
      return await fn();
    } finally {
      // What was saved stays saved, whether the load ends or throws.
      if (--this.bulkDepth === 0) this.commitBatch();
    }
  }

  /** Commits the open batch, if any. A failed commit rolls the batch back and forgets what it cached of it. */
  private commitBatch(): void {
    const b = this.batch;
    if (!b) return;
    this.batch = null;
    clearTimeout(b.timer);
    try {
      timeStage("store.commit", () => {
        this.writeDeferred(b.deferred);
        this.db.exec("COMMIT");
      });
    } catch (err) {
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
      this.entities.clear();
      this.aliases.clear();
      throw err;
    } finally {
      this.db.pragma("temp_store = DEFAULT");
    }
  }

  /** Starts a batch transaction unless one is open. */
  private openBatch(): Batch {
    if (this.batch) return this.batch;
    // A document's savepoint journals the first change to each page; in memory that is a copy, on disk a write
    // per page (about a thousand a document).
    this.db.pragma("temp_store = MEMORY");
    this.db.exec("BEGIN IMMEDIATE");
    // Between documents only (a save never awaits): a slow input (a fetch) never holds a batch open for long.
    const timer = setTimeout(() => {
      try {
        this.commitBatch();
      } catch (err) {
        this.batchError = err as Error;
      }
    }, this.batchMs);
    timer.unref();
    this.batch = { docs: 0, started: performance.now(), timer, deferred: noDeferred() };
    return this.batch;
  }

  async saveDocument(source: SourceInput, doc: Document, bands: string[], facts: DocFacts): Promise<SaveResult> {
    if (this.batchError) {
      const err = this.batchError;
      this.batchError = null;
      throw new Error(`the batch before this document could not be committed: ${err.message}`);
    }
    const s = this.s;
    const pending: Pending = { entities: new Map(), aliases: new Set() };
    const batch = this.bulkDepth > 0 ? this.openBatch() : null;
    const deferred = noDeferred();
    const lap = stageLaps();
    const run = this.db.transaction((): SaveResult => {
      const existing = s.docByHash.get(doc.contentHash) as string | undefined;
      if (existing) return { status: "exists", id: existing };
      const rawHash = sha256(source.raw);
      const sourceId = (s.addSource.get(
        source.uri,
        source.contentType,
        Buffer.from(source.raw),
        rawHash,
        new Date().toISOString(),
      ) ?? s.sourceId.get(source.uri, rawHash)) as number;
      s.addDocument.run(
        doc.id,
        sourceId,
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
      for (const b of bands) s.addBand.run(b, doc.id);
      for (const x of doc.sentences) {
        const id = Number(s.addSentence.run(doc.id, x.index, x.start, x.end, x.text).lastInsertRowid);
        deferred.sentences.push([id, x.text]);
      }
      lap("store.document");
      this.saveFacts(doc, facts, pending, deferred, lap);
      if (!batch) this.writeDeferred(deferred);
      return { status: "stored", id: doc.id };
    });
    // In a batch the transaction is a savepoint: a document that throws is rolled back alone.
    const result = run();
    // Outside a batch: the deferred rows and the commit; in one, the savepoint's release.
    lap("store.commit");
    if (batch && result.status === "stored") mergeDeferred(batch.deferred, deferred);
    if (this.entities.size + pending.entities.size > ENTITY_CACHE_MAX) this.entities.clear();
    for (const [k, v] of pending.entities) this.entities.set(k, v);
    if (this.aliases.size + pending.aliases.size > ALIAS_CACHE_MAX) this.aliases.clear();
    for (const a of pending.aliases) this.aliases.add(a);
    if (batch && (++batch.docs >= this.batchDocs || performance.now() - batch.started >= this.batchMs))
      this.commitBatch();
    return result;
  }

  /** Writes what a transaction deferred (see Deferred), before it commits. */
  private writeDeferred(d: Deferred): void {
    const s = this.s;
    for (const [id, text] of d.sentences) s.addSentenceFts.run(id, text);
    for (const [id, n] of d.names) {
      if (n.created) s.addEntityFts.run(id, n.text);
      else s.appendFtsNames.run(n.text, id);
    }
    for (const [id, delta] of d.stats) s.addStats.run({ id, ...delta });
    for (const [k, n] of d.pairs) {
      const [actor, target, root] = k.split("|");
      s.addEventPairs.run(Number(actor), Number(target), root, n);
    }
  }

  /** The entity for a key, creating it (and, deferred, its search row) on first sight. */
  private entity(ref: EntityRef | undefined, key: string, pending: Pending, deferred: Deferred): KnownEntity {
    const known = this.entities.get(key) ?? pending.entities.get(key);
    if (known) return known;
    const s = this.s;
    const row = s.entityByKey.get(key) as KnownEntity | undefined;
    if (row) {
      pending.entities.set(key, row);
      return row;
    }
    if (!ref) throw new Error(`fact names entity ${key}, which the document's entity list lacks`);
    const id = Number(s.addEntity.run(key, ref.type, ref.name, ref.qid ?? null).lastInsertRowid);
    deferred.names.set(id, { created: true, text: ref.name });
    const created = { id, name: ref.name };
    pending.entities.set(key, created);
    return created;
  }

  private saveFacts(
    doc: Document,
    facts: DocFacts,
    pending: Pending,
    deferred: Deferred,
    lap: (stage: string) => void,
  ): void {
    const s = this.s;
    const docId = doc.id;
    const refs = new Map(facts.entities.map((e) => [e.key, e]));
    const entity = (key: string) => this.entity(refs.get(key), key, pending, deferred);
    const id = (key: string) => entity(key).id;
    for (const e of facts.entities) entity(e.key);
    const deltas = deferred.stats;
    const delta = (entityId: number) => {
      let d = deltas.get(entityId);
      if (!d) {
        d = noDelta();
        deltas.set(entityId, d);
      }
      return d;
    };

    // New aliases go to the entity's search row once each, one update per entity; the canonical name is already
    // there, so a mention reading exactly the name is stored as an alias but not appended again.
    const newNames = new Map<number, string[]>();
    for (const m of facts.mentions) {
      const e = entity(m.key);
      if (s.addMention.run(e.id, docId, m.start, m.end, m.text, m.method).changes > 0) delta(e.id).mentions++;
      if (!namesAnew(m, e)) continue;
      const aliasKey = `${e.id}|${m.text}`;
      if (this.aliases.has(aliasKey) || pending.aliases.has(aliasKey)) continue;
      pending.aliases.add(aliasKey);
      if (s.addAlias.run(e.id, m.text).changes > 0 && m.text !== e.name) {
        const list = newNames.get(e.id);
        if (list) list.push(m.text);
        else newNames.set(e.id, [m.text]);
      }
    }
    for (const [eid, names] of newNames) {
      const text = names.map((n) => ` | ${n}`).join("");
      const row = deferred.names.get(eid);
      if (row) row.text += text;
      else deferred.names.set(eid, { created: false, text });
    }
    const canonical = doc.duplicateOf ?? docId;
    for (const [eid, d] of deltas) {
      if (d.mentions === 0) continue;
      d.documents = 1;
      // A document that is its own canonical is the first of it (a copy names a stored document): only copies ask.
      d.canonicals = doc.duplicateOf && s.hasCanonical.get(eid, canonical) ? 0 : 1;
      s.addEntityDocument.run(eid, docId, canonical, doc.published, d.mentions);
    }

    lap("store.mentions");

    const tally = new FactTally();
    const evidence = (kind: string, factId: number, f: { confidence: number; evidence: Evidence }, extra?: unknown) => {
      const added = s.addEvidence.run(
        kind,
        factId,
        docId,
        f.evidence.start,
        f.evidence.end,
        f.evidence.text,
        f.confidence,
        extra ? JSON.stringify(extra) : null,
      );
      tally.evidence(kind, factId, f.confidence, added.changes);
      return added;
    };

    // One relation per type, ends and polarity: a second statement with other attributes ("a founding member")
    // adds them to the stored relation instead of storing the relation again.
    const relationRow = (type: string, subject: number, object: number, negated: number, attrs: string) => {
      const stored = s.findRelation.get(type, subject, object, negated) as
        | { id: number; evidence: number; attrs: string }
        | undefined;
      if (!stored)
        return s.upsertRelation.get(type, subject, object, negated, attrs) as { id: number; evidence: number };
      if (stored.attrs !== attrs) {
        const merged = { ...(JSON.parse(attrs) as object), ...(JSON.parse(stored.attrs) as object) };
        const json = JSON.stringify(Object.fromEntries(Object.entries(merged).sort()));
        if (json !== stored.attrs) s.updateRelationAttrs.run(json, stored.id);
      }
      return stored;
    };
    const sourced = new Set<number>();
    for (const r of facts.relations) {
      const attrs = JSON.stringify(Object.fromEntries(Object.entries(r.attrs).sort()));
      const subject = id(r.subject);
      const object = id(r.object);
      const row = relationRow(r.type, subject, object, r.negated ? 1 : 0, attrs);
      tally.parties("relation", row.id, [subject, object]);
      if (row.evidence === 0) {
        delta(subject).relationsOut++;
        delta(object).relationsIn++;
        if (subject === object) delta(subject).relationsSelf++;
      }
      if (evidence("relation", row.id, r, r.basis ? { basis: r.basis } : undefined).changes > 0) {
        // A new independent source: this document is the relation's first from its canonical. A document that is
        // its own canonical has no earlier copies (a copy names a stored document), so only copies look further.
        let fresh = 0;
        if (!sourced.has(row.id)) {
          sourced.add(row.id);
          fresh = doc.duplicateOf && s.relationHasCanonical.get(row.id, docId, canonical) ? 0 : 1;
        }
        s.countRelationEvidence.run(fresh, row.id);
      }
    }
    lap("store.relations");

    for (const e of facts.events) {
      // A date the text states is part of an event's identity; a publication date is not. The text said nothing
      // of when it happened, so reports of one event published on different days (a story followed for a week, a
      // syndicated copy) must stay one event, as before events were dated by publication. The price is that two
      // distinct undated acts of the same type, actors and targets merge whatever their publication dates — as
      // they did when undated — rather than split the many re-reports of one act into one event a day. Such an
      // event keeps the earliest publication date among its reports: it happened on or before that day. A
      // "published" event never merges with one whose text states the same date (the key's date differs).
      const byText = e.date !== null && e.dateSource !== "published";
      const mergeKey = [
        e.type,
        keyList(e.actors),
        keyList(e.targets),
        byText ? e.date : "",
        e.negated ? 1 : 0,
        e.hypothetical ? 1 : 0,
      ].join("|");
      const root = e.type.slice(0, 2);
      const loc = e.location ? id(e.location) : null;
      const stored = s.upsertEvent.get(
        e.type,
        root,
        e.date,
        e.date === null ? null : byText ? "text" : "published",
        loc,
        e.negated ? 1 : 0,
        e.hypothetical ? 1 : 0,
        mergeKey,
      ) as { id: number; date: string | null };
      const eventId = stored.id;
      if (!byText && stored.date !== null) s.redateRoles.run({ id: eventId, date: stored.date });
      // An event's roles are part of its merge key: a document either adds all of them (a new event) or none.
      const actors = new Set(e.actors.map(id));
      const targets = new Set(e.targets.map(id));
      let added = 0;
      for (const a of actors) added += s.addRole.run(eventId, a, "actor", stored.date).changes;
      for (const t of targets) added += s.addRole.run(eventId, t, "target", stored.date).changes;
      if (added > 0) {
        for (const a of actors) {
          delta(a).asActor++;
          delta(a).eventPairs += targets.size;
        }
        for (const t of targets) {
          delta(t).asTarget++;
          delta(t).eventPairs += actors.size;
        }
        for (const x of new Set([...actors, ...targets])) delta(x).events++;
        for (const a of actors)
          for (const t of targets) {
            if (a === t) continue;
            const k = `${a}|${t}|${root}`;
            deferred.pairs.set(k, (deferred.pairs.get(k) ?? 0) + 1);
          }
      }
      tally.parties("event", eventId, [...actors, ...targets]);
      evidence("event", eventId, e, e.trigger ? { trigger: e.trigger } : undefined);
    }
    lap("store.events");

    const mentionsInOrder = facts.quotes.length ? inTextOrder(facts.mentions) : [];
    for (const q of facts.quotes) {
      const sid = id(q.speaker);
      const norm = q.text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .trim();
      const quoteId = s.upsertQuote.get(sid, q.text, `${sid}|${norm}`) as number;
      tally.parties("quote", quoteId, [sid]);
      evidence("quote", quoteId, q);
      // Quotes about an entity: someone else's quote whose sentence mentions it.
      for (const m of spansWithin(mentionsInOrder, q.evidence.start, q.evidence.end)) {
        const about = id(m.key);
        if (about !== sid) s.addQuoteAbout.run(about, quoteId);
      }
    }
    lap("store.quotes");

    for (const q of facts.quantities) {
      const mergeKey = [q.value, q.unit, keyList(q.subjects), q.time ?? "", q.measure.toLowerCase()].join("|");
      const quantityId = s.upsertQuantity.get(q.value, q.unit, q.measure, q.time, mergeKey) as number;
      for (const x of q.subjects) s.addSubject.run(quantityId, id(x), q.time);
      tally.parties("quantity", quantityId, q.subjects.map(id));
      evidence("quantity", quantityId, q);
    }
    lap("store.quantities");
    tally.write(s.facts, { id: docId, canonical, published: doc.published }, (e) => (deltas.get(e)?.mentions ?? 0) > 0);
    lap("store.facts");
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

  async rowMarks(): Promise<RowMarks> {
    // The largest rowid: rows are only ever added (a new row takes the largest plus one), so it counts them.
    const mark = (table: string) =>
      Number(this.db.prepare(`SELECT coalesce(max(rowid), 0) FROM ${table}`).pluck().get());
    return {
      documents: mark("documents"),
      entities: mark("entities"),
      mentions: mark("mentions"),
      relations: mark("relations"),
      events: mark("events"),
      quotes: mark("quotes"),
      quantities: mark("quantities"),
    };
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
    if (this.db.open) {
      this.commitBatch();
      this.db.close();
    }
  }
}

export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}
