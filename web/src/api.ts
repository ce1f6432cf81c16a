// The JSON API, typed with the server's own view types (type-only imports: nothing from the server is bundled).
import type { SourceComparison } from "../../src/api/compare.js";
import type { MapCountry } from "../../src/api/historical-states.js";
import type { MapPlaces } from "../../src/api/map-places.js";
import type { Vocabulary } from "../../src/api/vocabulary.js";
import type { DatedGraph } from "../../src/store/graph-dates.js";
import type { SearchFacets } from "../../src/store/search-facets.js";
import type {
  CountryInvolvement,
  DocumentSummary,
  DocumentView,
  Dossier,
  EntityListItem,
  EventView,
  FactView,
  Overview,
  QuantityView,
  QuoteView,
  RelationView,
  SearchResult,
} from "../../src/store/sqlite-read.js";

export type { MapCountry } from "../../src/api/historical-states.js";
export type { MapPlaces, PlacedPlace, UnplacedPlace } from "../../src/api/map-places.js";
export type {
  DatedGraph as Graph,
  DatedGraphEdge as GraphEdge,
  DatedGraphNode as GraphNode,
} from "../../src/store/graph-dates.js";
export type {
  EntitySummary,
  EvidenceView,
  QuantityView,
  QuoteView,
  TextPart,
} from "../../src/store/sqlite-read.js";
export type {
  CountryInvolvement,
  DocumentSummary,
  DocumentView,
  Dossier,
  EntityListItem,
  EventView,
  FactView,
  Overview,
  RelationView,
  SearchFacets,
  SearchResult,
  SourceComparison,
  Vocabulary,
};

export interface Page<T> {
  total: number;
  items: T[];
}

/** An answer other than 200, with the server's message and the parameter it names. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | string[] | null | undefined>;

export function queryString(q: Query): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) continue;
    p.set(k, Array.isArray(v) ? v.join(",") : String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : "";
}

async function get<T>(path: string, q: Query = {}): Promise<T> {
  const res = await fetch(`/api${path}${queryString(q)}`, { headers: { Accept: "application/json" } });
  const body = (await res.json().catch(() => ({ error: `${res.status} ${res.statusText}` }))) as {
    error?: string;
    parameter?: string;
  };
  if (!res.ok) throw new ApiError(res.status, body.error ?? res.statusText, body.parameter);
  return body as T;
}

const cache = new Map<string, Promise<unknown>>();
/** Responses that do not change while the page is open. */
function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

export const api = {
  overview: () => get<Overview>("/overview"),
  vocabulary: () => once("vocabulary", () => get<Vocabulary>("/vocabulary")),
  search: (q: Query) => get<SearchResult & { facets?: SearchFacets }>("/search", q),
  entities: (q: Query) => get<Page<EntityListItem>>("/entities", q),
  dossier: (id: number) => get<Dossier>(`/entities/${id}`),
  graph: (id: number, q: Query) => get<DatedGraph>(`/entities/${id}/graph`, q),
  sources: (id: number) => get<SourceComparison>(`/entities/${id}/sources`),
  events: (q: Query) => get<Page<EventView>>("/events", q),
  relation: (id: number) => get<RelationView>(`/relations/${id}`),
  fact: (kind: FactView["kind"], id: number) =>
    get<FactView>(`/${kind === "quantity" ? "quantities" : `${kind}s`}/${id}`),
  quotes: (q: Query) => get<Page<QuoteView>>("/quotes", q),
  quantities: (q: Query) => get<Page<QuantityView>>("/quantities", q),
  documents: (q: Query) => get<Page<DocumentSummary>>("/documents", q),
  document: (id: string) => get<DocumentView>(`/documents/${encodeURIComponent(id)}`),
  map: (q: Query) => get<{ focus: number | null; countries: MapCountry[] }>("/map", q),
  mapPlaces: (q: Query) => get<MapPlaces>("/map/places", q),
};
