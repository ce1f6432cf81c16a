// Acronym definitions: "Shanghai Cooperation Organization (SCO)" binds "SCO" to that name for the rest of the
// document, whatever else the acronym might mean elsewhere.
import { foldLower } from "../../kb/normalize.js";
import type { NameSpan } from "./recognise.js";
import type { TokenView } from "./token-view.js";

export interface AcronymDefinition {
  acronym: string;
  /** The span of the long form. */
  long: NameSpan;
  /** Token range of the acronym inside the brackets. */
  first: number;
  last: number;
}

const ACRONYM_SHAPE = /^\p{Lu}[\p{Lu}\p{N}&/+.-]{0,9}s?$/u;

/** "Long Name (ACR)" definitions in text order. */
export function acronymDefinitions(view: TokenView, spans: readonly NameSpan[]): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  const byLast = new Map<number, NameSpan>();
  for (const s of spans) byLast.set(s.last, s);
  for (let k = 1; k < view.n; k++) {
    if (view.low[k] !== "(") continue;
    const long = byLast.get(k - 1);
    if (!long || (long.last === long.first && /^\p{Lu}+$/u.test(view.tokens[long.first]?.text ?? ""))) continue;
    let m = k + 1;
    while (m < view.n && m < k + 8 && view.low[m] !== ")" && view.tokens[m]?.start === view.tokens[m - 1]?.end) m++;
    if (m === k + 1 || view.low[m] !== ")" || m - 1 < k + 1) continue;
    // The acronym's tokens must touch each other ("RFE/RL") and the brackets around them.
    if (view.tokens[k + 1]?.start !== view.tokens[k]?.end) continue;
    const acronym = view.text.slice(view.tokens[k + 1]?.start ?? 0, view.tokens[m - 1]?.end ?? 0);
    if (!ACRONYM_SHAPE.test(acronym) || (acronym.match(/\p{Lu}/gu)?.length ?? 0) < 2) continue;
    if (!initialsFit(acronym, view.text.slice(long.start, long.end))) continue;
    out.push({ acronym, long, first: k + 1, last: m - 1 });
  }
  return out;
}

/** The acronym's first letter opens the long form, and its letters appear in order among the long form's. */
function initialsFit(acronym: string, long: string): boolean {
  const letters = foldLower(acronym).replace(/[^a-z]/g, "");
  const name = foldLower(long);
  if (!letters || letters[0] !== name.replace(/^[^a-z]+/, "")[0]) return false;
  let at = 0;
  for (const ch of letters) {
    const found = name.indexOf(ch, at);
    if (found < 0) return false;
    at = found + 1;
  }
  return true;
}
