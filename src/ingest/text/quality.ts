// Detects text damaged by a bad scrape (letter sequences dropped throughout) from word statistics.
import { englishLexicon, isKnownWord } from "./lexicon.js";

export interface DamageReport {
  damaged: boolean;
  /** 0 (looks intact) to 1 (certainly damaged); damaged when at least DAMAGE_THRESHOLD. */
  score: number;
  reason: string | null;
}

/** Texts shorter than this are not judged: their statistics say too little. */
export const MIN_WORDS = 80;
export const DAMAGE_THRESHOLD = 0.5;

/**
 * Share of running words taken by the commonest English function words in news prose. A long English text that
 * lacks one of them while it still has the others has lost it (a scrape that dropped "the" or "and" everywhere).
 */
const FUNCTION_WORDS: [string, number][] = [
  ["the", 0.055],
  ["of", 0.026],
  ["and", 0.024],
  ["to", 0.024],
  ["a", 0.021],
  ["in", 0.02],
  ["that", 0.009],
  ["for", 0.009],
  ["is", 0.009],
];
/**
 * Shares of letter pairs and triples among those inside English words (after Norvig's counts over the Google
 * Books corpus), limited to sequences that any English prose is full of whatever its topic or tense.
 */
const LETTER_SEQUENCES: [string, number][] = [
  ["th", 0.0356],
  ["he", 0.0307],
  ["in", 0.0243],
  ["er", 0.0205],
  ["an", 0.0199],
  ["re", 0.0185],
  ["on", 0.0176],
  ["at", 0.0149],
  ["en", 0.0145],
  ["nd", 0.0135],
  ["ti", 0.0134],
  ["es", 0.0134],
  ["or", 0.0128],
  ["te", 0.012],
  ["ed", 0.0117],
  ["is", 0.0113],
  ["it", 0.0112],
  ["al", 0.0109],
  ["ar", 0.0107],
  ["st", 0.0105],
  ["to", 0.0104],
  ["nt", 0.0104],
  ["ng", 0.0095],
  ["se", 0.0093],
  ["as", 0.0087],
  ["ou", 0.0087],
  ["io", 0.0083],
  ["ve", 0.0083],
  ["co", 0.0079],
  ["the", 0.0181],
  ["and", 0.0073],
  ["ing", 0.0072],
  ["ion", 0.0042],
  ["ent", 0.0042],
  ["tio", 0.0031],
  ["ati", 0.003],
  ["for", 0.0034],
  ["ter", 0.0029],
  ["ate", 0.0027],
  ["con", 0.0025],
  ["ver", 0.0024],
  ["ers", 0.0022],
  ["ted", 0.0022],
  ["ive", 0.002],
  ["est", 0.0018],
];
/** How many occurrences a function word to have before its absence counts. */
const MIN_EXPECTED = 12;
/** The share of the usual function-word total below which a text is not English prose. */
const MIN_ENGLISHNESS = 0.4;

const clamp01 = (x: number): number => Math.max(0, Math.min(1, x));

interface Signal {
  score: number;
  reason: string;
}

/** The words of a text, without URLs, e-mail addresses and dotted abbreviations ("U.S.", "e.g."). */
function wordsOf(text: string): string[] {
  // Each alternative starts only where a run without spaces does ((?<!\S)), so a long run is scanned once, not once
  // per position in it (an unanchored "\S+@" took minutes on a megabyte without a space).
  const plain = text
    .replace(/(?<!\S)(?:\S*?\bhttps?:\/\/|\S*?\bwww\.|[^\s@]+@[^\s@]+\.)\S*/gi, " ")
    .replace(/\b(?:\p{L}\.){2,}/gu, " ")
    .replace(/[’‘`]/g, "'");
  return plain.match(/\p{L}+(?:'\p{L}+)*/gu) ?? [];
}

const FUNCTION_WORD_SET = new Set(FUNCTION_WORDS.map(([f]) => f));

/** Occurrences of the function words, and the share of their usual total that the text reaches. */
function functionWordCounts(words: string[]): { counts: Map<string, number>; englishness: number } {
  const counts = new Map<string, number>();
  for (const w of words) {
    if (w.length > 4) continue; // no function word is longer, and lower-casing keeps the length of these
    const lower = w.toLowerCase();
    if (FUNCTION_WORD_SET.has(lower)) counts.set(lower, (counts.get(lower) ?? 0) + 1);
  }
  const seen = [...counts.values()].reduce((a, b) => a + b, 0);
  const expected = FUNCTION_WORDS.reduce((a, [, share]) => a + share, 0) * words.length;
  return { counts, englishness: seen / expected };
}

/** How far below its expectation a count is, as a score: half-way (0.5) at a fifth of the expected count. */
const deficitScore = (seen: number, expected: number): number => clamp01((1 - seen / expected - 0.6) / 0.4);

/** A common function word far below its usual share while the other function words are at theirs. */
function functionWordSignal(words: string[], counts: Map<string, number>): Signal | null {
  let worst: Signal | null = null;
  for (const [word, share] of FUNCTION_WORDS) {
    const expected = share * words.length;
    if (expected < MIN_EXPECTED) continue;
    const seen = counts.get(word) ?? 0;
    const score = deficitScore(seen, expected);
    if (score > 0 && (!worst || score > worst.score)) {
      const pct = ((100 * seen) / words.length).toFixed(1);
      worst = {
        score,
        reason: `"${word}" makes ${pct}% of the words (about ${(100 * share).toFixed(1)}% in English prose)`,
      };
    }
  }
  return worst;
}

/** The letter sequences LETTER_SEQUENCES names, as UTF-16 code-unit keys: (c0 << 16 | c1) and c0 * 2^32 + c1 << 16 | c2. */
const key2 = (a: number, b: number) => ((a << 16) | b) >>> 0;
const key3 = (a: number, b: number, c: number) => a * 0x100000000 + key2(b, c);
const SEQUENCE_KEYS = new Map<number, string>(
  LETTER_SEQUENCES.map(([seq]) => {
    const c = [...seq].map((ch) => ch.charCodeAt(0)) as number[];
    return [
      seq.length === 2 ? key2(c[0] as number, c[1] as number) : key3(c[0] as number, c[1] as number, c[2] as number),
      seq,
    ];
  }),
);

/**
 * Letter sequences inside words, per length (2 and 3): the number of positions seen, and how often each sequence
 * LETTER_SEQUENCES names occurs (only those are ever looked up).
 */
function letterSequenceCounts(words: string[]): Map<number, { counts: Map<string, number>; total: number }> {
  const counts2 = new Map<string, number>();
  const counts3 = new Map<string, number>();
  let total2 = 0;
  let total3 = 0;
  for (const w of words) {
    const lower = w.toLowerCase();
    const len = lower.length;
    if (len >= 2) total2 += len - 1;
    if (len >= 3) total3 += len - 2;
    let a = -1;
    let b = lower.charCodeAt(0);
    for (let i = 1; i < len; i++) {
      const c = lower.charCodeAt(i);
      const s2 = SEQUENCE_KEYS.get(key2(b, c));
      if (s2 !== undefined) counts2.set(s2, (counts2.get(s2) ?? 0) + 1);
      if (a >= 0) {
        const s3 = SEQUENCE_KEYS.get(key3(a, b, c));
        if (s3 !== undefined) counts3.set(s3, (counts3.get(s3) ?? 0) + 1);
      }
      a = b;
      b = c;
    }
  }
  return new Map([
    [2, { counts: counts2, total: total2 }],
    [3, { counts: counts3, total: total3 }],
  ]);
}

/** A letter sequence that English words are full of ("th", "er", "ing", "ion") far below its usual share. */
function letterSequenceSignal(words: string[]): Signal | null {
  const byLength = letterSequenceCounts(words);
  let worst: Signal | null = null;
  for (const [seq, share] of LETTER_SEQUENCES) {
    const table = byLength.get(seq.length);
    if (!table) continue;
    const expected = share * table.total;
    if (expected < MIN_EXPECTED) continue;
    const seen = table.counts.get(seq) ?? 0;
    const score = deficitScore(seen, expected);
    if (score > 0 && (!worst || score > worst.score)) {
      worst = {
        score,
        reason: `the letters "${seq}" occur ${seen} times where about ${Math.round(expected)} are usual: the sequence looks cut out of words`,
      };
    }
  }
  return worst;
}

/** Many lower-case words that are no English form ("dely", "tre", "wher"): sequences cut out of words. */
function vocabularySignal(words: string[]): Signal | null {
  const lex = englishLexicon();
  if (!lex) return null;
  let judged = 0;
  const unknown: string[] = [];
  for (const w of words) {
    if (w.includes("'") || !/^\p{Ll}+$/u.test(w)) continue; // names, acronyms and contractions are not judged
    judged++;
    if (w.length === 1 ? !/^[aio]$/.test(w) : !isKnownWord(w, lex)) unknown.push(w);
  }
  if (judged < 60) return null;
  const distinct = new Set(unknown);
  if (distinct.size < 5) return null;
  const rate = unknown.length / judged;
  const score = clamp01((rate - 0.01) / 0.02);
  if (score === 0) return null;
  const examples = [...distinct].slice(0, 6).map((w) => `"${w}"`);
  return {
    score,
    reason: `${(100 * rate).toFixed(1)}% of lower-case words are not English words (${examples.join(", ")})`,
  };
}

/** Sentences that start in lower case: a dropped first word ("The") leaves the next one uncapitalised. */
function sentenceCaseSignal(text: string): Signal | null {
  const starts = [
    ...text.matchAll(
      /(?<![A-Z]|\b[A-Za-z]\.[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|St|No|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Gen|Col|Lt|Sgt|Gov|Sen|Rep|Prof|Inc|Ltd|Co|Corp))[.!?]["”’)]?\s+["“‘(]?\s*(\p{L})/gu,
    ),
  ];
  if (starts.length < 15) return null;
  const lower = starts.filter((m) => /\p{Ll}/u.test(m[1] ?? "")).length;
  const rate = lower / starts.length;
  const score = clamp01((rate - 0.05) / 0.2);
  return score > 0 ? { score, reason: `${Math.round(100 * rate)}% of sentences start in lower case` } : null;
}

/** Two spaces between lower-case words: the trace of a word cut out of the line. */
function gapSignal(text: string, wordCount: number): Signal | null {
  const gaps = text.match(/\p{Ll},? {2,}\p{Ll}/gu)?.length ?? 0;
  const per100 = (100 * gaps) / wordCount;
  const score = clamp01(per100 / 2);
  return score > 0 && gaps >= 3
    ? { score, reason: `${gaps} double spaces between words, as if words were cut out` }
    : null;
}

/**
 * Judges whether a text was mangled by its source (letter sequences or words dropped throughout), from
 * the share of the commonest function words, the share of lower-case words that are no English form,
 * sentences starting in lower case and double spaces inside sentences. Signals combine as independent
 * evidence. Texts under MIN_WORDS words are never flagged.
 */
export function detectDamage(text: string): DamageReport {
  const words = wordsOf(text);
  if (words.length < MIN_WORDS) return { damaged: false, score: 0, reason: null };
  const { counts, englishness } = functionWordCounts(words);
  // Word and letter statistics only speak for English prose, not for tables, name lists or other languages.
  const prose = englishness >= MIN_ENGLISHNESS;
  const signals = [
    prose ? functionWordSignal(words, counts) : null,
    prose ? letterSequenceSignal(words) : null,
    prose ? vocabularySignal(words) : null,
    sentenceCaseSignal(text),
    gapSignal(text, words.length),
  ].filter((s): s is Signal => s !== null);
  const score = 1 - signals.reduce((keep, s) => keep * (1 - s.score), 1);
  const damaged = score >= DAMAGE_THRESHOLD;
  const reasons = signals.sort((a, b) => b.score - a.score).map((s) => s.reason);
  return { damaged, score: Math.round(score * 1000) / 1000, reason: damaged ? reasons.join("; ") : null };
}
