// The entity stage: recognise names (KB gazetteer, capitalised chunks typed by heads and context, a statistical
// typer for names nothing else types, acronym definitions), link each to one canonical entity (KB ids, short
// forms, role descriptions), and hand the mentions on in text order. Pure: document and annotation in, entities
// and mentions out.
import { type KnowledgeBase, knowledgeBase } from "../../kb/knowledge-base.js";
import { chineseNameShape, familyFirstShape } from "../../kb/names.js";
import { foldLower } from "../../kb/normalize.js";
import { isCommonWord } from "../../kb/vocabulary.js";
import type { Annotation } from "../../nlp/annotate.js";
import type { Document, EntityRef, Span } from "../../types.js";
import type { ResolvedMention } from "../context.js";
import { acronymDefinitions } from "./acronyms.js";
import { typeByContext, typeByList } from "./context-types.js";
import { type LinkedSpan, linkSpans } from "./link.js";
import { kbWords, type NerClass, nameTagger, SpanTyper } from "./name-tagger.js";
import { type NameSpan, recogniseNames } from "./recognise.js";
import { roleMentions } from "./role-mentions.js";
import { type TokenView, tokenView } from "./token-view.js";

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
  const isGiven = (w: string) => kb.isGivenName(w);
  const typed: NameSpan[] = [];
  const misc: Span[] = [];
  const model = nameTagger();
  const typer = model ? new SpanTyper(view, model, kbWords(kb)) : undefined;
  for (const s of spans) {
    if (s.kb?.length || s.type) {
      if (s.type === "misc") misc.push({ start: s.start, end: s.end });
      else typed.push(s);
      continue;
    }
    const t = longForms.has(s)
      ? s
      : (typeByContext(view, s, isGiven) ?? (s.first < s.last ? taggerType(view, s, typer) : undefined));
    if (t?.type === "misc") misc.push({ start: t.start, end: t.end });
    else if (t) typed.push(t);
    else if (s.first === s.last) typed.push(s); // may still be a short form of a name given in full
  }
  typeByList(view, typed);
  const kept = confirmShapePersons(view, typed, kb);
  // A lone word the tagger types only when linking finds no one it is short for ("Santorum" after "Rick Santorum"),
  // and only as an organisation: measured on GUM, its lone persons and places are wrong more often than right.
  const typeLeftover = (s: NameSpan) => {
    const t = taggerType(view, s, typer);
    return t?.type === "organization" ? t : undefined;
  };
  const shouted = shoutedSurnames(view, kept);
  const spansToLink = shouted.length ? [...kept, ...shouted].sort((a, b) => a.start - b.start) : kept;
  const linked = linkSpans({ view, spans: spansToLink, acronyms, kb, typeLeftover });
  const roles = roleMentions(view, linked, kb, published);
  const all = roles.length ? [...linked, ...roles].sort((a, b) => a.start - b.start || b.end - a.end) : linked;
  return { linked: all, misc };
}

/**
 * Family names in lines written in capitals ("KAFELNIKOV BEATS AGASSI"), where no chunk is read: a word that is the
 * last name of a person the document names in full elsewhere becomes a span, which linking files under that person
 * (a short form). Common words are left alone ("LONG ROAD AHEAD" with a Jane Long in the text).
 */
function shoutedSurnames(view: TokenView, spans: readonly NameSpan[]): NameSpan[] {
  let any = false;
  for (let i = 0; i < view.n && !any; i++) if (view.shouting[i]) any = true;
  if (!any) return [];
  const surnames = new Set<string>();
  const covered = new Uint8Array(view.n);
  for (const s of spans) {
    covered.fill(1, s.first, s.last + 1);
    const person = s.type === "person" || s.kb?.some((f) => f.entry.type === "person");
    if (person && s.last > s.first && !view.shouting[s.first]) surnames.add(view.low[s.last] as string);
  }
  const out: NameSpan[] = [];
  for (let i = 0; i < view.n; i++) {
    if (!view.shouting[i] || covered[i] || !view.word[i]) continue;
    const w = view.low[i] as string;
    if (!surnames.has(w) || isCommonWord(w)) continue;
    const t = view.tokens[i];
    if (t) out.push({ first: i, last: i, start: t.start, end: t.end });
  }
  return out;
}

/** How far the tagger's label must lead the runner-up, per capitalised token, before it types a name alone. */
const TAGGER_MARGIN = 1;

const TYPE_OF_CLASS: Record<Exclude<NerClass, "O">, NameSpan["type"]> = {
  PER: "person",
  ORG: "organization",
  LOC: "location",
  MISC: "misc",
};

/**
 * A name no rule types, typed by the statistical tagger when it is sure enough ("Microsoft", "Las Vegas"). Only spans
 * with a word of two letters or more that is no common word ("International Relations", "See" are not names) and
 * not written like a degree or unit ("PhD", "MSc"; a longer camel-case word, "LibriVox", is a fine name).
 */
function taggerType(view: TokenView, s: NameSpan, typer: SpanTyper | undefined): NameSpan | undefined {
  if (!typer || view.titleCase[s.first]) return undefined;
  let nameWord = false;
  for (let k = s.first; k <= s.last; k++) {
    const text = view.tokens[k]?.text ?? "";
    if (text.length <= 4 && /\p{Ll}\p{Lu}/u.test(text)) return undefined;
    if (view.cap[k] && text.length >= 2 && !isCommonWord(view.low[k] as string)) nameWord = true;
  }
  if (!nameWord) return undefined;
  const { label, margin } = typer.typeSpan(s.first, s.last);
  if (label === "O" || margin < TAGGER_MARGIN) return undefined;
  return { ...s, type: TYPE_OF_CLASS[label], cue: "tagger" };
}

/**
 * Names typed a person by their shape alone ("shape-weak": capitalised words, no title, speech verb, description or
 * known given name) stay persons only with more evidence: a romanised Chinese name ("Feng Biao"), an Arabic kunya
 * ("Abu Umar"), the family name backed elsewhere (another mention of it with evidence, a person named in full, a KB
 * person of that surname), or a place in a list with a person ("Xin Liu, Hui Zhang and ..."). The rest are dropped:
 * "Zhana Kadam" alone is no person.
 */
function confirmShapePersons(view: TokenView, spans: NameSpan[], kb: KnowledgeBase): NameSpan[] {
  if (!spans.some((s) => s.cue === "shape-weak")) return spans;
  const backed = new Set<string>();
  for (const s of spans) {
    const person = s.type === "person" ? s.cue !== "shape-weak" : s.kb?.some((f) => f.entry.type === "person");
    if (!person) continue;
    for (let k = s.first; k <= s.last; k++) if (view.cap[k]) backed.add(view.low[k] as string);
  }
  const ok = spans.map((s) => {
    if (s.cue !== "shape-weak") return true;
    const words: string[] = [];
    for (let k = s.first; k <= s.last; k++) if (view.cap[k] && view.word[k]) words.push(view.tokens[k]?.text ?? "");
    if (chineseNameShape(words) || view.low[s.first] === "abu") return true;
    const family = words[familyFirstShape(words) ? 0 : words.length - 1] ?? "";
    return backed.has(foldLower(family)) || kb.personsBySurname(family).length > 0;
  });
  // "X, Y and Z, “Title”": a weak name listed with a person is one too (two rounds reach a list's far end).
  const isPerson = (i: number) => ok[i] && spans[i]?.type === "person";
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < spans.length; i++) {
      if (ok[i] || spans[i]?.cue !== "shape-weak") continue;
      const s = spans[i] as NameSpan;
      const prev = spans[i - 1];
      const next = spans[i + 1];
      if ((prev && isPerson(i - 1) && listed(view, prev, s)) || (next && isPerson(i + 1) && listed(view, s, next))) {
        ok[i] = true;
      }
    }
  }
  return spans.filter((_, i) => ok[i]);
}

/** Do two names stand side by side in a list ("A, B", "A and B", "A, and B")? */
function listed(view: TokenView, a: NameSpan, b: NameSpan): boolean {
  const gap = b.first - a.last - 1;
  const w = view.low[a.last + 1];
  if (gap === 1) return w === "," || w === "and";
  return gap === 2 && w === "," && view.low[a.last + 2] === "and";
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
