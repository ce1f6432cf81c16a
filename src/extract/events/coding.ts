// Coding beyond the lexicon: the realis an intent noun gives ("X's refusal to"), a cooperative act its actor
// commits to as an intent (03), a conflictual act made conditional or announced as a threat (13), acts that
// coordinated subjects do to one another (reciprocal), and the roots whose events need a target.

import type { Token } from "../../nlp/annotate.js";
import type { ResolvedMention } from "../context.js";
import { norm } from "../realis.js";
import type { Trigger } from "./triggers.js";
import { REPORTING } from "./words.js";

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
export function intentBefore(tokens: Token[], i: number): "negated" | "hypothetical" | null {
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

/** Roots of cooperative acts, which said of the future are intents (03): consult, diplomatic and material cooperation, aid, yielding. */
export const COOPERATIVE_ROOTS = new Set(["04", "05", "06", "07", "08"]);

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

/** Modal cues of realisAt: of these, only "would" after a verb of reporting commits the actor. */
const MODAL_CUES = new Set(["could", "may", "might", "would", "should", "can", "must", "'d"]);

/** Is the hypothetical cooperative act at token i one its actor commits to? */
export function committed(tokens: Token[], i: number, cues: string[]): boolean {
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

/** The 03 intent code of a cooperative act (CAMEO: 042 -> 036, 062 -> 0312, 071 -> 0331, 084 -> 0353 ...). */
export function intentCode(code: string): string {
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

/** Roots of acts that, promised on a condition, are threats: withdrawal, rejection, sanctions, force. */
export const THREAT_ROOTS = new Set(["08", "12", "15", "16", "17", "18", "19", "20"]);

/** Does a "will/would ... unless" frame the act ending at token j ("will withdraw ... unless Y agrees")? */
export function conditionalThreat(tokens: Token[], j: number): boolean {
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

/** Roots of conflictual acts that, announced by their actor, are threats. */
export const ANNOUNCED_THREAT_ROOTS = new Set(["14", "16", "17", "18", "19", "20"]);

/** Verbs by which an actor binds itself to what follows ("vowed to fight", "swore to retaliate"). */
const VOWS = new Set(["vowed", "vows", "swore", "sworn", "swears", "pledged", "pledges", "promised", "promises"]);

/**
 * Is the hypothetical act at token i one its actor announces: "will/would" after a verb of saying earlier in the
 * sentence ("X said it would boycott"), or an infinitive after a vow ("X vowed to attack")? A condition ("if")
 * leaves it hypothetical; a prediction with no one announcing it ("Russia will attack") too.
 */
export function announced(tokens: Token[], i: number, cues: string[]): boolean {
  if (tokens.some((t) => CONDITIONS.has(norm(t)))) return false;
  let k = i - 1;
  while (k >= 0 && tokens[k]?.pos === "ADV") k--;
  if (norm(tokens[k]) === "to" && VOWS.has(norm(tokens[k - 1]))) return true;
  if (!cues.some((c) => c === "will" || c === "would" || c === "'ll" || c === "shall")) return false;
  for (let q = 0; q < i; q++) if (REPORTING.has(norm(tokens[q])) || VOWS.has(norm(tokens[q]))) return true;
  return false;
}

/** The 13 threat code of an announced conflictual act. */
export function threatCode(code: string): string {
  const root = code.slice(0, 2);
  if (root === "14") return "133";
  if (root === "16") return code.startsWith("163") ? "1312" : code.startsWith("161") ? "1311" : "131";
  if (root === "17") return "137";
  if (code.startsWith("191")) return "1381";
  if (code.startsWith("192")) return "1382";
  return "138";
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
export function isReciprocal(
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

/** CAMEO roots whose events need a target. */
const DYADIC_ROOTS = new Set(["02", "03", "05", "07", "08", "10", "11", "12", "16", "19"]);

/**
 * Yieldings the CAMEO codebook codes without a counterpart: relinquishing power (0831: "the target can be ... the
 * country as a whole"), easing a curfew or state of emergency (081x), releasing persons (0841), ceasefires,
 * demobilising and surrendering (0871-0874), calling off dissent (082). "X resigned", "rebels surrendered".
 */
const MONADIC_YIELDS = /^08(?:1\d?|2|31|41|7[1-4])$/;

/** Does an event of this code need a target to be told at all? */
export function needsTarget(code: string): boolean {
  return DYADIC_ROOTS.has(code.slice(0, 2)) && !MONADIC_YIELDS.test(code);
}
