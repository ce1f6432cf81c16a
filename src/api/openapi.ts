// The OpenAPI 3 document, built from the route declarations so every route and parameter is described.
import { EVIDENCE_SHOWN } from "../store/sqlite-read.js";
import type { Param } from "./params.js";
import type { Route } from "./routes.js";

const obj = (description: string, properties: Record<string, unknown>) => ({
  type: "object",
  description,
  properties,
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const arr = (items: unknown) => ({ type: "array", items });
const str = { type: "string" };
const int = { type: "integer" };
const num = { type: "number" };
const bool = { type: "boolean" };
const nullable = (s: Record<string, unknown>) => ({ ...s, type: [s.type as string, "null"] });
const counted = (description: string) => ({ ...int, description });
const list = (item: string) => obj(`A page of ${item} items.`, { total: int, items: arr(ref(item)) });

const SCHEMAS: Record<string, unknown> = {
  Error: {
    type: "object",
    required: ["error"],
    properties: {
      error: { type: "string", description: "What went wrong, in words." },
      parameter: { type: "string", description: "The parameter at fault, for 400s." },
    },
  },
  EntitySummary: obj("An entity's identity.", {
    id: int,
    key: { type: "string", description: "Knowledge-base key, e.g. country/CHN, or new/<type>/<name>." },
    type: { type: "string", enum: ["country", "person", "organization", "location", "facility", "initiative"] },
    name: str,
    qid: nullable(str),
  }),
  Evidence: obj("A sentence a fact was read from: text is exactly document.text.slice(start, end).", {
    doc: str,
    start: int,
    end: int,
    text: str,
    confidence: num,
    trigger: nullable(str),
    basis: {
      type: "string",
      enum: ["text", "reference"],
      description:
        "text: the sentence states the fact; reference: the fact comes from reference knowledge the document " +
        "presupposes (a city it names lies in the state it names), and the sentence only names its ends.",
    },
    title: nullable(str),
    outlet: nullable(str),
    published: nullable(str),
    source: str,
    canonical: { type: "string", description: "The original this document copies, or its own id." },
  }),
  Fact: {
    type: "object",
    description:
      "A relation, event, quote or quantity (see kind) with confidence, independent sources and evidence sentences.",
    required: ["kind", "id", "confidence", "sources", "evidenceTotal", "evidence"],
    properties: {
      kind: { type: "string", enum: ["relation", "event", "quote", "quantity"] },
      id: int,
      confidence: {
        type: "number",
        description: "1 − Π(1 − c) over the best confidence of each independent source, over every evidence sentence.",
      },
      sources: {
        type: "integer",
        description: "Distinct canonical documents among all the evidence (not only the sentences listed).",
      },
      evidenceTotal: {
        type: "integer",
        description:
          `How many sentences the fact was read from. A fact's own route (/api/relations/{id}, /api/events/{id}, ` +
          `/api/quotes/{id}, /api/quantities/{id}) lists every one; lists (dossier, source comparison, events, ` +
          `relations) list at most ${EVIDENCE_SHOWN}: the best sentence of each best-supported independent source first.`,
      },
      dateSource: {
        type: ["string", "null"],
        enum: ["text", "published", null],
        description:
          "Events only: where `date` comes from. `text`: the sentence states it (relative dates such as " +
          '"on Thursday" resolved against the publication date); `published`: the text gives none and the event ' +
          "takes the earliest publication date among the documents reporting it (the UI shows it as " +
          '"reported on"); null when the event has no date.',
      },
      evidence: {
        type: "array",
        items: ref("Evidence"),
        description: `Every sentence on a fact's own route; at most ${EVIDENCE_SHOWN} in lists (see evidenceTotal), by publication date.`,
      },
    },
    additionalProperties: true,
  },
  TextPart: obj("Part of a snippet; match marks the words that matched.", { text: str, match: bool }),
  Overview: obj("Counts of what the store holds.", {
    documents: int,
    independentDocuments: int,
    sentences: int,
    entities: { type: "object", additionalProperties: int },
    relations: int,
    events: int,
    quotes: int,
    quantities: int,
    outlets: arr(obj("", { outlet: str, documents: int })),
    published: obj("", { first: nullable(str), last: nullable(str) }),
  }),
  Vocabulary: obj("Closed vocabularies.", {
    entityTypes: arr(str),
    relationTypes: arr(str),
    cameo: arr(obj("", { code: str, name: str, quad: str })),
  }),
  SearchResult: obj("Entity and sentence hits, best first.", {
    entities: obj("", {
      total: int,
      items: arr({
        allOf: [ref("EntitySummary"), obj("", { names: arr(ref("TextPart")), mentions: int, documents: int })],
      }),
    }),
    sentences: obj(
      "Matching sentences. total counts every match, near-copies included; on a page, the same sentence of a document's near-copies (syndicated reprints) is one item, the first copy's, with the others in copies.",
      {
        total: int,
        items: arr(
          obj("", {
            doc: obj("", {
              id: str,
              title: nullable(str),
              outlet: nullable(str),
              published: nullable(str),
              source: str,
            }),
            sentence: int,
            start: int,
            end: int,
            snippet: arr(ref("TextPart")),
            facts: int,
            copies: arr(
              obj("A near-copy whose same sentence matched too, folded under this item.", {
                id: str,
                title: nullable(str),
                outlet: nullable(str),
                published: nullable(str),
                source: str,
              }),
            ),
          }),
        ),
      },
    ),
    facets: obj("With facets=true: the matching sentences counted by facet, most first (months newest first).", {
      sentences: int,
      complete: { ...bool, description: "false when only the newest matching sentences were counted" },
      entities: arr({ allOf: [ref("EntitySummary"), obj("", { count: int })] }),
      types: arr(obj("", { type: str, count: int })),
      outlets: arr(obj("", { outlet: str, count: int })),
      months: arr(obj("", { month: str, count: int })),
    }),
  }),
  EntityListItem: {
    allOf: [ref("EntitySummary"), obj("", { mentions: int, documents: int, relations: int, events: int })],
  },
  EntityList: list("EntityListItem"),
  Dossier: obj("Everything known about one entity.", {
    entity: {
      allOf: [
        ref("EntitySummary"),
        obj("", {
          aliases: arr(str),
          mentions: counted("The entity's mentions in all documents."),
          documents: counted("Documents that mention the entity."),
        }),
      ],
    },
    relations: arr(obj("Relations of one type.", { type: str, items: arr(ref("Fact")) })),
    events: obj("", { asActor: arr(ref("Fact")), asTarget: arr(ref("Fact")) }),
    quotes: obj("", { by: arr(ref("Fact")), about: arr(ref("Fact")) }),
    quantities: arr(ref("Fact")),
    sources: arr(ref("SourceDocument")),
    independentSources: counted(
      "Independent sources of the entity's facts: distinct canonical documents among the documents backing at " +
        "least one of its facts (totals.facts), a near-copy counted with the document it copies.",
    ),
    totals: obj("Full counts; each list holds at most limit items.", {
      facts: counted(
        "Facts about the entity: relations with it at either end, events with it as actor or target, quotes it said " +
          "and figures about it, each once (an event it is both actor and target of is one fact). Quotes by others " +
          "that mention it (quotes.about) are listed but not counted: they are their speakers' facts.",
      ),
      factDocuments: counted("Documents backing at least one of the entity's facts, every near-copy counted."),
      relations: int,
      asActor: int,
      asTarget: int,
      quotesBy: int,
      quotesAbout: int,
      quantities: int,
      sources: counted("Documents of the sources list: those that mention the entity or back one of its facts."),
    }),
    limit: int,
    reference: arr(ref("ReferenceFact")),
  }),
  ReferenceFact: obj(
    "A reference fact about the entity from a shipped reference source (the CIA World Factbook), with that source " +
      "and edition: never read from an article, never counted as article evidence.",
    {
      subject: str,
      relation: str,
      object: str,
      value: num,
      unit: str,
      detail: str,
      rank: int,
      year: str,
      field: str,
      source: str,
      edition: str,
    },
  ),
  SourceDocument: obj("A document that mentions an entity or backs one of its facts.", {
    id: str,
    title: nullable(str),
    outlet: nullable(str),
    published: nullable(str),
    source: str,
    canonical: str,
    duplicateOf: nullable(str),
    mentions: counted(
      "The entity's mentions in the document (0: it backs one of the entity's facts without naming it).",
    ),
    facts: counted("How many of the entity's facts (Dossier totals.facts) the document backs, listed or not."),
  }),
  Graph: obj("Nodes and edges around an entity.", {
    root: int,
    nodes: arr({ allOf: [ref("EntitySummary"), obj("", { depth: int, degree: int, mentions: int, sources: int })] }),
    edges: arr(
      obj("A relation (kind relation) or the events from one actor to one target (kind event).", {
        kind: { type: "string", enum: ["relation", "event"] },
        id: str,
        type: str,
        source: int,
        target: int,
        relation: int,
        negated: bool,
        sources: int,
        events: int,
        roots: arr(str),
        first: nullable(str),
        last: nullable(str),
      }),
    ),
    truncated: obj("", { nodes: bool, edges: bool }),
  }),
  SourceComparison: obj("Which documents and outlets assert which facts about an entity.", {
    entity: ref("EntitySummary"),
    counts: obj("The dossier's counts, defined as there.", {
      facts: counted("Facts about the entity (Dossier totals.facts); `facts` below lists at most limit of each kind."),
      independentSources: counted("Independent sources of those facts (Dossier independentSources)."),
      documents: counted("Documents backing at least one of them (Dossier totals.factDocuments)."),
    }),
    documents: arr(ref("SourceDocument")),
    outlets: arr(obj("", { outlet: nullable(str), documents: arr(str), facts: int })),
    facts: arr(
      obj("", {
        kind: str,
        id: int,
        label: str,
        confidence: num,
        sources: int,
        documents: { type: "array", items: str, description: "Every document the fact was read from." },
      }),
    ),
    singleSourced: int,
  }),
  EventList: list("Fact"),
  RelationList: list("Fact"),
  QuoteList: list("Fact"),
  QuantityList: list("Fact"),
  DocumentSummary: obj("A stored document.", {
    id: str,
    title: nullable(str),
    outlet: nullable(str),
    published: nullable(str),
    source: str,
    canonical: str,
    authors: arr(str),
    flags: arr(str),
    duplicateOf: nullable(str),
    words: int,
    sentences: int,
    mentions: int,
    evidence: int,
  }),
  DocumentList: list("DocumentSummary"),
  Document: {
    allOf: [
      ref("DocumentSummary"),
      obj("The cleaned text with every span.", {
        text: str,
        contentType: str,
        ingestedAt: str,
        copies: arr(obj("", { id: str, title: nullable(str), outlet: nullable(str) })),
        sentenceSpans: arr(obj("", { index: int, start: int, end: int })),
        mentionSpans: arr(obj("", { start: int, end: int, text: str, method: str, entity: ref("EntitySummary") })),
        evidenceSpans: arr(obj("", { kind: str, fact: int, start: int, end: int, confidence: num })),
        facts: arr(ref("Fact")),
      }),
    ],
  },
  CountryList: obj("Countries with their involvement.", {
    focus: nullable(int),
    countries: arr({
      allOf: [
        ref("EntitySummary"),
        obj("", {
          mentions: int,
          documents: int,
          events: int,
          relations: int,
          shared: int,
          successors: { ...arr(str), description: "Historical states only: keys of the present-day states." },
        }),
      ],
    }),
  }),
  PlaceList: obj("Places of events: those the gazetteer places, and those it cannot.", {
    focus: nullable(int),
    places: arr(
      obj("", {
        id: int,
        key: str,
        name: str,
        lat: num,
        lon: num,
        country: { type: "string", description: "ISO 3166 alpha-3 code of the place's country." },
        population: { type: "integer", description: "Population of the gazetteer's town." },
        events: int,
        mentions: int,
        documents: int,
      }),
    ),
    unplaced: arr(obj("", { id: int, key: str, name: str, events: int })),
  }),
  IngestReport: obj("What an ingest stored, found already stored, and why inputs failed.", {
    stored: arr(obj("", { id: str, source: str, title: nullable(str), duplicateOf: nullable(str) })),
    existing: arr(obj("", { id: str, source: str })),
    failed: arr(obj("", { input: str, reason: str })),
  }),
};

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: ref("Error") } },
});

function parameter(name: string, p: Param<unknown>) {
  return {
    name,
    in: p.in,
    required: p.required,
    description: p.description,
    schema: p.schema,
    ...(p.explode === false ? { style: "form", explode: false } : {}),
  };
}

/** The write route, described by hand: its body is an article or a list of URLs, not parameters. */
const INGEST_OPERATION = {
  tags: ["write"],
  summary: "Ingest an article or a list of URLs (needs the server's token)",
  description:
    "Enabled only when the server runs with HEARTLAND_TOKEN set; send it as `Authorization: Bearer <token>`. " +
    "The body is an article (text/plain, text/markdown, text/html, or an RSS/Atom feed) or JSON " +
    '{"urls": ["https://…"]}, each written as http(s)://host/…. Local files, folders and standard input are ' +
    "never read, and URLs (with their redirects and feed links) that lead to a loopback, private, link-local " +
    "or other non-public address are refused.",
  operationId: "ingest",
  security: [{ bearer: [] }],
  parameters: [
    {
      name: "name",
      in: "query",
      required: false,
      description: "A name for an uploaded article, kept as its source (upload:<name>).",
      schema: { type: "string", maxLength: 200 },
    },
    {
      name: "outlet",
      in: "query",
      required: false,
      description:
        "The outlet of every document the request stores (each item of a feed included), over the one a page or " +
        "feed states; trimmed, not empty. A document already stored keeps its own.",
      schema: { type: "string", minLength: 1, maxLength: 200 },
    },
  ],
  requestBody: {
    required: true,
    content: {
      "text/plain": { schema: str },
      "text/markdown": { schema: str },
      "text/html": { schema: str },
      "application/rss+xml": { schema: str },
      "application/atom+xml": { schema: str },
      "application/json": {
        schema: {
          type: "object",
          required: ["urls"],
          properties: { urls: { type: "array", items: { type: "string", format: "uri" }, maxItems: 50 } },
        },
      },
    },
  },
  responses: {
    "200": { description: "The ingest report.", content: { "application/json": { schema: ref("IngestReport") } } },
    "400": errorResponse("The body is empty or malformed, or a URL is not http(s)."),
    "401": errorResponse("No bearer token was sent."),
    "403": errorResponse("The token is wrong, or the server runs without HEARTLAND_TOKEN (writes disabled)."),
    "413": errorResponse("The body is over the size limit."),
    "415": errorResponse("The body's content type is not one the route reads."),
  },
};

const operationId = (r: Route) =>
  r.method +
  r.path
    .replace(/^\/api/, "")
    .split("/")
    .filter(Boolean)
    .map((s) => (s.startsWith("{") ? `By${s.slice(1, -1).replace(/^./, (c) => c.toUpperCase())}` : s))
    .map((s) => s.replace(/^./, (c) => c.toUpperCase()))
    .join("");

export function openApiDocument(routes: readonly Route[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const hasPath = Object.values(r.params).some((p) => p.in === "path");
    const responses: Record<string, unknown> = {
      "200": { description: r.summary, content: { "application/json": { schema: ref(r.response) } } },
      "400": errorResponse("A parameter is unknown, repeated, missing or malformed; `parameter` names it."),
    };
    if (hasPath || Object.keys(r.params).some((k) => ["actor", "target", "entity"].includes(k))) {
      responses["404"] = errorResponse("No such id.");
    }
    paths[r.path] = {
      ...(paths[r.path] ?? {}),
      [r.method]: {
        tags: [r.tag],
        summary: r.summary,
        ...(r.description ? { description: r.description } : {}),
        operationId: operationId(r),
        parameters: Object.entries(r.params).map(([name, p]) => parameter(name, p)),
        responses,
      },
    };
  }
  paths["/api/ingest"] = { post: INGEST_OPERATION };
  paths["/api/openapi.json"] = {
    get: {
      tags: ["meta"],
      summary: "This document",
      operationId: "getOpenapi",
      parameters: [],
      responses: { "200": { description: "The OpenAPI 3 document.", content: { "application/json": {} } } },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Heartland API",
      version,
      description:
        "Read a Heartland knowledge graph: search, entity dossiers, graph neighbourhoods, events, documents with " +
        "their evidence spans, and source comparisons. Every fact carries the sentences it was read from.",
    },
    servers: [{ url: "/" }],
    tags: [
      { name: "search" },
      { name: "entities" },
      { name: "facts" },
      { name: "documents" },
      { name: "meta" },
      { name: "write" },
    ],
    paths,
    components: {
      schemas: SCHEMAS,
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "The server's HEARTLAND_TOKEN." } },
    },
  };
}
