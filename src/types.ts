// The types that flow from stage to stage (see docs/architecture.md).
// Everything positional is a character offset into a document's cleaned text.

export type EntityType = "country" | "person" | "organization" | "location" | "facility" | "initiative";
export const ENTITY_TYPES: readonly EntityType[] = [
  "country",
  "person",
  "organization",
  "location",
  "facility",
  "initiative",
];

export type RelationType =
  | "member_of"
  | "holds_position"
  | "affiliated_with"
  | "located_in"
  | "borders"
  | "trade_partner"
  | "supplies"
  | "invests_in"
  | "allied_with"
  | "opposes"
  | "operates"
  | "participates_in"
  | "created";

/** Relation types that hold in both directions (matched either way). */
export const SYMMETRIC_RELATIONS: ReadonlySet<RelationType> = new Set(["borders", "trade_partner", "allied_with"]);

/** A half-open character span [start, end) in a document's cleaned text. */
export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  index: number;
  text: string;
}

/** Metadata read from the page or the text itself. */
export interface DocumentMeta {
  title: string | null;
  authors: string[];
  outlet: string | null;
  /** ISO date: YYYY-MM-DD, YYYY-MM or YYYY. */
  published: string | null;
}

export type QualityFlag = "damaged-text";

/** A cleaned article, ready for annotation. */
export interface Document extends DocumentMeta {
  /** Stable id derived from the content hash. */
  id: string;
  /** Where it came from: a path, a URL; posts split from one page get "#1", "#2", ... */
  source: string;
  /** Media type the raw input was read as. */
  contentType: string;
  text: string;
  flags: QualityFlag[];
  /** Id of the document this one is a near-copy of (syndication), or null. */
  duplicateOf: string | null;
  /** SHA-256 of the normalised cleaned text: the same content is one document. */
  contentHash: string;
  /** MinHash signature of word shingles, for near-duplicate detection. */
  signature: number[];
  sentences: Sentence[];
}

/** Evidence: the sentence a fact was read from. `text` is document.text.slice(start, end). */
export interface Evidence extends Span {
  doc: string;
  text: string;
}

// ---- facts read from a document (extract/ produces them, store/ merges them) ----------------

/**
 * A resolved entity as the extractors name it. `key` is the identity: a knowledge-base id
 * ("country/CHN", "person/xi-jinping") or, for a name the knowledge base lacks, "new/<type>/<normalised name>".
 */
export interface EntityRef {
  key: string;
  type: EntityType;
  name: string;
  qid?: string | null;
}

export interface Mention extends Span {
  key: string;
  /** The surface form as written. */
  text: string;
  /** How identity was decided: "kb-alias", "kb-metonym", "kb-demonym", "acronym", "coref", "role", "new-name". */
  method: string;
}

interface FactBase {
  confidence: number;
  evidence: Evidence;
}

export interface RelationFact extends FactBase {
  type: RelationType;
  subject: string;
  object: string;
  negated: boolean;
  attrs: Record<string, string>;
  /**
   * "reference" when the tie comes from reference knowledge the document presupposes (a city it names lies in the
   * state it names, a known office-holder's office) rather than from the words of the evidence sentence; absent
   * when the sentence states it.
   */
  basis?: "reference";
}

export interface EventFact extends FactBase {
  /** CAMEO root code, optionally ".<finer>" ("04", "04.2", "15"). */
  type: string;
  actors: string[];
  targets: string[];
  date: string | null;
  /**
   * Where `date` comes from: "text" when the sentence states it (relative dates included, resolved against the
   * publication date), "published" when the text gives none and the event takes its document's publication date.
   * Absent when `date` is null.
   */
  dateSource?: "text" | "published";
  location: string | null;
  negated: boolean;
  hypothetical: boolean;
  /** The cue word or phrase that triggered the code. */
  trigger?: string;
}

export interface QuoteFact extends FactBase {
  speaker: string;
  text: string;
}

export interface QuantityFact extends FactBase {
  value: number;
  unit: string;
  measure: string;
  subjects: string[];
  time: string | null;
}

/** Everything read from one document. Entity keys in facts refer to `entities`. */
export interface DocFacts {
  entities: EntityRef[];
  mentions: Mention[];
  relations: RelationFact[];
  events: EventFact[];
  quotes: QuoteFact[];
  quantities: QuantityFact[];
}

export function emptyFacts(): DocFacts {
  return { entities: [], mentions: [], relations: [], events: [], quotes: [], quantities: [] };
}
