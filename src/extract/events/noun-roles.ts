// Actors, targets and places of an event-noun trigger ("Russia's invasion of Ukraine", "talks between X and Y",
// "Beijing imposed sanctions on Y"): a possessor or a name before the noun, prepositional phrases after it, and
// the subject of a verb that carries it.

import type { Token } from "../../nlp/annotate.js";
import { norm } from "../realis.js";
import { type Lexicon, verbLemma } from "./lexicon.js";
import { npEndingAt, npStartingAt, tokenOf } from "./phrases.js";
import { subjectOf } from "./subjects.js";
import type { Trigger } from "./triggers.js";
import { PREPOSITIONS, TARGET_PREPS } from "./words.js";

/** Visit- and meeting-like nouns: a name before them is where or with whom, not who ("a Kazakhstan visit", "the SCO summit"). */
const VISIT_NOUNS = new Set(["visit", "visits", "trip", "tour", "summit", "meeting", "meetings", "conference"]);

/** Roots of nouns whose "of"/"for" phrase is their content: offers, appeals, demands, refusals, threats. */
const CONTENT_ROOTS = new Set(["02", "03", "10", "12", "13"]);

/** Words that, before a noun trigger, say it is not an event of the named actor ("anti-China protests"). */
const NOUN_BLOCKERS = new Set(["anti", "pro", "against"]);

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

/** Particles and prepositions between a support verb and its event noun ("carried out", "took part in"). */
const SUPPORT_PARTICLES = new Set(["out", "up", "in", "on", "into"]);

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

/** Actors and targets of an event noun at trig. */
export function nounRoles(
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
    // "an offer of assistance to X", "a request for help from X": what an offer or appeal is of is part of it.
    if (triggerAt.has(r) && !(CONTENT_ROOTS.has(trig.code.slice(0, 2)) && /^(?:of|for)$/.test(norm(tokens[r - 1]))))
      break;
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
