// Content fingerprints: the MinHash signature must not change, or stored signatures stop matching new ones.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { DEMO_CORPUS } from "../src/cli/demo.js";
import { bands, contentHash, minhash } from "../src/ingest/fingerprint.js";

/** The signature as first defined: FNV-1a of each joined word 3-shingle, 64 seeded (a·h + b) mod 2³² minima. */
function referenceMinhash(text: string): number[] {
  const words = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  const fnv = (s: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
  };
  let x = 0x9e3779b9;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  const params = Array.from({ length: 64 }, () => [next() | 1, next()] as [number, number]);
  const sig = new Array<number>(64).fill(0xffffffff);
  for (let i = 0; i < Math.max(1, words.length - 2); i++) {
    const h = fnv(words.slice(i, i + 3).join(" "));
    params.forEach(([a, b], p) => {
      const v = (Math.imul(a, h) + b) >>> 0;
      if (v < (sig[p] as number)) sig[p] = v;
    });
  }
  return sig;
}

test("minhash matches the reference signature on the demo corpus and edge cases", () => {
  const texts = readdirSync(DEMO_CORPUS).map((f) => readFileSync(join(DEMO_CORPUS, f), "utf8"));
  texts.push("", "one", "two words", "  “Quoted” — text… with   gaps ", "Ünïcödé 𝒜𝓁𝓅𝒽𝒶 text ﬁ ligature 2024");
  for (const t of texts) {
    assert.deepEqual(minhash(t), referenceMinhash(t));
    assert.equal(bands(minhash(t)).length, 16);
  }
  assert.equal(contentHash("A  text"), contentHash("a text"));
});
