// The store interface. SQLite (embedded default) implements it; nothing above store/ writes SQL.
import type { InterchangeKind, InterchangeLine } from "../export/interchange.js";
import type { DocFacts, Document, QualityFlag } from "../types.js";

export interface SourceInput {
  uri: string;
  contentType: string;
  /** The input's bytes exactly as read. */
  raw: Uint8Array;
}

export interface StoredDocumentSummary {
  id: string;
  source: string;
  title: string | null;
  published: string | null;
  duplicateOf: string | null;
}

export interface StoreStats {
  documents: number;
  sources: number;
  sentences: number;
  words: number;
  duplicates: number;
  flags: Partial<Record<QualityFlag, number>>;
  entities: Record<string, number>;
  mentions: number;
  relations: Record<string, number>;
  events: Record<string, number>;
  quotes: number;
  quantities: number;
}

/** What `saveDocument` did: stored it, or found the same content already stored. */
export type SaveResult = { status: "stored"; id: string } | { status: "exists"; id: string };

export interface RowMarks {
  documents: number;
  entities: number;
  mentions: number;
  relations: number;
  events: number;
  quotes: number;
  quantities: number;
}

export interface Store {
  readonly kind: "sqlite" | "postgres";
  /** Id of a stored document with this content hash, if any. */
  findByContentHash(hash: string): Promise<string | null>;
  /** Stored documents whose signatures share a band with this one: candidates for near-copies. */
  nearDuplicateCandidates(bands: string[]): Promise<{ id: string; signature: number[]; duplicateOf: string | null }[]>;
  /**
   * Stores a document, its source, sentences and facts in one transaction: its own, or inside `bulk`, a savepoint
   * of a batch transaction (a document that throws is rolled back alone; the batch commits a few times a second and
   * when the bulk load ends). Documents saved inside `bulk` are visible to this store at once, to other readers once
   * their batch commits.
   */
  saveDocument(source: SourceInput, doc: Document, bands: string[], facts: DocFacts): Promise<SaveResult>;
  /** Runs a bulk load (an ingest run): the documents fn saves commit in batches, the last when fn settles. */
  bulk<T>(fn: () => Promise<T>): Promise<T>;
  documents(): Promise<StoredDocumentSummary[]>;
  stats(): Promise<StoreStats>;
  /**
   * A mark per kind of row (documents, entities, mentions, relations, events, quotes, quantities) that grows by one
   * with each row stored and costs one index lookup to read, whatever the store's size: the difference of two
   * readings is what was stored between them (ingest only ever adds rows).
   */
  rowMarks(): Promise<RowMarks>;
  /** Everything stored, as interchange lines of the given kinds, in spec order (documents, entities, facts). */
  exportLines(kinds: ReadonlySet<InterchangeKind>): AsyncIterable<InterchangeLine>;
  close(): Promise<void>;
}
