// Content identity: an exact hash of the normalised text, and a MinHash signature of word shingles
// whose LSH bands find near-copies (syndicated articles with other furniture and small edits).
import { createHash } from "node:crypto";

const PERMUTATIONS = 64;
const BAND_ROWS = 4;
const SHINGLE = 3;
/** Estimated Jaccard similarity of shingle sets above which two documents are near-copies. */
export const NEAR_DUPLICATE_THRESHOLD = 0.6;

function normaliseUncached(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

// contentHash and minhash read the same text one after the other: normalise it once.
let lastText: string | undefined;
let lastNormal = "";
function normalise(text: string): string {
  if (text !== lastText) {
    lastNormal = normaliseUncached(text);
    lastText = text;
  }
  return lastNormal;
}

export function contentHash(text: string): string {
  return createHash("sha256").update(normalise(text)).digest("hex");
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

// Fixed, seeded permutation parameters so signatures are comparable across runs.
const MUL = new Int32Array(PERMUTATIONS);
const ADD = new Uint32Array(PERMUTATIONS);
(() => {
  let x = 0x9e3779b9;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  for (let p = 0; p < PERMUTATIONS; p++) {
    MUL[p] = next() | 1;
    ADD[p] = next();
  }
})();

/**
 * MinHash of the text's word 3-shingles: per permutation, the least (a·h + b) mod 2³² over the 32-bit FNV-1a hashes h
 * of the shingles (the words joined by single spaces). The hash runs over the normalised text in place, without
 * building the shingle strings; a shingle seen before in the text is skipped, as it cannot lower any minimum.
 */
export function minhash(text: string): number[] {
  const norm = normalise(text);
  // Word boundaries: normalise leaves words separated by single spaces, without leading or trailing space.
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < norm.length; ) {
    const j = norm.indexOf(" ", i);
    const end = j < 0 ? norm.length : j;
    if (end > i) {
      starts.push(i);
      ends.push(end);
    }
    i = end + 1;
  }
  const sig = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  const words = starts.length;
  const n = Math.max(1, words - SHINGLE + 1);
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    let h = FNV_OFFSET;
    const last = Math.min(i + SHINGLE, words);
    for (let w = i; w < last; w++) {
      if (w > i) {
        h ^= 32; // the joining space
        h = Math.imul(h, FNV_PRIME);
      }
      for (let k = starts[w] as number, e = ends[w] as number; k < e; k++) {
        h ^= norm.charCodeAt(k);
        h = Math.imul(h, FNV_PRIME);
      }
    }
    h >>>= 0;
    if (seen.has(h)) continue;
    seen.add(h);
    for (let p = 0; p < PERMUTATIONS; p++) {
      const v = (Math.imul(MUL[p] as number, h) + (ADD[p] as number)) >>> 0;
      if (v < (sig[p] as number)) sig[p] = v;
    }
  }
  return Array.from(sig);
}

export function similarity(a: number[], b: number[]): number {
  let same = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return n ? same / n : 0;
}

/** LSH band keys: documents sharing any band are candidates for a near-copy check. */
export function bands(sig: number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < sig.length; i += BAND_ROWS) out.push(`${i / BAND_ROWS}:${sig.slice(i, i + BAND_ROWS).join(".")}`);
  return out;
}
