// What every fact stage reads: the document, its tokens and sentences, and the entity mentions
// the entity stage resolved. Stages are pure: context in, facts out, each fact with its evidence.
import type { Annotation } from "../nlp/annotate.js";
import type { Document, EntityRef, Evidence, Mention, Sentence } from "../types.js";
import { spansWithin } from "../util/spans.js";

export interface ResolvedMention extends Mention {
  entity: EntityRef;
  /** Index of the sentence holding the mention. */
  sentence: number;
  /**
   * How the mention names its entity: "name" (Xi Jinping, China), "metonym" (Beijing for China),
   * "demonym" (Chinese), "acronym" (SCO), "short" (Mr Xi, Tokayev), "role" (the Kazakh president),
   * "pronoun" (he, she; only when the entity stage resolves them).
   */
  form: "name" | "metonym" | "demonym" | "acronym" | "short" | "role" | "pronoun";
}

export interface ExtractContext {
  doc: Document;
  annotation: Annotation;
  /** Resolved mentions in text order. */
  mentions: ResolvedMention[];
  /** Entities by key. */
  entities: Map<string, EntityRef>;
}

/**
 * The mentions inside one sentence, in text order. Mentions are in text order, so a binary search finds them: every
 * stage asks this once per sentence, and a scan of all mentions per sentence made long documents quadratic.
 */
export function mentionsIn(ctx: ExtractContext, sentence: Sentence): ResolvedMention[] {
  return spansWithin(ctx.mentions, sentence.start, sentence.end);
}

/** Evidence for a fact read from a sentence: the exact slice of the document text. */
export function evidenceOf(ctx: ExtractContext, sentence: Sentence): Evidence {
  return {
    doc: ctx.doc.id,
    start: sentence.start,
    end: sentence.end,
    text: ctx.doc.text.slice(sentence.start, sentence.end),
  };
}
