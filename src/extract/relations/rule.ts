// The shape of a relation rule: a regular expression over a masked sentence (see masked.ts) and a
// function turning a match into relation hits between placeholder indices.
import type { EntityRef, RelationType } from "../../types.js";
import type { ResolvedMention } from "../context.js";
import { indicesIn } from "./masked.js";

export interface Hit {
  type: RelationType;
  /** Placeholder (mention) indices. */
  subj: number;
  obj: number;
  negated?: boolean;
  attrs?: Record<string, string>;
  confidence: number;
  /**
   * Index in the piece of the word whose realis decides the hit (a verb or cue noun). When set,
   * a negated cue negates the hit and a hypothetical one drops it (unless `keepHypothetical`).
   */
  cue?: number;
  keepHypothetical?: boolean;
}

export interface RuleInput {
  /** The piece of the masked sentence the rule ran on. */
  text: string;
  mentions: ResolvedMention[];
}

export interface Rule {
  name: string;
  re: RegExp;
  hits: (m: RegExpExecArray, x: RuleInput) => Hit[];
  /**
   * Demonym mentions ("Mongolian", "Peruvian") may fill a slot. Off by default: a demonym is usually an
   * adjective ("the Russian economy"), so only rules written for one ("Mongolian President X") allow it.
   */
  demonyms?: boolean;
}

/** Builds a rule; the regex always gets the global and indices flags. */
export function rule(name: string, source: string, hits: Rule["hits"], opts: { demonyms?: boolean } = {}): Rule {
  return { name, re: new RegExp(source, "gd"), hits, demonyms: opts.demonyms ?? false };
}

/** Captured placeholder index of group g (NaN when the group did not take part). */
export const idx = (m: RegExpExecArray, g: number): number => Number(m[g]);
/** All placeholder indices in group g. */
export const ids = (m: RegExpExecArray, g: number): number[] => indicesIn(m[g]);
/** Start of the named group `cue` (or of group g), for realis. */
export function cueAt(m: RegExpExecArray, g: number | "cue" = "cue"): number | undefined {
  const ind = m.indices;
  if (!ind) return undefined;
  if (g === "cue") return ind.groups?.cue?.[0];
  return ind[g]?.[0];
}

export const entityOf = (x: RuleInput, i: number): EntityRef | undefined => x.mentions[i]?.entity;

/** Many subjects to one object. */
export function each(
  type: RelationType,
  subjs: number[],
  obj: number,
  confidence: number,
  more: Partial<Hit> = {},
): Hit[] {
  return subjs.map((s) => ({ type, subj: s, obj, confidence, ...more }));
}

/** One subject to many objects. */
export function toEach(
  type: RelationType,
  subj: number,
  objs: number[],
  confidence: number,
  more: Partial<Hit> = {},
): Hit[] {
  return objs.map((o) => ({ type, subj, obj: o, confidence, ...more }));
}

/**
 * The entity "its"/"their" at `at` refers to: the nearest earlier state or organisation in the piece, skipping
 * demonyms and pronouns, and no further back than `reach` characters.
 */
export function antecedent(x: RuleInput, at: number, letters = "co", reach = 250): number | undefined {
  const before = x.text.slice(Math.max(0, at - reach), at);
  const found = [...before.matchAll(/⟦([a-z])(\d+)⟧/g)].reverse();
  for (const f of found) {
    if (!letters.includes(f[1] ?? "")) continue;
    const m = x.mentions[Number(f[2])];
    if (!m || m.form === "demonym" || m.form === "pronoun") continue;
    return Number(f[2]);
  }
  return undefined;
}

/** Possessive ending: "China's", "China’s" (normalised), "Reporters Without Borders'". */
export const POSS = "(?:'s?)";
/** Up to n lower-case words that are not prepositions or conjunctions (adjectives, nouns). */
export const ADJ = (n: number): string =>
  `(?:(?!(?:in|of|to|for|with|on|at|from|by|and|or|into|over|near|than|as|but|not|that|which|who|is|are|was|were|has|have|had|its|their|his|her)\\b)[a-z][a-z-]*,? ){0,${n}}`;
/** Up to n words of any case, no entity, no clause punctuation. */
export const WORDS = (n: number): string => `(?:[A-Za-z][A-Za-z'-]*,? ){0,${n}}`;
