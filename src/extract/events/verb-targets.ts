// To whom a verb trigger's act is done: its direct object, the objects of target prepositions up to the end of
// its clause, the subject of a demanded "that"-clause; on the way, the places ("in", "at") and a passive's agents
// ("by").

import type { Token } from "../../nlp/annotate.js";
import { norm } from "../realis.js";
import { DEMAND_ROOTS } from "./complements.js";
import { npStartingAt } from "./phrases.js";
import type { Trigger } from "./triggers.js";
import { TARGET_PREPS } from "./words.js";

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

/** Targets of a verb: its object noun phrase and the objects of target prepositions, up to the clause end. */
export function verbTargets(
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
    // "its long-awaited offensive": the participle of a hyphenated adjective opens no new clause.
    const compound = norm(tokens[k - 1]) === "-";
    if ((inMention[k] ?? -1) === -1 && t.pos === "VERB" && w !== "including" && !objectOfPhrase && !compound) break;
    // The object of a purpose clause ("to aid X"), and in "pressured armed groups, including X, to ..." the named
    // members of the object: targets too.
    if (
      (objectOfPhrase && t.pos === "VERB" && norm(tokens[k - 1]) === "to") ||
      (w === "including" && !targets.length && takeObject)
    ) {
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
