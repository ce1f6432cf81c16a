// Recognition: where the names are and what each may be. Three passes over one document:
//  A. capitalised chunks whose head word types them ("China Development Bank", "Lake Balkhash") become new names,
//     unless the knowledge base knows the whole chunk;
//  B. knowledge-base matches claim the tokens still free;
//  C. what is left of each chunk becomes an untyped piece, typed later by its context ("X said", "in X").
import type { AliasForm } from "../../kb/alias-index.js";
import type { KnowledgeBase } from "../../kb/knowledge-base.js";
import { isCommonWord } from "../../kb/vocabulary.js";
import { type Chunk, facilityNounAfter, findChunks, type HeadType, headType } from "./chunks.js";
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
  const chunks = findChunks(view);
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

  const chunkAt = new Map<number, Chunk>();
  for (const c of chunks) chunkAt.set(c.first, c);
  // A. head-typed chunks, and names followed by a facility noun ("Donetsk wind farm")
  for (const c of chunks) {
    if (view.furniture[c.first]) continue;
    const span = headTypedChunk(view, c, covering, matchAt, chunkAt) ?? facilityChunk(view, c, matchAt);
    if (span) claim(span);
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
  let f = c.first;
  for (let t = titleAt(view, f); t && t.last < c.last && view.cap[f]; t = titleAt(view, f)) f = t.last + 1;
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
