// The event stage: who did what to whom, when and where, coded to CAMEO root codes.
// Reads: sentences, tokens (POS), resolved mentions, the relations of the same document (to add the state
// a named office-holder acts for). Adds: EventFacts with actors, targets, date, location and realis flags,
// each with its sentence as evidence.
//
// A trigger is a verb, phrase or event noun from the lexicon (lexicon.ts). Its actors are the entities
// of the subject noun phrase (verbs: left of the verb in the clause, or after "by" in a passive; nouns: the
// possessor, a name modifying the noun, "by X", "between X and Y", or the subject of a support verb:
// "imposed sanctions"); its targets are the object and prepositional objects. Realis comes from realis.ts.
// The complement of an appeal, offer, demand or threat ("urged X to withdraw") is part of that event, not a
// new one. Events of a document that share a code, actors and targets are unified so they count once.

import { knowledgeBase } from "../../kb/knowledge-base.js";
import { roleHoldsOn } from "../../kb/roles.js";
import type { Token } from "../../nlp/annotate.js";
import type { EntityType, EventFact, RelationFact, Sentence } from "../../types.js";
import { lastStartingBefore } from "../../util/spans.js";
import { type ExtractContext, evidenceOf, mentionsIn, type ResolvedMention } from "../context.js";
import { nearestDate } from "../dates/index.js";
import { clauseOf, norm, realisAt, sentenceTokens } from "../realis.js";
import { cameoType, type Lexicon, lexicon, patternCode, verbLemma } from "./lexicon.js";

export interface EventOptions {
  /** Relations of the same document: holds_position tells which state a person acts for. */
  relations?: RelationFact[];
}

interface Trigger {
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

interface Draft {
  trigger: Trigger;
  actors: number[];
  /** Actors resolved from a pronoun ("he said"), as entity keys. */
  extraActors: string[];
  targets: number[];
  location: number | null;
  negated: boolean;
  hypothetical: boolean;
  confidence: number;
  /** Coordinated actors doing a symmetric act to one another ("X and Y agreed"): needs no other target. */
  reciprocal: boolean;
}

const ACTOR_TYPES = new Set<EntityType>(["country", "person", "organization", "location"]);
const TARGET_TYPES = new Set<EntityType>(["country", "person", "organization", "location", "facility"]);
const PLACE_TYPES = new Set<EntityType>(["country", "location"]);

const BE = new Set(["is", "are", "was", "were", "be", "been", "being", "'s", "'re", "get", "got", "gets", "getting"]);
const SKIP_LEFT = new Set([
  "not",
  "n't",
  "never",
  "also",
  "has",
  "have",
  "had",
  "'ve",
  "will",
  "would",
  "could",
  "may",
  "might",
  "can",
  "ca",
  "wo",
  "should",
  "must",
  "shall",
  "did",
  "does",
  "do",
  "to",
  "then",
  "now",
  "already",
  "reportedly",
  "recently",
  "repeatedly",
  "openly",
  "officially",
  "publicly",
  "reluctantly",
  "quickly",
  "immediately",
  "first",
  "once",
  "again",
  "still",
  "just",
  "allegedly",
  "apparently",
  "jointly",
  "later",
  "subsequently",
  "finally",
  "eventually",
  "even",
  "further",
  "actively",
  "directly",
  "strongly",
  "firmly",
  "resolutely",
  "successfully",
  "previously",
  "formally",
  "only",
  "long",
  "since",
  "both",
  "all",
  "each",
  "together",
  "having",
]);
/** Prepositions whose object is a target. */
const TARGET_PREPS = new Set([
  "to",
  "with",
  "against",
  "on",
  "into",
  "toward",
  "towards",
  "for",
  "upon",
  "over",
  "about",
]);
/** Verbs that carry an event noun ("imposed sanctions", "held talks", "launched an invasion"). */
const SUPPORT_VERBS = new Set([
  "impose",
  "hold",
  "launch",
  "carry",
  "conduct",
  "stage",
  "make",
  "give",
  "offer",
  "provide",
  "send",
  "issue",
  "announce",
  "begin",
  "start",
  "continue",
  "express",
  "voice",
  "extend",
  "undertake",
  "intensify",
  "escalate",
  "pledge",
  "promise",
  "mount",
  "wage",
  "pursue",
  "order",
  "lead",
  "plan",
  "deliver",
  "seek",
  "initiate",
  "organise",
  "organize",
  "host",
  "pay",
  "sign",
  "agree",
  "step",
  "boost",
  "grant",
  "unleash",
  "resume",
  "expand",
  "deepen",
  "maintain",
  "have",
  "show",
  "lend",
  "commence",
  "embark",
  "participate",
  "engage",
  "carry",
  "take",
  "join",
]);
/** Quantifiers before "of" in an object: "visited all of the Central Asian states". */
const QUANTIFIERS = new Set(["all", "some", "many", "most", "each", "both", "several", "few", "none", "one", "two"]);
/** Phrases of talking to someone, which need a named hearer to be a consultation. */
const TALK_PHRASE = /^(?:talk|talked|talking|talks|speak|speaks|speaking|spoke|spoken) (?:to|with)$/;
/** Armed forces, as the head of a subject ("Russian troops arrived"). */
const FORCES = new Set([
  "troops",
  "forces",
  "soldiers",
  "army",
  "warships",
  "warship",
  "battalion",
  "battalions",
  "paratroopers",
  "marines",
  "units",
  "contingent",
]);
/** Words of an attack, which an armed group makes as an assault (18) and a state as fighting (19). */
const ATTACK_WORDS = new Set(["attack", "attacks", "attacked", "attacking"]);
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
function armedGroupDemonym(tokens: Token[], inMention: Int32Array, mentions: ResolvedMention[], a: number): boolean {
  const m = mentions[a] as ResolvedMention;
  if (m.form !== "demonym") return false;
  let k = tokens.findIndex((t) => t.start >= m.end);
  if (k < 0 || (inMention[k] ?? -1) !== -1) return false;
  if (tokens[k]?.pos === "ADJ" && !ARMED_GROUP_NOUNS.has(norm(tokens[k]))) k++;
  return ARMED_GROUP_NOUNS.has(norm(tokens[k]));
}
/** Verbs whose subject is the one an event noun is done to: "received loans from X". */
const RECEIVE_VERBS = new Set([
  "receive",
  "receives",
  "received",
  "receiving",
  "obtain",
  "obtains",
  "obtained",
  "accept",
  "accepts",
  "accepted",
  "secure",
  "secures",
  "secured",
  "get",
  "gets",
  "got",
  "win",
  "wins",
  "won",
]);
/** Particles and prepositions between a support verb and its event noun ("carried out", "took part in"). */
const SUPPORT_PARTICLES = new Set(["out", "up", "in", "on", "into"]);
/** Requests whose maker, after "from", a rejection is aimed at. */
const REQUESTS = new Set([
  "appeal",
  "appeals",
  "request",
  "requests",
  "offer",
  "offers",
  "invitation",
  "call",
  "calls",
  "proposal",
  "proposals",
  "demand",
  "demands",
  "plea",
  "ultimatum",
]);
/** Roots whose "that"-clause names who must act: "demanded that X withdraw". */
const DEMAND_ROOTS = new Set(["02", "10"]);
/** Roots whose "to"-complement belongs to the event itself: "urged Russia to withdraw", "offered to help". */
const GOVERNING_ROOTS = new Set(["02", "03", "10", "13"]);
/** Verbs of saying that may follow their quote: '"...," said X'. */
const SPEECH_VERBS = new Set([
  "say",
  "add",
  "tell",
  "note",
  "write",
  "explain",
  "insist",
  "argue",
  "claim",
  "state",
  "warn",
  "stress",
  "emphasize",
  "emphasise",
]);
/** Statement verbs whose direct object is a hearer ("told Tokayev", "assured Kazakhstan"). */
const HEARER_VERBS = new Set(["tell", "inform", "assure", "reassure", "remind", "brief", "notify", "warn", "promise"]);
/** Visit- and meeting-like nouns: a name before them is where or with whom, not who ("a Kazakhstan visit", "the SCO summit"). */
const VISIT_NOUNS = new Set(["visit", "visits", "trip", "tour", "summit", "meeting", "meetings", "conference"]);
/** Words that, before a noun trigger, say it is not an event of the named actor ("anti-China protests"). */
const NOUN_BLOCKERS = new Set(["anti", "pro", "against"]);

const POSSESSIVES = new Set(["his", "her", "its", "their", "our", "my", "your"]);
/** True prepositions (not "as", "than", "after" which also open clauses). */
const PREPOSITIONS = new Set([
  "in",
  "on",
  "at",
  "from",
  "with",
  "for",
  "by",
  "to",
  "about",
  "into",
  "over",
  "under",
  "among",
  "between",
  "through",
  "during",
  "against",
  "toward",
  "towards",
  "across",
  "near",
  "within",
  "without",
  "behind",
  "beyond",
  "alongside",
  "despite",
  "amid",
  "upon",
]);

/** Finds the event triggers of a sentence. */
function findTriggers(
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

const MODAL_OR_AUX = new Set([
  "will",
  "would",
  "could",
  "may",
  "might",
  "can",
  "should",
  "must",
  "did",
  "does",
  "do",
  "not",
  "n't",
  "also",
  "has",
  "have",
  "had",
  "having",
]);

/** Mention indices of the noun phrase ending just before token `end` (exclusive), scanning no further than `from`. */
function npEndingAt(
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

/** Mention indices of the noun phrase starting at token `at` (a few words, first mentions only). */
function npStartingAt(tokens: Token[], inMention: Int32Array, at: number, to: number): { ids: number[]; end: number } {
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

/** The subject of a verb at token i: mentions of the noun phrase before it in the clause. */
function subjectOf(
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

/**
 * The countries named by "in X" inside the subject of a passive verb at token i ("900 migrants in Georgia and
 * 300 in Armenia were expelled"): where the people acted on were.
 */
function holdersOfPatients(
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

/** Intent nouns whose infinitive did not happen, or only may happen. */
const NEGATING_INTENT = new Set(["refusal", "failure"]);
const HYPOTHETICAL_INTENT = new Set([
  "attempt",
  "attempts",
  "bid",
  "plan",
  "plans",
  "offer",
  "offers",
  "pledge",
  "promise",
  "threat",
  "threats",
  "intention",
  "readiness",
  "willingness",
  "push",
  "campaign",
]);

/** Realis that an intent noun right before "to" (and an adverb) gives the verb at token i. */
function intentBefore(tokens: Token[], i: number): "negated" | "hypothetical" | null {
  let k = i - 1;
  if (tokens[k]?.pos === "ADV") k--;
  // "has (not) shown any interest in sending": only wished for, or not even that.
  if (norm(tokens[k]) === "in" && /^(?:interest|interested)$/.test(norm(tokens[k - 1]))) {
    for (let q = k - 2; q >= 0 && q >= k - 6; q--) if (/^(?:not|n't|never|no)$/.test(norm(tokens[q]))) return "negated";
    return "hypothetical";
  }
  if (norm(tokens[k]) !== "to") return null;
  const w = norm(tokens[k - 1]);
  if (tokens[k - 1]?.pos === "VERB") return null;
  if (NEGATING_INTENT.has(w)) return "negated";
  if (HYPOTHETICAL_INTENT.has(w)) return "hypothetical";
  return null;
}

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

/** Targets of a verb: its object noun phrase and the objects of target prepositions, up to the clause end. */
function verbTargets(
  tokens: Token[],
  inMention: Int32Array,
  trig: Trigger,
  to: number,
  takeObject: boolean,
): { targets: number[]; places: number[]; byActors: number[] } {
  const targets: number[] = [];
  const places: number[] = [];
  const byActors: number[] = [];
  // "appealed for help from the CSTO", "withdrew from Afghanistan": the one asked or left is a target.
  const appeal = ["02", "08", "16"].includes(trig.code.slice(0, 2));
  let k = trig.j + 1;
  // The direct object.
  while (k <= to && (tokens[k]?.pos === "ADV" || norm(tokens[k]) === "with") && (inMention[k] ?? -1) === -1) {
    if (norm(tokens[k]) === "with") break;
    k++;
  }
  // "demanded that X withdraw", "urged that X be punished": the subject of the demanded clause is the target.
  if (norm(tokens[k]) === "that" && DEMAND_ROOTS.has(trig.code.slice(0, 2))) {
    const np = npStartingAt(tokens, inMention, k + 1, to);
    if (np.ids.length && takeObject) targets.push(...np.ids);
    return { targets, places, byActors };
  }
  // "rejected proposed Israeli changes": a participle the tagger took for a verb modifies the object.
  const t0 = tokens[k];
  if (
    t0?.pos === "VERB" &&
    norm(t0).endsWith("ed") &&
    (inMention[k] ?? -1) === -1 &&
    ((inMention[k + 1] ?? -1) !== -1 || tokens[k + 1]?.pos === "ADJ" || tokens[k + 1]?.pos === "NOUN")
  )
    k++;
  if (k <= to) {
    const np = npStartingAt(tokens, inMention, k, to);
    if (np.ids.length && takeObject) targets.push(...np.ids);
    if (np.ids.length || tokens[k]?.pos === "DET" || tokens[k]?.pos === "NOUN" || tokens[k]?.pos === "ADJ")
      k = np.end + 1;
  }
  let steps = 0;
  while (k <= to && steps < 14) {
    const t = tokens[k] as Token;
    const w = norm(t);
    if (w === "that" || w === '"' || w === "“" || w === "”") break;
    // "appealed for help from X": the word after a phrase ending in a preposition is its object, whatever its tag.
    const objectOfPhrase =
      (k === trig.j + 1 && / (?:for|on|to)$/.test(trig.text)) ||
      // "sent troops to aid Kazakhstan": the beneficiary of a purpose clause
      (norm(tokens[k - 1]) === "to" && /^(?:aid|help|support|assist|protect|defend|stabili[sz]e|back)$/.test(w));
    if ((inMention[k] ?? -1) === -1 && t.pos === "VERB" && w !== "including" && !objectOfPhrase) break;
    if (objectOfPhrase && t.pos === "VERB" && norm(tokens[k - 1]) === "to") {
      const np = npStartingAt(tokens, inMention, k + 1, to);
      if (np.ids.length) {
        targets.push(...np.ids);
        k = np.end + 1;
        steps++;
        continue;
      }
    }
    // "pressured armed groups, including X, to ...": the named members of the object are targets too.
    if (w === "including" && !targets.length && takeObject) {
      const np = npStartingAt(tokens, inMention, k + 1, to);
      if (np.ids.length) {
        targets.push(...np.ids);
        k = np.end + 1;
        steps++;
        continue;
      }
    }
    if (TARGET_PREPS.has(w) || w === "in" || w === "at" || w === "by" || w === "between" || w === "from") {
      const np = npStartingAt(tokens, inMention, k + 1, to);
      if (np.ids.length) {
        if (w === "in" || w === "at") places.push(...np.ids);
        else if (w === "by") byActors.push(...np.ids);
        else if (w !== "from" || appeal || (trig.code.startsWith("12") && REQUESTS.has(norm(tokens[k - 1]))))
          // "rejected an appeal from X": the one who asked.
          targets.push(...np.ids);
        k = np.end + 1;
        steps++;
        continue;
      }
    }
    k++;
    steps++;
  }
  return { targets, places, byActors };
}

/** Actors and targets of an event noun at trig. */
function nounRoles(
  tokens: Token[],
  inMention: Int32Array,
  trig: Trigger,
  clause: { from: number; to: number },
  lex: Lexicon,
  triggerAt: Set<number>,
): { actors: number[]; targets: number[]; places: number[] } {
  const actors: number[] = [];
  const targets: number[] = [];
  const places: number[] = [];
  // Left: a possessor ("Russia's invasion") or a name modifying the noun ("the CSTO deployment", "Russian troops").
  let k = trig.i - 1;
  let steps = 0;
  while (k >= clause.from && steps < 5) {
    const t = tokens[k] as Token;
    const w = norm(t);
    if (NOUN_BLOCKERS.has(w)) return { actors: [], targets: [], places: [] };
    const mi = inMention[k] ?? -1;
    if (mi !== -1) {
      const np = npEndingAt(tokens, inMention, k + 1, clause.from);
      if (VISIT_NOUNS.has(trig.text)) targets.push(...np.ids);
      else actors.push(...np.ids);
      break;
    }
    if (w === "'s" || w === "'" || w === "-" || t.pos === "ADJ" || t.pos === "NOUN" || t.pos === "NUM" || w === "led") {
      k--;
      steps++;
      continue;
    }
    break;
  }
  // Right: "of/on/against/with/to Y", "by X", "between X and Y", "from X".
  let r = trig.j + 1;
  steps = 0;
  while (r <= clause.to && steps < 10) {
    const w = norm(tokens[r]);
    if ((inMention[r] ?? -1) === -1 && tokens[r]?.pos === "VERB") break;
    if (triggerAt.has(r)) break;
    if (w === "between" || w === "among") {
      const np = npStartingAt(tokens, inMention, r + 1, clause.to);
      // "a call between X and Y": X's side acts, Y's side is the target.
      let and = r + 1;
      while (and <= np.end && norm(tokens[and]) !== "and") and++;
      const left = np.ids.filter((id) => tokenOf(id, inMention, r + 1, and));
      const right = np.ids.filter((id) => !left.includes(id));
      if (left.length && right.length && !actors.length) {
        actors.push(...left);
        targets.push(...right);
      } else if (np.ids.length) targets.push(...np.ids);
      r = np.end + 1;
      steps++;
      continue;
    }
    if (w === "by" || w === "from" || w === "of" || TARGET_PREPS.has(w) || w === "in" || w === "at") {
      const np = npStartingAt(tokens, inMention, r + 1, clause.to);
      if (np.ids.length) {
        if (w === "by") actors.splice(0, actors.length, ...np.ids);
        else if (w === "from" && ["07", "05", "03", "06", "02"].includes(trig.code.slice(0, 2)) && !actors.length)
          actors.push(...np.ids);
        else if (w === "from" && ["08", "16"].includes(trig.code.slice(0, 2))) targets.push(...np.ids);
        else if (w === "in" || w === "at") places.push(...np.ids);
        else if (w !== "from") targets.push(...np.ids);
        r = np.end + 1;
        steps++;
        continue;
      }
    }
    r++;
    steps++;
  }
  // "Kazakhstan received loans from China": the giver follows "from", the receiver is the subject.
  if (actors.length && ["07", "05", "03", "06"].includes(trig.code.slice(0, 2))) {
    for (let v = trig.i - 1, s = 0; v >= clause.from && s < 5; v--, s++) {
      const t = tokens[v] as Token;
      if ((inMention[v] ?? -1) !== -1) break;
      if (t.pos === "VERB") {
        if (RECEIVE_VERBS.has(norm(t))) {
          const subj = subjectOf(tokens, inMention, v, clause.from);
          if (!subj.passive) targets.push(...subj.ids.filter((id) => !actors.includes(id)));
        }
        break;
      }
      if (!(t.pos === "DET" || t.pos === "ADJ" || t.pos === "NUM" || t.pos === "NOUN" || t.pos === "ADV")) break;
    }
  }
  // The subject of a support verb: "Beijing imposed sanctions on", "X held talks with".
  if (!actors.length) {
    let v = trig.i - 1;
    let s = 0;
    while (v >= clause.from && s < 6) {
      const t = tokens[v] as Token;
      if ((inMention[v] ?? -1) !== -1) break;
      if (t.pos === "VERB" || t.pos === "AUX") {
        const lemma = verbLemma(norm(t), lex) ?? norm(t);
        const base = lemmaBase(norm(t));
        const support = SUPPORT_VERBS.has(lemma) || SUPPORT_VERBS.has(base) || SUPPORT_VERBS.has(`${base}e`);
        if (support && !triggerAt.has(v)) {
          const subj = subjectOf(tokens, inMention, v, clause.from);
          if (!subj.passive) actors.push(...subj.ids);
        }
        break;
      }
      // "carried out a bombing", "participated in the crackdown": a particle or preposition right after the verb.
      const particle = SUPPORT_PARTICLES.has(norm(t)) && tokens[v - 1]?.pos === "VERB";
      if (
        !(
          particle ||
          t.pos === "DET" ||
          t.pos === "ADJ" ||
          t.pos === "NUM" ||
          t.pos === "NOUN" ||
          t.pos === "ADV" ||
          t.pos === "PART"
        )
      )
        break;
      v--;
      s++;
    }
  }
  // "Protests erupted in X": places later in the clause.
  for (let q = r; q <= clause.to && q < trig.j + 16; q++) {
    const w = norm(tokens[q]);
    if (w === "in" || w === "at" || w === "across" || w === "throughout") {
      const np = npStartingAt(tokens, inMention, q + 1, clause.to);
      places.push(...np.ids);
    }
  }
  // "Xi commenced his trip with a visit to Kazakhstan", "Saudi Arabia has shown support for Russia": the subject
  // of the clause's verb makes a visit, an offer or a show of support.
  if (!actors.length && ["01", "03", "04", "05", "06", "07"].includes(trig.code.slice(0, 2))) {
    for (let v = trig.i - 1; v >= clause.from; v--) {
      const t = tokens[v] as Token;
      if ((inMention[v] ?? -1) !== -1) break;
      if (t.pos === "VERB" && !triggerAt.has(v)) {
        const subj = subjectOf(tokens, inMention, v, clause.from);
        if (!subj.passive) actors.push(...subj.ids);
        break;
      }
    }
  }
  // "In a call to his Kazakh counterpart, China's Foreign Minister Wang Yi ...": a noun in an opening phrase
  // belongs to the subject of the main clause.
  const communicative = ["01", "02", "03", "04", "05"].includes(trig.code.slice(0, 2));
  if (
    !actors.length &&
    communicative &&
    (PREPOSITIONS.has(norm(tokens[0])) || /^(?:after|following|during|before)$/.test(norm(tokens[0])))
  ) {
    let comma = trig.j + 1;
    while (comma < tokens.length && comma < trig.j + 15 && norm(tokens[comma]) !== ",") comma++;
    if (norm(tokens[comma]) === ",") {
      const np = npStartingAt(tokens, inMention, comma + 1, tokens.length - 1);
      // "..., the Chinese leader (resolutely) opposed": the verb may follow an adverb.
      let after = np.end + 1;
      while (tokens[after]?.pos === "ADV" && after < np.end + 3) after++;
      const verbAfter = tokens[after]?.pos === "VERB" || tokens[after]?.pos === "AUX";
      if (np.ids.length && verbAfter && !actors.length) actors.push(...np.ids);
    }
  }
  // Protests, unrest and crackdowns "in X" belong to X when no one else is named.
  if (!actors.length && (trig.code.startsWith("14") || trig.code.startsWith("17"))) {
    for (let q = trig.j + 1; q <= Math.min(clause.to, trig.j + 6); q++) {
      const w = norm(tokens[q]);
      if (w === "," || (tokens[q]?.pos === "VERB" && (inMention[q] ?? -1) === -1 && q > trig.j + 1)) break;
      if (w === "in" || w === "across" || w === "throughout") {
        const np = npStartingAt(tokens, inMention, q + 1, clause.to);
        if (np.ids.length) actors.push(...np.ids);
        break;
      }
    }
  }
  return { actors, targets, places };
}

/** Does mention `id` occur among tokens [from, to)? */
function tokenOf(id: number, inMention: Int32Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (inMention[k] === id) return true;
  return false;
}

/** A rough base form for support-verb matching ("imposed" -> "impose", "held" -> "hold"). */
function lemmaBase(w: string): string {
  const irregular: Record<string, string> = {
    held: "hold",
    holds: "hold",
    made: "make",
    gave: "give",
    given: "give",
    sent: "send",
    began: "begin",
    begun: "begin",
    led: "lead",
    paid: "pay",
    sought: "seek",
    had: "have",
    has: "have",
    took: "take",
    taken: "take",
  };
  if (irregular[w]) return irregular[w];
  if (/ied$/.test(w)) return `${w.slice(0, -3)}y`;
  return w.replace(/(?:ed|es|s|ing)$/, "").replace(/([^aeiou])$/, "$1");
}

/** Builds a token -> sentence-mention index map (-1 outside mentions). */
function mentionMap(tokens: Token[], mentions: ResolvedMention[]): Int32Array {
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

/** Events of one sentence, before document-level unification. */
function sentenceEvents(
  ctx: ExtractContext,
  sentence: Sentence,
  lex: Lexicon,
): { drafts: Draft[]; mentions: ResolvedMention[] } {
  const mentions = mentionsIn(ctx, sentence);
  // A numbered note or a reference ("699 Author, “Title,” Outlet, 2021, https://...") reports no event itself.
  if (!mentions.length || CITATION.test(sentence.text)) return { drafts: [], mentions };
  const tokens = sentenceTokens(ctx, sentence);
  const inMention = mentionMap(tokens, mentions);
  const triggers = findTriggers(tokens, inMention, mentions, lex, ctx.doc.text);
  const triggerAt = new Set<number>();
  for (const t of triggers) for (let k = t.i; k <= t.j; k++) triggerAt.add(k);
  const drafts: Draft[] = [];
  // Token index of the "must" of a demand told as a statement ("X said Y must leave"): what follows is its content.
  let demandedAt = -1;
  for (const found of triggers) {
    const clause = clauseOf(tokens, found.i);
    // The content of a demand is part of it: "X demanded that Y withdraw", "X said Y must withdraw".
    if (demandedAt >= 0 && found.i > demandedAt && clause.from <= demandedAt) continue;
    if (demandedBefore(tokens, triggers, found)) continue;
    // "Russian troops arrived in X": forces arriving are a deployment (15), peacekeepers peacekeeping (074); only
    // people arriving make a visit.
    let trig = found;
    if (found.lemma === "arrive" && !found.fromPattern) {
      const subject = tokens.slice(clause.from, found.i).map(norm);
      if (subject.some((w) => /^peace-?keep/.test(w))) trig = { ...found, code: "074" };
      else if (subject.some((w) => FORCES.has(w))) trig = { ...found, code: "150" };
    }
    // "X said (that) Y must/should withdraw": a statement that another must act is a demand (10) on them.
    if (found.kind === "verb" && SPEECH_VERBS.has(found.lemma ?? "")) {
      const at = norm(tokens[found.j + 1]) === "that" ? found.j + 2 : found.j + 1;
      const np = npStartingAt(tokens, inMention, at, Math.min(tokens.length - 1, at + 12));
      const m = norm(tokens[np.end + 1]);
      const obliged = m === "must" || m === "should" || (/^(?:has|have)$/.test(m) && norm(tokens[np.end + 2]) === "to");
      if (np.ids.length && (inMention[at] ?? -1) !== -1 && obliged) {
        trig = { ...found, code: "100" };
        demandedAt = np.end + 1;
      }
    }
    const root = trig.code.slice(0, 2);
    // The complement of an appeal, offer, demand or threat is part of that event.
    if (governed(tokens, triggers, trig, clause.from)) continue;
    let actors: number[] = [];
    let targets: number[] = [];
    let places: number[] = [];
    let splitActors = false;
    if (trig.kind === "verb") {
      // "recognize that ..." is realising, not recognition.
      if (root === "05" && norm(tokens[trig.j + 1]) === "that") continue;
      let subj = subjectOf(tokens, inMention, trig.i, clause.from);
      // A participle without "be" ("..., calling on X to", "sent a message opposing ...") takes the subject of
      // the verb before it.
      const w = norm(tokens[trig.i]);
      // "was actively calling for": an adverb between the auxiliary and the participle does not detach it.
      let pv = trig.i - 1;
      while (pv > clause.from && tokens[pv]?.pos === "ADV" && (inMention[pv] ?? -1) === -1) pv--;
      const prevWord = norm(tokens[pv]);
      if (w.endsWith("ing") && !BE.has(prevWord) && !MODAL_OR_AUX.has(prevWord) && prevWord !== "to") {
        subj = { ids: [], passive: false };
        for (let v = trig.i - 1; v >= 0; v--) {
          const t = tokens[v] as Token;
          if ((inMention[v] ?? -1) === -1 && t.pos === "VERB" && !norm(t).endsWith("ing")) {
            subj = subjectOf(tokens, inMention, v, clauseOf(tokens, v).from);
            break;
          }
        }
      }
      const takeObject = root !== "01" || HEARER_VERBS.has(trig.lemma ?? "");
      const right = verbTargets(tokens, inMention, trig, clause.to, takeObject);
      places = right.places;
      if (subj.passive) {
        actors = right.byActors;
        targets = [...subj.ids, ...right.targets];
        // "Uyghurs in Tajikistan were deported", "protesters in Armenia were arrested": with no agent, coercion of
        // people in a country is that country's own doing, one event per country.
        if (!actors.length && root === "17") {
          const where = holdersOfPatients(tokens, inMention, mentions, trig.i, clause.from);
          if (where.length) {
            actors = where;
            targets = right.targets.filter((t) => !where.includes(t));
            splitActors = true;
          }
        }
      } else {
        actors = subj.ids;
        // "rejected calls by X", "welcomed the decision by X": the author of the object is a target.
        targets = root === "01" ? right.targets : [...right.targets, ...right.byActors];
      }
      // '"...," said X', "according to X": the speaker follows the verb.
      if (root === "01") {
        let after = npStartingAt(tokens, inMention, trig.j + 1, Math.min(clause.to, trig.j + 4));
        if (trig.text === "according to" && !after.ids.length) {
          // "according to a 2019 study by the Lowy Institute"
          for (let q = trig.j + 1; q <= Math.min(clause.to, trig.j + 8); q++) {
            if (/^(?:by|from|of)$/.test(norm(tokens[q]))) {
              after = npStartingAt(tokens, inMention, q + 1, clause.to);
              break;
            }
          }
        }
        const left = norm(tokens[trig.i - 1]);
        const inverted = left === "," || left === '"' || left === "”" || left === "'" || trig.text === "according to";
        if (after.ids.length && inverted && (SPEECH_VERBS.has(trig.lemma ?? "") || trig.text === "according to")) {
          actors = after.ids.slice(0, 1);
          targets = [];
        }
        // A statement is about what it names: the rest of the sentence gives its targets.
        for (let k = trig.j + 1; k < tokens.length; k++) {
          const mi = inMention[k] ?? -1;
          if (mi !== -1 && !actors.includes(mi)) targets.push(mi);
        }
      }
      // "Taiwan, which China threatens to invade": the antecedent of the relative clause is the object.
      const opener = norm(tokens[clause.from]);
      if (
        (opener === "which" || opener === "whom" || opener === "that") &&
        !right.targets.length &&
        norm(tokens[clause.from - 1]) === "," &&
        (inMention[clause.from - 2] ?? -1) !== -1 &&
        actors.length
      )
        targets.push(inMention[clause.from - 2] as number);
    } else {
      const roles = nounRoles(tokens, inMention, trig, clause, lex, triggerAt);
      actors = roles.actors;
      targets = roles.targets;
      places = roles.places;
    }
    // "Russia's war in Ukraine", "deployed troops in Tajikistan": the country where force is used is its target.
    if (!targets.length && (["15", "18", "19", "20"].includes(root) || trig.code === "074")) {
      const place = places.find((p) => (mentions[p] as ResolvedMention).entity.type === "country");
      if (place !== undefined) targets.push(place);
    }
    // "X arrived in Amman", "X travelled to Y": a visit with no one named as its host is to the place.
    if (!targets.length && trig.code === "042") {
      const place = places.find((p) => PLACE_TYPES.has((mentions[p] as ResolvedMention).entity.type));
      if (place !== undefined) targets.push(place);
    }
    // "He also said ...", "its intervention": a pronoun stands for the last person, or the last state or
    // organisation, named before it.
    const extraActors: string[] = [];
    // "Norway said it would send aid", "X announced that they will withdraw": the pronoun subject of a reported
    // clause is the one who reports it.
    if (!actors.length && trig.kind === "verb") actors = reporterOf(tokens, inMention, trig.i);
    if (!actors.length) {
      const ref = pronounBefore(tokens, trig);
      if (ref) {
        const at = tokens[trig.i]?.start ?? sentence.start;
        const wanted = ref === "person" ? ["person"] : ["country", "organization"];
        const earliest = ref === "person" ? Math.max(0, sentence.index - 2) : sentence.index;
        // "When Mr Xi met Putin, he said": a person who is a subject earlier in the same sentence comes first.
        const subjectPerson =
          ref === "person"
            ? mentions.find(
                (m) =>
                  m.entity.type === "person" &&
                  m.start < at &&
                  m.form !== "pronoun" &&
                  !OBJECT_BEFORE.test(ctx.doc.text.slice(Math.max(sentence.start, m.start - 60), m.start)),
              )
            : undefined;
        if (subjectPerson) extraActors.push(subjectPerson.key);
        // From the last mention before the trigger backwards (a search, not a walk from the document's end).
        for (let q = lastStartingBefore(ctx.mentions, at); q >= 0 && !subjectPerson; q--) {
          const m = ctx.mentions[q] as ResolvedMention;
          if (m.sentence < earliest) break;
          if (wanted.includes(m.entity.type) && m.form !== "demonym" && m.form !== "pronoun") {
            extraActors.push(m.key);
            break;
          }
        }
      }
    }
    actors = unique(actors).filter((a) => ACTOR_TYPES.has((mentions[a] as ResolvedMention).entity.type));
    // Beside a person, a demonym only describes them ("Chinese security expert Li Wei"); the state a person acts
    // for comes from holds_position relations instead.
    if (actors.some((a) => (mentions[a] as ResolvedMention).entity.type === "person"))
      actors = actors.filter((a) => (mentions[a] as ResolvedMention).form !== "demonym");
    const actorKeys = new Set(actors.map((a) => (mentions[a] as ResolvedMention).key));
    targets = unique(targets).filter((t) => {
      const m = mentions[t] as ResolvedMention;
      return TARGET_TYPES.has(m.entity.type) && !actorKeys.has(m.key);
    });
    if (!actors.length && !extraActors.length) continue;
    // "was shown talking to a group of students": talking or speaking to no one named is no consultation.
    if (trig.kind === "verb" && TALK_PHRASE.test(trig.text) && !targets.length) continue;
    // A place acts as the people or bloc it names ("the West", "Central Asia called for ..."), not as a city.
    if (
      actors.length &&
      actors.every((a) => (mentions[a] as ResolvedMention).entity.type === "location") &&
      !["14", "02", "12", "11", "16"].includes(root)
    )
      continue;
    // An attack by an armed group, not a state, is an assault (18), not conventional fighting (19).
    let trigger = trig;
    if (
      root === "19" &&
      actors.length &&
      actors.every((a) => (mentions[a] as ResolvedMention).entity.type === "organization") &&
      tokens.slice(trig.i, trig.j + 5).some((t) => ATTACK_WORDS.has(norm(t)))
    )
      trigger = { ...trig, code: "180" };
    // "was attacked by Armenian militiamen", "Georgian rebels attacked a convoy": a demonym naming an irregular armed
    // group, not the state's forces, makes the attack an assault (18), which needs no named target.
    if (
      root === "19" &&
      actors.length &&
      actors.every((a) => armedGroupDemonym(tokens, inMention, mentions, a)) &&
      tokens.slice(Math.max(0, trig.i - 2), trig.j + 5).some((t) => ATTACK_WORDS.has(norm(t)))
    )
      trigger = { ...trig, code: "180" };
    const realis = realisAt(tokens, trig.i);
    // "X's refusal to condemn", "X's offer to mediate": the noun the infinitive completes says whether it happened.
    const intent = intentBefore(tokens, trig.i);
    if (intent === "negated") realis.negated = true;
    else if (intent === "hypothetical") realis.hypothetical = true;
    // "X will provide aid to Y", "X is ready to host talks", "X's pledge to send peacekeepers": a cooperative act
    // its actor commits to is an expression of intent (03), as the CAMEO codebook codes cooperative actions
    // reported in the future tense. (A refused one stays the act, negated, as the gold guidelines code it.)
    if (
      trig.kind === "verb" &&
      COOPERATIVE_ROOTS.has(root) &&
      realis.hypothetical &&
      !realis.negated &&
      committed(tokens, trig.i, realis.cues)
    ) {
      trigger = { ...trigger, code: intentCode(trigger.code) };
      realis.hypothetical = false;
    }
    // "X will withdraw its troops unless Y ...": a conflictual or yielding-back act its actor makes conditional on
    // another's conduct is a threat (13; with force, 138).
    if (realis.hypothetical && !realis.negated && THREAT_ROOTS.has(root) && conditionalThreat(tokens, trig.j)) {
      trigger = { ...trigger, code: ["15", "17", "18", "19", "20"].includes(root) ? "138" : "130" };
      realis.hypothetical = false;
    }
    // "X said it would blockade the capital", "X vowed to attack": a conflictual act its actor announces it will do is
    // a threat (CAMEO 13: with force 138, protest 133, sanctions or boycott 1312, repression 137).
    if (
      trig.kind === "verb" &&
      ANNOUNCED_THREAT_ROOTS.has(root) &&
      realis.hypothetical &&
      !realis.negated &&
      announced(tokens, trig.i, realis.cues)
    ) {
      trigger = { ...trigger, code: threatCode(trigger.code) };
      realis.hypothetical = false;
    }
    // "X and Y agreed to ...", "X and Y signed a treaty", "X and Y clashed": an act the coordinated subjects do to
    // one another needs no other target; joint exercises are military cooperation (062).
    const reciprocal = isReciprocal(trig, tokens, inMention, actors, mentions);
    if (
      reciprocal &&
      root === "15" &&
      tokens.slice(trig.i, trig.j + 5).some((t) => /^(?:exercises?|drills?|manoeuvres|maneuvers|games)$/.test(norm(t)))
    )
      trigger = { ...trigger, code: "062" };
    // '"China may send troops," said X': the modality belongs to the quoted words, not to the saying.
    if (root === "01" && [",", '"', "”", "'"].includes(norm(tokens[trig.i - 1]))) realis.hypothetical = false;
    const location = places.find((p) => PLACE_TYPES.has((mentions[p] as ResolvedMention).entity.type)) ?? null;
    let confidence = trig.kind === "verb" ? 0.7 : 0.6;
    if (trig.fromPattern) confidence += 0.1;
    if (targets.length) confidence += 0.05;
    if (realis.hypothetical) confidence *= 0.8;
    if (actors.some((a) => ["pronoun", "role"].includes((mentions[a] as ResolvedMention).form))) confidence *= 0.85;
    for (const group of splitActors ? actors.map((a) => [a]) : [actors]) {
      drafts.push({
        trigger,
        actors: group,
        extraActors,
        targets,
        location,
        negated: realis.negated,
        hypothetical: realis.hypothetical,
        confidence: Math.min(0.95, splitActors ? confidence * 0.9 : confidence),
        reciprocal: reciprocal && !splitActors,
      });
    }
  }
  return { drafts: mergeInSentence(drafts, mentions), mentions };
}

/**
 * "he"/"she" right before a verb (person), or "its"/"their" right before an event noun (state or organisation):
 * what kind of antecedent the trigger's subject pronoun needs, if any.
 */
function pronounBefore(tokens: Token[], trig: Trigger): "person" | "group" | null {
  let k = trig.i - 1;
  if (trig.kind === "verb") {
    while (k >= 0 && (SKIP_LEFT.has(norm(tokens[k])) || BE.has(norm(tokens[k])) || tokens[k]?.pos === "ADV")) k--;
    const w = norm(tokens[k]);
    return w === "he" || w === "she" ? "person" : null;
  }
  while (
    k >= 0 &&
    k >= trig.i - 4 &&
    (tokens[k]?.pos === "ADJ" || tokens[k]?.pos === "ADV" || tokens[k]?.pos === "NOUN" || tokens[k]?.pos === "VERB")
  )
    k--;
  const w = norm(tokens[k]);
  if (w === "his" || w === "her") return "person";
  return w === "its" || w === "their" ? "group" : null;
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
function reporterOf(tokens: Token[], inMention: Int32Array, i: number): number[] {
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

/** Text before a mention that makes it an object: a preposition, then at most a few title words. */
const OBJECT_BEFORE =
  /\b(?:with|to|by|from|for|of|on|against|between|and|than|as)\s+(?:(?:the|[A-Z][\w.'’-]*)\s+){0,4}$/;

/** Roots of cooperative acts, which said of the future are intents (03): consult, diplomatic and material cooperation, aid, yielding. */
const COOPERATIVE_ROOTS = new Set(["04", "05", "06", "07", "08"]);
/** Modality cues by which an actor commits itself to what follows ("will", "is ready to", "pledged to"). */
const COMMITMENTS = new Set(["will", "'ll", "shall", "willing", "ready", "prepared", "pledged", "promised", "vowed"]);
/** Nouns before "to" that commit their possessor ("X's pledge to send"). */
const COMMITMENT_NOUNS = new Set([
  "pledge",
  "pledges",
  "promise",
  "promises",
  "commitment",
  "readiness",
  "willingness",
]);
/** Words that make a clause a condition: "will send aid if ..." is not yet a commitment. */
const CONDITIONS = new Set(["if", "unless", "whether", "provided"]);

/** Roots of acts that, promised on a condition, are threats: withdrawal, rejection, sanctions, force. */
const THREAT_ROOTS = new Set(["08", "12", "15", "16", "17", "18", "19", "20"]);

/** Roots of conflictual acts that, announced by their actor, are threats. */
const ANNOUNCED_THREAT_ROOTS = new Set(["14", "16", "17", "18", "19", "20"]);
/** Verbs by which an actor binds itself to what follows ("vowed to fight", "swore to retaliate"). */
const VOWS = new Set(["vowed", "vows", "swore", "sworn", "swears", "pledged", "pledges", "promised", "promises"]);

/**
 * Is the hypothetical act at token i one its actor announces: "will/would" after a verb of saying earlier in the
 * sentence ("X said it would boycott"), or an infinitive after a vow ("X vowed to attack")? A condition ("if")
 * leaves it hypothetical; a prediction with no one announcing it ("Russia will attack") too.
 */
function announced(tokens: Token[], i: number, cues: string[]): boolean {
  if (tokens.some((t) => CONDITIONS.has(norm(t)))) return false;
  let k = i - 1;
  while (k >= 0 && tokens[k]?.pos === "ADV") k--;
  if (norm(tokens[k]) === "to" && VOWS.has(norm(tokens[k - 1]))) return true;
  if (!cues.some((c) => c === "will" || c === "would" || c === "'ll" || c === "shall")) return false;
  for (let q = 0; q < i; q++) if (REPORTING.has(norm(tokens[q])) || VOWS.has(norm(tokens[q]))) return true;
  return false;
}

/** The 13 threat code of an announced conflictual act. */
function threatCode(code: string): string {
  const root = code.slice(0, 2);
  if (root === "14") return "133";
  if (root === "16") return code.startsWith("163") ? "1312" : code.startsWith("161") ? "1311" : "131";
  if (root === "17") return "137";
  if (code.startsWith("191")) return "1381";
  if (code.startsWith("192")) return "1382";
  return "138";
}

/** Does a "will/would ... unless" frame the act ending at token j ("will withdraw ... unless Y agrees")? */
function conditionalThreat(tokens: Token[], j: number): boolean {
  let future = false;
  for (let k = j - 1; k >= 0 && k >= j - 4; k--) if (/^(?:will|'ll|would)$/.test(norm(tokens[k]))) future = true;
  if (!future) return false;
  for (let k = j + 1; k < tokens.length && k <= j + 14; k++) {
    const w = norm(tokens[k]);
    if (w === "unless") return true;
    if (w === ";" || w === ".") break;
  }
  return false;
}

/** Is the hypothetical cooperative act at token i one its actor commits to? */
function committed(tokens: Token[], i: number, cues: string[]): boolean {
  if (tokens.some((t) => CONDITIONS.has(norm(t)))) return false;
  let k = i - 1;
  while (k >= 0 && tokens[k]?.pos === "ADV") k--;
  if (norm(tokens[k]) === "to" && COMMITMENT_NOUNS.has(norm(tokens[k - 1]))) return true;
  const cue = cues.find((c) => MODAL_CUES.has(c) || COMMITMENTS.has(c));
  if (!cue) return false;
  if (COMMITMENTS.has(cue)) return true;
  // "X said it would send aid": reported future after a verb of saying.
  if (cue === "would") {
    for (let q = 0; q < i; q++) if (REPORTING.has(norm(tokens[q]))) return true;
  }
  return false;
}
const MODAL_CUES = new Set(["could", "may", "might", "would", "should", "can", "must", "'d"]);
const REPORTING = new Set([
  "said",
  "says",
  "announced",
  "announces",
  "added",
  "stated",
  "declared",
  "confirmed",
  "insisted",
  "indicated",
]);

/** The 03 intent code of a cooperative act (CAMEO: 042 -> 036, 062 -> 0312, 071 -> 0331, 084 -> 0353 ...). */
function intentCode(code: string): string {
  const root = code.slice(0, 2);
  const sub = code.slice(2, 3);
  if (root === "04") return "036";
  if (root === "05") return "032";
  if (root === "06")
    return ({ "1": "0311", "2": "0312", "3": "0313", "4": "0314" } as Record<string, string>)[sub] ?? "031";
  if (root === "07")
    return (
      ({ "1": "0331", "2": "0332", "3": "0333", "4": "0334", "5": "0333" } as Record<string, string>)[sub] ?? "033"
    );
  if (root === "08") {
    const yieldTo: Record<string, string> = {
      "1": "0351",
      "2": "0352",
      "3": "034",
      "4": "0353",
      "5": "0354",
      "6": "0355",
      "7": "0356",
    };
    return yieldTo[sub] ?? "035";
  }
  return "030";
}

/** Words of acts that coordinated subjects do to one another ("agreed", "signed", "clashed", "reached a deal"). */
const RECIPROCAL_CUE =
  /^(?:agree[ds]?|agreeing|sign(?:s|ed|ing)?|clash(?:es|ed|ing)?|fight(?:s|ing)?|fought|battled?|negotiat(?:e|es|ed|ing)|cooperat(?:e|es|ed|ing)|co-operat(?:e|es|ed|ing)|establish(?:es|ed|ing)?|restor(?:e|es|ed|ing)|normali[sz](?:e|es|ed|ing)|upgrad(?:e|es|ed|ing)|reach(?:es|ed|ing)?|conclud(?:e|es|ed|ing)|str(?:ike|ikes|uck)|exchang(?:e|es|ed|ing)|held|hold(?:s|ing)?|met|meet(?:s|ing)?|launch(?:es|ed|ing)?|conduct(?:s|ed|ing)?|stag(?:e|es|ed|ing))$/;
/** Roots whose acts are done to one another when the subject is coordinated. */
const RECIPROCAL_ROOTS = new Set(["03", "04", "05", "06", "15", "19"]);

/**
 * Is this a symmetric act of coordinated subjects ("X and Y agreed to build", "Senior X and Y officials signed")?
 * The actors must be named before the trigger with "and" (or a list comma) between them.
 */
function isReciprocal(
  trig: Trigger,
  tokens: Token[],
  inMention: Int32Array,
  actors: number[],
  mentions: ResolvedMention[],
): boolean {
  const root = trig.code.slice(0, 2);
  if (actors.length < 2 || !RECIPROCAL_ROOTS.has(root)) return false;
  if (root === "05" && !/^(?:05[047]|050)/.test(trig.code)) return false;
  const first = trig.kind === "verb" ? (trig.text.split(" ")[0] ?? "") : supportWord(tokens, trig);
  if (!RECIPROCAL_CUE.test(first)) return false;
  if (root === "19" && !/^(?:clash|fight|fought|battl)/.test(first)) return false;
  if (new Set(actors.map((a) => (mentions[a] as ResolvedMention).key)).size < 2) return false;
  let lo = -1;
  let hi = -1;
  for (let k = 0; k < trig.i; k++) {
    if (actors.includes(inMention[k] ?? -1)) {
      if (lo < 0) lo = k;
      hi = k;
    }
  }
  if (lo < 0) return false;
  for (let k = lo; k <= hi; k++) if ((inMention[k] ?? -1) === -1 && /^(?:and|&|,)$/.test(norm(tokens[k]))) return true;
  return false;
}

/** The verb carrying an event noun ("signed" in "signed a treaty"), within a few words before it. */
function supportWord(tokens: Token[], trig: Trigger): string {
  for (let k = trig.i - 1; k >= 0 && k >= trig.i - 4; k--) if (tokens[k]?.pos === "VERB") return norm(tokens[k]);
  return "";
}

/** Is this trigger inside the "that"-clause of an appeal or demand ("demanded that X withdraw")? */
function demandedBefore(tokens: Token[], triggers: Trigger[], trig: Trigger): boolean {
  for (let k = trig.i - 1; k >= 0 && k >= trig.i - 12; k--) {
    if (norm(tokens[k]) !== "that") continue;
    let g = k - 1;
    while (g >= 0 && tokens[g]?.pos === "ADV") g--;
    return triggers.some((t) => t.j === g && DEMAND_ROOTS.has(t.code.slice(0, 2)));
  }
  return false;
}

/** Is this trigger the "to"-complement of an earlier appeal, offer, demand or threat in its clause? */
function governed(tokens: Token[], triggers: Trigger[], trig: Trigger, from: number): boolean {
  let k = trig.i - 1;
  while (k >= from && (tokens[k]?.pos === "ADV" || SKIP_LEFT.has(norm(tokens[k])))) {
    if (norm(tokens[k]) === "to") break;
    k--;
  }
  if (norm(tokens[k]) !== "to") return false;
  return triggers.some((g) => g !== trig && g.j < trig.i && g.i >= from && GOVERNING_ROOTS.has(g.code.slice(0, 2)));
}

const unique = (xs: number[]) => [...new Set(xs)];

/** A footnote or reference line. */
// A leading number alone is not enough: body sentences often start with the footnote mark of the one before
// ("... organisation.693 United Nations reporting confirms ..."). A note names a quoted title, or an author and then
// one ("699 Jane Roe and John Doe, “Title,” Outlet").
const CITATION =
  /^\s*\d{1,4}\s+(?:[“"]|[A-Z][^,.“”"]{0,80},\s*[“"‘]|Ibid\b)|https?:\/\/|\bwww\.|\bAccessed\b|\bRetrieved\b/;

/**
 * One event per code root and actor set in a sentence. A plain statement (01) by actors who also do something
 * more specific in the sentence (appeal, praise, condemn...) is that act, as the CAMEO codebook says.
 */
function mergeInSentence(drafts: Draft[], mentions: ResolvedMention[]): Draft[] {
  const out: Draft[] = [];
  const keyOf = (i: number) => (mentions[i] as ResolvedMention).key;
  const specific = drafts.filter(
    (d) =>
      !d.trigger.code.startsWith("01") &&
      !d.hypothetical &&
      (d.targets.length > 0 || d.reciprocal || !needsTarget(d.trigger.code)),
  );
  for (const d of drafts) {
    // Only what the statement goes on to say counts: "issued a statement calling on X", "said it would send".
    if (
      d.trigger.code.startsWith("01") &&
      specific.some(
        (o) => o.trigger.i > d.trigger.j && o.actors.some((a) => d.actors.some((b) => keyOf(a) === keyOf(b))),
      )
    )
      continue;
    const root = d.trigger.code.slice(0, 2);
    const same = out.find(
      (o) =>
        o.trigger.code.slice(0, 2) === root &&
        o.negated === d.negated &&
        o.hypothetical === d.hypothetical &&
        o.actors.some((a) => d.actors.some((b) => keyOf(a) === keyOf(b))),
    );
    if (same) {
      same.actors = unique([...same.actors, ...d.actors]);
      same.targets = unique([...same.targets, ...d.targets]);
      same.location ??= d.location;
      same.confidence = Math.max(same.confidence, d.confidence);
      same.reciprocal ||= d.reciprocal;
      continue;
    }
    out.push({ ...d });
  }
  return out;
}

/** Runs the event stage over a document. */
export function extractEvents(ctx: ExtractContext, opts: EventOptions = {}): EventFact[] {
  const lex = lexicon();
  // The state a person holds office in, from this document's own relations.
  const stateOf = new Map<string, string>();
  for (const r of opts.relations ?? []) {
    if (r.type !== "holds_position" || r.negated) continue;
    if (ctx.entities.get(r.object)?.type === "country" && !stateOf.has(r.subject)) stateOf.set(r.subject, r.object);
  }
  // An office-holder the knowledge base knows acts for the state whose office they hold on the document's date
  // ("Mr Xi" for China), when the document names that state and its own relations say nothing.
  const published = ctx.doc.published;
  for (const key of ctx.entities.keys()) {
    if (stateOf.has(key) || ctx.entities.get(key)?.type !== "person") continue;
    const offices = (knowledgeBase().get(key)?.roles ?? []).filter(
      (r) =>
        ctx.entities.get(r.of)?.type === "country" &&
        !NOT_OFFICES_OF_STATE.test(r.role) &&
        (published ? roleHoldsOn(r, published) : !r.end),
    );
    const states = new Set(offices.map((r) => r.of));
    if (states.size === 1) stateOf.set(key, [...states][0] as string);
  }
  // A state organ or state company the knowledge base knows ("the Russian military", "the Kazakh foreign ministry")
  // acts for its state, when the document names that state.
  for (const [key, ent] of ctx.entities) {
    if (stateOf.has(key) || ent.type !== "organization") continue;
    const kb = knowledgeBase().get(key);
    if (kb?.country && STATE_ORGANS.has(kb.subtype ?? "") && ctx.entities.get(kb.country)?.type === "country")
      stateOf.set(key, kb.country);
  }
  // The state a place lies in, also from this document's relations ("protests in Zhanaozen" are Kazakhstan's).
  const countryOf = new Map<string, string>();
  for (const r of opts.relations ?? []) {
    if (r.type !== "located_in" || r.negated) continue;
    if (ctx.entities.get(r.subject)?.type === "location" && ctx.entities.get(r.object)?.type === "country")
      countryOf.set(r.subject, r.object);
  }
  // ... or from the knowledge base ("arrived in Amman" visits Jordan), when the document names that state.
  for (const [key, ent] of ctx.entities) {
    if (countryOf.has(key) || ent.type !== "location") continue;
    const country = knowledgeBase().get(key)?.country;
    if (country && ctx.entities.get(country)?.type === "country") countryOf.set(key, country);
  }
  const expand = (keys: string[], places = false) => {
    const out = [...keys];
    for (const k of keys) {
      const s = stateOf.get(k) ?? (places ? countryOf.get(k) : undefined);
      if (s && !out.includes(s)) out.push(s);
    }
    return out;
  };
  const events: EventFact[] = [];
  // Acts of coordinated actors to one another ("X and Y agreed"), which need no other target.
  const reciprocal = new Set<EventFact>();
  for (const sentence of ctx.doc.sentences) {
    const { drafts, mentions } = sentenceEvents(ctx, sentence, lex);
    for (const d of drafts) {
      const key = (i: number) => (mentions[i] as ResolvedMention).key;
      const actors = [...new Set(expand([...d.actors.map(key), ...d.extraActors], d.trigger.code.startsWith("14")))];
      const targets = [...new Set(expand(d.targets.map(key), true))].filter((t) => !actors.includes(t));
      const tokens = sentenceTokens(ctx, sentence);
      const at = tokens[d.trigger.i]?.start ?? sentence.start;
      const event: EventFact = {
        type: cameoType(d.trigger.code),
        actors,
        targets,
        date: dateOf(ctx, sentence, tokens, d.trigger),
        location: d.location === null ? null : key(d.location),
        negated: d.negated,
        hypothetical: d.hypothetical,
        trigger: ctx.doc.text.slice(at, tokens[d.trigger.j]?.end ?? at),
        confidence: Math.round(d.confidence * 100) / 100,
        evidence: evidenceOf(ctx, sentence),
      };
      events.push(event);
      // Two sides at least: "Mr Xi and China" is one side, "Mr Xi and Mr Putin" two.
      const sides = new Set(d.actors.map((a) => stateOf.get(key(a)) ?? key(a)));
      if (d.reciprocal && sides.size >= 2) reciprocal.add(event);
    }
  }
  // Appeals, offers, praise, aid, yielding, demands, criticism, rejection, sanctions and fighting are done to
  // someone: without a target the event is incomplete, and is left out rather than guessed.
  return unify(events).filter(
    (e) => e.targets.length > 0 || reciprocal.has(e) || !needsTarget(e.type.replace(".", "")),
  );
}

/** Organisation subtypes (data/kb) whose acts are their state's. */
const STATE_ORGANS = new Set([
  "ministry",
  "military",
  "military-body",
  "intelligence-agency",
  "government-body",
  "law-enforcement",
  "paramilitary",
  "state-company",
  "central-bank",
]);

/** Offices held "of" a country that do not make their holder act for its state. */
const NOT_OFFICES_OF_STATE = /\b(?:opposition|candidate|dissident)\b/i;

/** CAMEO roots whose events need a target. */
const DYADIC_ROOTS = new Set(["02", "03", "05", "07", "08", "10", "11", "12", "16", "19"]);
/**
 * Yieldings the CAMEO codebook codes without a counterpart: relinquishing power (0831: "the target can be ... the
 * country as a whole"), easing a curfew or state of emergency (081x), releasing persons (0841), ceasefires,
 * demobilising and surrendering (0871-0874), calling off dissent (082). "X resigned", "rebels surrendered".
 */
const MONADIC_YIELDS = /^08(?:1\d?|2|31|41|7[1-4])$/;

/** Does an event of this code need a target to be told at all? */
function needsTarget(code: string): boolean {
  return DYADIC_ROOTS.has(code.slice(0, 2)) && !MONADIC_YIELDS.test(code);
}

/** The date of an event: a date expression in the trigger's clause, else one close to the trigger. */
function dateOf(ctx: ExtractContext, sentence: Sentence, tokens: Token[], trig: Trigger): string | null {
  const at = tokens[trig.i]?.start ?? sentence.start;
  const d = nearestDate(ctx, sentence, at);
  if (!d) return null;
  const clause = clauseOf(tokens, trig.i);
  const from = tokens[clause.from]?.start ?? sentence.start;
  const to = tokens[clause.to]?.end ?? sentence.end;
  const dist = Math.min(Math.abs(d.start - at), Math.abs(d.end - at));
  const inClause = d.start >= from && d.end <= to;
  return dist <= 60 || (inClause && dist <= 120) ? d.value : null;
}

/**
 * An event told without a target ("the CSTO deployment") is the event of the same root, realis and actor that
 * the document tells with one ("the CSTO deployed troops to Kazakhstan"): it takes that event's actors and
 * targets, so the store and the scorer count it once while it keeps its own evidence. Events with different
 * targets stay apart.
 */
function unify(events: EventFact[]): EventFact[] {
  const clusters: {
    root: string;
    neg: boolean;
    hyp: boolean;
    actors: Set<string>;
    targets: Set<string>;
    members: EventFact[];
  }[] = [];
  // The first cluster of a root, polarity and realis that holds an actor, by "root|neg|hyp|actor": one lookup per
  // actor instead of a scan of every cluster, which made a long document's events quadratic.
  const firstWith = new Map<string, number>();
  const note = (ci: number, actor: string) => {
    const c = clusters[ci] as (typeof clusters)[number];
    const key = `${c.root}|${c.neg}|${c.hyp}|${actor}`;
    const at = firstWith.get(key);
    if (at === undefined || ci < at) firstWith.set(key, ci);
  };
  // Events with targets first: a later mention without one ("the CSTO deployment") joins the event it refers to.
  const ordered = [...events.filter((e) => e.targets.length), ...events.filter((e) => !e.targets.length)];
  for (const e of ordered) {
    const root = e.type.slice(0, 2);
    let found: number | undefined;
    if (e.targets.length === 0) {
      for (const a of e.actors) {
        const at = firstWith.get(`${root}|${e.negated}|${e.hypothetical}|${a}`);
        if (at !== undefined && (found === undefined || at < found)) found = at;
      }
    }
    const c = found === undefined ? undefined : clusters[found];
    if (c && found !== undefined) {
      // A later mention never turns the cluster's target into one of its actors.
      for (const a of e.actors) {
        if (c.targets.has(a) || c.actors.has(a)) continue;
        c.actors.add(a);
        note(found, a);
      }
      for (const t of e.targets) c.targets.add(t);
      c.members.push(e);
    } else {
      clusters.push({
        root,
        neg: e.negated,
        hyp: e.hypothetical,
        actors: new Set(e.actors),
        targets: new Set(e.targets),
        members: [e],
      });
      for (const a of e.actors) note(clusters.length - 1, a);
    }
  }
  for (const c of clusters) {
    const actors = [...c.actors];
    const targets = [...c.targets].filter((t) => !c.actors.has(t));
    for (const m of c.members) {
      m.actors = actors;
      m.targets = targets;
    }
  }
  return events;
}
