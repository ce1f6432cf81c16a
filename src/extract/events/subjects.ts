// Who does it: the subject of a verb trigger (before it in its clause, also through an infinitive, a second
// coordinated verb, a relative clause or an appositive), the possessor of an intent noun ("X's decision to"), the
// countries of the people an agentless passive acts on, the reporter of a clause with a pronoun subject ("X said
// it would"), what kind of antecedent a subject pronoun needs, and demonyms that name an armed group, not a state.

import type { Token } from "../../nlp/annotate.js";
import type { EntityType } from "../../types.js";
import type { ResolvedMention } from "../context.js";
import { clauseOf, norm } from "../realis.js";
import { npEndingAt } from "./phrases.js";
import type { Trigger } from "./triggers.js";
import { BE, PREPOSITIONS, REPORTING, SKIP_LEFT } from "./words.js";

/** Past participles not ending in "-ed" or "-en": after "be" they make a verb passive. */
const IRREGULAR_PARTICIPLES = new Set([
  "sent",
  "held",
  "made",
  "given",
  "taken",
  "told",
  "seen",
  "led",
  "met",
  "brought",
  "caught",
  "struck",
  "hit",
  "shot",
  "beaten",
  "thrown",
  "withdrawn",
  "sought",
  "bought",
  "sold",
  "fought",
  "won",
  "lent",
  "forgiven",
  "paid",
]);

const isParticiple = (w: string) => w.endsWith("ed") || w.endsWith("en") || IRREGULAR_PARTICIPLES.has(w);

/** The subject of a verb at token i: mentions of the noun phrase before it in the clause. */
export function subjectOf(
  tokens: Token[],
  inMention: Int32Array,
  i: number,
  from: number,
  depth = 0,
): { ids: number[]; passive: boolean } {
  let k = i - 1;
  let passive = false;
  let sawTo = false;
  while (k >= from) {
    const w = norm(tokens[k]);
    if (BE.has(w)) {
      if (isParticiple(norm(tokens[i])) && !sawTo) passive = true;
      k--;
      continue;
    }
    if (w === "to") sawTo = true;
    if (SKIP_LEFT.has(w) || (tokens[k]?.pos === "ADV" && (inMention[k] ?? -1) === -1)) {
      k--;
      continue;
    }
    break;
  }
  // "Tajikistan's decision to cede", "Wang Yi's trip to Doha to meet": the possessor of the noun the infinitive
  // completes.
  if (sawTo && k >= from) {
    const holder = intentHolder(tokens, inMention, k, from);
    if (holder.length) return { ids: holder, passive };
  }
  // "Kazakhstan refused to recognise", "China is willing to help", "rushed in to undertake": the subject of the
  // governing word.
  if (sawTo && depth < 2 && k >= from && (inMention[k] ?? -1) === -1) {
    const t = tokens[k] as Token;
    // "X was expected to talk": the governing verb's passive is not the infinitive's.
    if (t.pos === "VERB" || t.pos === "ADJ" || t.pos === "AUX")
      return { ids: subjectOf(tokens, inMention, k, from, depth + 1).ids, passive };
    if (/^(?:in|out|up|back|off)$/.test(norm(t)) && tokens[k - 1]?.pos === "VERB")
      return subjectOf(tokens, inMention, k - 1, from, depth + 1);
  }
  // "Russia invaded Georgia and recognised ...": a second verb shares the first one's subject.
  if (depth < 2 && k >= from && (norm(tokens[k]) === "and" || norm(tokens[k]) === "but")) {
    for (let v = k - 1; v >= from; v--) {
      if ((inMention[v] ?? -1) === -1 && tokens[v]?.pos === "VERB")
        return subjectOf(tokens, inMention, v, from, depth + 1);
    }
    return { ids: [], passive };
  }
  // "Kazakhstan, who have not endorsed ...", "the regions that Moscow recognised": a relative clause's subject is
  // its antecedent when no other subject stands before the verb.
  const w0 = norm(tokens[k]);
  if (k >= 0 && (w0 === "who" || w0 === "which" || w0 === "that") && (inMention[k] ?? -1) === -1) {
    let a = k - 1;
    if (norm(tokens[a]) === ",") a--;
    if ((inMention[a] ?? -1) !== -1) {
      const np = npEndingAt(tokens, inMention, a + 1, 0);
      return { ids: np.ids, passive };
    }
    // "Brazil, the largest economy that has sided with Beijing": the name before an appositive.
    for (let b = a; b >= 0 && b >= a - 8; b--) {
      if (norm(tokens[b]) === "," && (inMention[b - 1] ?? -1) !== -1) {
        const np = npEndingAt(tokens, inMention, b, 0);
        return { ids: np.ids, passive };
      }
      if (tokens[b]?.pos === "VERB" || (inMention[b] ?? -1) !== -1) break;
    }
    return { ids: [], passive };
  }
  // "X, a senior official, said" / "X, who ..., said": step over one parenthetical.
  if (k >= from && norm(tokens[k]) === "," && (inMention[k] ?? -1) === -1) {
    let c = k - 1;
    while (c >= from && c > k - 25 && norm(tokens[c]) !== ",") c--;
    if (c >= from && norm(tokens[c]) === ",") {
      const np = npEndingAt(tokens, inMention, c, from);
      // An appositive names the subject again; a prepositional phrase ("in his talks with X") does not.
      const inner = PREPOSITIONS.has(norm(tokens[c + 1])) ? { ids: [] } : npEndingAt(tokens, inMention, k, c + 1);
      return { ids: [...np.ids, ...inner.ids], passive };
    }
    return { ids: [], passive };
  }
  let np = npEndingAt(tokens, inMention, k + 1, from);
  // "Putin has on occasion questioned": step over an adverbial phrase without a name.
  if (!np.ids.length && np.start <= k && PREPOSITIONS.has(norm(tokens[np.start - 1])) && depth < 2) {
    let b = np.start - 2;
    while (b >= from && (SKIP_LEFT.has(norm(tokens[b])) || tokens[b]?.pos === "ADV")) b--;
    np = npEndingAt(tokens, inMention, b + 1, from);
  }
  // "X along with its allies demanded", "X together with the rebels rejected": the subject comes before the "with".
  if (!np.ids.length && depth < 2) {
    let w = np.start - 1;
    if (/^(?:its|their|his|her|the|some|several|other|many)$/.test(norm(tokens[w]))) w--;
    if (norm(tokens[w]) === "with" && /^(?:along|together)$/.test(norm(tokens[w - 1])) && w - 1 > from)
      np = npEndingAt(tokens, inMention, w - 1, from);
  }
  // "websites in Turkish claimed": a name inside a prepositional phrase is not the subject, except in "with X
  // having sold ...".
  const pre = norm(tokens[np.start - 1]);
  const absolute = pre === "with" && tokens.slice(np.start, i).some((t) => norm(t) === "having");
  if (np.ids.length && PREPOSITIONS.has(pre) && (inMention[np.start - 1] ?? -1) === -1 && !absolute) {
    // "by autumn 2016 China formalised": a fronted date ends with its number; the subject follows it.
    let num = -1;
    for (let q = np.start; q <= k; q++) if (tokens[q]?.pos === "NUM" && (inMention[q] ?? -1) === -1) num = q;
    if (num >= 0 && num < k) return { ids: npEndingAt(tokens, inMention, k + 1, num + 1).ids, passive };
    return { ids: [], passive };
  }
  return { ids: np.ids, passive };
}

/** Nouns whose "to"-infinitive is the act of their possessor: "X's decision to", "X's visit to Y to meet". */
const INTENT_NOUNS = new Set([
  "decision",
  "decisions",
  "attempt",
  "attempts",
  "effort",
  "efforts",
  "bid",
  "move",
  "plan",
  "plans",
  "offer",
  "offers",
  "refusal",
  "failure",
  "readiness",
  "willingness",
  "determination",
  "intention",
  "pledge",
  "promise",
  "threat",
  "threats",
  "trip",
  "visit",
  "tour",
  "push",
  "campaign",
]);

/**
 * The possessor of an intent noun that governs the infinitive ending at token k ("Tajikistan's decision [to]",
 * "Wang Yi's trip to Doha [to]"): up to one prepositional phrase may stand between the noun and the "to".
 */
function intentHolder(tokens: Token[], inMention: Int32Array, k: number, from: number): number[] {
  for (let h = k, seen = 0; h >= from && seen < 6; h--, seen++) {
    const t = tokens[h] as Token;
    const w = norm(t);
    if (INTENT_NOUNS.has(w) && (inMention[h] ?? -1) === -1 && t.pos !== "VERB") {
      let p = h - 1;
      while (p >= from && tokens[p]?.pos === "ADJ" && (inMention[p] ?? -1) === -1) p--;
      const poss = norm(tokens[p]);
      if ((poss === "'s" || poss === "'") && (inMention[p - 1] ?? -1) !== -1)
        return npEndingAt(tokens, inMention, p, from).ids;
      return [];
    }
    // Only a noun phrase or one prepositional phrase may stand between the noun and its infinitive.
    if (t.pos === "VERB" || t.pos === "AUX" || t.pos === "PUNCT" || t.pos === "PRON" || t.pos === "SCONJ") return [];
  }
  return [];
}

/**
 * The countries named by "in X" inside the subject of a passive verb at token i ("900 migrants in Georgia and
 * 300 in Armenia were expelled"): where the people acted on were.
 */
export function holdersOfPatients(
  tokens: Token[],
  inMention: Int32Array,
  mentions: ResolvedMention[],
  i: number,
  from: number,
): number[] {
  const out: number[] = [];
  let k = i - 1;
  while (k >= from && (BE.has(norm(tokens[k])) || tokens[k]?.pos === "ADV")) k--;
  for (let q = k; q >= from && q > k - 16; q--) {
    const t = tokens[q] as Token;
    if (t.pos === "VERB" || t.pos === "AUX" || norm(t) === "," || t.pos === "SCONJ") break;
    const mi = inMention[q] ?? -1;
    if (mi === -1 || norm(tokens[q - 1]) !== "in") continue;
    if ((mentions[mi] as ResolvedMention).entity.type === "country" && !out.includes(mi)) out.unshift(mi);
  }
  return out;
}

/** Words of a time that may stand between a verb of saying and its clause. */
const TIME_WORDS =
  /^(?:today|yesterday|tonight|earlier|later|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)$/;

/** Pronouns a reported clause uses for its reporter. */
const REPORTED_PRONOUNS = new Set(["it", "they", "he", "she", "we"]);

/**
 * The subject of a verb of saying whose reported clause has a pronoun subject before the verb at token i
 * ("X said (that) it would ..."): the mentions of that saying verb's subject, if it names any.
 */
export function reporterOf(tokens: Token[], inMention: Int32Array, i: number): number[] {
  let k = i - 1;
  while (k >= 0 && (SKIP_LEFT.has(norm(tokens[k])) || BE.has(norm(tokens[k])) || tokens[k]?.pos === "ADV")) k--;
  if (!REPORTED_PRONOUNS.has(norm(tokens[k])) || (inMention[k] ?? -1) !== -1) return [];
  let v = k - 1;
  if (norm(tokens[v]) === "that") v--;
  // "X said on Monday (that) it ...", "X said today it ...": a time between the verb and its clause.
  for (let n = 0; n < 3 && v > 0 && !REPORTING.has(norm(tokens[v])); n++) {
    if (!TIME_WORDS.test(norm(tokens[v])) && norm(tokens[v]) !== "on") return [];
    v--;
  }
  if (!REPORTING.has(norm(tokens[v]))) return [];
  return subjectOf(tokens, inMention, v, clauseOf(tokens, v).from).ids;
}

/** What a subject pronoun or definite noun may stand for: entity types, and how many sentences back to look. */
export interface Antecedent {
  types: EntityType[];
  back: number;
}

const PERSON: Antecedent = { types: ["person"], back: 2 };
const GROUP_HERE: Antecedent = { types: ["country", "organization"], back: 0 };

/** Definite subjects that name again a state or an organisation named before ("the country", "the bloc"). */
const DEFINITE_SUBJECTS: Record<string, Antecedent> = {
  country: { types: ["country"], back: 1 },
  government: { types: ["country"], back: 1 },
  group: { types: ["organization"], back: 1 },
  organisation: { types: ["organization"], back: 1 },
  organization: { types: ["organization"], back: 1 },
  bloc: { types: ["organization"], back: 1 },
  alliance: { types: ["organization"], back: 1 },
};

/**
 * What a trigger's subject stands for, if it is a pronoun or a definite noun: "he"/"she" before a verb (a person),
 * "it", "the country", "the group" opening a clause before a verb in the active voice (a state or organisation,
 * in this sentence or the one before: "Kenya hosted the summit. It also sent troops"), or "its"/"their" before an
 * event noun (a state or organisation of the same sentence).
 */
export function pronounBefore(tokens: Token[], trig: Trigger): Antecedent | null {
  let k = trig.i - 1;
  if (trig.kind === "verb") {
    let passive = false;
    while (k >= 0 && (SKIP_LEFT.has(norm(tokens[k])) || BE.has(norm(tokens[k])) || tokens[k]?.pos === "ADV")) {
      if (BE.has(norm(tokens[k]))) passive = true;
      k--;
    }
    const w = norm(tokens[k]);
    if (w === "he" || w === "she") return PERSON;
    if (passive) return null;
    const definite = norm(tokens[k - 1]) === "the" ? DEFINITE_SUBJECTS[w] : undefined;
    const start = definite ? k - 1 : k;
    if (w !== "it" && !definite) return null;
    // Only a subject opening its clause: "It sent", "..., and the country rejected"; not "urged it to".
    const before = norm(tokens[start - 1]);
    if (!(start === 0 || before === "," || before === ";" || before === "and" || before === "but")) return null;
    return definite ?? { types: ["country", "organization"], back: 1 };
  }
  while (
    k >= 0 &&
    k >= trig.i - 4 &&
    (tokens[k]?.pos === "ADJ" || tokens[k]?.pos === "ADV" || tokens[k]?.pos === "NOUN" || tokens[k]?.pos === "VERB")
  )
    k--;
  const w = norm(tokens[k]);
  if (w === "his" || w === "her") return PERSON;
  return w === "its" || w === "their" ? GROUP_HERE : null;
}

/** Nouns of unnamed state organs, which act for the state they sit in ("a court in X", "police in X"). */
const ORGAN_NOUNS = new Set([
  "police",
  "policemen",
  "authorities",
  "court",
  "courts",
  "judge",
  "judges",
  "prosecutor",
  "prosecutors",
  "tribunal",
  "government",
  "regime",
]);

/** Nouns of unnamed protesters, whose protest is one of the state they protest in ("protesters in X marched"). */
const PROTESTER_NOUNS = new Set(["protesters", "demonstrators", "rioters", "strikers", "crowds", "crowd"]);

/** Is token k an unnamed state organ ("police", "the authorities", "security forces"), or for a protest, protesters? */
function isOrgan(tokens: Token[], inMention: Int32Array, k: number, protest: boolean): boolean {
  if (k < 0 || (inMention[k] ?? -1) !== -1) return false;
  const w = norm(tokens[k]);
  if (protest) return PROTESTER_NOUNS.has(w);
  return ORGAN_NOUNS.has(w) || ((w === "forces" || w === "services") && norm(tokens[k - 1]) === "security");
}

/**
 * A subject of the verb at token i that is an unnamed state organ (for a protest, unnamed protesters): "a court in
 * Moscow sentenced", "police in Senegal arrested" give the place after "in"; "riot police detained" gives no place
 * (ids empty). Null when the subject is no such organ.
 */
export function organSubject(
  tokens: Token[],
  inMention: Int32Array,
  i: number,
  from: number,
  protest: boolean,
): number[] | null {
  let k = i - 1;
  while (k >= from && (SKIP_LEFT.has(norm(tokens[k])) || tokens[k]?.pos === "ADV") && (inMention[k] ?? -1) === -1) k--;
  if (k < from) return null;
  if ((inMention[k] ?? -1) === -1) return isOrgan(tokens, inMention, k, protest) ? [] : null;
  const np = npEndingAt(tokens, inMention, k + 1, from);
  return norm(tokens[np.start - 1]) === "in" && isOrgan(tokens, inMention, np.start - 2, protest) ? np.ids : null;
}

/** Nouns of irregular armed groups: after a demonym they name no state's forces ("Armenian militiamen"). */
const ARMED_GROUP_NOUNS = new Set([
  "militia",
  "militias",
  "militiamen",
  "militiaman",
  "rebels",
  "rebel",
  "guerrillas",
  "guerrilla",
  "gunmen",
  "insurgents",
  "militants",
  "fighters",
  "separatists",
]);

/** Is mention a a demonym followed (after at most one adjective) by an armed-group noun? */
export function armedGroupDemonym(
  tokens: Token[],
  inMention: Int32Array,
  mentions: ResolvedMention[],
  a: number,
): boolean {
  const m = mentions[a] as ResolvedMention;
  if (m.form !== "demonym") return false;
  let k = tokens.findIndex((t) => t.start >= m.end);
  if (k < 0 || (inMention[k] ?? -1) !== -1) return false;
  if (tokens[k]?.pos === "ADJ" && !ARMED_GROUP_NOUNS.has(norm(tokens[k]))) k++;
  return ARMED_GROUP_NOUNS.has(norm(tokens[k]));
}
