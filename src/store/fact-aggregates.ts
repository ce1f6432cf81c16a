// What each fact, and each entity's facts, rest on, kept at ingest (schema migration 10), so that reads of a busy
// entity never go through every evidence row: per fact its evidence rows, independent sources, doubt and the best
// document of each source; per entity and document how many of the entity's facts the document backs; per entity
// its facts, the documents backing them and their independent sources. One tally per stored document.
import type Database from "better-sqlite3";

type Db = Database.Database;

/** A source's share of a fact's doubt: 1 - c, with c clamped to 0..0.99 as combinedConfidence clamps it. */
export const doubtOf = (confidence: number) => 1 - Math.min(0.99, Math.max(0, confidence));

export function factAggregateStatements(db: Db) {
  return {
    sourceOf: db.prepare(
      "SELECT doc_id, confidence, published FROM fact_sources WHERE fact_kind = ? AND fact_id = ? AND canonical = ?",
    ),
    setSource: db.prepare(
      `INSERT INTO fact_sources(fact_kind, fact_id, canonical, doc_id, confidence, published) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(fact_kind, fact_id, canonical) DO UPDATE SET doc_id = excluded.doc_id,
         confidence = excluded.confidence, published = excluded.published`,
    ),
    // Returns the evidence count after the update: equal to this document's rows when it created the fact.
    addSupport: db
      .prepare(
        `INSERT INTO fact_support(fact_kind, fact_id, evidence, sources, doubt)
           VALUES (:kind, :id, :rows, :newSource, :factor / :oldFactor)
         ON CONFLICT(fact_kind, fact_id) DO UPDATE SET evidence = evidence + excluded.evidence,
           sources = sources + excluded.sources,
           doubt = CASE WHEN :factor = :oldFactor THEN doubt ELSE doubt * :factor / :oldFactor END
         RETURNING evidence`,
      )
      .pluck(),
    addEntityDocument: db.prepare(
      `INSERT INTO entity_documents(entity_id, doc_id, canonical, published, mentions, facts) VALUES (?, ?, ?, ?, 0, ?)
       ON CONFLICT(entity_id, doc_id) DO UPDATE SET facts = excluded.facts`,
    ),
    // Whether another document with this canonical already backs one of the entity's facts.
    hasFactCanonical: db
      .prepare(
        "SELECT 1 FROM entity_documents WHERE entity_id = ? AND canonical = ? AND facts > 0 AND doc_id <> ? LIMIT 1",
      )
      .pluck(),
    addStats: db.prepare(
      `INSERT INTO entity_stats(entity_id, facts, fact_documents, fact_sources, fact_only_documents)
         VALUES (?, ?, 1, ?, ?)
       ON CONFLICT(entity_id) DO UPDATE SET facts = facts + excluded.facts,
         fact_documents = fact_documents + 1, fact_sources = fact_sources + excluded.fact_sources,
         fact_only_documents = fact_only_documents + excluded.fact_only_documents`,
    ),
  };
}

export type FactAggregateStatements = ReturnType<typeof factAggregateStatements>;

interface FactInDocument {
  kind: string;
  id: number;
  /** Evidence rows this document added. */
  rows: number;
  /** The best confidence among them. */
  confidence: number;
  parties: Set<number>;
}

/** Sources rank by their best document: highest confidence, then earliest published (undated last), then id. */
function ranksBefore(
  a: { confidence: number; published: string | null; doc: string },
  b: { confidence: number; published: string | null; doc: string },
): boolean {
  if (a.confidence !== b.confidence) return a.confidence > b.confidence;
  if (a.published !== b.published) {
    if (a.published === null) return false;
    if (b.published === null) return true;
    return a.published < b.published;
  }
  return a.doc < b.doc;
}

/** One document's evidence and the entities its facts are about; `write` adds them to the aggregates. */
export class FactTally {
  private readonly facts = new Map<string, FactInDocument>();

  private fact(kind: string, id: number): FactInDocument {
    const key = `${kind}:${id}`;
    let f = this.facts.get(key);
    if (!f) {
      f = { kind, id, rows: 0, confidence: 0, parties: new Set() };
      this.facts.set(key, f);
    }
    return f;
  }

  /** An evidence row the document stored (`inserted` 0 when it was there already). */
  evidence(kind: string, id: number, confidence: number, inserted: number): void {
    if (inserted === 0) return;
    const f = this.fact(kind, id);
    f.rows += inserted;
    f.confidence = Math.max(f.confidence, confidence);
  }

  /** The entities a fact is about: a relation's ends, an event's actors and targets, a speaker, a figure's subjects. */
  parties(kind: string, id: number, entityIds: Iterable<number>): void {
    const f = this.fact(kind, id);
    for (const e of entityIds) f.parties.add(e);
  }

  write(
    s: FactAggregateStatements,
    doc: { id: string; canonical: string; published: string | null },
    mentions: (entityId: number) => boolean,
  ): void {
    const copy = doc.canonical !== doc.id;
    const perEntity = new Map<number, { facts: number; created: number }>();
    for (const f of this.facts.values()) {
      if (f.rows === 0) continue;
      let newSource = 1;
      let factor = doubtOf(f.confidence);
      let oldFactor = 1;
      // A document that is its own canonical is the first of its source; only a near-copy can meet its source again.
      const old = copy
        ? (s.sourceOf.get(f.kind, f.id, doc.canonical) as
            | { doc_id: string; confidence: number; published: string | null }
            | undefined)
        : undefined;
      const mine = { confidence: f.confidence, published: doc.published, doc: doc.id };
      if (old) {
        newSource = 0;
        if (ranksBefore(mine, { ...old, doc: old.doc_id })) {
          oldFactor = doubtOf(old.confidence);
          s.setSource.run(f.kind, f.id, doc.canonical, doc.id, f.confidence, doc.published);
        } else factor = 1;
      } else s.setSource.run(f.kind, f.id, doc.canonical, doc.id, f.confidence, doc.published);
      const evidence = s.addSupport.get({ kind: f.kind, id: f.id, rows: f.rows, newSource, factor, oldFactor });
      const created = evidence === f.rows ? 1 : 0;
      for (const e of f.parties) {
        const tally = perEntity.get(e) ?? { facts: 0, created: 0 };
        tally.facts++;
        tally.created += created;
        perEntity.set(e, tally);
      }
    }
    for (const [e, t] of perEntity) {
      s.addEntityDocument.run(e, doc.id, doc.canonical, doc.published, t.facts);
      const newCanonical = copy && s.hasFactCanonical.get(e, doc.canonical, doc.id) ? 0 : 1;
      s.addStats.run(e, t.created, newCanonical, mentions(e) ? 0 : 1);
    }
  }
}
