// The extraction pipeline: one stage per fact kind, each reading the annotated document.
// Entities come first (every fact names them); relations, events, quotes and quantities follow, each reading the
// ExtractContext the entity stage builds.
import type { Annotation } from "../nlp/annotate.js";
import { type DocFacts, type Document, emptyFacts } from "../types.js";
import { inTextOrder } from "../util/spans.js";
import { timeStage } from "../util/stage-timer.js";
import type { ExtractContext } from "./context.js";
import { extractEntities } from "./entities/index.js";
import { extractEvents } from "./events/index.js";
import { extractQuantities } from "./quantities/index.js";
import { extractQuotes } from "./quotes/index.js";
import { extractRelations } from "./relations/index.js";

export type Extractor = (doc: Document, annotation: Annotation) => DocFacts;

/** The context every fact stage reads: the document, its annotation and the resolved entity mentions. */
export function buildContext(doc: Document, annotation: Annotation): ExtractContext {
  const { entities, mentions } = timeStage("extract.entities", () => extractEntities(doc, annotation));
  // Text order is the context's promise (mentionsIn searches it); the entity stage keeps it, this makes sure.
  const ordered = inTextOrder(mentions) as typeof mentions;
  return { doc, annotation, mentions: ordered, entities: new Map(entities.map((e) => [e.key, e])) };
}

/** The default extractor. Stages are added here as they land. */
export const extractFacts: Extractor = (doc, annotation) => {
  const ctx = buildContext(doc, annotation);
  const facts = emptyFacts();
  facts.entities = [...ctx.entities.values()];
  facts.mentions = ctx.mentions.map(({ key, start, end, text, method }) => ({ key, start, end, text, method }));
  facts.relations = timeStage("extract.relations", () => extractRelations(ctx));
  facts.events = timeStage("extract.events", () => extractEvents(ctx, { relations: facts.relations }));
  facts.quotes = timeStage("extract.quotes", () => extractQuotes(ctx));
  facts.quantities = timeStage("extract.quantities", () => extractQuantities(ctx));
  return facts;
};
