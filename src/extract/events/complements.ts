// Triggers that are the content of another event, not events of their own: the "that"-clause of a demand
// ("demanded that X withdraw") and the "to"-complement of an appeal, offer, demand or threat ("urged X to
// withdraw").

import type { Token } from "../../nlp/annotate.js";
import { norm } from "../realis.js";
import type { Trigger } from "./triggers.js";
import { verbTargets } from "./verb-targets.js";
import { SKIP_LEFT } from "./words.js";

/** Roots whose "that"-clause names who must act: "demanded that X withdraw". */
export const DEMAND_ROOTS = new Set(["02", "10"]);

/** Roots whose "to"-complement belongs to the event itself: "urged Russia to withdraw", "offered to help". */
const GOVERNING_ROOTS = new Set(["02", "03", "10", "13"]);

/** Is this trigger inside the "that"-clause of an appeal or demand ("demanded that X withdraw")? */
export function demandedBefore(tokens: Token[], triggers: Trigger[], trig: Trigger): boolean {
  for (let k = trig.i - 1; k >= 0 && k >= trig.i - 12; k--) {
    if (norm(tokens[k]) !== "that") continue;
    let g = k - 1;
    while (g >= 0 && tokens[g]?.pos === "ADV") g--;
    return triggers.some((t) => t.j === g && DEMAND_ROOTS.has(t.code.slice(0, 2)));
  }
  return false;
}

/** Is this trigger the "to"-complement of an earlier appeal, offer, demand or threat in its clause? */
export function governed(tokens: Token[], triggers: Trigger[], trig: Trigger, from: number): boolean {
  let k = trig.i - 1;
  while (k >= from && (tokens[k]?.pos === "ADV" || SKIP_LEFT.has(norm(tokens[k])))) {
    if (norm(tokens[k]) === "to") break;
    k--;
  }
  if (norm(tokens[k]) !== "to") return false;
  return triggers.some((g) => g !== trig && g.j < trig.i && g.i >= from && GOVERNING_ROOTS.has(g.code.slice(0, 2)));
}

/** Roots whose "to"-complement says to whom the act is done when the verb itself names no one. */
const COMPLEMENT_TARGET_ROOTS = new Set(["02", "03", "10", "12", "13"]);

/** Roots of force, whose complement's country of action is its target ("refused to deploy troops in X"). */
const FORCE_ROOTS = new Set(["15", "18", "19", "20"]);

/**
 * Targets of an appeal, offer, demand, refusal or threat read from its "to"-complement, for a verb that names no
 * one itself: "refused to send troops to X", "is willing to withdraw its forces from X", "declined to meet X".
 * The complement is the governed trigger when there is one (its own code decides "from X"), else the verb after
 * "to". For a complement of force, the places it names ("in X") are given too.
 */
export function complementTargets(
  tokens: Token[],
  inMention: Int32Array,
  triggers: Trigger[],
  trig: Trigger,
  to: number,
): { targets: number[]; places: number[] } {
  const none = { targets: [], places: [] };
  if (!COMPLEMENT_TARGET_ROOTS.has(trig.code.slice(0, 2))) return none;
  let k = trig.j + 1;
  if (!trig.text.endsWith(" to")) {
    while (k <= to && tokens[k]?.pos === "ADV" && (inMention[k] ?? -1) === -1) k++;
    if (norm(tokens[k]) !== "to") return none;
    k++;
  }
  const inner = triggers.find((t) => t.i === k && t.kind === "verb");
  if (!inner && tokens[k]?.pos !== "VERB") return none;
  const verb: Trigger = inner ?? { i: k, j: k, kind: "verb", code: trig.code, text: norm(tokens[k]) };
  const right = verbTargets(tokens, inMention, verb, to, true);
  return { targets: right.targets, places: FORCE_ROOTS.has(verb.code.slice(0, 2)) ? right.places : [] };
}
