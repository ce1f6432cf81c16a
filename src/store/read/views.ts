// The shapes the read views return (the JSON API answers with them; the web UI imports them as types).
import type { EntityType } from "../../types.js";

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

export interface FactSupport {
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
  /**
   * Near-copies of the hit's document (syndicated reprints) whose same sentence also matched on this page: folded
   * under the hit, which is the first copy's, instead of listed again.
   */
  copies: DocumentRef[];
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
  /** The entity's mentions in the document (0: it backs one of the entity's facts without naming it). */
  mentions: number;
  /** How many of the entity's facts (see Dossier.totals.facts) the document backs, listed or not. */
  facts: number;
}

/**
 * The counts a dossier gives, one definition each (docs/architecture.md, "Counts"), every one kept at ingest:
 * - facts: the facts the entity is party to: relations with it at either end, events with it as actor or target,
 *   quotes it said and figures about it, each once (an event it is both actor and target of is one fact). Quotes by
 *   others that mention it are listed (quotes.about) but are their speakers' facts, not its own.
 * - independentSources: distinct canonical documents behind those facts: the documents backing at least one of them,
 *   a near-copy counted with the document it copies.
 * - factDocuments: the documents backing at least one of its facts, every copy counted.
 * - entity.mentions, entity.documents: its mentions, and the documents that mention it.
 * - totals.sources: the documents of the sources list: those that mention it or back one of its facts.
 */
export interface Dossier {
  entity: EntitySummary & { aliases: string[]; mentions: number; documents: number };
  relations: { type: string; items: (RelationView & { direction: "out" | "in" })[] }[];
  events: { asActor: EventView[]; asTarget: EventView[] };
  quotes: { by: QuoteView[]; about: QuoteView[] };
  quantities: QuantityView[];
  /** Documents that mention the entity or back one of its facts, newest first (at most `limit`). */
  sources: SourceDocument[];
  /** Distinct canonical documents behind the entity's facts (near-copies folded): "N facts from M independent sources". */
  independentSources: number;
  /**
   * Full counts: `facts` and `factDocuments` as defined above, and how many items each list would hold without the
   * per-list limit. A list holds at most `limit` items: the best supported relations, the latest events, quotes and
   * quantities, the most recently published sources.
   */
  totals: {
    facts: number;
    factDocuments: number;
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
