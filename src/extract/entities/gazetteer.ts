// Finds knowledge-base names in the text: at each token, only the forms filed under that token's first word are
// tried (longest first) against the folded text, and a form matches only up to a word boundary.
import { type AliasForm, type AliasIndex, firstWord } from "../../kb/alias-index.js";
import { isUpperAt, isWordChar } from "../../kb/normalize.js";
import { isCommonWord } from "../../kb/vocabulary.js";
import type { TokenView } from "./token-view.js";

export interface KbMatch {
  /** First and last token (inclusive). */
  first: number;
  last: number;
  start: number;
  end: number;
  /** Every form of this exact extent that matched (several when entries share a name: "Beijing"). */
  forms: AliasForm[];
}

/** Non-overlapping KB matches, left to right, longest at each position. */
export function matchGazetteer(view: TokenView, index: AliasIndex): KbMatch[] {
  const { text, lower, tokens, n } = view;
  const out: KbMatch[] = [];
  for (let i = 0; i < n; i++) {
    if (!view.word[i]) continue;
    const t = tokens[i];
    if (!t) continue;
    const key = firstWord(lower, t.start, index.keyBound(lower, t.start));
    const candidates = key ? index.candidates(key) : undefined;
    if (!candidates) {
      const inner = lower.charCodeAt(t.start + key.length) === 45 ? prefixedName(view, index, i) : undefined;
      if (inner) out.push(inner);
      continue;
    }
    let forms: AliasForm[] | undefined;
    let end = -1;
    for (const form of candidates) {
      if (forms && form.lower.length < end - t.start) break;
      if (!lower.startsWith(form.lower, t.start)) continue;
      const e = t.start + form.lower.length;
      if (e < text.length && isWordChar(lower, e) && isWordChar(lower, e - 1)) continue;
      if (!caseFits(text, t.start, form)) continue;
      // In a line written in capitals an acronym may be a plain word ("NEW PLAN", "TALKS WITH US").
      if (form.acronym && view.shouting[i] && (form.lower.length <= 2 || isCommonWord(form.lower))) continue;
      // "Total trade rose", "Male voters": a common word opening a sentence names nothing without more evidence.
      if (view.initial[i] && e === t.end && ambiguousOpener(form) && t.pos !== "PROPN") continue;
      if (form.afterThe && !theBefore(view, i)) continue;
      // "US$20 billion", "HK$5": a code before a dollar sign names a currency, not its country.
      if (form.acronym && text.charCodeAt(e) === 36) continue;
      if (forms) forms.push(form);
      else {
        forms = [form];
        end = e;
      }
    }
    if (!forms) {
      const inner = lower.charCodeAt(t.start + key.length) === 45 ? prefixedName(view, index, i) : undefined;
      if (inner) out.push(inner);
      continue;
    }
    let last = i;
    while (last + 1 < n && (tokens[last + 1]?.start ?? end) < end) last++;
    out.push({ first: i, last, start: t.start, end, forms });
    i = last;
  }
  return out;
}

/** Lower-case prefixes hyphened to a name in one token: "post-Mao Zedong", "anti-China", "ex-Soviet". */
const NAME_PREFIXES = new Set(["post", "pre", "anti", "pro", "ex", "then", "non", "neo"]);

/** A KB name (or alias) right after a prefix in one token: "post-Mao Zedong" holds "Mao Zedong". */
function prefixedName(view: TokenView, index: AliasIndex, i: number): KbMatch | undefined {
  const { text, lower, tokens, n } = view;
  const t = tokens[i];
  if (!t || view.cap[i]) return undefined;
  const h = lower.indexOf("-", t.start);
  if (h < 0 || h >= t.end - 1 || !NAME_PREFIXES.has(lower.slice(t.start, h)) || !isUpperAt(text, h + 1)) return;
  const at = h + 1;
  const candidates = index.candidates(firstWord(lower, at, index.keyBound(lower, at)));
  if (!candidates) return undefined;
  for (const form of candidates) {
    if (form.kind === "demonym" || form.kind === "metonym" || form.afterThe) continue;
    if (!lower.startsWith(form.lower, at)) continue;
    const e = at + form.lower.length;
    if (e < text.length && isWordChar(lower, e) && isWordChar(lower, e - 1)) continue;
    if (!caseFits(text, at, form)) continue;
    let last = i;
    while (last + 1 < n && (tokens[last + 1]?.start ?? e) < e) last++;
    if ((tokens[last]?.end ?? e) !== e) continue; // the name ends inside a token
    return {
      first: i,
      last,
      start: at,
      end: e,
      forms: candidates.filter((f) => f.lower === form.lower && f.kind === form.kind),
    };
  }
  return undefined;
}

/** A one-word name of a place, body or person that is also a common word (not a country or nationality). */
function ambiguousOpener(form: AliasForm): boolean {
  if (form.acronym || form.kind === "demonym" || form.kind === "metonym" || form.entry.type === "country") return false;
  return !form.lower.includes(" ") && isCommonWord(form.lower);
}

/** The text is at least as capitalised as the form. */
function caseFits(text: string, at: number, form: AliasForm): boolean {
  for (const off of form.upperAt) if (!isUpperAt(text, at + off)) return false;
  return true;
}

/** "the" right before token i, or before one lower-case word before it ("the interventionist West"). */
function theBefore(view: TokenView, i: number): boolean {
  if (view.low[i - 1] === "the") return true;
  return view.low[i - 2] === "the" && !view.cap[i - 1] && view.word[i - 1] === 1;
}
