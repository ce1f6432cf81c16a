// `npm run train:ner`: trains the name typer (src/extract/entities/name-tagger.ts) and writes its weights to
// data/ner/name-tagger.json. Reproducible from openly licensed data in ../shared/data (read here only; the product
// never reads ../shared):
//  - gmb-ner/gmb-ner.tsv: Voice of America news (public domain) with Groningen Meaning Bank name tags (noisy);
//    per -> PER, org -> ORG, geo and gpe -> LOC (a gpe adjective, "Iranian", -> MISC), art/eve/nat -> MISC, tim -> O;
//  - gum/conllu, the genres that are not the check set (bio, voyage, academic, court; news and interview are kept
//    for `npm run eval:gum`): named mentions, person -> PER, organization -> ORG, place -> LOC, any other named
//    mention -> MISC.
// Each sentence is written out as text (one sentence a line), run through Heartland's own annotation and token view,
// and every capitalised word token takes the label of the gold name covering it. An averaged perceptron learns the
// label of each such token from its features; the averaged weights, pruned of the smallest and rounded, ship.
// Usage: npm run train:ner [-- --epochs N] [-- --holdout]  (--holdout trains on 90 % and reports the rest)
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeTokens } from "../src/cli/tag.js";
import {
  capRuns,
  featuresAt,
  kbWords,
  NER_DIR,
  NER_LABELS,
  type NerClass,
  WEIGHTS_FILE,
  type WeightsFile,
} from "../src/extract/entities/name-tagger.js";
import { tokenView } from "../src/extract/entities/token-view.js";
import { knowledgeBase } from "../src/kb/knowledge-base.js";
import { annotate } from "../src/nlp/annotate.js";
import { goldNames, parseConllu } from "./eval-gum.js";

const SHARED = fileURLToPath(new URL("../../shared/data/", import.meta.url));
const GMB = join(SHARED, "gmb-ner", "gmb-ner.tsv");
const GUM = join(SHARED, "gum", "conllu");
const TRAIN_GENRES = ["bio", "voyage", "academic", "court"];

/** A sentence as tokens, each with the label of the name it stands in. */
export interface LabelledSentence {
  tokens: string[];
  labels: NerClass[];
}

const GMB_LABEL: Record<string, NerClass> = { per: "PER", org: "ORG", geo: "LOC", gpe: "LOC", art: "MISC" };
GMB_LABEL.eve = "MISC";
GMB_LABEL.nat = "MISC";

/** GMB's `token<TAB>POS<TAB>tag` lines, a blank line between sentences. */
export function readGmb(text: string): LabelledSentence[] {
  const out: LabelledSentence[] = [];
  let cur: LabelledSentence = { tokens: [], labels: [] };
  for (const line of text.split("\n")) {
    if (!line.trim()) {
      if (cur.tokens.length) out.push(cur);
      cur = { tokens: [], labels: [] };
      continue;
    }
    const [tok, pos, tag] = line.split("\t");
    if (!tok) continue;
    const kind = tag && tag !== "O" ? tag.slice(2) : "";
    let label: NerClass = GMB_LABEL[kind] ?? "O";
    if (kind === "gpe" && pos === "JJ") label = "MISC"; // "Iranian": a nationality, no place
    cur.tokens.push(tok);
    cur.labels.push(label);
  }
  if (cur.tokens.length) out.push(cur);
  return out;
}

/** Sentences written out as text (one a line, as `heartland tag` writes tokens) with each token's span and label. */
export function writeOut(sentences: readonly LabelledSentence[]): {
  text: string;
  spans: { start: number; end: number; label: NerClass }[];
} {
  const { text, spans } = writeTokens(sentences.map((s) => s.tokens));
  return {
    text,
    spans: spans.flatMap((row, r) => row.map((span, i) => ({ ...span, label: sentences[r]?.labels[i] as NerClass }))),
  };
}

/** A text with the character spans of its gold names. */
export interface LabelledText {
  text: string;
  names: { start: number; end: number; label: NerClass }[];
}

/** GMB sentences written out 200 to a text, each labelled token a name span. */
export function gmbTexts(sentences: readonly LabelledSentence[]): LabelledText[] {
  const out: LabelledText[] = [];
  for (let from = 0; from < sentences.length; from += 200) {
    const { text, spans } = writeOut(sentences.slice(from, from + 200));
    out.push({ text, names: spans.filter((s) => s.label !== "O") });
  }
  return out;
}

/** Training examples: the features and gold label of every capitalised word token. */
export function examples(texts: readonly LabelledText[]): { features: string[]; label: number }[] {
  const words = kbWords(knowledgeBase());
  const out: { features: string[]; label: number }[] = [];
  for (const { text, names } of texts) {
    const view = tokenView(text, annotate(text));
    const runs = capRuns(view);
    const sorted = [...names].sort((a, b) => a.start - b.start);
    let si = 0;
    for (let i = 0; i < view.n; i++) {
      if (!view.cap[i] || !view.word[i]) continue;
      const tok = view.tokens[i];
      if (!tok) continue;
      while (si < sorted.length && (sorted[si]?.end ?? 0) <= tok.start) si++;
      const gold = sorted[si];
      const label = gold && gold.start < tok.end ? gold.label : "O";
      out.push({ features: featuresAt(view, i, runs, words), label: NER_LABELS.indexOf(label) });
    }
  }
  return out;
}

/** A seeded generator (mulberry32) so shuffles, and so weights, are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Averaged perceptron: the weights averaged over every update step (the usual lazy-update bookkeeping). */
export function train(
  data: readonly { features: string[]; label: number }[],
  epochs: number,
): Map<string, Float64Array> {
  const L = NER_LABELS.length;
  const w = new Map<string, Float64Array>();
  const total = new Map<string, Float64Array>();
  const stamp = new Map<string, Float64Array>();
  let step = 0;
  const get = (m: Map<string, Float64Array>, f: string) => {
    let v = m.get(f);
    if (!v) {
      v = new Float64Array(L);
      m.set(f, v);
    }
    return v;
  };
  const update = (f: string, l: number, delta: number) => {
    const wv = get(w, f);
    const tv = get(total, f);
    const sv = get(stamp, f);
    tv[l] = (tv[l] as number) + (step - (sv[l] as number)) * (wv[l] as number);
    sv[l] = step;
    wv[l] = (wv[l] as number) + delta;
  };
  const order = data.map((_, i) => i);
  const rand = random(42);
  const scores = new Float64Array(L);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let errors = 0;
    for (const idx of order) {
      const ex = data[idx] as { features: string[]; label: number };
      step++;
      scores.fill(0);
      for (const f of ex.features) {
        const v = w.get(f);
        if (v) for (let l = 0; l < L; l++) scores[l] = (scores[l] as number) + (v[l] as number);
      }
      let guess = 0;
      for (let l = 1; l < L; l++) if ((scores[l] as number) > (scores[guess] as number)) guess = l;
      if (guess !== ex.label) {
        errors++;
        for (const f of ex.features) {
          update(f, ex.label, 1);
          update(f, guess, -1);
        }
      }
    }
    process.stderr.write(`epoch ${e + 1}: ${errors} errors in ${data.length} tokens\n`);
  }
  const averaged = new Map<string, Float64Array>();
  for (const [f, wv] of w) {
    const tv = total.get(f) as Float64Array;
    const sv = stamp.get(f) as Float64Array;
    const avg = new Float64Array(L);
    for (let l = 0; l < L; l++) avg[l] = ((tv[l] as number) + (step - (sv[l] as number)) * (wv[l] as number)) / step;
    averaged.set(f, avg);
  }
  return averaged;
}

/** Token accuracy and per-label precision/recall of a weight map on examples. */
export function evaluate(weights: Map<string, Float64Array>, data: readonly { features: string[]; label: number }[]) {
  const L = NER_LABELS.length;
  const tp = new Array(L).fill(0);
  const guessed = new Array(L).fill(0);
  const gold = new Array(L).fill(0);
  let right = 0;
  const scores = new Float64Array(L);
  for (const ex of data) {
    scores.fill(0);
    for (const f of ex.features) {
      const v = weights.get(f);
      if (v) for (let l = 0; l < L; l++) scores[l] = (scores[l] as number) + (v[l] as number);
    }
    let guess = 0;
    for (let l = 1; l < L; l++) if ((scores[l] as number) > (scores[guess] as number)) guess = l;
    guessed[guess]++;
    gold[ex.label]++;
    if (guess === ex.label) {
      right++;
      tp[guess]++;
    }
  }
  const perLabel = NER_LABELS.map((name, l) => ({
    label: name,
    precision: guessed[l] ? tp[l] / guessed[l] : 0,
    recall: gold[l] ? tp[l] / gold[l] : 0,
  }));
  return { accuracy: data.length ? right / data.length : 0, perLabel };
}

const SCALE = 1000;

/** The weights as the shipped file holds them: rounded integers, features whose weights all round away dropped. */
export function weightsFile(weights: Map<string, Float64Array>, meta: Record<string, unknown>): WeightsFile {
  const features: string[] = [];
  const flat: number[] = [];
  for (const f of [...weights.keys()].sort()) {
    const ws = Array.from(weights.get(f) as Float64Array, (x) => Math.round(x * SCALE));
    if (ws.every((x) => Math.abs(x) < 20)) continue;
    features.push(f);
    flat.push(...ws);
  }
  return { ...meta, labels: [...NER_LABELS], scale: SCALE, features, weights: flat };
}

/** GUM documents of the training genres with their gold names (the conversion `npm run eval:gum` scores with). */
function gumTexts(): LabelledText[] {
  if (!existsSync(GUM)) return [];
  const files = readdirSync(GUM)
    .filter((f) => TRAIN_GENRES.some((g) => f.startsWith(`GUM_${g}_`)))
    .sort();
  const out: LabelledText[] = [];
  for (const f of files) {
    for (const doc of parseConllu(readFileSync(join(GUM, f), "utf8"), f)) {
      out.push({ text: doc.text, names: goldNames(doc).map(({ start, end, label }) => ({ start, end, label })) });
    }
  }
  return out;
}

function main(): number {
  const args = process.argv.slice(2);
  const epochsAt = args.indexOf("--epochs");
  const epochs = epochsAt >= 0 ? Number(args[epochsAt + 1]) : 6;
  if (!existsSync(GMB)) {
    process.stderr.write(
      `train:ner: the training data is missing (${GMB}); ../shared must sit beside the repository\n`,
    );
    return 2;
  }
  const gmb = readGmb(readFileSync(GMB, "utf8"));
  const gum = gumTexts();
  process.stderr.write(`train:ner: ${gmb.length} GMB sentences, ${gum.length} GUM documents (${TRAIN_GENRES})\n`);
  const all = [...gmbTexts(gmb), ...gum];
  if (args.includes("--holdout")) {
    const dev = all.filter((_, i) => i % 10 === 9);
    const rest = all.filter((_, i) => i % 10 !== 9);
    const weights = train(examples(rest), epochs);
    const report = evaluate(weights, examples(dev));
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  const data = examples(all);
  const weights = train(data, epochs);
  const file = weightsFile(weights, {
    description: "Heartland name typer: averaged perceptron weights over capitalised tokens (scripts/train-ner.ts)",
    trained_on: [
      "Groningen Meaning Bank 2.2 NER extract (Bos et al. 2017), Voice of America texts (public domain), ODbL",
      `GUM corpus (Zeldes 2017), genres ${TRAIN_GENRES.join(", ")} (CC BY / CC BY-SA texts, CC BY 4.0 annotations)`,
    ],
    texts: all.length,
    tokens: data.length,
    epochs,
  });
  mkdirSync(NER_DIR, { recursive: true });
  writeFileSync(WEIGHTS_FILE, `${JSON.stringify(file)}\n`);
  process.stderr.write(`train:ner: ${file.features.length} features of ${weights.size} kept; wrote ${WEIGHTS_FILE}\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main();
