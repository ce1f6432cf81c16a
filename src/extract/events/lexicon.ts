// The event-cue lexicon (data/lexicon/cameo-verbs.json, built by scripts/build-event-lexicon.ts from the
// PETRARCH2 CAMEO verb dictionary, MIT, plus hand-written cues): verbs, phrases and nouns to CAMEO codes.
import { readFileSync } from "node:fs";
import type { Token } from "../../nlp/annotate.js";
import { norm } from "../realis.js";

type Pattern = [words: string[], code: string];

interface LexiconFile {
  codes: Record<string, string>;
  verbs: Record<string, string>;
  irregular: Record<string, string>;
  phrases: Record<string, string>;
  nouns: Record<string, string>;
  patternOf: Record<string, number>;
  patternBlocks: Pattern[][];
  sets: Record<string, string[]>;
}

export interface Lexicon {
  codes: Map<string, string>;
  verbs: Map<string, string>;
  irregular: Map<string, string>;
  phrases: Map<string, string>;
  nouns: Map<string, string>;
  patternOf: Map<string, number>;
  patternBlocks: Pattern[][];
  sets: Map<string, Set<string>>;
  /** Longest phrase or noun, in words. */
  maxWords: number;
  /** The first words of the phrases and nouns of two words or more. */
  phraseStarts: Set<string>;
}

let cached: Lexicon | undefined;

/** The lexicon, read once from data/lexicon (the same path from src/ and from dist/). */
export function lexicon(): Lexicon {
  if (cached) return cached;
  const url = new URL("../../../data/lexicon/cameo-verbs.json", import.meta.url);
  const raw = JSON.parse(readFileSync(url, "utf8")) as LexiconFile;
  const sets = new Map(Object.entries(raw.sets).map(([k, v]) => [k, new Set(v)]));
  let maxWords = 1;
  const phraseStarts = new Set<string>();
  for (const k of [...Object.keys(raw.phrases), ...Object.keys(raw.nouns)]) {
    const words = k.split(/[ ]+/);
    maxWords = Math.max(maxWords, words.length);
    if (words.length > 1) phraseStarts.add(words[0] as string);
  }
  cached = {
    codes: new Map(Object.entries(raw.codes)),
    verbs: new Map(Object.entries(raw.verbs)),
    irregular: new Map(Object.entries(raw.irregular)),
    phrases: new Map(Object.entries(raw.phrases)),
    nouns: new Map(Object.entries(raw.nouns)),
    patternOf: new Map(Object.entries(raw.patternOf)),
    patternBlocks: raw.patternBlocks,
    sets,
    maxWords,
    phraseStarts,
  };
  return cached;
}

/** Candidate lemmas of an English verb form, most likely first. */
export function lemmaCandidates(form: string, lex: Lexicon): string[] {
  const out = [form];
  const irr = lex.irregular.get(form);
  if (irr) out.unshift(irr);
  const add = (s: string) => {
    if (s.length >= 2 && !out.includes(s)) out.push(s);
  };
  if (form.endsWith("ies")) add(`${form.slice(0, -3)}y`);
  if (form.endsWith("ied")) add(`${form.slice(0, -3)}y`);
  if (form.endsWith("es")) add(form.slice(0, -2));
  if (form.endsWith("s") && !form.endsWith("ss")) add(form.slice(0, -1));
  if (form.endsWith("ed")) {
    add(form.slice(0, -2));
    add(form.slice(0, -1));
    if (/([bdfgklmnprstvz])\1ed$/.test(form)) add(form.slice(0, -3));
  }
  if (form.endsWith("ing")) {
    add(form.slice(0, -3));
    add(`${form.slice(0, -3)}e`);
    if (/([bdfgklmnprstvz])\1ing$/.test(form)) add(form.slice(0, -4));
  }
  return out;
}

/** The lemma of a verb form that the lexicon knows (as a coded verb or a verb with patterns). */
export function verbLemma(form: string, lex: Lexicon): string | null {
  for (const c of lemmaCandidates(form, lex)) if (lex.verbs.has(c) || lex.patternOf.has(c)) return c;
  return null;
}

/** Does token text match a pattern word ("&military" is a synonym set)? */
function wordMatches(word: string, token: string, lex: Lexicon): boolean {
  if (word.startsWith("&")) {
    const set = lex.sets.get(word.slice(1));
    if (!set) return false;
    return set.has(token) || (token.endsWith("s") && set.has(token.slice(0, -1))) || set.has(`${token}s`);
  }
  return word === token || `${word}s` === token || word === `${token}s`;
}

/** Words that open a new clause after a verb; a pattern does not reach past them. */
const CLAUSE_OPENERS = new Set(["that", "which", "who", "will", "would", "shall"]);

/**
 * The finer code of a verb from the words after it ("sent troops" -> 150, "imposed sanctions" -> 163):
 * the longest pattern whose words all follow in order, the first within four tokens and each next one within
 * three of the previous (the first listed among equals), so "declared a state of emergency" is 1724, not the
 * 012 of "emergency" alone. Stops at clause punctuation and at a word opening another clause ("that", "would").
 */
export function patternCode(lemma: string, tokens: Token[], i: number, lex: Lexicon): string | null {
  const block = lex.patternOf.get(lemma);
  if (block === undefined) return null;
  const words: string[] = [];
  for (let k = i + 1; k < tokens.length && k <= i + 8; k++) {
    const w = norm(tokens[k]);
    if (/^[.;:!?()]$/.test(w)) break;
    // "announced that it will withdraw": a reported or relative clause codes itself, by its own verb.
    if (CLAUSE_OPENERS.has(w)) break;
    words.push(w);
  }
  let best: string | null = null;
  let bestLength = 0;
  for (const [pat, code] of lex.patternBlocks[block] ?? []) {
    if (pat.length <= bestLength) continue;
    let at = -1;
    let ok = true;
    for (let p = 0; p < pat.length; p++) {
      const limit = p === 0 ? 4 : at + 3;
      let found = -1;
      for (let k = at + 1; k < words.length && k <= limit; k++) {
        if (wordMatches(pat[p] ?? "", words[k] ?? "", lex)) {
          found = k;
          break;
        }
      }
      if (found < 0) {
        ok = false;
        break;
      }
      at = found;
    }
    if (ok) {
      best = code;
      bestLength = pat.length;
    }
  }
  return best;
}

/** "042" -> "04.2", "0332" -> "03.32", "040" -> "04", "19" -> "19". */
export function cameoType(code: string): string {
  const root = code.slice(0, 2);
  const rest = code.slice(2);
  if (!rest || /^0+$/.test(rest)) return root;
  return `${root}.${rest}`;
}
