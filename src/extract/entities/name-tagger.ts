// A compact statistical name typer: an averaged perceptron over the capitalised tokens of a document, trained by
// `npm run train:ner` (scripts/train-ner.ts) on openly licensed newswire and encyclopaedic text, its weights shipped
// in data/ner/name-tagger.json. It scores each capitalised token PER, ORG, LOC, MISC or O from the word, its
// shape and affixes, its neighbours, parts of speech, the run of capitalised words it stands in (first word, head
// word, length), and knowledge-base word lists. The rules decide where a name is; the tagger types a name no rule
// or knowledge-base entry types ("Google", "Las Vegas", a footballer in a list).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { KnowledgeBase } from "../../kb/knowledge-base.js";
import { isCommonWord } from "../../kb/vocabulary.js";
import type { TokenView } from "./token-view.js";

export const NER_LABELS = ["O", "PER", "ORG", "LOC", "MISC"] as const;
export type NerClass = (typeof NER_LABELS)[number];
const L = NER_LABELS.length;

/** data/ner/ beside the package: the same relative path works from src/ and dist/. */
export const NER_DIR = fileURLToPath(new URL("../../../data/ner/", import.meta.url));
export const WEIGHTS_FILE = `${NER_DIR}name-tagger.json`;

/** The shipped model: a weight per label for each feature string (row `index.get(feature)` of `weights`). */
export interface TaggerModel {
  labels: readonly string[];
  index: Map<string, number>;
  /** One row of NER_LABELS.length weights per feature. */
  weights: Float32Array;
}

/** Word lists the features read from the knowledge base: which entity types a lower-case word appears in. */
export interface KbWords {
  typesOf(word: string): string | undefined;
  isGiven(word: string): boolean;
}

const TYPE_LETTER: Record<string, string> = {
  person: "P",
  organization: "O",
  country: "C",
  location: "L",
  facility: "F",
  initiative: "I",
};

const kbWordsCache = new WeakMap<KnowledgeBase, KbWords>();

/** For each word of a KB name or alias (two letters or more), the types of the entries it names, as letters. */
export function kbWords(kb: KnowledgeBase): KbWords {
  const cached = kbWordsCache.get(kb);
  if (cached) return cached;
  const types = new Map<string, Set<string>>();
  for (const e of kb.entries) {
    const letter = TYPE_LETTER[e.type];
    if (!letter) continue;
    for (const form of [e.name, ...e.aliases]) {
      for (const w of form.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
        if (w.length < 2) continue;
        let set = types.get(w);
        if (!set) {
          set = new Set();
          types.set(w, set);
        }
        set.add(letter);
      }
    }
  }
  const joined = new Map<string, string>();
  for (const [w, set] of types) joined.set(w, [...set].sort().join(""));
  const out: KbWords = { typesOf: (w) => joined.get(w), isGiven: (w) => kb.isGivenName(w) };
  kbWordsCache.set(kb, out);
  return out;
}

/** A word's shape: runs of upper (X), lower (x), digit (d) and other characters, each run written once. */
export function wordShape(text: string): string {
  let out = "";
  let last = "";
  for (const ch of text) {
    let c: string;
    if (/\p{Lu}/u.test(ch)) c = "X";
    else if (/\p{Ll}/u.test(ch)) c = "x";
    else if (/\p{N}/u.test(ch)) c = "d";
    else c = ch;
    if (c !== last) out += c;
    last = c;
    if (out.length >= 6) break;
  }
  return out;
}

/** Words that may join capitalised words into one run: "Bank of America", "Ministry for Foreign Affairs". */
const RUN_JOINERS = new Set(["of", "for", "and", "the", "de", "del", "la", "van", "von", "-", "&"]);

/** Runs of capitalised words (joined by RUN_JOINERS) as [first, last] per token; -1 outside runs. */
export function capRuns(view: TokenView): { runFirst: Int32Array; runLast: Int32Array } {
  const runFirst = new Int32Array(view.n).fill(-1);
  const runLast = new Int32Array(view.n).fill(-1);
  let i = 0;
  while (i < view.n) {
    if (!view.cap[i] || !view.word[i]) {
      i++;
      continue;
    }
    let last = i;
    let k = i + 1;
    while (k < view.n && view.tokens[k]?.sentence === view.tokens[i]?.sentence) {
      if (view.cap[k] && view.word[k]) {
        last = k;
        k++;
      } else if (RUN_JOINERS.has(view.low[k] as string) && view.cap[k + 1] && view.word[k + 1]) k++;
      else break;
    }
    for (let t = i; t <= last; t++) {
      runFirst[t] = i;
      runLast[t] = last;
    }
    i = last + 1;
  }
  return { runFirst, runLast };
}

/** The features of token i: strings, each naming one fact about the token or its surroundings. */
export function featuresAt(
  view: TokenView,
  i: number,
  runs: { runFirst: Int32Array; runLast: Int32Array },
  words: KbWords,
): string[] {
  const tok = view.tokens;
  const low = view.low;
  const w = low[i] as string;
  const text = tok[i]?.text ?? "";
  const sameSentence = (k: number) => k >= 0 && k < view.n && tok[k]?.sentence === tok[i]?.sentence;
  const lowAt = (k: number) => (sameSentence(k) ? (low[k] as string) : k < i ? "<s>" : "</s>");
  const shapeAt = (k: number) => (sameSentence(k) ? wordShape(tok[k]?.text ?? "") : "-");
  const f: string[] = [
    "b",
    `w=${w}`,
    `s=${wordShape(text)}`,
    `p3=${w.slice(0, 3)}`,
    `x3=${w.slice(-3)}`,
    `x2=${w.slice(-2)}`,
    `pos=${tok[i]?.pos}`,
    `w-1=${lowAt(i - 1)}`,
    `w+1=${lowAt(i + 1)}`,
    `w-2=${lowAt(i - 2)}`,
    `w+2=${lowAt(i + 2)}`,
    `s-1=${shapeAt(i - 1)}`,
    `s+1=${shapeAt(i + 1)}`,
    `pos-1=${sameSentence(i - 1) ? tok[i - 1]?.pos : "-"}`,
    `pos+1=${sameSentence(i + 1) ? tok[i + 1]?.pos : "-"}`,
    `w-1w+1=${lowAt(i - 1)}|${lowAt(i + 1)}`,
  ];
  if (view.initial[i]) f.push("init");
  if (view.titleCase[i]) f.push("titlecase");
  if (isCommonWord(w)) f.push("common");
  if (words.isGiven(w)) f.push("given");
  const kbt = words.typesOf(w);
  if (kbt) f.push(`kb=${kbt}`);
  const first = runs.runFirst[i] ?? -1;
  const last = runs.runLast[i] ?? -1;
  if (first >= 0) {
    const len = Math.min(last - first + 1, 5);
    const place = first === last ? "S" : i === first ? "B" : i === last ? "E" : "I";
    f.push(
      `run=${len}${place}`,
      `head=${low[last]}`,
      `hx3=${(low[last] as string).slice(-3)}`,
      `lead=${low[first]}`,
      `r-1=${lowAt(first - 1)}`,
      `r+1=${lowAt(last + 1)}`,
      `r-1r+1=${lowAt(first - 1)}|${lowAt(last + 1)}`,
      `r-2r-1=${lowAt(first - 2)}|${lowAt(first - 1)}`,
    );
    if (i > first) f.push(`prevw=${low[i - 1]}`);
    if (i < last) f.push(`nextw=${low[i + 1]}`);
    const headKb = words.typesOf(low[last] as string);
    if (headKb) f.push(`hkb=${headKb}`);
    if (words.isGiven(low[first] as string)) f.push("rgiven");
  }
  return f;
}

/** Scores of the labels for one token (NER_LABELS order), added into `into`. */
export function scoreFeatures(model: TaggerModel, features: readonly string[], into: Float64Array): void {
  const w = model.weights;
  for (const f of features) {
    const row = model.index.get(f);
    if (row === undefined) continue;
    for (let l = 0, at = row * L; l < L; l++, at++) into[l] = (into[l] as number) + (w[at] as number);
  }
}

/** The shipped weights file as written by scripts/train-ner.ts. */
export interface WeightsFile {
  labels: string[];
  /** Weights are scaled by `scale` and rounded to integers to keep the file small. */
  scale: number;
  /** The feature strings, sorted. */
  features: string[];
  /** NER_LABELS.length weights per feature, in the order of `features`, one flat list (fast to parse). */
  weights: number[];
  [meta: string]: unknown;
}

export function modelFromFile(file: WeightsFile): TaggerModel {
  if (file.labels.join() !== NER_LABELS.join()) throw new Error(`name tagger: labels ${file.labels} are not ours`);
  if (file.weights.length !== file.features.length * L) throw new Error("name tagger: weights do not match features");
  const index = new Map<string, number>();
  for (let i = 0; i < file.features.length; i++) index.set(file.features[i] as string, i);
  const weights = Float32Array.from(file.weights, (x) => x / file.scale);
  return { labels: file.labels, index, weights };
}

let shipped: TaggerModel | null | undefined;

/** The shipped model, read once; null when the weights file is absent (the rules then work alone). */
export function nameTagger(): TaggerModel | null {
  if (shipped === undefined) {
    shipped = existsSync(WEIGHTS_FILE)
      ? modelFromFile(JSON.parse(readFileSync(WEIGHTS_FILE, "utf8")) as WeightsFile)
      : null;
  }
  return shipped;
}

/** Per-document typer: scores of the tokens of a span, computed on demand and kept per token. */
export class SpanTyper {
  /** The document's capitalised runs, found when the first token is scored: most documents ask about none. */
  private runs: { runFirst: Int32Array; runLast: Int32Array } | undefined;
  private readonly cache = new Map<number, Float64Array>();

  constructor(
    private readonly view: TokenView,
    private readonly model: TaggerModel,
    private readonly words: KbWords,
  ) {}

  tokenScores(i: number): Float64Array {
    let s = this.cache.get(i);
    if (!s) {
      s = new Float64Array(L);
      this.runs ??= capRuns(this.view);
      scoreFeatures(this.model, featuresAt(this.view, i, this.runs, this.words), s);
      this.cache.set(i, s);
    }
    return s;
  }

  /** The label the capitalised tokens of first..last vote for, with its lead over the runner-up (per token). */
  typeSpan(first: number, last: number): { label: NerClass; margin: number } {
    const sum = new Float64Array(L);
    let n = 0;
    for (let k = first; k <= last; k++) {
      if (!this.view.cap[k] || !this.view.word[k]) continue;
      const s = this.tokenScores(k);
      for (let l = 0; l < L; l++) sum[l] = (sum[l] as number) + (s[l] as number);
      n++;
    }
    if (n === 0) return { label: "O", margin: 0 };
    let best = 0;
    for (let l = 1; l < L; l++) if ((sum[l] as number) > (sum[best] as number)) best = l;
    let second = best === 0 ? 1 : 0;
    for (let l = 0; l < L; l++) if (l !== best && (sum[l] as number) > (sum[second] as number)) second = l;
    return { label: NER_LABELS[best] as NerClass, margin: ((sum[best] as number) - (sum[second] as number)) / n };
  }
}
