// Recognition: where the names are and what each may be. Three passes over one document:
//  A. capitalised chunks whose head word types them ("China Development Bank", "Lake Balkhash") become new names,
//     unless the knowledge base knows the whole chunk;
//  B. knowledge-base matches claim the tokens still free;
//  C. what is left of each chunk becomes an untyped piece, typed later by its context ("X said", "in X").
import type { AliasForm } from "../../kb/alias-index.js";
import type { KnowledgeBase } from "../../kb/knowledge-base.js";
import type { KbEntry } from "../../kb/types.js";
import { isCommonWord } from "../../kb/vocabulary.js";
import { type Chunk, facilityNounAfter, findChunks, type HeadType, headType } from "./chunks.js";
import { personEvidence } from "./context-types.js";
import { LOCATION_HEADS } from "./cue-words.js";
import { type KbMatch, matchGazetteer } from "./gazetteer.js";
import { titleAt } from "./titles.js";
import type { TokenView } from "./token-view.js";

export interface NameSpan {
  /** First and last token (inclusive) and the character span. */
  first: number;
  last: number;
  start: number;
  end: number;
  /** Knowledge-base forms matching this text (several when entries share it). */
  kb?: AliasForm[];
  /** Type of a name the KB lacks; undefined until context types it. */
  type?: HeadType;
  /** What decided the type: "head", "title", "speech", "locative", "acronym", "shape", ... */
  cue?: string;
  /** The name a new entity takes (defaults to the span's text): "Jurm" for "Jurm district". */
  name?: string;
}

const LOCATION_LIKE = new Set(["location", "country"]);

/** Names in a document: KB matches and new names, in text order, not overlapping. */
export function recogniseNames(view: TokenView, kb: KnowledgeBase): NameSpan[] {
  const matches = matchGazetteer(view, kb.aliases);
  const chunks = findChunks(view, (w) => kb.isGivenName(w));
  const claimed = new Int8Array(view.n);
  const spans: NameSpan[] = [];
  const matchAt = new Map<number, KbMatch>();
  const covering: (KbMatch | undefined)[] = new Array(view.n);
  for (const m of matches) {
    matchAt.set(m.first, m);
    for (let k = m.first; k <= m.last; k++) covering[k] = m;
  }
  const claim = (s: NameSpan) => {
    claimed.fill(1, s.first, s.last + 1);
    spans.push(s);
  };

  // "the Chinese army", "Russian military": a nationality and a word for armed forces name that country's military.
  for (const m of matches) {
    if (view.furniture[m.first]) continue;
    const span = militaryAt(view, kb, m);
    if (span) claim(span);
  }

  const chunkAt = new Map<number, Chunk>();
  for (const c of chunks) chunkAt.set(c.first, c);
  // A. head-typed chunks, and names followed by a facility noun ("Donetsk wind farm")
  const free = (s: { first: number; last: number }) => !claimed.subarray(s.first, s.last + 1).some((x) => x === 1);
  for (const c of chunks) {
    if (view.furniture[c.first] || !free(c)) continue;
    const span = headTypedChunk(view, c, covering, matchAt, chunkAt) ?? facilityChunk(view, c, matchAt);
    if (span && free(span)) claim(span);
  }
  // "China Foresight" where the document names "China Foresight Forum": the short form of that organisation.
  shortOrgForms(view, chunks, spans, covering, claimed, claim);
  // A person whose name holds a place name: "Nursultan A. Nazarbayev", "Mr Nursultan", "Sergei Moskva said".
  for (const c of chunks) {
    if (view.furniture[c.first] || claimed[c.first] || claimed[c.last]) continue;
    const span = personOverPlace(view, kb, c, covering);
    if (span) claim(span);
  }
  // "President Kasym-Zhomart Tokaev": a KB person's full name in another romanisation.
  for (const c of chunks) {
    if (view.furniture[c.first] || !free(c)) continue;
    const span = translitPerson(view, kb, c, covering);
    if (span && free(span)) claim(span);
  }
  // "the Chinese embassy in Bishkek": a country's mission, named by its host city.
  for (const m of matches) {
    const span = missionAt(view, m, matchAt, chunkAt);
    if (span && !claimed.subarray(span.first, span.last + 1).some((x) => x === 1)) claim(span);
  }
  // B. KB matches on free tokens
  for (const m of matches) {
    if (view.furniture[m.first]) continue;
    let free = true;
    for (let k = m.first; k <= m.last; k++) if (claimed[k]) free = false;
    if (free) claim({ first: m.first, last: m.last, start: m.start, end: m.end, kb: m.forms });
  }
  // C. the rest of each chunk
  for (const c of chunks) if (!view.furniture[c.first]) for (const p of pieces(view, c, claimed)) claim(p);

  spans.sort((a, b) => a.start - b.start);
  return spans;
}

/** The first token of a chunk after the titles that open it ("Foreign Minister Wang Yi" -> "Wang"). */
function afterTitles(view: TokenView, c: Chunk): number {
  let f = c.first;
  for (let t = titleAt(view, f); t && t.last < c.last && view.cap[f]; t = titleAt(view, f)) f = t.last + 1;
  return f;
}

/** A KB entry named by a span's own words, as an alias form, when a rule rather than the gazetteer found it. */
function spanForm(view: TokenView, entry: KbEntry, span: { start: number; end: number }): AliasForm {
  return {
    entry,
    kind: "alias",
    surface: view.text.slice(span.start, span.end),
    lower: view.lower.slice(span.start, span.end),
    upperAt: [],
    acronym: false,
    afterThe: false,
  };
}

function tokenSpan(view: TokenView, first: number, last: number) {
  return { first, last, start: view.tokens[first]?.start ?? 0, end: view.tokens[last]?.end ?? 0 };
}

function headTypedChunk(
  view: TokenView,
  c: Chunk,
  covering: readonly (KbMatch | undefined)[],
  matchAt: ReadonlyMap<number, KbMatch>,
  chunkAt: ReadonlyMap<number, Chunk>,
): NameSpan | undefined {
  const f = afterTitles(view, c);
  const type = headType(view, f, c.last);
  if (!type) return undefined;
  const inside: KbMatch[] = [];
  for (let k = f; k <= c.last; k++) {
    const m = covering[k];
    if (!m || inside[inside.length - 1] === m) continue;
    if (m.first < f || m.last > c.last) return undefined; // a KB name crosses the chunk: the KB wins
    inside.push(m);
  }
  if (inside.some((m) => m.first === f && m.last === c.last)) return undefined;
  // "X University and Y University", both known to the KB: two names, not one.
  for (let i = 1; i < inside.length; i++) {
    const a = inside[i - 1] as KbMatch;
    const b = inside[i] as KbMatch;
    const joiner = view.low[a.last + 1];
    if (a.first === f && b.last === c.last && b.first === a.last + 2 && (joiner === "and" || joiner === "&")) return;
  }
  const lead = matchAt.get(f);
  // "Xinjiang Province", "Donetsk Region": the KB place with its generic head.
  if (type === "location" && lead && lead.last === c.last - 1 && LOCATION_HEADS.has(view.low[c.last] as string)) {
    const forms = lead.forms.filter((x) => LOCATION_LIKE.has(x.entry.type) && x.kind !== "demonym");
    if (forms.length) return { ...tokenSpan(view, f, c.last), kb: forms, cue: "place-head" };
  }
  // "Russian Foreign Ministry" where the KB knows "Foreign Ministry" of that type: the KB names it.
  const tail = inside.find((m) => m.last === c.last && m.first > f && m.forms.some((x) => x.entry.type === type));
  if (tail && inside.filter((m) => m.last < tail.first).every((m) => m.forms.some((x) => x.kind === "demonym"))) {
    let covered = f;
    for (const m of inside) if (m.first === covered && m.last < tail.first) covered = m.last + 1;
    if (covered === tail.first) return undefined;
  }
  // "the Chinese Embassy in Bishkek": a mission is named by its host city.
  const head = view.low[c.last] as string;
  if ((head === "embassy" || head === "consulate") && view.low[c.last + 1] === "in") {
    const host = matchAt.get(c.last + 2) ?? chunkAt.get(c.last + 2);
    if (host && view.cap[c.last + 2]) return { ...tokenSpan(view, f, host.last), type, cue: "head" };
  }
  return { ...tokenSpan(view, f, c.last), type, cue: "head" };
}

/**
 * Organisations the document names in full (by a head word: "China Foresight Forum") also go by their first words
 * when those are followed there by a qualifier ("China Foresight", split at "China" otherwise): a chunk of two or
 * more words that opens such a name, and that no single KB name covers, is a short form of it, with its name.
 */
function shortOrgForms(
  view: TokenView,
  chunks: readonly Chunk[],
  spans: readonly NameSpan[],
  covering: readonly (KbMatch | undefined)[],
  claimed: Int8Array,
  claim: (s: NameSpan) => void,
): void {
  // Each distinct organisation name of three or more tokens, by every proper prefix of it whose next token is
  // capitalised: a chunk is a short form when its tokens are such a prefix. The first organisation in document
  // order wins, as a scan would find it; one lookup per chunk keeps the stage linear in the document.
  const byPrefix = new Map<string, NameSpan>();
  for (const o of spans) {
    if (o.type !== "organization" || o.last - o.first < 2) continue;
    let key = view.low[o.first] ?? "";
    for (let k = 1; k <= o.last - o.first; k++) {
      if (view.cap[o.first + k] && !byPrefix.has(key)) byPrefix.set(key, o);
      key += ` ${view.low[o.first + k]}`;
    }
  }
  if (byPrefix.size === 0) return;
  for (const c of chunks) {
    if (c.last === c.first || view.furniture[c.first] || claimed.subarray(c.first, c.last + 1).some((x) => x === 1)) {
      continue;
    }
    const m = covering[c.first];
    if (m && m.first === c.first && m.last >= c.last) continue; // the KB names it
    let key = view.low[c.first] ?? "";
    for (let k = c.first + 1; k <= c.last; k++) key += ` ${view.low[k]}`;
    const org = byPrefix.get(key);
    if (!org) continue;
    const name = org.name ?? view.text.slice(org.start, org.end);
    claim({ ...tokenSpan(view, c.first, c.last), type: "organization", cue: "short-org", name });
  }
}

/**
 * A country's demonym followed by "military", "army" or "armed forces" (any case): the country's armed forces when
 * the KB has them (`KnowledgeBase.militaryOf`), so "Russian military", "the Russian army" and "Chinese Army" resolve
 * alike. Without a KB entry nothing is made up: the demonym stays the country.
 */
function militaryAt(view: TokenView, kb: KnowledgeBase, m: KbMatch): NameSpan | undefined {
  const next = view.low[m.last + 1];
  let last = m.last + 1;
  if (next === "armed" && view.low[m.last + 2] === "forces") last++;
  else if (next !== "military" && next !== "army") return undefined;
  const country = m.forms.find((f) => f.kind === "demonym" && f.entry.type === "country")?.entry;
  const military = country ? kb.militaryOf(country.id) : undefined;
  if (!military) return undefined;
  const span = tokenSpan(view, m.first, last);
  return { ...span, kb: [spanForm(view, military, span)], cue: "military" };
}

const INITIAL = /^\p{Lu}\.$/u;
const NAME_TOKEN = /^\p{Lu}[\p{L}'’-]*$/u;

/** Is a KB match a one-word place (not a nationality, not a seat standing for a state), or a person? */
function placeOnly(view: TokenView, kb: KnowledgeBase, m: KbMatch): boolean {
  if (m.last !== m.first) return false;
  return m.forms.every(
    (f) =>
      (f.kind === "name" || f.kind === "alias") &&
      (f.entry.type === "location" || (f.entry.type === "country" && kb.isGivenName(view.low[m.first] as string))),
  );
}

/**
 * A person's name that a place alias covers only part of wins over the place. Inside one chunk of two to four name
 * words (initials allowed), where every KB match is a one-word place:
 *  - the last word a KB person's name: that person ("Nursultan A. Nazarbayev", the first word an old name of Astana);
 *  - otherwise, with evidence that the whole names a person (a title, a speech verb, a description, or a known given
 *    name first), a new person ("Aliya Nursultan, an analyst", "Sergei Moskva said").
 * A lone place word right after an honorific is a person too ("Mr Nursultan").
 */
function personOverPlace(
  view: TokenView,
  kb: KnowledgeBase,
  c: Chunk,
  covering: readonly (KbMatch | undefined)[],
): NameSpan | undefined {
  const f = afterTitles(view, c);
  const l = c.last;
  const inside: KbMatch[] = [];
  for (let k = f; k <= l; k++) {
    const m = covering[k];
    if (!m) {
      const text = view.tokens[k]?.text ?? "";
      if (!INITIAL.test(text) && !NAME_TOKEN.test(text)) return undefined;
      continue;
    }
    if (inside[inside.length - 1] === m) continue;
    if (m.first < f || m.last > l) return undefined;
    inside.push(m);
  }
  if (!inside.length) return undefined;
  if (f === l) {
    // "Mr Nursultan": an honorific (no office) and one place word.
    const t = f > 0 ? titleAt(view, f - 1) : undefined;
    const title = t ?? (f > 1 ? titleAt(view, f - 2) : undefined);
    if (!title || title.role || title.last !== f - 1 || !placeOnly(view, kb, inside[0] as KbMatch)) return undefined;
    return { ...tokenSpan(view, f, l), type: "person", cue: "title" };
  }
  if (l - f > 3 || (inside.length === 1 && inside[0]?.first === f && inside[0]?.last === l)) return undefined;
  const tail = inside[inside.length - 1] as KbMatch;
  const persons = tail.last === l ? tail.forms.filter((x) => x.entry.type === "person") : [];
  const places = persons.length ? inside.slice(0, -1) : inside;
  if (!places.length || !places.every((m) => placeOnly(view, kb, m))) return undefined;
  if (persons.length) return { ...tokenSpan(view, f, l), kb: persons, cue: "person-name" };
  if (view.titleCase[f]) return undefined; // a headline capitalises every word
  // The words no KB match covers are no common words ("Astana Hub" is no person, whoever "said" it).
  for (let k = f; k <= l; k++) {
    if (!covering[k] && !INITIAL.test(view.tokens[k]?.text ?? "") && isCommonWord(view.low[k] as string)) return;
  }
  if (!kb.isGivenName(view.low[f] as string) && !personEvidence(view, f, l)) return undefined;
  return { ...tokenSpan(view, f, l), type: "person", cue: "person-name" };
}

/**
 * A chunk of two to four name words (after any title) that spells one KB person's full name, or a full alias, in
 * another romanisation ("Kasym-Zhomart Tokaev", "Sooronbai Zheenbekov"): that person, when the transliteration key
 * (src/kb/translit.ts) finds exactly one and every KB match inside the chunk names that person or nothing else
 * that is a person. One word alone is never enough: surnames alone stay with the gazetteer and the linker.
 */
function translitPerson(
  view: TokenView,
  kb: KnowledgeBase,
  c: Chunk,
  covering: readonly (KbMatch | undefined)[],
): NameSpan | undefined {
  const f = afterTitles(view, c);
  const l = c.last;
  let words = 0;
  for (let k = f; k <= l; k++) {
    const text = view.tokens[k]?.text ?? "";
    if (text === "-") continue;
    if (!NAME_TOKEN.test(text)) return undefined;
    words++;
  }
  if (words < 2 || words > 4) return undefined;
  const first = covering[f];
  if (first && first.first === f && first.last === l) return undefined; // the gazetteer knows this spelling
  const span = tokenSpan(view, f, l);
  const surface = view.text.slice(span.start, span.end);
  const persons = kb.personsByTranslit(surface);
  if (persons.length !== 1) return undefined;
  const person = persons[0] as KbEntry;
  for (let k = f; k <= l; k++) {
    const m = covering[k];
    if (!m) continue;
    if (m.first < f || m.last > l) return undefined;
    if (!m.forms.some((x) => x.entry === person) && m.forms.some((x) => x.entry.type !== "location")) return undefined;
  }
  return { ...span, kb: [spanForm(view, person, span)], cue: "translit" };
}

function missionAt(
  view: TokenView,
  m: KbMatch,
  matchAt: ReadonlyMap<number, KbMatch>,
  chunkAt: ReadonlyMap<number, Chunk>,
): NameSpan | undefined {
  const noun = view.low[m.last + 1];
  if ((noun !== "embassy" && noun !== "consulate") || view.low[m.last + 2] !== "in" || !view.cap[m.last + 3]) return;
  if (!m.forms.some((f) => f.entry.type === "country")) return undefined;
  const host = matchAt.get(m.last + 3) ?? chunkAt.get(m.last + 3);
  if (!host) return undefined;
  const span = tokenSpan(view, m.first, host.last);
  return { ...span, type: "organization", cue: "mission", name: view.text.slice(span.start, span.end) };
}

/** A name followed by a facility noun is the facility's name ("Urumqi train station", "Atyrau–China oil pipeline"),
 * unless the name is a lone country or nationality ("Russian gas pipeline", "Chinese base"). */
function facilityChunk(view: TokenView, c: Chunk, matchAt: ReadonlyMap<number, KbMatch>): NameSpan | undefined {
  const k = facilityNounAfter(view, c.last);
  if (k < 0 || view.titleCase[c.first] || view.initial[c.first]) return undefined;
  const m = matchAt.get(c.first);
  if (m && m.last === c.last && m.forms.some((f) => f.entry.type === "country" || f.kind === "demonym"))
    return undefined;
  // "Russian military base": a KB name that runs on in lower case ("Russian military") owns the words.
  if (m && m.last > c.last) return undefined;
  if (m && m.last === c.last && m.forms.some((f) => f.entry.type === "person" || f.entry.type === "organization")) {
    return undefined;
  }
  const span = tokenSpan(view, c.first, k);
  return { ...span, type: "facility", cue: "facility-noun", name: view.text.slice(span.start, span.end) };
}

/** Runs of a chunk's free tokens, without titles and without a sentence-initial common word. */
function pieces(view: TokenView, c: Chunk, claimed: Int8Array): NameSpan[] {
  const out: NameSpan[] = [];
  let k = c.first;
  while (k <= c.last) {
    if (claimed[k]) {
      k++;
      continue;
    }
    const t = view.cap[k] ? titleAt(view, k) : undefined;
    if (t && t.last <= c.last) {
      k = t.last + 1;
      continue;
    }
    let s = k;
    while (k <= c.last && !claimed[k] && !(k > s && view.cap[k] && titleAt(view, k))) k++;
    let e = k - 1;
    while (e >= s && (!view.cap[e] || !view.word[e])) e--;
    while (s <= e && !view.cap[s] && view.low[s + 1] !== "-") s++;
    if (s <= e && view.initial[s] && isCommonWord(view.low[s] as string)) s++;
    while (s <= e && (!view.word[s] || (!view.cap[s] && view.low[s + 1] !== "-"))) s++;
    if (s <= e) out.push(tokenSpan(view, s, e));
  }
  return out;
}
