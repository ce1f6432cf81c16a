// Character folding shared by the knowledge base and the matchers. Folding keeps string length, so offsets found in
// a folded text are offsets in the original: curly quotes become straight, dashes become "-", accents are dropped.

const PUNCT_FOLD: Record<string, string> = {
  "\u2019": "'",
  "\u2018": "'",
  "\u02bc": "'",
  "\u00b4": "'",
  "`": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
  "\u00a0": " ",
};

const foldCache = new Map<string, string>();

/** One UTF-16 unit folded and lower-cased to exactly one unit. */
function foldUnit(c: string): string {
  const known = foldCache.get(c);
  if (known !== undefined) return known;
  let out = PUNCT_FOLD[c] ?? c;
  if (out === c) {
    const base = c.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    if (base.length === 1) out = base;
    const lower = out.toLowerCase();
    if (lower.length === 1) out = lower;
  }
  if (foldCache.size < 10_000) foldCache.set(c, out);
  return out;
}

const NON_ASCII = /\P{ASCII}/u;

/** Lower-cased, accent- and punctuation-folded copy of `text` with the same length. */
export function foldLower(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 128) continue;
    if (i > from) parts.push(text.slice(from, i).toLowerCase());
    parts.push(foldUnit(text[i] as string));
    from = i + 1;
  }
  if (from < text.length) parts.push(text.slice(from).toLowerCase());
  return parts.join("");
}

/** A name reduced for identity keys and comparisons: folded, lower case, "the" and possessive dropped, words only. */
export function normalizeName(name: string): string {
  return foldLower(name.normalize("NFC"))
    .replace(/'s\b/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
}

/** Is the unit at `i` a letter or digit? (ASCII fast path.) */
export function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (Number.isNaN(c)) return false;
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /[\p{L}\p{N}\p{M}]/u.test(text[i] as string);
}

/** Is the unit at `i` an upper-case letter? */
export function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = text[i] as string;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Is the unit at `i` a lower-case letter? */
export function isLowerAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 97 && c <= 122;
  const ch = text[i] as string;
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}
