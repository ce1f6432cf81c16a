// Noun phrases as the mentions they hold: the map from tokens to mentions, the phrase ending at a token (a
// subject, a possessor) and the phrase starting at one (an object, the object of a preposition).

import type { Token } from "../../nlp/annotate.js";
import type { ResolvedMention } from "../context.js";
import { norm } from "../realis.js";

/** Builds a token -> sentence-mention index map (-1 outside mentions). */
export function mentionMap(tokens: Token[], mentions: ResolvedMention[]): Int32Array {
  const map = new Int32Array(tokens.length).fill(-1);
  let m = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    while (m < mentions.length && (mentions[m] as ResolvedMention).end <= t.start) m++;
    for (let q = m; q < mentions.length && (mentions[q] as ResolvedMention).start < t.end; q++) {
      const men = mentions[q] as ResolvedMention;
      if (t.start < men.end && t.end > men.start) {
        map[k] = q;
        break;
      }
    }
  }
  return map;
}

/** Does mention `id` occur among tokens [from, to)? */
export function tokenOf(id: number, inMention: Int32Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (inMention[k] === id) return true;
  return false;
}

/** Mention indices of the noun phrase ending just before token `end` (exclusive), scanning no further than `from`. */
export function npEndingAt(
  tokens: Token[],
  inMention: Int32Array,
  end: number,
  from: number,
): { ids: number[]; start: number } {
  const ids: number[] = [];
  let k = end - 1;
  let steps = 0;
  let start = end;
  let beforeComma: { n: number; start: number } | null = null;
  while (k >= from && steps < 16) {
    const t = tokens[k] as Token;
    const w = norm(t);
    const mi = inMention[k] ?? -1;
    if (mi === -1 && w === ")" && ids.length === 0) {
      // "the Revolutionary Armed Forces of Colombia (FARC) launched": a bracketed acronym after a name.
      let o = k - 1;
      while (o >= from && o > k - 5 && norm(tokens[o]) !== "(") o--;
      if (o > from && norm(tokens[o]) === "(" && (inMention[o - 1] ?? -1) !== -1) {
        for (let q = o + 1; q < k; q++) {
          const inner = inMention[q] ?? -1;
          if (inner !== -1 && !ids.includes(inner)) ids.push(inner);
        }
        start = o;
        k = o - 1;
        steps++;
        continue;
      }
      break;
    }
    if (mi !== -1) {
      if (!ids.includes(mi)) ids.push(mi);
    } else if (w === "," || w === "and" || w === "&") {
      // A list or coordination: only between two mentions ("China, Russia and Iran"), or a name and a plain noun
      // phrase ("the State Department and some scholars insist").
      const nameBefore = (inMention[k - 1] ?? -1) !== -1;
      if (!(nameBefore && (ids.length > 0 || (w === "and" && k < end - 1)))) break;
      if (w === "," && !beforeComma) beforeComma = { n: ids.length, start };
    } else if (w === "of") {
      // "the government of Kazakhstan": keep going left only when a mention follows.
      if (!ids.length) break;
    } else if (
      !(
        t.pos === "NOUN" ||
        t.pos === "PROPN" ||
        t.pos === "ADJ" ||
        t.pos === "NUM" ||
        t.pos === "DET" ||
        w === "'s" ||
        w === "'" ||
        w === "-" ||
        (t.pos === "PART" && w !== "to" && w !== "not" && w !== "n't")
      )
    ) {
      break;
    }
    start = k;
    // "Saudi Arabia and the UAE": a determiner ends the phrase unless a coordinated name comes before it.
    if (t.pos === "DET" && mi === -1) {
      const before = norm(tokens[k - 1]);
      if (
        !((before === "and" || before === ",") && (inMention[k - 2] ?? -1) !== -1 && (ids.length || before === "and"))
      )
        break;
    }
    k--;
    steps++;
  }
  // "In Uzbekistan, Mr Xi": a fronted phrase before a comma is not part of the subject.
  const before = norm(tokens[start - 1]);
  if (beforeComma && (tokens[start - 1]?.pos === "ADP" || start === 0 || before === "for")) {
    ids.length = beforeComma.n;
    start = beforeComma.start;
  }
  return { ids: ids.reverse(), start };
}

/** Possessive determiners, which may open a noun phrase ("its neighbours"). */
const POSSESSIVES = new Set(["his", "her", "its", "their", "our", "my", "your"]);

/** Quantifiers before "of" in an object: "visited all of the Central Asian states". */
const QUANTIFIERS = new Set(["all", "some", "many", "most", "each", "both", "several", "few", "none", "one", "two"]);

/** Mention indices of the noun phrase starting at token `at` (a few words, first mentions only). */
export function npStartingAt(
  tokens: Token[],
  inMention: Int32Array,
  at: number,
  to: number,
): { ids: number[]; end: number } {
  const ids: number[] = [];
  let k = at;
  let end = at;
  while (k <= to && k < at + 12) {
    const t = tokens[k] as Token;
    const w = norm(t);
    const mi = inMention[k] ?? -1;
    if (mi !== -1) {
      if (!ids.includes(mi)) ids.push(mi);
    } else if (w === "," || w === "and" || w === "&" || w === "or") {
      if (
        !(ids.length > 0 && (inMention[k + 1] ?? -1) !== -1) &&
        !(
          w !== "," &&
          (tokens[k + 1]?.pos === "DET" || tokens[k + 1]?.pos === "ADJ" || POSSESSIVES.has(norm(tokens[k + 1]))) &&
          ids.length > 0
        )
      )
        break;
    } else if (w === "-" && /^(?:led|backed|dominated|based|brokered|sponsored)$/.test(norm(tokens[k + 1]))) {
      // "the Russia-led CSTO": the leader and the led.
      k += 2;
      continue;
    } else if (
      w === "of" &&
      k > at &&
      (tokens[k - 1]?.pos === "NOUN" || (inMention[k - 1] ?? -1) !== -1 || QUANTIFIERS.has(norm(tokens[k - 1])))
    ) {
      // "member states of the SCO", "the government of Kazakhstan"
    } else if (
      !(
        t.pos === "DET" ||
        t.pos === "ADJ" ||
        t.pos === "NUM" ||
        t.pos === "NOUN" ||
        t.pos === "PROPN" ||
        POSSESSIVES.has(w) ||
        w === "'s" ||
        w === "'" ||
        w === "-" ||
        w === '"'
      )
    ) {
      break;
    }
    // A plain noun after a mention ends the phrase ("Kazakh authorities", "CSTO troops"), unless a title leads
    // on to another name ("Kazakh Foreign Minister Mukhtar Tileuberdi").
    if (mi === -1 && ids.length > 0 && (t.pos === "NOUN" || t.pos === "PROPN")) {
      let name = false;
      for (let q = k + 1; q <= Math.min(to, k + 3); q++) {
        if ((inMention[q] ?? -1) !== -1) {
          name = true;
          break;
        }
        if (!(tokens[q]?.pos === "NOUN" || tokens[q]?.pos === "PROPN")) break;
      }
      if (!name) {
        end = k;
        k++;
        break;
      }
    }
    end = k;
    k++;
  }
  return { ids, end };
}

/** Words that open a description set off by commas after a name: "X, a researcher at Y,", "X, the Kazakh president,". */
const DESCRIPTION_OPENERS = new Set(["a", "an", "the", "who", "whose", "which", "its", "his", "her", "their", "one"]);

/**
 * The speaker of "X, <description>, said ...": the mention just before the comma that opens a description ending
 * at the comma `closing` (the token before the verb). -1 when the words before the verb are no such apposition
 * (the inverted '..., said X' of reported speech, a list, a clause); -2 when they are one but the phrase it
 * describes names no speaker ("the ministry, which oversees the talks, said").
 */
export function appositionSpeaker(
  tokens: Token[],
  inMention: Int32Array,
  mentions: ResolvedMention[],
  closing: number,
): number {
  for (let k = closing - 1; k > 0 && k >= closing - 16; k--) {
    const w = norm(tokens[k]);
    if (w === "." || w === ";" || w === ":" || /^["“”'‘’]$/.test(w)) return -1;
    if (w !== ",") continue;
    const opener = norm(tokens[k + 1]);
    const possessor = (inMention[k + 1] ?? -1) !== -1 && /^'s?$/.test(norm(tokens[k + 2]));
    if (!DESCRIPTION_OPENERS.has(opener) && !possessor) return -1;
    const id = inMention[k - 1] ?? -1;
    if (id === -1) return -2;
    const type = (mentions[id] as ResolvedMention).entity.type;
    return type === "person" || type === "organization" || type === "country" ? id : -2;
  }
  return -1;
}
