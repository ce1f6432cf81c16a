// The CPU part of ingest for one article: fingerprint, damage check, annotation and fact extraction, with no store
// and no I/O, so it runs the same in the main thread and in a worker (src/ingest/cpu-pool.ts). Long texts are read
// in sections (src/ingest/sections.ts).
import { type Annotation, annotate } from "../nlp/annotate.js";
import type { DocFacts, Document } from "../types.js";
import { timeStage } from "../util/stage-timer.js";
import { contentHash, minhash } from "./fingerprint.js";
import { analyseSection, joinSections, SECTION_CHARS, type SectionResult, sectionBounds } from "./sections.js";
import type { Article } from "./text/article.js";
import { detectDamage } from "./text/quality.js";

export type Extract = (doc: Document, annotation: Annotation) => DocFacts;

/** A document read and its facts found, not yet linked to a near-duplicate nor stored. */
export interface Analysed {
  doc: Document;
  facts: DocFacts;
}

export function documentId(hash: string): string {
  return `doc-${hash.slice(0, 16)}`;
}

/** Builds a Document (without near-duplicate link) from one article. */
export function buildDocument(
  article: Article,
  source: string,
  contentType: string,
): {
  doc: Document;
  annotation: Annotation;
} {
  const annotation = timeStage("nlp", () => annotate(article.text));
  const doc = documentOf(article, source, contentType);
  doc.sentences = annotation.sentences;
  return { doc, annotation };
}

/** A Document for one article without its annotation (sentences empty): what is known before reading it. */
export function documentOf(article: Article, source: string, contentType: string): Document {
  const hash = timeStage("fingerprint", () => contentHash(article.text));
  const damage = timeStage("quality", () => detectDamage(article.text));
  return {
    id: documentId(hash),
    source,
    contentType,
    title: article.title,
    authors: article.authors,
    outlet: article.outlet,
    published: article.published,
    text: article.text,
    flags: damage.damaged ? ["damaged-text"] : [],
    duplicateOf: null,
    contentHash: hash,
    signature: timeStage("fingerprint", () => minhash(article.text)),
    sentences: [],
  };
}

/** Whether a text is long enough to be read in sections. */
export const isLong = (text: string): boolean => text.length > SECTION_CHARS;

/** The sections of a long document's text, as the section reader takes them. */
export function sectionInputs(docId: string, published: string | null, text: string) {
  return sectionBounds(text).map((b) => ({
    at: b.start,
    input: { docId, published, text: text.slice(b.start, b.end) },
  }));
}

/** Reads a long document section by section, one after the other. */
function readSections(doc: Document, extract: Extract): SectionResult {
  return joinSections(
    sectionInputs(doc.id, doc.published, doc.text).map((s) => ({ at: s.at, result: analyseSection(s.input, extract) })),
  );
}

/** The whole CPU part for one article: its document (sentences included) and its facts. */
export function analyseArticle(article: Article, source: string, contentType: string, extract: Extract): Analysed {
  if (isLong(article.text)) {
    const doc = documentOf(article, source, contentType);
    const read = timeStage("sections", () => readSections(doc, extract));
    doc.sentences = read.sentences;
    return { doc, facts: read.facts };
  }
  const { doc, annotation } = buildDocument(article, source, contentType);
  return { doc, facts: timeStage("extract", () => extract(doc, annotation)) };
}
