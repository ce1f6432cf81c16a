// Per-token features the recognisers share, computed once per document from the annotation: folded lower-case
// text, capitalisation, sentence-initial position and "shouting" (all-caps) sentences.
import { foldLower, isUpperAt, isWordChar } from "../../kb/normalize.js";
import { isCommonWord } from "../../kb/vocabulary.js";
import type { Annotation, Token } from "../../nlp/annotate.js";

export interface TokenView {
  text: string;
  /** foldLower(text): same length, offsets shared. */
  lower: string;
  tokens: readonly Token[];
  n: number;
  /** Folded lower-case text of each token. */
  low: string[];
  /** 1 when the token starts with an upper-case letter. */
  cap: Uint8Array;
  /** 1 when the token starts with a letter or digit. */
  word: Uint8Array;
  /** 1 when the token opens its sentence (or follows an opening quote, bracket, colon or dash there). */
  initial: Uint8Array;
  /** 1 when the token's sentence is written in capitals (a headline or a shouted line). */
  shouting: Uint8Array;
  /** 1 when the token's sentence capitalises its common words ("Uyghur Jailbreak Complicates Talks"). */
  titleCase: Uint8Array;
  /** 1 when the token lies in a credit or licence line ("Courtesy of ...", "CC BY-SA"): furniture, no names. */
  furniture: Uint8Array;
}

const QUOTES = new Set(['"', "'", "“", "”", "‘", "’", "«", "»"]);
const OPENERS = new Set(['"', "'", "“", "‘", "(", "[", ":", "—", "–", "-", "•", "|", "*", "«"]);

export function tokenView(text: string, annotation: Annotation, lower: string = foldLower(text)): TokenView {
  const tokens = annotation.tokens;
  const n = tokens.length;
  const low = new Array<string>(n);
  const cap = new Uint8Array(n);
  const word = new Uint8Array(n);
  const initial = new Uint8Array(n);
  const shouting = new Uint8Array(n);
  const titleCase = new Uint8Array(n);
  let sentenceFirst = 0;
  let atStart = true;
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    if (i > 0 && (tokens[i - 1] as Token).sentence !== t.sentence) {
      markSentence(text, tokens, low, sentenceFirst, i, shouting, titleCase);
      sentenceFirst = i;
      atStart = true;
    }
    low[i] = lower.slice(t.start, t.end);
    word[i] = isWordChar(text, t.start) ? 1 : 0;
    cap[i] = isUpperAt(text, t.start) ? 1 : 0;
    if (atStart) {
      if (word[i]) {
        initial[i] = 1;
        atStart = false;
      }
    } else if (i > 0 && OPENERS.has(low[i - 1] as string) && word[i]) {
      // A dash opens a clause only when spaced: "AQ-linked" and "al-Hasan" go on. A quote written right after a word
      // closes what it quoted ('“Title,” Outlet'): what follows goes on.
      const prev = tokens[i - 1] as Token;
      const dash = low[i - 1] === "-";
      const spacedBefore = prev.start === 0 || /\s/.test(text[prev.start - 1] ?? " ");
      const closingQuote = QUOTES.has(low[i - 1] as string) && !spacedBefore && text[prev.end] === " ";
      if ((!dash || (prev.start > 0 && text[prev.start - 1] === " ")) && !closingQuote) initial[i] = 1;
    }
  }
  if (n > 0) markSentence(text, tokens, low, sentenceFirst, n, shouting, titleCase);
  return {
    text,
    lower,
    tokens,
    n,
    low,
    cap,
    word,
    initial,
    shouting,
    titleCase,
    furniture: furnitureMarks(text, tokens),
  };
}

/**
 * Marks a sentence whose words of two or more letters are mostly all upper case (shouting), or one that capitalises
 * at least two common words of four letters or more and has few lower-case words (title case).
 */
function markSentence(
  text: string,
  tokens: readonly Token[],
  low: readonly string[],
  from: number,
  to: number,
  out: Uint8Array,
  titleOut: Uint8Array,
): void {
  let words = 0;
  let upper = 0;
  // Title case is judged on quoted stretches (cited headlines) and on sentences without final punctuation
  // (headings), so a long organisation name in an ordinary sentence does not mark it.
  const lastText = low[to - 1] ?? "";
  const heading = !/^[.!?"']$/.test(lastText);
  let segment = from;
  let quoted = false;
  let capCommon = 0;
  let lowerWords = 0;
  for (let i = from; i <= to; i++) {
    const t = tokens[i];
    if (i === to || (t && QUOTES.has(low[i] as string))) {
      if ((quoted || heading) && capCommon >= 2 && lowerWords * 3 <= capCommon) titleOut.fill(1, segment, i);
      if (i < to && QUOTES.has(low[i] as string)) quoted = !quoted;
      segment = i + 1;
      capCommon = 0;
      lowerWords = 0;
      continue;
    }
    if (!t || i === segment || t.end - t.start < 4 || !isWordChar(text, t.start)) continue;
    if (isUpperAt(text, t.start)) {
      if (isCommonWord(low[i] as string)) capCommon++;
    } else if (/^[a-z]+$/.test(low[i] as string)) lowerWords++;
  }
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (t.end - t.start < 2 || !isWordChar(text, t.start)) continue;
    let letters = 0;
    let caps = 0;
    for (let k = t.start; k < t.end; k++) {
      if (!isWordChar(text, k)) continue;
      letters++;
      if (isUpperAt(text, k)) caps++;
    }
    if (letters < 2) continue;
    words++;
    if (caps === letters) upper++;
  }
  if (words >= 2 && upper / words >= 0.6) out.fill(1, from, to);
}

/** Are tokens i and i+1 written without space between them? */
export function joined(view: TokenView, i: number): boolean {
  const a = view.tokens[i];
  const b = view.tokens[i + 1];
  return !!a && !!b && a.end === b.start;
}

/** Do tokens i and j belong to the same sentence? */
export function sameSentence(view: TokenView, i: number, j: number): boolean {
  const a = view.tokens[i];
  const b = view.tokens[j];
  return !!a && !!b && a.sentence === b.sentence;
}

/** Is the token written in capitals throughout (an acronym: "SCO", "RFE/RL")? */
export function isAllCaps(view: TokenView, i: number): boolean {
  const t = view.tokens[i];
  if (!t) return false;
  let letters = 0;
  for (let k = t.start; k < t.end; k++) {
    const c = view.text.charCodeAt(k);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) letters++;
    else if (c >= 128 && isWordChar(view.text, k)) {
      if (!isUpperAt(view.text, k)) return false;
      letters++;
    }
  }
  return letters >= 2;
}

const CREDIT =
  /\b(?:[Cc]ourtesy of|[Pp]hoto(?:graph)?s? (?:by|courtesy)|(?:Photo|Image|Picture|Illustration|Credit|Graphic)s?:|CC[ -]BY\b)/g;

/** Tokens inside credit and licence phrases: from the credit (or the sentence holding a licence) to the line end. */
function furnitureMarks(text: string, tokens: readonly Token[]): Uint8Array {
  const out = new Uint8Array(tokens.length);
  CREDIT.lastIndex = 0;
  for (let m = CREDIT.exec(text); m; m = CREDIT.exec(text)) {
    let start = m.index;
    if (m[0].startsWith("CC")) {
      const dot = text.lastIndexOf(". ", start);
      const nl = text.lastIndexOf("\n", start);
      start = Math.max(dot + 1, nl + 1, start - 300);
    }
    let end = text.indexOf("\n", m.index);
    if (end < 0) end = text.length;
    CREDIT.lastIndex = end;
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tokens[mid] as Token).end <= start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < tokens.length && (tokens[k] as Token).start < end; k++) out[k] = 1;
  }
  return out;
}
