// Read queries behind the HTTP API and the web UI: search, dossiers, graphs, timelines, documents.
// Opens the SQLite file read-only; every value reaches SQL as a bound parameter. Each view lives in its own module
// under read/ (one function per query, given the connection); SqliteReader is the one object callers hold.
import { ReadConnection } from "./read/connection.js";
import { document, documents } from "./read/documents.js";
import { dossier, dossierWithDocuments } from "./read/dossier.js";
import { entities, entity, entitySummaries } from "./read/entities.js";
import { events, relations } from "./read/fact-lists.js";
import { eventsById, fact, quantitiesById, quotesById, relationsById } from "./read/facts.js";
import { graph } from "./read/graph.js";
import { countries, eventPlaces } from "./read/map.js";
import { overview } from "./read/overview.js";
import { RANK_WINDOW, search } from "./read/search.js";
import {
  type CountryInvolvement,
  DOSSIER_LIMIT,
  type DocumentFilters,
  type DocumentSummary,
  type DocumentView,
  type Dossier,
  type EntityFilters,
  type EntityListItem,
  type EntitySummary,
  type EventFilters,
  type EventView,
  type FactDocuments,
  type FactKind,
  type FactView,
  type Graph,
  type GraphOptions,
  type Overview,
  type PlaceInvolvement,
  type QuantityView,
  type QuoteView,
  type RelationFilters,
  type RelationView,
  type SearchFilters,
  type SearchResult,
} from "./read/views.js";

export { ftsQuery } from "./read/full-text.js";
export { DATE_FROM_MATCH, DATE_TO_MATCH, SOURCE_MATCH } from "./read/sql-helpers.js";
export * from "./read/views.js";

export class SqliteReader extends ReadConnection {
  /** Matching sentences ranked by relevance at most: beyond this many, the newest this many are ranked. */
  static readonly RANK_WINDOW = RANK_WINDOW;

  overview(): Overview {
    return overview(this);
  }

  search(f: SearchFilters): SearchResult {
    return search(this, f);
  }

  entitySummaries(entityIds: Iterable<number>): Map<number, EntitySummary> {
    return entitySummaries(this, entityIds);
  }

  entity(id: number): EntitySummary | null {
    return entity(this, id);
  }

  entities(f: EntityFilters): { total: number; items: EntityListItem[] } {
    return entities(this, f);
  }

  dossier(id: number, limit = DOSSIER_LIMIT): Dossier | null {
    return dossier(this, id, limit);
  }

  /**
   * The dossier, and every document behind each listed fact (the facts carry at most EVIDENCE_SHOWN sentences):
   * the source comparison lists them all.
   */
  dossierWithDocuments(id: number, limit = DOSSIER_LIMIT): { dossier: Dossier; factDocuments: FactDocuments } | null {
    return dossierWithDocuments(this, id, limit);
  }

  /** `cap`: most evidence sentences per fact (lists); `docs` receives every document behind each fact. */
  relationsById(relationIds: number[], cap = Number.POSITIVE_INFINITY, docs?: FactDocuments): RelationView[] {
    return relationsById(this, relationIds, cap, docs);
  }

  eventsById(eventIds: number[], cap = Number.POSITIVE_INFINITY, docs?: FactDocuments): EventView[] {
    return eventsById(this, eventIds, cap, docs);
  }

  quotesById(quoteIds: number[], cap = Number.POSITIVE_INFINITY, docs?: FactDocuments): QuoteView[] {
    return quotesById(this, quoteIds, cap, docs);
  }

  quantitiesById(quantityIds: number[], cap = Number.POSITIVE_INFINITY, docs?: FactDocuments): QuantityView[] {
    return quantitiesById(this, quantityIds, cap, docs);
  }

  events(f: EventFilters): { total: number; items: EventView[] } {
    return events(this, f);
  }

  relations(f: RelationFilters): { total: number; items: RelationView[] } {
    return relations(this, f);
  }

  fact(kind: FactKind, id: number): FactView | null {
    return fact(this, kind, id);
  }

  graph(root: number, o: GraphOptions): Graph {
    return graph(this, root, o);
  }

  documents(f: DocumentFilters): { total: number; items: DocumentSummary[] } {
    return documents(this, f);
  }

  document(id: string): DocumentView | null {
    return document(this, id);
  }

  countries(focus?: number): CountryInvolvement[] {
    return countries(this, focus);
  }

  /** Location entities where events took place, most events first (see PlaceInvolvement). */
  eventPlaces(focus: number | undefined, limit: number): PlaceInvolvement[] {
    return eventPlaces(this, focus, limit);
  }
}
