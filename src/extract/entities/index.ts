// The entity stage: recognise names (KB gazetteer, capitalised chunks typed by heads and context, acronym
// definitions), link each to one canonical entity (KB ids, short forms, role descriptions), and hand the mentions
// on in text order. Pure: document and annotation in, entities and mentions out.
import { type KnowledgeBase, knowledgeBase } from "../../kb/knowledge-base.js";
import type { Annotation } from "../../nlp/annotate.js";
import type { Document, EntityRef, Span } from "../../types.js";
import type { ResolvedMention } from "../context.js";
import { acronymDefinitions } from "./acronyms.js";
import { typeByContext, typeByList } from "./context-types.js";
import { type LinkedSpan, linkSpans } from "./link.js";
import { type NameSpan, recogniseNames } from "./recognise.js";
import { roleMentions } from "./role-mentions.js";
import { tokenView } from "./token-view.js";

export interface EntityResult {
  entities: EntityRef[];
  mentions: ResolvedMention[];
}

/** What the recogniser saw, before entities are built: linked spans and names that are no entity (MISC). */
export interface Recognition {
  linked: LinkedSpan[];
  /** Named things outside the ontology ("Korean War", "World Cup"): the tagger marks them MISC. */
  misc: Span[];
}

/** Recognises and links the names of a text (the tagger uses this directly). */
export function recognise(
  text: string,
  annotation: Annotation,
  published: string | null = null,
  kb: KnowledgeBase = knowledgeBase(),
): Recognition {
  const view = tokenView(text, annotation);
  const spans = recogniseNames(view, kb);
  const acronyms = acronymDefinitions(view, spans);
  const longForms = new Set(acronyms.map((d) => d.long));
  const typed: NameSpan[] = [];
  const misc: Span[] = [];
  for (const s of spans) {
    if (s.kb?.length || s.type) {
      if (s.type === "misc") misc.push({ start: s.start, end: s.end });
      else typed.push(s);
      continue;
    }
    const t = longForms.has(s) ? s : typeByContext(view, s);
    if (t?.type === "misc") misc.push({ start: t.start, end: t.end });
    else if (t) typed.push(t);
    else if (s.first === s.last) typed.push(s); // may still be a short form of a name given in full
  }
  typeByList(view, typed);
  const linked = linkSpans({ view, spans: typed, acronyms, kb });
  const roles = roleMentions(view, linked, kb, published);
  const all = roles.length ? [...linked, ...roles].sort((a, b) => a.start - b.start || b.end - a.end) : linked;
  return { linked: all, misc };
}

/** Entities and mentions of a document, for the store and the fact stages. */
export function extractEntities(
  doc: Pick<Document, "text" | "published">,
  annotation: Annotation,
  kb: KnowledgeBase = knowledgeBase(),
): EntityResult {
  const { linked } = recognise(doc.text, annotation, doc.published, kb);
  const entities = new Map<string, EntityRef>();
  const mentions: ResolvedMention[] = [];
  for (const l of linked) {
    if (!entities.has(l.entity.key)) entities.set(l.entity.key, l.entity);
    const sentence = annotation.tokens[l.first]?.sentence ?? 0;
    mentions.push({
      key: l.entity.key,
      start: l.start,
      end: l.end,
      text: doc.text.slice(l.start, l.end),
      method: l.method,
      entity: entities.get(l.entity.key) as EntityRef,
      sentence,
      form: l.form,
    });
  }
  return { entities: [...entities.values()], mentions };
}
