// English word forms for spotting mangled words: wink-eng-lite-web-model's lexicon plus light morphology.
import { createRequire } from "node:module";

let lexicon: ReadonlySet<string> | null | undefined;

/**
 * The lower-cased lexemes of the installed wink English model (about 80,000 forms), loaded once on first use.
 * Null when the model's data file cannot be read; callers then go without the out-of-vocabulary signal.
 */
export function englishLexicon(): ReadonlySet<string> | null {
  if (lexicon !== undefined) return lexicon;
  try {
    const require = createRequire(import.meta.url);
    // The same JSON that wink-nlp loads, so Node's module cache shares it.
    const core = require("wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json") as {
      features?: { lexeme?: { list?: unknown } };
    };
    const list = core.features?.lexeme?.list;
    lexicon = Array.isArray(list)
      ? new Set(
          list.filter((w): w is string => typeof w === "string" && /^\p{L}+$/u.test(w)).map((w) => w.toLowerCase()),
        )
      : null;
  } catch {
    lexicon = null;
  }
  return lexicon;
}

/** Inflection and derivation endings, each with what may replace it on the stem. */
const SUFFIXES: [string, string[]][] = [
  ["ies", ["y"]],
  ["ied", ["y"]],
  ["ier", ["y"]],
  ["iest", ["y"]],
  ["ily", ["y"]],
  ["iness", ["y"]],
  ["es", ["", "e"]],
  ["s", [""]],
  ["ed", ["", "e"]],
  ["ing", ["", "e"]],
  ["ers", ["", "e"]],
  ["er", ["", "e"]],
  ["est", ["", "e"]],
  ["ly", [""]],
  ["ness", [""]],
  ["ments", [""]],
  ["ment", [""]],
  ["ity", ["", "e"]],
  ["ists", ["", "e"]],
  ["ist", ["", "e"]],
  ["isms", ["", "e"]],
  ["ism", ["", "e"]],
  ["ations", ["e", ""]],
  ["ation", ["e", ""]],
  ["ally", [""]],
  ["al", ["", "e"]],
  ["ised", ["", "e"]],
  ["ized", ["", "e"]],
  ["ising", ["", "e"]],
  ["izing", ["", "e"]],
  ["ise", ["", "e"]],
  ["ize", ["", "e"]],
  ["able", ["", "e"]],
  ["ful", [""]],
  ["less", [""]],
];
const PREFIXES = [
  "un",
  "re",
  "non",
  "pre",
  "dis",
  "mis",
  "over",
  "under",
  "anti",
  "counter",
  "co",
  "inter",
  "sub",
  "super",
  "semi",
  "multi",
  "post",
  "mid",
  "self",
  "geo",
  "trans",
  "de",
  "out",
];

/** The shortest stem a suffix or prefix may leave. */
const MIN_STEM = 3;

/** Verdicts on words already judged; cleared when it grows past MAX_MEMO. */
const memo = new Map<string, boolean>();
const MAX_MEMO = 100_000;

/** Is `word` (lower case, letters only) an English form: a lexeme, an inflection or derivation of one, or a compound? */
export function isKnownWord(word: string, lex: ReadonlySet<string>): boolean {
  if (lex.has(word)) return true;
  const cached = memo.get(word);
  if (cached !== undefined) return cached;
  const verdict = derived(word, lex, true);
  if (memo.size >= MAX_MEMO) memo.clear();
  memo.set(word, verdict);
  return verdict;
}

/** A known stem under one suffix or prefix (two at the top level), or, at the top level, two known words joined. */
function derived(word: string, lex: ReadonlySet<string>, top: boolean): boolean {
  const inner = (w: string) => lex.has(w) || (top && derived(w, lex, false));
  for (const [suffix, replacements] of SUFFIXES) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    if (stem.length < MIN_STEM) continue;
    if (replacements.some((r) => inner(stem + r))) return true;
    // A doubled final consonant: "stopped", "planning".
    if (/([b-df-hj-np-tv-z])\1$/.test(stem) && inner(stem.slice(0, -1))) return true;
  }
  for (const prefix of PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length > MIN_STEM && inner(word.slice(prefix.length)))
      return true;
  }
  // Closed compounds: "everything", "peacekeeping".
  if (top && word.length >= 2 * (MIN_STEM + 1) - 1) {
    for (let i = MIN_STEM + 1; i <= word.length - MIN_STEM - 1; i++) {
      if (lex.has(word.slice(0, i)) && inner(word.slice(i))) return true;
    }
  }
  return false;
}
