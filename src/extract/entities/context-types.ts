// Types a name the knowledge base lacks from the words around it: a title or honorific before it ("Foreign
// Minister X", "Mr X"), a speech verb after it ("X said"), an apposition ("X, an analyst at ..."), a facility or
// place noun after it ("the Kashagan oil field", "Korem district"), a preposition of place ("in X"), the shape of
// an acronym, or the shape of a person's name (two to four capitalised words that are not all common words).
import { monthNumber } from "../../ingest/text/dates.js";
import { isCommonWord } from "../../kb/vocabulary.js";
import { facilityNounAfter } from "./chunks.js";
import {
  GROUP_NAMES,
  INITIATIVE_NOUNS,
  LOCATION_NOUNS,
  LOCATION_NOUNS_BEFORE,
  LOCATIVE_PREPOSITIONS,
  MOVEMENT_WORDS,
  NON_ORG_ACRONYMS,
  ORG_HEADS,
  PERSON_NOUNS,
  PERSON_NOUNS_BEFORE,
  SPEECH_VERBS,
} from "./cue-words.js";
import type { NameSpan } from "./recognise.js";
import { titleAt } from "./titles.js";
import { isAllCaps, type TokenView } from "./token-view.js";

/** A title or honorific ending right before token i ("Foreign Minister", "Mr."), with its canonical role. */
export function titleBefore(view: TokenView, i: number): { first: number; role?: string } | undefined {
  for (let s = i - 1; s >= 0 && s >= i - 5; s--) {
    const t = titleAt(view, s);
    if (t && t.last === i - 1) return t;
  }
  return undefined;
}

const CITY_NOUNS = new Set(["city", "town", "village", "capital", "port"]);
const PLACE_OF = new Set(["city", "town", "village", "province", "region", "district", "county", "capital", "port"]);

/** Does a word open a person's name (a given name, or an initial "J.")? Without a KB, no word does. */
export type GivenNameTest = (word: string) => boolean;

/**
 * Evidence in the words around tokens first..last that they name a person: a title or honorific before ("Dr X"),
 * an occupation before ("analyst X"), a speech verb after ("X said") or before (', said X'), or an apposition
 * that describes a person ("X, a historian at ...", "X is a professor").
 */
export function personEvidence(view: TokenView, first: number, last: number): boolean {
  const low = view.low;
  if (titleBefore(view, first)) return true;
  const before = low[first - 1] ?? "";
  if (PERSON_NOUNS_BEFORE.has(before) && !view.cap[first - 1]) return true;
  const after = low[last + 1] ?? "";
  if (SPEECH_VERBS.has(after)) return true;
  if ((before === "said" || before === "says") && (low[first - 2] === "," || !view.word[first - 2])) return true;
  if ((after === "is" || after === "was" || after === ",") && appositionNamesPerson(view, last + 2)) return true;
  // A citation: 'Jane Roe, “Title of the Piece,”' names its author.
  return citedAuthor(view, last);
}

/**
 * '“Title of the Piece,” Outlet Name, March 1, 2021': in a citation the name between the quoted title and the date
 * is the publisher (a newspaper, a site, a journal).
 */
function citedOutlet(view: TokenView, first: number, last: number): boolean {
  if (view.low[first - 1] !== '"' || view.low[first - 2] !== ",") return false;
  if (view.low[last + 1] !== ",") return false;
  const next = view.low[last + 2] ?? "";
  return monthNumber(next) !== undefined || /^(?:1[89]|20)\d\d$/.test(next);
}

/** "of (the) Steppe Institute" from token i: "of", then capitalised words ending in an organisation's head word. */
function ofOrganisation(view: TokenView, i: number): boolean {
  if (view.low[i] !== "of" || view.cap[i]) return false;
  let k = view.low[i + 1] === "the" ? i + 2 : i + 1;
  let last = -1;
  for (; k < view.n && k <= i + 7 && view.cap[k] && view.word[k]; k++) last = k;
  return last > 0 && ORG_HEADS.has(view.low[last] as string);
}

/** 'Jane Roe, “Title of the Piece,”': a name before a comma and a quoted capitalised title is its author's. */
function citedAuthor(view: TokenView, last: number): boolean {
  if (view.low[last + 1] !== "," || view.low[last + 2] !== '"') return false;
  const k = view.low[last + 3] === "'" ? last + 4 : last + 3; // a quote inside the title: “‘Truth ...’ ...”
  return view.cap[k] === 1;
}

/**
 * The span with its type (and extent, for "X district") decided by context; undefined when nothing types it.
 * A name typed only by its shape (capitalised words, no title, no speech verb, no description) is a person only
 * when it opens with a known given name; otherwise it comes back with the cue "shape-weak", for the document as a
 * whole to confirm (another mention of its surname with evidence) or drop.
 */
export function typeByContext(
  view: TokenView,
  span: NameSpan,
  isGiven: GivenNameTest = () => false,
): NameSpan | undefined {
  const { first, last } = span;
  const low = view.low;
  let words = 0; // capitalised words: "Abu al-Faraj Karim al-Tamimi" has four
  for (let k = first; k <= last; k++) if (view.cap[k]) words++;
  const at = (s: NameSpan, type: NameSpan["type"], cue: string): NameSpan => ({ ...s, type, cue });
  const single = last === first;
  const acronym = single && isAllCaps(view, first);

  if (groupName(view, first, last)) return at(span, "misc", "group");
  const titled = view.titleCase[first] === 1;
  if (titled && allCommon(view, first, last)) return undefined; // "Envoy Urges Restraint" in a headline
  const shapeCue = () => (givenNameFirst(view, first, isGiven) ? "shape" : "shape-weak");
  if (titled && words >= 2 && noneCommon(view, first, last) && personShape(view, first, last)) {
    return at(span, "person", shapeCue()); // "... Talks with Hamid Qureshi" in a cited headline
  }
  if (titleBefore(view, first) && !acronym) return at(span, "person", "title");
  const before = low[first - 1] ?? "";
  if (PERSON_NOUNS_BEFORE.has(before) && !view.cap[first - 1] && !acronym && !titled) {
    return at(span, "person", "person-noun");
  }
  if (LOCATION_NOUNS_BEFORE.has(before) && !view.cap[first - 1]) {
    const start = view.tokens[first - 1]?.start ?? span.start;
    return {
      ...span,
      first: first - 1,
      start,
      type: "location",
      cue: "place-noun",
      name: view.text.slice(start, span.end),
    };
  }

  // Facility, place or programme noun after the name: "the Kashagan oil field", "Korem district".
  const k = facilityNounAfter(view, last);
  if (k >= 0) return extendTo(view, span, k, "facility", "facility-noun");
  const placeNoun = low[last + 1] as string;
  if (!view.cap[last + 1] && LOCATION_NOUNS.has(placeNoun) && !(single && isCommonWord(low[first] as string))) {
    // "the Andean city of Arequipa": the city's name follows.
    if (!(low[last + 2] === "of" && CITY_NOUNS.has(placeNoun))) {
      return extendTo(view, span, last + 1, "location", "place-noun");
    }
  }
  if (!view.cap[last + 1] && INITIATIVE_NOUNS.has(low[last + 1] as string) && low[last + 2] !== "of") {
    return extendTo(view, span, last + 1, "initiative", "initiative-noun");
  }
  if (low[last + 1] === "-" && low[last + 2] === "based") return at(span, "location", "based");
  if (before === "of" && PLACE_OF.has(low[first - 2] as string)) return at(span, "location", "place-of");
  if (before === "capital" || (before === "," && low[first - 2] === "capital")) return at(span, "location", "capital");

  const after = low[last + 1] ?? "";
  // "Deutsche Telekom chief executive Ron Sommerfeld", "Rangers striker Ally Weston": the employer.
  if (!view.cap[last + 1] && roleNounThenName(view, last + 1)) return at(span, "organization", "employer");
  // "analysts at Merrill Lynch", "a professor at Keio University", "a spokesman for Deutsche Telekom"
  if ((before === "at" || before === "for") && PERSON_NOUNS.has((low[first - 2] ?? "").replace(/s$/, ""))) {
    return at(span, "organization", "employer");
  }
  // Datelines: "GLASGOW 1997-03-02", "ALMATY (Reuters) -"
  if (view.initial[first] && isAllCaps(view, last) && /^(?:\d|\(|-|,)/.test(after))
    return at(span, "location", "dateline");
  // "The Astana Hub said": a common word left over from a longer name is no speaker's name.
  const leftover = single && view.cap[first - 1] === 1 && isCommonWord(low[first] as string);
  if (SPEECH_VERBS.has(after) && words <= 4 && !leftover) {
    return at(span, acronym ? "organization" : "person", "speech");
  }
  if ((before === "said" || before === "says") && words <= 4 && !acronym) {
    const b2 = low[first - 2] ?? "";
    if (b2 === "," || b2 === '"' || b2 === "'" || !view.word[first - 2]) return at(span, "person", "speech");
  }
  if ((after === "is" || after === "was") && !acronym && words <= 4 && appositionNamesPerson(view, last + 2)) {
    return at(span, "person", "apposition");
  }
  // "... plants in Dresden, a spokesman for X said": a lone word after a preposition of place is no person.
  const locativeSingle = single && LOCATIVE_PREPOSITIONS.has(before) && !view.cap[first - 1];
  if (after === "," && !acronym && words <= 5 && !locativeSingle && appositionNamesPerson(view, last + 2)) {
    return at(span, "person", "apposition");
  }
  if (!acronym && words >= 2 && words <= 4 && citedAuthor(view, last) && personShape(view, first, last)) {
    return at(span, "person", "citation");
  }
  if (citedOutlet(view, first, last)) return at(span, "organization", "citation-outlet");
  if (!acronym && words >= 2 && words <= 3 && personShape(view, first, last) && ofOrganisation(view, last + 1)) {
    return at(span, "person", "of-organisation"); // "Aliya Sultanbek of the Steppe Institute"
  }
  if (
    acronym &&
    !NON_ORG_ACRONYMS.has(view.tokens[first]?.text.replace(/s$/, "") ?? "") &&
    !isCommonWord(low[first] as string)
  ) {
    const text = view.tokens[first]?.text ?? "";
    if (text.length >= 2 && text.length <= 7) return at(span, "organization", "acronym");
  }
  if (single && placeLike(view, first)) {
    if (LOCATIVE_PREPOSITIONS.has(before) && !view.cap[first - 1]) return at(span, "location", "locative");
    if ((before === "to" || before === "from") && movementBefore(view, first - 1)) {
      return at(span, "location", "locative");
    }
  }
  if (words >= 2 && words <= 5 && !titled && !DETERMINERS.has(before) && personShape(view, first, last)) {
    return at(span, "person", shapeCue());
  }
  return undefined;
}

/** Does the name open with a known given name or an initial ("Maria ...", "J. ...")? */
function givenNameFirst(view: TokenView, first: number, isGiven: GivenNameTest): boolean {
  const text = view.tokens[first]?.text ?? "";
  return /^\p{Lu}\.$/u.test(text) || isGiven(view.low[first] as string);
}

/** A single capitalised word that may be a place: not a common word, or one written capitalised mid-sentence
 * that is no institution ("Oregon" but not "Parliament"). */
function placeLike(view: TokenView, i: number): boolean {
  const w = view.low[i] as string;
  if (!isCommonWord(w)) return true;
  return !view.initial[i] && !view.titleCase[i] && !ORG_HEADS.has(w);
}

function noneCommon(view: TokenView, first: number, last: number): boolean {
  for (let k = first; k <= last; k++) if (view.word[k] && isCommonWord(view.low[k] as string)) return false;
  return true;
}

function allCommon(view: TokenView, first: number, last: number): boolean {
  for (let k = first; k <= last; k++) if (view.word[k] && !isCommonWord(view.low[k] as string)) return false;
  return true;
}

const isGroupWord = (w: string) => GROUP_NAMES.has(w) || (w.endsWith("s") && GROUP_NAMES.has(w.slice(0, -1)));

/** A people, faith or movement ("Tamils", "Rohingya Muslims", "Sunni Islamists"): no entity of the ontology. */
export function groupName(view: TokenView, first: number, last: number): boolean {
  if (!isGroupWord(view.low[first] as string)) return false;
  for (let k = first + 1; k <= last; k++) {
    const w = view.low[k] as string;
    if (!isGroupWord(w) && !isCommonWord(w) && !isCommonWord(w.replace(/s$/, ""))) return false;
  }
  return true;
}

/** A name never takes these before it; a capitalised phrase after them is a common noun phrase ("a Rhodes Scholar"). */
const DETERMINERS = new Set(["a", "an", "the", "this", "these", "those", "every", "each", "another"]);

/** The span grown to token k, with the new type; its name is the grown text. */
function extendTo(view: TokenView, span: NameSpan, k: number, type: NameSpan["type"], cue: string): NameSpan {
  const end = view.tokens[k]?.end ?? span.end;
  return { ...span, last: k, end, type, cue, name: view.text.slice(span.start, end) };
}

/** Types untyped names that stand in a list with places ("Laghman, Kunar and Paktia" after a known province). */
export function typeByList(view: TokenView, spans: NameSpan[]): void {
  const typeOf = (s: NameSpan | undefined) => {
    if (!s) return undefined;
    const t = s.type ?? s.kb?.find((f) => f.kind !== "demonym")?.entry.type;
    return t === "country" || t === "location" ? "location" : undefined;
  };
  const listGap = (a: NameSpan, b: NameSpan) => {
    const gap = b.first - a.last - 1;
    const w1 = view.low[a.last + 1];
    if (gap === 1) return w1 === "," || w1 === "and" || w1 === "or" || w1 === "&";
    return gap === 2 && w1 === "," && (view.low[a.last + 2] === "and" || view.low[a.last + 2] === "or");
  };
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < spans.length; i++) {
      const s = spans[i] as NameSpan;
      if (s.type || s.kb?.length || s.first !== s.last || isCommonWord(view.low[s.first] as string)) continue;
      const prev = spans[i - 1];
      const next = spans[i + 1];
      const t = (prev && listGap(prev, s) && typeOf(prev)) || (next && listGap(s, next) && typeOf(next)) || undefined;
      if (t) spans[i] = { ...s, type: t, cue: "list" };
    }
  }
}

/** A lower-case role noun (possibly two: "chief executive") then a capitalised name. */
function roleNounThenName(view: TokenView, k: number): boolean {
  const t = titleAt(view, k);
  if (t?.role && t.first === k && view.cap[t.last + 1] && view.word[t.last + 1]) return true;
  return PERSON_NOUNS.has(view.low[k] as string) && view.cap[k + 1] === 1 && view.word[k + 1] === 1;
}

/** ", a senior fellow at ...", ", who ...", ", director of ...": the words after a comma describe a person. */
function appositionNamesPerson(view: TokenView, i: number): boolean {
  const low = view.low;
  if (low[i] === "who") return true;
  let k = i;
  if (low[k] === "a" || low[k] === "an" || low[k] === "the" || low[k] === "its" || low[k] === "his" || low[k] === "her")
    k++;
  for (let steps = 0; k < view.n && steps < 6; steps++, k++) {
    const w = low[k] as string;
    if (!view.word[k] && w !== "-") return false;
    if (PERSON_NOUNS.has(w)) return true;
    if (w === "of" || w === "at" || w === "for") return false;
  }
  return false;
}

/** A word of movement within three tokens before "to"/"from": "travelled to X", "flew from X". */
function movementBefore(view: TokenView, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) if (MOVEMENT_WORDS.has(view.low[k] as string)) return true;
  return false;
}

/** Capitalised words, letters only (inner hyphen or apostrophe allowed), not all of them common words, and not
 * ending in a plural common noun ("Luban Workshops"). Initials ("J.") may stand among them. */
export function personShape(view: TokenView, first: number, last: number): boolean {
  let uncommon = false;
  for (let k = first; k <= last; k++) {
    const text = view.tokens[k]?.text ?? "";
    if (text === "-" || /^(?:al|el|bin|ibn|de|van|von|der|da|di|du|la|le|ul|ud)$/.test(text)) continue;
    if (/^\p{Lu}\.$/u.test(text)) continue;
    if (!/^\p{Lu}[\p{L}'’]*\p{Ll}[\p{L}'’]*$/u.test(text) && !/^\p{Lu}\p{Ll}$/u.test(text)) return false;
    if (!isCommonWord(view.low[k] as string)) uncommon = true;
  }
  const tail = view.low[last] as string;
  if (tail.endsWith("s") && isCommonWord(tail) && isCommonWord(tail.slice(0, -1))) return false;
  return uncommon;
}
