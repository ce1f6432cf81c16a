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

function blocks(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const line of lineSpans(text)) {
    let s = line.start;
    while (line.end - s > MAX_BLOCK) {
      let cut = text.lastIndexOf(" ", s + MAX_BLOCK);
      if (cut <= s) cut = s + MAX_BLOCK;
      out.push({ start: s, end: cut });
      s = cut;
      while (s < line.end && text[s] === " ") s++;
    }
    if (line.end > s) out.push({ start: s, end: line.end });
  }
  return out;
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
      let at = slice.startsWith(v, cursor) ? cursor : slice.indexOf(v, cursor);
      if (at < 0) at = cursor; // wink normalised the token; keep the position we are at
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
        tokens.push({
          start: block.start + (starts[t] ?? 0),
          end: block.start + (ends[t] ?? 0),
          text: values[t] ?? "",
          pos: pos[t] ?? "X",
          sentence: index,
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
