// A sentence with its entity mentions replaced by typed placeholders, so relation rules can be
// written as plain regular expressions over words and entities:
//   "Mongolian President Nara Batbold met ..." -> "⟦c0⟧ President ⟦p1⟧ met ..."
// Letters: c country, p person, o organization, l location, f facility, i initiative.
// Quotes, apostrophes and spaces are normalised; `offsets` maps every masked character back to the
// document, so a rule can ask for the realis of the word it matched.
import type { EntityType, Sentence } from "../../types.js";
import type { ExtractContext, ResolvedMention } from "../context.js";

export const TYPE_LETTER: Record<EntityType, string> = {
  country: "c",
  person: "p",
  organization: "o",
  location: "l",
  facility: "f",
  initiative: "i",
};

export interface Masked {
  sentence: Sentence;
  /** The masked, normalised sentence. */
  text: string;
  /** Document offset of each character of `text` (placeholders map to their mention's start). */
  offsets: number[];
  /** The sentence's mentions; placeholder ⟦x3⟧ is mentions[3]. */
  mentions: ResolvedMention[];
}

/** Longest masked sentence read in one piece; longer ones are read clause by clause. */
export const MAX_MASKED = 2000;

export function maskSentence(ctx: ExtractContext, sentence: Sentence, mentions: ResolvedMention[]): Masked {
  const text = ctx.doc.text;
  let out = "";
  const offsets: number[] = [];
  const push = (s: string, at: number) => {
    out += s;
    for (let k = 0; k < s.length; k++) offsets.push(at);
  };
  let pos = sentence.start;
  let lastSpace = true;
  const copy = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      let ch = text[k] ?? "";
      if (ch === "⟦" || ch === "⟧") ch = " ";
      if (/\s/.test(ch)) {
        if (lastSpace) continue;
        ch = " ";
      }
      if (ch === "’" || ch === "‘" || ch === "`" || ch === "´") ch = "'";
      else if (ch === "“" || ch === "”" || ch === "„" || ch === "«" || ch === "»") ch = '"';
      else if (ch === "\u00a0") ch = " ";
      lastSpace = ch === " ";
      push(ch, k);
    }
  };
  mentions.forEach((m, i) => {
    if (m.start < pos) return; // overlapping mention: keep the first
    // "the Association of Southeast Asian Nations (ASEAN)": the acronym in brackets is dropped.
    const prev = i > 0 ? mentions[i - 1] : undefined;
    if (prev && prev.key === m.key && /^\s*\(\s*$/.test(text.slice(pos, m.start)) && /^\s*\)/.test(text.slice(m.end))) {
      const close = text.indexOf(")", m.end);
      pos = close + 1;
      return;
    }
    copy(pos, m.start);
    push(`⟦${TYPE_LETTER[m.entity.type]}${i}⟧`, m.start);
    lastSpace = false;
    pos = m.end;
  });
  copy(pos, sentence.end);
  return { sentence, text: out, offsets, mentions };
}

/**
 * Pieces of a masked sentence short enough for the rules: the sentence itself, or for a very long
 * one, windows cut at clause punctuation so no rule runs over thousands of words at once.
 */
export function pieces(masked: Masked): { text: string; base: number }[] {
  if (masked.text.length <= MAX_MASKED) return [{ text: masked.text, base: 0 }];
  const out: { text: string; base: number }[] = [];
  let start = 0;
  const t = masked.text;
  while (start < t.length) {
    let end = Math.min(t.length, start + MAX_MASKED);
    if (end < t.length) {
      const cut = Math.max(t.lastIndexOf("; ", end), t.lastIndexOf(", ", end), t.lastIndexOf(" ", end));
      if (cut > start + MAX_MASKED / 2) end = cut + 1;
    }
    out.push({ text: t.slice(start, end), base: start });
    start = end;
  }
  return out;
}

/** Placeholder indices in a captured string ("⟦c1⟧, ⟦c4⟧ and ⟦c7⟧" -> [1, 4, 7]). */
export function indicesIn(s: string | undefined): number[] {
  if (!s) return [];
  return [...s.matchAll(/⟦[a-z](\d+)⟧/g)].map((m) => Number(m[1]));
}

/** Regex source for one entity placeholder of the given type letters, capturing its index. */
export const E = (letters: string): string => `⟦[${letters}](\\d+)⟧`;
/** One placeholder whose index is captured in the named group `name`. */
export const N = (name: string, letters: string): string => `⟦[${letters}](?<${name}>\\d+)⟧`;
/** The same, not capturing. */
export const e = (letters: string): string => `⟦[${letters}]\\d+⟧`;
/** A list of placeholders ("A, B and C"), captured as one group. */
export const LIST = (letters: string): string =>
  `((?:${e(letters)}(?: \\(${e("a-z")}\\))?(?:, and |, | and | & | or |, or ))*${e(letters)}(?: \\(${e("a-z")}\\))?)`;
