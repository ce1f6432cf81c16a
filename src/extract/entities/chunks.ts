// Runs of capitalised tokens that may form a name ("Stockholm International Peace Research Institute", "Bank of China",
// "Abu Yusuf al-Harbi"), with the connectors names use inside them, and the type their head word gives.
import { isCommonGivenName } from "../../kb/names.js";
import { isCommonWord } from "../../kb/vocabulary.js";
import type { EntityType } from "../../types.js";
import {
  FACILITY_HEADS,
  FACILITY_MODIFIERS,
  FACILITY_NOUNS,
  INITIATIVE_HEADS,
  INITIATIVE_PREFIXES,
  LOCATION_HEADS,
  LOCATION_PREFIXES,
  MISC_HEADS,
  NAME_CONNECTORS,
  NEVER_NAMES,
  ORG_HEADS,
  ORG_ONLY_CONNECTORS,
  ORG_PREFIXES,
  POSSESSIVE_NAME_WORDS,
} from "./cue-words.js";
import { joined, sameSentence, type TokenView } from "./token-view.js";

export interface Chunk {
  first: number;
  last: number;
}

export type HeadType = EntityType | "misc";

/** Parts of speech a name's own word never has. */
const NON_NAME_POS = new Set(["PUNCT", "SYM", "NUM", "AUX", "CCONJ", "SCONJ", "DET", "PRON", "PART", "ADP", "SPACE"]);

/** Particles that open a name in lower case when a hyphen joins them to it: "al-Qaeda", "bin Laden". */
const LOWER_PARTICLES = new Set(["al", "el", "ad", "ash", "as", "an", "ar", "ul", "bin", "ibn", "de", "van", "von"]);

const MAX_CHUNK = 16;

/** Is token i a capitalised word that can be part of a name? */
export function isNameWord(view: TokenView, i: number): boolean {
  if (i < 0 || i >= view.n || !view.cap[i] || !view.word[i]) return false;
  const low = view.low[i] as string;
  // An initial ("A.", "J.") stands inside a name when a name word follows it: "John F. Kennedy".
  if (low.length === 2 && low[1] === "." && sameSentence(view, i, i + 1)) return isNameWord(view, i + 1);
  if (NEVER_NAMES.has(low) || NEVER_NAMES.has(low.replace(/\.$/, ""))) return false;
  // "US$", "HK$": a currency's code
  const tok = view.tokens[i];
  if (tok && (low.endsWith("$") || view.text.charCodeAt(tok.end) === 36)) return false;
  return !NON_NAME_POS.has(view.tokens[i]?.pos ?? "X") || /^\p{Lu}{2,}/u.test(view.tokens[i]?.text ?? "");
}

/** A lower-case particle hyphened to a name word: "al" in "al-Qaeda". */
function particleAt(view: TokenView, i: number): boolean {
  return (
    LOWER_PARTICLES.has(view.low[i] as string) &&
    view.low[i + 1] === "-" &&
    joined(view, i) &&
    joined(view, i + 1) &&
    isNameWord(view, i + 2)
  );
}

/** All chunks, left to right; sentences written in capitals have none. */
export function findChunks(view: TokenView, isGiven: (word: string) => boolean = isCommonGivenName): Chunk[] {
  const out: Chunk[] = [];
  for (let i = 0; i < view.n; i++) {
    if (view.shouting[i]) continue;
    if (!isNameWord(view, i) && !particleAt(view, i)) continue;
    if (commonOpener(view, i)) continue;
    let last = i;
    if (particleAt(view, i)) last = i + 2;
    for (;;) {
      const k = last + 1;
      if (k >= view.n || k - i >= MAX_CHUNK || !sameSentence(view, i, k)) break;
      if (isNameWord(view, k)) {
        last = k;
        continue;
      }
      const low = view.low[k] as string;
      if (particleAt(view, k)) {
        last = k + 2;
        continue;
      }
      if (low === "-" && joined(view, last) && joined(view, k)) {
        if (isNameWord(view, k + 1) || particleAt(view, k + 1)) {
          last = particleAt(view, k + 1) ? k + 3 : k + 1;
          continue;
        }
        break;
      }
      if (!view.cap[k] && NAME_CONNECTORS.has(low)) {
        let m = k + 1;
        if ((low === "of" || low === "for" || low === "on") && view.low[m] === "the") m++;
        if (isNameWord(view, m)) {
          last = m;
          continue;
        }
        if (particleAt(view, m)) {
          last = m + 2;
          continue;
        }
        break;
      }
      if (low === "'s" && POSSESSIVE_NAME_WORDS.has(view.low[last] as string) && isNameWord(view, k + 1)) {
        last = k + 1;
        continue;
      }
      break;
    }
    out.push(...splitChunk(view, { first: i, last }, isGiven));
    i = last;
  }
  return out;
}

/** "Members of the ...", "Officials from ...": a sentence's capitalised common word before a connector opens no name
 * (but "Ministry of ...", "Lake ..." do). */
function commonOpener(view: TokenView, i: number): boolean {
  if (!view.initial[i] || isNameWord(view, i + 1)) return false;
  const low = view.low[i] as string;
  if (ORG_PREFIXES.has(low) || INITIATIVE_PREFIXES.has(low) || LOCATION_PREFIXES.has(low)) return false;
  return isCommonWord(low);
}

/**
 * "Aliya Sultanbek of the Steppe Institute", "Troy Parker of Slate Magazine": a person's name (two or three words
 * opening with a known given name, or two words neither of them a common word; none of them an organisation's or
 * place's head word) before "of" is that person, and what follows is where they work. Returns the index of that
 * "of", or -1.
 */
function personOfAt(view: TokenView, c: Chunk, isGiven: (word: string) => boolean): number {
  for (let k = c.first + 2; k <= c.first + 3 && k < c.last; k++) {
    if (view.low[k] !== "of" || view.cap[k]) continue;
    const given = isGiven(view.low[c.first] as string);
    const rare =
      k === c.first + 2 && !isCommonWord(view.low[c.first] as string) && !isCommonWord(view.low[c.first + 1] as string);
    if (!given && !rare) return -1;
    for (let j = c.first; j < k; j++) {
      const w = view.low[j] as string;
      if (!view.cap[j] || ORG_HEADS.has(w) || LOCATION_HEADS.has(w)) return -1;
    }
    return k;
  }
  return -1;
}

/** A chunk joined by "of"/"and"/"for" that no head word makes one name is split at those connectors. */
function splitChunk(view: TokenView, c: Chunk, isGiven: (word: string) => boolean): Chunk[] {
  const of = personOfAt(view, c, isGiven);
  if (of > 0) {
    const rest = view.low[of + 1] === "the" ? of + 2 : of + 1;
    return [{ first: c.first, last: of - 1 }, ...splitChunk(view, { first: rest, last: c.last }, isGiven)].filter(
      nonEmpty,
    );
  }
  const hasOrgConnector = () => {
    for (let k = c.first + 1; k < c.last; k++)
      if (!view.cap[k] && ORG_ONLY_CONNECTORS.has(view.low[k] as string)) return true;
    return false;
  };
  if (!hasOrgConnector() || headType(view, c.first, c.last) || facilityNounAfter(view, c.last) >= 0) {
    return [trimChunk(view, c)].filter(nonEmpty); // "Power of Siberia pipeline" stays one name
  }
  const parts: Chunk[] = [];
  let from = c.first;
  for (let k = c.first; k <= c.last + 1; k++) {
    const boundary = k > c.last || (!view.cap[k] && ORG_ONLY_CONNECTORS.has(view.low[k] as string));
    if (!boundary) continue;
    if (k - 1 >= from) parts.push(trimChunk(view, { first: from, last: k - 1 }));
    from = k + 1;
  }
  return parts.filter(nonEmpty);
}

const nonEmpty = (c: Chunk) => c.last >= c.first;

/** Drops connectors left at either end. */
function trimChunk(view: TokenView, c: Chunk): Chunk {
  let { first, last } = c;
  while (first <= last && !view.cap[first] && !particleAt(view, first)) first++;
  while (last >= first && (!view.cap[last] || !view.word[last])) last--;
  return { first, last };
}

/** The type a name's head word gives it: "... Bank" organization, "Lake ..." location; undefined when none. */
export function headType(view: TokenView, first: number, last: number): HeadType | undefined {
  if (last <= first) return undefined;
  const head = view.low[last] as string;
  const lead = view.low[first] as string;
  const second = view.low[first + 1];
  if (ORG_PREFIXES.has(lead) && (second === "of" || second === "for")) return "organization";
  if (INITIATIVE_PREFIXES.has(lead) && (second === "of" || second === "on" || second === "for")) return "initiative";
  if (LOCATION_PREFIXES.has(lead)) return "location";
  if (ORG_HEADS.has(head)) return "organization";
  // "Lee Kuan Yew School of Public Policy", "Harbour Research Institute for Asia": an organisation's
  // head before the first "of"/"for" types the whole.
  for (let k = first + 2; k < last; k++) {
    const w = view.low[k] as string;
    if (view.cap[k] || (w !== "of" && w !== "for")) continue;
    if (ORG_HEADS.has(view.low[k - 1] as string)) return "organization";
    break;
  }
  if (FACILITY_HEADS.has(head)) return "facility";
  if (LOCATION_HEADS.has(head)) return "location";
  if (INITIATIVE_HEADS.has(head)) return "initiative";
  if (MISC_HEADS.has(head)) return "misc";
  return undefined;
}

/** Index of a facility noun after token `last` ("oil field", "copper mine"), or -1. */
export function facilityNounAfter(view: TokenView, last: number): number {
  let k = last + 1;
  while (k < view.n && k <= last + 3 && !view.cap[k] && FACILITY_MODIFIERS.has(view.low[k] as string)) k++;
  if (k < view.n && !view.cap[k] && FACILITY_NOUNS.has(view.low[k] as string) && view.low[k + 1] !== "of") return k;
  return -1;
}
