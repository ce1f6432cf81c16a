// Linking: every recognised name becomes a mention of one canonical entity. Identity comes from the knowledge
// base (its ids), from definitions and names read earlier in the same document (acronyms, short forms of a person
// named in full), and for names the KB lacks from their type and normalised name ("new/<type>/<name>").
import type { AliasForm } from "../../kb/alias-index.js";
import { familyNameFirst, type KnowledgeBase } from "../../kb/knowledge-base.js";
import { familyFirstShape, familyNameIndex } from "../../kb/names.js";
import { normalizeName } from "../../kb/normalize.js";
import type { KbEntry } from "../../kb/types.js";
import { isCommonWord } from "../../kb/vocabulary.js";
import type { EntityRef, EntityType } from "../../types.js";
import type { ResolvedMention } from "../context.js";
import type { AcronymDefinition } from "./acronyms.js";
import { titleBefore } from "./context-types.js";
import { LOCATIVE_PREPOSITIONS, MOVEMENT_WORDS } from "./cue-words.js";
import type { NameSpan } from "./recognise.js";
import { isAllCaps, type TokenView } from "./token-view.js";

export type MentionForm = ResolvedMention["form"];

/** A linked mention with the token range it covers. */
export interface LinkedSpan {
  first: number;
  last: number;
  start: number;
  end: number;
  entity: EntityRef;
  form: MentionForm;
  method: string;
}

export function kbRef(entry: KbEntry): EntityRef {
  return { key: entry.id, type: entry.type, name: entry.name, qid: entry.qid ?? null };
}

export function newRef(type: EntityType, name: string): EntityRef {
  return { key: `new/${type}/${normalizeName(name)}`, type, name, qid: null };
}

/** Is a place name used as a place here ("in Almaty", "flew to Moscow", "BEIJING (AP) -") rather than as an actor? */
export function locativeUse(view: TokenView, span: { first: number; last: number }): boolean {
  const low = view.low;
  const after = low[span.last + 1] ?? "";
  if (after === "'s" || after === "'") return false;
  const before = low[span.first - 1] ?? "";
  if (LOCATIVE_PREPOSITIONS.has(before)) return true;
  if (before === "to" || before === "from" || before === "via") {
    for (let k = span.first - 2; k >= 0 && k >= span.first - 4; k--)
      if (MOVEMENT_WORDS.has(low[k] as string)) return true;
  }
  if (MOVEMENT_WORDS.has(before) && /^visit/.test(before)) return true;
  if (before === "capital" || before === "city" || (before === "," && low[span.first - 2] === "capital")) return true;
  if (after === "-" && low[span.last + 2] === "based") return true;
  // A dateline: "BEIJING (AP) -", "ALMATY, Jan 5 -".
  if (view.initial[span.first] && isAllCaps(view, span.last) && (after === "(" || after === "-" || after === ",")) {
    return true;
  }
  return false;
}

const FORM_OF_KIND: Record<AliasForm["kind"], MentionForm> = {
  name: "name",
  alias: "name",
  metonym: "metonym",
  demonym: "demonym",
};
const METHOD_OF_KIND: Record<AliasForm["kind"], string> = {
  name: "kb-alias",
  alias: "kb-alias",
  metonym: "kb-metonym",
  demonym: "kb-demonym",
};

/** Picks the entry a KB match names here. */
function chooseForm(view: TokenView, span: NameSpan, forms: readonly AliasForm[], seen: ReadonlySet<string>) {
  if (forms.length === 1) return forms[0] as AliasForm;
  const metonyms = forms.filter((f) => f.kind === "metonym");
  const places = forms.filter((f) => f.kind !== "metonym" && f.kind !== "demonym" && f.entry.type === "location");
  if (metonyms.length && places.length) return (locativeUse(view, span) ? places[0] : metonyms[0]) as AliasForm;
  return forms.find((f) => seen.has(f.entry.id)) ?? (forms[0] as AliasForm);
}

interface PersonName {
  entity: EntityRef;
  words: string[];
  at: number;
}

const PARTICLES = /^(?:al|el|bin|ibn|de|van|von|der|da|di|du|la|le|abu|abdul)$/;

/**
 * Words of a person's name a mention may use alone: "Tokayev", "Mitter", "al-Baghdadi" and "Baghdadi". A name in
 * Chinese, Korean or Vietnamese order gives only its family name ("Wang Haijiang" is "Wang", never "Haijiang"):
 * a KB person by their country, a new name by its shape (a known family name, then romanised syllables).
 */
function nameWords(name: string, kbEntry: KbEntry | undefined): string[] {
  const raw = name.split(/\s+/).filter((w) => w !== "");
  const familyFirst = kbEntry ? familyNameFirst(kbEntry) : familyFirstShape(raw);
  if (familyFirst && raw.length >= 2) {
    const family = raw[familyNameIndex(raw, true)] as string;
    return [normalizeName(family)];
  }
  return raw
    .flatMap((w) => (/^(?:al|el|bin|ibn)-/i.test(w) ? [w, w.replace(/^\w+-/, "")] : [w]))
    .map((w) => normalizeName(w))
    .filter((w) => w.length >= 2 && !PARTICLES.test(w));
}

export interface LinkInput {
  view: TokenView;
  spans: readonly NameSpan[];
  acronyms: readonly AcronymDefinition[];
  kb: KnowledgeBase;
  /** The last resort for a lone untyped word nothing else identifies: a type for a new entity, or none. */
  typeLeftover?: (span: NameSpan) => NameSpan | undefined;
}

/** Links spans to entities; spans nothing identifies (an untyped word no one names in full) are dropped. */
export function linkSpans({ view, spans, acronyms, kb, typeLeftover }: LinkInput): LinkedSpan[] {
  const out: LinkedSpan[] = [];
  const seen = new Set<string>();
  const linkedOf = new Map<NameSpan, LinkedSpan>();
  const push = (span: NameSpan, entity: EntityRef, form: MentionForm, method: string) => {
    const l: LinkedSpan = {
      first: span.first,
      last: span.last,
      start: span.start,
      end: span.end,
      entity,
      form,
      method,
    };
    out.push(l);
    linkedOf.set(span, l);
    seen.add(entity.key);
    return l;
  };
  // Definitions of each acronym in text order; a use takes the nearest definition before it (else the first).
  const defined = new Map<string, AcronymDefinition[]>();
  const defining = new Set<NameSpan>();
  for (const d of acronyms) {
    const list = defined.get(d.acronym) ?? [];
    list.push(d);
    defined.set(d.acronym, list);
    defining.add(d.long);
  }
  const definitionFor = (text: string, at: number): AcronymDefinition | undefined => {
    const list = defined.get(text);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length; // first definition at or after `at`
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as AcronymDefinition).long.start < at) lo = mid + 1;
      else hi = mid;
    }
    return list[Math.max(0, lo - 1)];
  };
  const textOf = (s: NameSpan) => view.text.slice(s.start, s.end);

  // Family names of the persons the document names in full: a lone place word that is one of them is that person
  // ("Sergei Moskva said ... Moskva added"), unless it stands as a place ("in Moskva").
  const familyNames = new Set<string>();
  for (const span of spans) {
    if (span.type !== "person" || span.last === span.first) continue;
    const words = nameWords(span.name ?? textOf(span), undefined);
    if (words.length) familyNames.add(words[words.length === 1 ? 0 : words.length - 1] as string);
  }

  // 1. Long forms, KB names and typed new names (short person words wait for the full names).
  const later: NameSpan[] = [];
  const placeOrPerson = new Set<NameSpan>();
  for (const span of spans) {
    const text = textOf(span);
    if (defined.has(text) && !defining.has(span)) {
      later.push(span);
      continue;
    }
    if (
      span.kb?.length &&
      familyNames.size &&
      span.first === span.last &&
      familyNames.has(normalizeName(text)) &&
      span.kb.every((f) => (f.kind === "name" || f.kind === "alias") && f.entry.type === "location") &&
      !locativeUse(view, span)
    ) {
      later.push(span);
      placeOrPerson.add(span);
      continue;
    }
    if (span.kb?.length) {
      const form = chooseForm(view, span, span.kb, seen);
      if (form.kind === "metonym" && form.entry.type === "country" && locativeUse(view, span)) {
        push(span, newRef("location", form.surface), "name", "new-name");
        continue;
      }
      const isAcronym = form.acronym && form.lower.length <= 8;
      push(span, kbRef(form.entry), isAcronym ? "acronym" : FORM_OF_KIND[form.kind], METHOD_OF_KIND[form.kind]);
      continue;
    }
    const type = span.type ?? (defining.has(span) ? "organization" : undefined);
    if ((!type || type === "person") && span.first === span.last) {
      later.push(span); // a short form, a KB surname, or nothing
      continue;
    }
    if (!type || type === "misc") continue;
    push(span, newRef(type, span.name ?? text), "name", "new-name");
  }

  // 2. Persons named in full, for short forms: every mention of them, in text order, filed under each name word.
  const byWord = new Map<string, PersonName[]>();
  const wordsOf = new Map<string, string[]>();
  for (const l of out) {
    if (l.entity.type !== "person") continue;
    let words = wordsOf.get(l.entity.key);
    if (!words) {
      words = nameWords(l.entity.name, kb.get(l.entity.key));
      wordsOf.set(l.entity.key, words);
    }
    if (l.last === l.first && words.length < 2 && !kb.get(l.entity.key)) continue;
    for (const w of words) {
      const list = byWord.get(w) ?? [];
      list.push({ entity: l.entity, words, at: l.start });
      byWord.set(w, list);
    }
  }
  for (const list of byWord.values()) list.sort((a, b) => a.at - b.at);

  // 3. Acronyms and single words: defined acronyms, short forms, KB surnames.
  for (const span of later) {
    const text = textOf(span);
    const def = definitionFor(text, span.start);
    if (def) {
      const long = linkedOf.get(def.long);
      if (long) push(span, long.entity, "acronym", "acronym");
      continue;
    }
    const word = normalizeName(text);
    const candidates = byWord.get(word);
    if (candidates?.length) {
      // The person of that name mentioned last before this word (else the first one named after it).
      let lo = 0;
      let hi = candidates.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((candidates[mid] as PersonName).at < span.start) lo = mid + 1;
        else hi = mid;
      }
      const pick = candidates[lo > 0 ? lo - 1 : 0] as PersonName;
      push(span, pick.entity, "short", "coref");
      continue;
    }
    if (placeOrPerson.has(span) && span.kb?.length) {
      push(span, kbRef((span.kb[0] as AliasForm).entry), "name", "kb-alias");
      continue;
    }
    const common = isCommonWord(view.low[span.first] as string);
    const bySurname = kb.personsBySurname(text);
    const title = titleBefore(view, span.first);
    let kbPerson: KbEntry | undefined;
    if (bySurname.length === 1) kbPerson = bySurname[0];
    else if (bySurname.length > 1 && title?.role) {
      const fits = bySurname.filter((p) => p.roles?.some((r) => r.role.toLowerCase().includes(title.role as string)));
      if (fits.length === 1) kbPerson = fits[0];
    }
    if (kbPerson && (span.type === "person" || !common)) {
      push(span, kbRef(kbPerson), "short", "kb-surname");
      continue;
    }
    if (span.type === "person") {
      push(span, newRef("person", text), "name", "new-name");
      continue;
    }
    const typed = span.type ? undefined : typeLeftover?.(span);
    if (typed?.type && typed.type !== "misc") push(typed, newRef(typed.type, typed.name ?? text), "name", "new-name");
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}
