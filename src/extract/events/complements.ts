// Triggers that are the content of another event, not events of their own: the "that"-clause of a demand
// ("demanded that X withdraw") and the "to"-complement of an appeal, offer, demand or threat ("urged X to
// withdraw").

import type { Token } from "../../nlp/annotate.js";
import { norm } from "../realis.js";
import type { Trigger } from "./triggers.js";
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
