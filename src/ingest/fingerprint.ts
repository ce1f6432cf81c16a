// Content identity: an exact hash of the normalised text, and a MinHash signature of word shingles
// whose LSH bands find near-copies (syndicated articles with other furniture and small edits).
import { createHash } from "node:crypto";

const PERMUTATIONS = 64;
const BAND_ROWS = 4;
const SHINGLE = 3;
/** Estimated Jaccard similarity of shingle sets above which two documents are near-copies. */
export const NEAR_DUPLICATE_THRESHOLD = 0.6;

function normalise(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function contentHash(text: string): string {
  return createHash("sha256").update(normalise(text)).digest("hex");
}

/** 32-bit FNV-1a. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Fixed, seeded permutation parameters so signatures are comparable across runs.
const PARAMS: [number, number][] = (() => {
  let x = 0x9e3779b9;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  return Array.from({ length: PERMUTATIONS }, () => [next() | 1, next()] as [number, number]);
})();

export function minhash(text: string): number[] {
  const words = normalise(text).split(" ").filter(Boolean);
  const sig = new Array<number>(PERMUTATIONS).fill(0xffffffff);
  const n = Math.max(1, words.length - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    const h = fnv1a(words.slice(i, i + SHINGLE).join(" "));
    for (let p = 0; p < PERMUTATIONS; p++) {
      const [a, b] = PARAMS[p] as [number, number];
      const v = (Math.imul(a, h) + b) >>> 0;
      if (v < (sig[p] as number)) sig[p] = v;
    }
  }
  return sig;
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
