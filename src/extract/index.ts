// The extraction pipeline: one stage per fact kind, each reading the annotated document.
// Entities come first (every fact names them); relations, events, quotes and quantities follow.
import type { Annotation } from "../nlp/annotate.js";
import { type DocFacts, type Document, emptyFacts } from "../types.js";

export type Extractor = (doc: Document, annotation: Annotation) => DocFacts;

/** The default extractor. Stages are added here as they land. */
export const extractFacts: Extractor = () => emptyFacts();
