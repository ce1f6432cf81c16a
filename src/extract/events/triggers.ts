// Event triggers: the words of a sentence that name an event. A trigger is a phrase or event noun of the lexicon
// (longest match first) or a verb whose lemma the lexicon codes, directly or by a pattern ("sent troops"). The
// words and codes themselves are lexicon data (lexicon.ts); this part decides which tokens may be one.

import type { Token } from "../../nlp/annotate.js";
import type { ResolvedMention } from "../context.js";
import { norm } from "../realis.js";
import { type Lexicon, patternCode, verbLemma } from "./lexicon.js";
import { MODAL_OR_AUX } from "./words.js";

export interface Trigger {
  /** Token range [i, j] of the cue. */
  i: number;
  j: number;
  kind: "verb" | "noun";
  code: string;
  text: string;
  /** The verb lemma, for verbs. */
  lemma?: string;
  /** Decided by a pattern ("sent troops"), so more certain. */
  fromPattern?: boolean;
}

/** Finds the event triggers of a sentence. */
export function findTriggers(
  tokens: Token[],
  inMention: Int32Array,
  mentions: ResolvedMention[],
  lex: Lexicon,
  text: string,
): Trigger[] {
  const out: Trigger[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (inMention[i] !== -1) continue;
    const t = tokens[i] as Token;
    // Multi-word phrases and nouns, longest first; only from a word some phrase opens (a token glued to the next
    // one, as "do" in "don't", may open one written with the pair).
    let matched = false;
    const opens = lex.phraseStarts.has(norm(t)) || tokens[i + 1]?.start === t.end;
    for (let n = opens ? Math.min(lex.maxWords, tokens.length - i) : 1; n >= 2; n--) {
      let ok = true;
      for (let k = i; k < i + n; k++) if (inMention[k] !== -1) ok = false;
      if (!ok) continue;
      const last = tokens[i + n - 1] as Token;
      const key = text.slice(t.start, last.end).toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, " ");
      const phrase = lex.phrases.get(key);
      const noun = lex.nouns.get(key);
      if (phrase || noun) {
        out.push({ i, j: i + n - 1, kind: phrase ? "verb" : "noun", code: (phrase ?? noun) as string, text: key });
        i += n - 1;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const w = norm(t);
    if (!/^[a-z][a-z-]*$/.test(w)) continue;
    const prev = norm(tokens[i - 1]);
    const nounCode = lex.nouns.get(w);
    const lemma = verbLemma(w, lex);
    const verbish =
      t.pos === "VERB" ||
      // "China formalised an agreement": a past form the tagger took for an adjective, with its object after it.
      (lemma !== null && t.pos === "ADJ" && w.endsWith("ed") && tokens[i + 1]?.pos === "DET") ||
      // "whether Putin informed Xi", "Ankara pressured regional bodies": the same right after a name (not a
      // demonym: "the Kyrgyz armed forces"), with an object after it.
      (lemma !== null &&
        t.pos === "ADJ" &&
        w.endsWith("ed") &&
        (inMention[i - 1] ?? -1) !== -1 &&
        mentions[inMention[i - 1] as number]?.form !== "demonym" &&
        ((inMention[i + 1] ?? -1) !== -1 || OBJECT_START.has(tokens[i + 1]?.pos ?? ""))) ||
      (lemma !== null && t.pos !== "NOUN" && t.pos !== "PROPN" && (prev === "to" || MODAL_OR_AUX.has(prev)));
    if (lemma && verbish) {
      const pat = patternCode(lemma, tokens, i, lex);
      const code = pat ?? lex.verbs.get(lemma);
      if (code) {
        out.push({ i, j: i, kind: "verb", code, text: w, lemma, fromPattern: pat !== null });
        continue;
      }
    }
    if (nounCode && (t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "X" || (t.pos === "VERB" && !lemma))) {
      out.push({ i, j: i, kind: "noun", code: nounCode, text: w });
    }
  }
  return out;
}

/** Tags that can open the object of a verb the tagger took for an adjective. */
const OBJECT_START = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM"]);
