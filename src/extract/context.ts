// What every fact stage reads: the document, its tokens and sentences, and the entity mentions
// the entity stage resolved. Stages are pure: context in, facts out, each fact with its evidence.
import type { Annotation } from "../nlp/annotate.js";
import type { Document, EntityRef, Evidence, Mention, Sentence } from "../types.js";

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
 * The mentions inside one sentence, in text order. Mentions are in text order, so a binary search finds the first
 * one and the walk stops at the sentence's end: every stage asks this once per sentence, and a scan of all
 * mentions per sentence made long documents quadratic.
 */
export function mentionsIn(ctx: ExtractContext, sentence: Sentence): ResolvedMention[] {
  const all = ctx.mentions;
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((all[mid] as ResolvedMention).start < sentence.start) lo = mid + 1;
    else hi = mid;
  }
  const out: ResolvedMention[] = [];
  for (let i = lo; i < all.length; i++) {
    const m = all[i] as ResolvedMention;
    if (m.start >= sentence.end) break;
    if (m.end <= sentence.end) out.push(m);
  }
  return out;
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
