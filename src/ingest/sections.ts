// Long documents are read in sections: a text of more than SECTION_CHARS characters is cut at line breaks into
// sections of about that size, each annotated and extracted on its own (in worker threads when there are cores to
// spare: src/ingest/cpu-pool.ts), and the results are joined back with document offsets. Sentences never
// cross a line, so the cut changes no sentence; what a section loses is context from the others (a surname or an
// acronym defined sections earlier, an event told again later). No news article comes near the threshold: this
// is for reports, books and pages that concatenate many stories, which must not hold ingest for minutes.

import { annotate } from "../nlp/annotate.js";
import type { DocFacts, Document, Sentence, Span } from "../types.js";
import type { Extract } from "./analyse.js";

/** Texts longer than this (in UTF-16 code units) are read in sections of about this size. */
export const SECTION_CHARS = 256 * 1024;

/** What one section yields: its sentences and facts, with offsets into the section. */
export interface SectionResult {
  sentences: Sentence[];
  facts: DocFacts;
}

/** The document fields an extractor reads, for a section: its id, publication date and text. */
export interface SectionInput {
  docId: string;
  published: string | null;
  text: string;
}

/**
 * Where to cut a long text: spans covering it, each ending at the first blank line (so paragraphs stay whole),
 * else line break, else space, within a quarter of a section past `size` characters from its start; a text with
 * none of them there is cut at `size`.
 */
export function sectionBounds(text: string, size: number = SECTION_CHARS): Span[] {
  const out: Span[] = [];
  let start = 0;
  while (text.length - start > size) {
    const target = start + size;
    // Look only a quarter of a section past the target, so a text without breaks is not searched to its end.
    const ahead = text.slice(target, Math.min(text.length, target + size / 4));
    const found = [ahead.indexOf("\n\n"), ahead.indexOf("\n"), ahead.indexOf(" ")].find((i) => i >= 0);
    const cut = found === undefined ? target : target + found;
    out.push({ start, end: cut });
    start = cut;
  }
  out.push({ start, end: text.length });
  return out;
}

/** Annotates and extracts one section as a document of its own. */
export function analyseSection(input: SectionInput, extract: Extract): SectionResult {
  const annotation = annotate(input.text);
  const doc: Document = {
    id: input.docId,
    source: "",
    contentType: "text/plain",
    title: null,
    authors: [],
    outlet: null,
    published: input.published,
    text: input.text,
    flags: [],
    duplicateOf: null,
    contentHash: "",
    signature: [],
    sentences: annotation.sentences,
  };
  return { sentences: annotation.sentences, facts: extract(doc, annotation) };
}

const shift = <T extends Span>(s: T, by: number): T => ({ ...s, start: s.start + by, end: s.end + by });

/**
 * Joins the sections' results, in section order, into the document's: offsets moved by each section's start,
 * sentences numbered anew, each entity listed once (as the first section names it).
 */
export function joinSections(parts: { at: number; result: SectionResult }[]): SectionResult {
  const sentences: Sentence[] = [];
  const facts: DocFacts = { entities: [], mentions: [], relations: [], events: [], quotes: [], quantities: [] };
  const seen = new Set<string>();
  for (const { at, result } of parts) {
    for (const s of result.sentences) sentences.push({ ...shift(s, at), index: sentences.length });
    const f = result.facts;
    for (const e of f.entities) {
      if (seen.has(e.key)) continue;
      seen.add(e.key);
      facts.entities.push(e);
    }
    for (const m of f.mentions) facts.mentions.push(shift(m, at));
    for (const r of f.relations) facts.relations.push({ ...r, evidence: shift(r.evidence, at) });
    for (const e of f.events) facts.events.push({ ...e, evidence: shift(e.evidence, at) });
    for (const q of f.quotes) facts.quotes.push({ ...q, evidence: shift(q.evidence, at) });
    for (const q of f.quantities) facts.quantities.push({ ...q, evidence: shift(q.evidence, at) });
  }
  return { sentences, facts };
}
