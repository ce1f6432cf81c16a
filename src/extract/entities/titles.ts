// Titles and honorifics before a name ("Foreign Minister", "Mr", "Gen."), and role nouns in descriptions
// ("the Kazakh president"), matched over lower-case tokens with the KB's role vocabulary.
import { canonicalRole, isHonorific, MAX_ROLE_WORDS, mayStartTitle } from "../../kb/roles.js";
import { joined, type TokenView } from "./token-view.js";

export interface TitleMatch {
  /** First and last token (inclusive). */
  first: number;
  last: number;
  /** The canonical role ("foreign minister"), absent for a bare honorific ("Mr"). */
  role?: string;
}

/** Words that may stand before a title without changing whose it is: "former President", "Deputy Foreign Minister". */
const PRE_TITLE = new Set([
  "former",
  "then",
  "deputy",
  "vice",
  "acting",
  "first",
  "late",
  "ex",
  "outgoing",
  "incoming",
]);

/** The longest title starting at token i (after optional "former", "deputy", ...), or undefined. */
export function titleAt(view: TokenView, i: number): TitleMatch | undefined {
  const w = view.low[i];
  if (w === undefined || (!mayStartTitle(w) && !PRE_TITLE.has(w))) return undefined;
  const direct = longestTitle(view, i);
  if (direct) return direct;
  let k = i;
  while (k < view.n && PRE_TITLE.has(view.low[k] as string)) {
    k++;
    if (view.low[k] === "-") k++;
  }
  if (k === i) return undefined;
  const after = longestTitle(view, k);
  return after ? { ...after, first: i } : undefined;
}

function longestTitle(view: TokenView, k: number): TitleMatch | undefined {
  if (!mayStartTitle(view.low[k] ?? "")) return undefined;
  let best: TitleMatch | undefined;
  let phrase = "";
  for (let j = k; j < view.n && j < k + MAX_ROLE_WORDS + 2; j++) {
    const w = view.low[j] as string;
    if (!view.word[j] && w !== "-") break;
    phrase = j === k ? w : joined(view, j - 1) ? `${phrase}${w}` : `${phrase} ${w}`;
    const role = canonicalRole(phrase);
    if (role) best = { first: k, last: j, role };
    else if (j === k && isHonorific(phrase)) best = { first: k, last: j };
  }
  return best;
}
