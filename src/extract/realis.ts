// Realis: did the thing a trigger names happen, not happen, or only possibly happen?
// Negation ("did not", "never", "no", "neither ... nor", "refused to") and modality ("could", "may",
// "would", "will", "plans to", "calls for", "if", "likely to") are read in the clause of the trigger only,
// so "Russia sent troops, but China did not" flags China's clause and leaves Russia's alone.
// Shared by the relation and event stages. Pure: tokens in, flags out.
import { normText, type Token } from "../nlp/annotate.js";
import type { Sentence } from "../types.js";
import type { ExtractContext } from "./context.js";

export interface Realis {
  negated: boolean;
  hypothetical: boolean;
  /** The cue words that decided it, for debugging and confidence. */
  cues: string[];
}

/** The norm of tokens made elsewhere than by annotate (tests, hand-built tokens), computed once each. */
const normOf = new WeakMap<Token, string>();

/** Lower-cased token text with curly apostrophes straightened: annotate sets it on every token it makes. */
export const norm = (t: Token | undefined): string => {
  if (!t) return "";
  if (t.norm !== undefined) return t.norm;
  let n = normOf.get(t);
  if (n === undefined) {
    n = normText(t.text);
    normOf.set(t, n);
  }
  return n;
};

const tokenCache = new WeakMap<ExtractContext, Token[][]>();

/** The tokens of one sentence (indexed once per context). */
export function sentenceTokens(ctx: ExtractContext, sentence: Sentence): Token[] {
  let bySentence = tokenCache.get(ctx);
  if (!bySentence) {
    bySentence = [];
    for (const t of ctx.annotation.tokens) {
      const list = bySentence[t.sentence] ?? [];
      list.push(t);
      bySentence[t.sentence] = list;
    }
    tokenCache.set(ctx, bySentence);
  }
  return bySentence[sentence.index] ?? [];
}

/** Punctuation that always ends a clause. */
const HARD_BREAK = new Set([";", ":", "—", "–", "(", ")", "[", "]", "?", "!"]);
/** Words that open a new clause (after a comma, or anywhere for the strong ones). */
const CLAUSE_OPENERS = new Set([
  "which",
  "who",
  "whom",
  "whose",
  "while",
  "whereas",
  "although",
  "though",
  "because",
  "but",
  "yet",
  "when",
  "where",
  "after",
  "before",
  "since",
  "unless",
  "if",
  "whether",
  "as",
  "that",
]);
/** Openers that start a clause even without a comma before them. */
const STRONG_OPENERS = new Set([
  "while",
  "whereas",
  "although",
  "though",
  "because",
  "but",
  "unless",
  "if",
  "whether",
  "that",
  "which",
  "who",
]);

/** Token index range [from, to] (inclusive) of the clause holding token i. */
export function clauseOf(tokens: Token[], i: number): { from: number; to: number } {
  let from = 0;
  for (let j = i - 1; j >= 0; j--) {
    const w = norm(tokens[j]);
    // A short bracket ("the Collective Security Treaty Organization (CSTO)") is part of the clause.
    if (w === ")") {
      let o = j - 1;
      while (o >= 0 && o >= j - 6 && norm(tokens[o]) !== "(") o--;
      if (o >= 0 && norm(tokens[o]) === "(" && j - o <= 6) {
        j = o;
        continue;
      }
    }
    if (HARD_BREAK.has(w) || w === '"' || w === "“" || w === "”") {
      from = j + 1;
      break;
    }
    if (STRONG_OPENERS.has(w)) {
      from = j;
      break;
    }
    if (w === "," && CLAUSE_OPENERS.has(norm(tokens[j + 1]))) {
      from = j + 1;
      break;
    }
  }
  let to = tokens.length - 1;
  for (let j = i + 1; j < tokens.length; j++) {
    const w = norm(tokens[j]);
    if (w === "(") {
      let c = j + 1;
      while (c < tokens.length && c <= j + 6 && norm(tokens[c]) !== ")") c++;
      if (c < tokens.length && norm(tokens[c]) === ")" && c - j <= 6) {
        j = c;
        continue;
      }
    }
    if (HARD_BREAK.has(w) || w === "“" || w === "”" || w === '"') {
      to = j - 1;
      break;
    }
    if (STRONG_OPENERS.has(w) && w !== "that") {
      to = j - 1;
      break;
    }
    if (w === "," && (CLAUSE_OPENERS.has(norm(tokens[j + 1])) || norm(tokens[j + 1]) === "and")) {
      to = j - 1;
      break;
    }
  }
  return { from, to: Math.max(from, to) };
}

const NEGATORS = new Set(["not", "n't", "never", "no", "neither", "nor", "without", "nobody", "none"]);
/** Verbs whose complement did not happen: "refused to send", "failed to condemn". */
const NEG_GOVERNORS = new Set([
  "refuse",
  "refused",
  "refuses",
  "refusing",
  "decline",
  "declined",
  "declines",
  "declining",
  "fail",
  "failed",
  "fails",
  "failing",
  "stopped",
  "avoided",
  "avoids",
  "avoid",
  "eschew",
  "eschews",
  "eschewed",
  "unwilling",
  "reluctant",
]);
const MODALS = new Set([
  "could",
  "may",
  "might",
  "would",
  "will",
  "should",
  "shall",
  "can",
  "'ll",
  "'d",
  "must",
  "ca",
  "wo",
]);
/** Single words that make the rest of the clause only possible. */
const HYPO_WORDS = new Set([
  "if",
  "unless",
  "whether",
  "potentially",
  "possibly",
  "perhaps",
  "maybe",
  "hypothetical",
  "hypothetically",
  "proposed",
  "proposal",
  "proposes",
  "propose",
  "envisage",
  "envisaged",
  "scenario",
  "plans",
  "planned",
  "plan",
  "planning",
  "intends",
  "intended",
  "intend",
  "aims",
  "aimed",
  "hopes",
  "hoped",
  "wants",
  "wanted",
  "seeks",
  "sought",
  "expected",
  "likely",
  "unlikely",
  "possible",
  "willing",
  "ready",
  "prepared",
  "considering",
  "considered",
  "mulling",
  "threatens",
  "threatened",
  "threatening",
  "offered",
  "offers",
  "pledged",
  "promised",
  "vowed",
  "urged",
  "asked",
  "calls",
  "called",
  "calling",
  "suggest",
  "suggests",
  "suggested",
  "speculation",
  "rumoured",
  "rumored",
  "alleged",
  "allegedly",
]);
/** Cues that reach across a "that" into the complement ("reports suggest that X supplied ..."). */
const LONG_SCOPE = new Set([
  "suggest",
  "suggests",
  "suggested",
  "if",
  "whether",
  "unless",
  "envisage",
  "scenario",
  "speculation",
  "rumours",
  "rumors",
  "possibility",
  "possible",
  "hypothetical",
]);

/**
 * Realis of the trigger starting at token i of `tokens` (one sentence). Only words before the
 * trigger count, so a trigger that is itself a cue ("refused", "offered") stays real.
 */
export function realisAt(tokens: Token[], i: number): Realis {
  const { from } = clauseOf(tokens, i);
  const cues: string[] = [];
  let negated = false;
  let hypothetical = false;
  // Negation: a negator shortly before the trigger, inside the clause, with no noun phrase head
  // between them that would take the negation for itself ("no sign of troops" aside).
  for (let k = i - 1, seen = 0; k >= from && seen < 6; k--, seen++) {
    const w = norm(tokens[k]);
    const pos = tokens[k]?.pos ?? "";
    if (NEGATORS.has(w)) {
      // "not only ... but" is emphasis, not negation.
      if (w === "not" && norm(tokens[k + 1]) === "only") break;
      // "no doubt", "no longer" qualify the statement, not the event.
      if (w === "no" && ["doubt", "longer", "matter"].includes(norm(tokens[k + 1]))) break;
      negated = true;
      cues.push(w);
      break;
    }
    if (NEG_GOVERNORS.has(w)) {
      negated = true;
      cues.push(w);
      break;
    }
    if (pos === "PUNCT" && w !== "-" && w !== "'") break;
    // A preposition hands the negation to another head: "not involved in the deployment".
    if (pos === "ADP" && w !== "to") break;
  }
  // "neither X nor Y": a "nor"/"neither" anywhere earlier in the clause.
  if (!negated) {
    for (let k = i - 1; k >= from; k--) {
      const w = norm(tokens[k]);
      if (w === "neither" || w === "nor") {
        negated = true;
        cues.push(w);
        break;
      }
    }
  }
  // Modality: a modal earlier in the clause, or another cue word close before the trigger.
  for (let k = i - 1; k >= from; k--) {
    const w = norm(tokens[k]);
    if (MODALS.has(w) || (HYPO_WORDS.has(w) && i - k <= 8)) {
      // "will" after "free" or "good" is a noun; "may" as a month is capitalised mid-sentence.
      if (w === "may" && tokens[k]?.text === "May" && k > 0) continue;
      if (w === "called" && norm(tokens[k + 1]) !== "for" && norm(tokens[k + 1]) !== "on") continue;
      if (w === "calls" && norm(tokens[k + 1]) !== "for" && norm(tokens[k + 1]) !== "on") continue;
      if (w === "calling" && norm(tokens[k + 1]) !== "for" && norm(tokens[k + 1]) !== "on") continue;
      if ((w === "plan" || w === "proposal") && tokens[k]?.pos !== "NOUN" && tokens[k]?.pos !== "VERB") continue;
      // "willing partners", "a ready market": only "willing to", "ready to" look ahead.
      if ((w === "willing" || w === "ready" || w === "prepared") && norm(tokens[k + 1]) !== "to") continue;
      hypothetical = true;
      cues.push(w);
      break;
    }
    if (w === "expected" || w === "set" || w === "going") {
      if (norm(tokens[k + 1]) === "to") {
        hypothetical = true;
        cues.push(w);
        break;
      }
    }
  }
  // Long-scope cues in the sentence before the clause ("reports suggest that ...").
  if (!hypothetical) {
    for (let k = from - 1; k >= 0 && k >= from - 25; k--) {
      const w = norm(tokens[k]);
      if (LONG_SCOPE.has(w)) {
        hypothetical = true;
        cues.push(w);
        break;
      }
    }
  }
  return { negated, hypothetical, cues };
}
