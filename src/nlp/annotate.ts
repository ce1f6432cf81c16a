// Tokens, parts of speech and sentences of a cleaned text, each with character offsets.
// Pure: text in, annotation out. Paragraphs (newline-separated blocks) are read one at a time,
// so a headline without final punctuation never runs into the next line.
import type { Sentence } from "../types.js";
import { wink } from "./wink.js";

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Universal POS tag from wink-nlp (PROPN, NOUN, VERB, PUNCT, ...). */
  pos: string;
  /** Index of the sentence the token belongs to. */
  sentence: number;
  /**
   * The text lower-cased with curly apostrophes straightened, which the fact stages compare words by (realis.ts
   * `norm`): set once here, as the stages ask for it many times per token.
   */
  norm?: string;
}

/** Lower-cased token text with curly apostrophes straightened. */
export function normText(text: string): string {
  const lower = text.toLowerCase();
  return /[’‘`]/.test(lower) ? lower.replace(/[’‘`]/g, "'") : lower;
}

export interface Annotation {
  tokens: Token[];
  sentences: Sentence[];
}

const ABBREV_TAIL =
  /\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sen|Rep|St|Univ|Fig|No|Jr|Sr|Inc|Corp|Co|Ltd|vs|U\.S|U\.N|U\.K|E\.U)\.$/;

/** Character spans of non-empty lines: the blocks sentences never cross. */
export function lineSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && /\s/.test(text[start] ?? "")) start++;
    while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** Longest block handed to wink at once; longer lines are cut at a space so memory stays bounded. */
const MAX_BLOCK = 20_000;
/**
 * Longest run without white space handed to wink as one piece. wink's tokenizer takes time quadratic in a token's
 * length (a 20,000-character run costs seconds), and no word, number or address is this long: longer runs are
 * cut into pieces of this size, each its own block.
 */
export const MAX_RUN = 256;

const isSpace = (code: number) => code === 32 || code === 9 || code === 160 || (code >= 0x2000 && code <= 0x200b);

/** A line's blocks: cut at a space past MAX_BLOCK characters, and around runs without white space past MAX_RUN. */
function lineBlocks(text: string, line: { start: number; end: number }, out: { start: number; end: number }[]) {
  let from = line.start;
  const emit = (start: number, end: number) => {
    let s = start;
    while (s < end && isSpace(text.charCodeAt(s))) s++;
    let e = end;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    while (e - s > MAX_BLOCK) {
      let cut = text.lastIndexOf(" ", s + MAX_BLOCK);
      if (cut <= s) cut = s + MAX_BLOCK;
      out.push({ start: s, end: cut });
      s = cut;
      while (s < e && isSpace(text.charCodeAt(s))) s++;
    }
    if (e > s) out.push({ start: s, end: e });
  };
  let runStart = -1;
  for (let i = line.start; i <= line.end; i++) {
    if (i < line.end && !isSpace(text.charCodeAt(i))) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0 && i - runStart > MAX_RUN) {
      emit(from, runStart);
      for (let s = runStart; s < i; s += MAX_RUN) out.push({ start: s, end: Math.min(i, s + MAX_RUN) });
      from = i;
    }
    runStart = -1;
  }
  emit(from, line.end);
}

function blocks(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const line of lineSpans(text)) lineBlocks(text, line, out);
  return out;
}

/** Where a token wink read starts: at the cursor past white space, or close after it when wink changed its text. */
function tokenStart(slice: string, v: string, cursor: number): number {
  let at = cursor;
  while (at < slice.length && isSpace(slice.charCodeAt(at))) at++;
  if (slice.startsWith(v, at)) return at;
  const found = slice.indexOf(v, cursor);
  // A token wink normalised is not in the text: keep the position rather than search the whole block for it.
  return found >= 0 && found - cursor <= MAX_RUN ? found : at;
}

export function annotate(text: string): Annotation {
  const nlp = wink();
  const its = nlp.its;
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  for (const block of blocks(text)) {
    const slice = text.slice(block.start, block.end);
    const doc = nlp.readDoc(slice);
    const values = doc.tokens().out(its.value) as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    const starts: number[] = [];
    const ends: number[] = [];
    let cursor = 0;
    for (const v of values) {
      const at = tokenStart(slice, v, cursor);
      starts.push(at);
      ends.push(Math.min(slice.length, at + v.length));
      cursor = at + v.length;
    }
    const spans = doc.sentences().out(its.span) as unknown as [number, number][];
    let pending: { first: number; last: number } | undefined;
    const flush = () => {
      if (!pending) return;
      const index = sentences.length;
      const start = block.start + (starts[pending.first] ?? 0);
      const end = block.start + (ends[pending.last] ?? slice.length);
      sentences.push({ index, start, end, text: text.slice(start, end) });
      for (let t = pending.first; t <= pending.last; t++) {
        const value = values[t] ?? "";
        tokens.push({
          start: block.start + (starts[t] ?? 0),
          end: block.start + (ends[t] ?? 0),
          text: value,
          pos: pos[t] ?? "X",
          sentence: index,
          norm: normText(value),
        });
      }
      pending = undefined;
    };
    for (const [first, last] of spans) {
      if (pending) {
        // wink ends sentences after "Mr." and similar; join them back.
        const prevText = slice.slice(starts[pending.first] ?? 0, ends[pending.last] ?? 0);
        if (ABBREV_TAIL.test(prevText)) {
          pending.last = last;
          continue;
        }
        flush();
      }
      pending = { first, last };
    }
    flush();
  }
  return { tokens, sentences };
}

/** Sentences only (the store keeps them for every document). */
export function splitSentences(text: string): Sentence[] {
  return annotate(text).sentences;
}
