// Entity recognition and linking speed on one core: annotate (wink) + recognise + link, in words per second.
// Texts: the demo corpus (corpus/demo, txt and md) and synthetic news articles (bench/corpus.ts), each measured
// alone. Run: node --import tsx bench/entities.ts [--articles N] [--rounds N]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { extractEntities } from "../src/extract/entities/index.js";
import { knowledgeBase } from "../src/kb/knowledge-base.js";
import { annotate } from "../src/nlp/annotate.js";
import { DEFAULT_SEED, generateArticles, loadNames, wordCount } from "./corpus.js";

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : dflt;
};
const ARTICLES = opt("--articles", 300);
const ROUNDS = opt("--rounds", 5);

function demoTexts(): string[] {
  const dir = fileURLToPath(new URL("../corpus/demo/", import.meta.url));
  return readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8"));
}

interface Timing {
  words: number;
  annotateMs: number;
  entitiesMs: number;
  mentions: number;
}

function measure(texts: readonly string[]): Timing {
  const t: Timing = { words: 0, annotateMs: 0, entitiesMs: 0, mentions: 0 };
  for (const text of texts) {
    const a0 = performance.now();
    const annotation = annotate(text);
    const a1 = performance.now();
    const r = extractEntities({ text, published: "2024-06-01" }, annotation);
    const a2 = performance.now();
    t.words += wordCount(text);
    t.annotateMs += a1 - a0;
    t.entitiesMs += a2 - a1;
    t.mentions += r.mentions.length;
  }
  return t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const rate = (words: number, ms: number) => Math.round(words / (ms / 1000));

function report(label: string, texts: readonly string[]): void {
  measure(texts.slice(0, 3)); // warm-up
  const runs = Array.from({ length: ROUNDS }, () => measure(texts));
  const first = runs[0] as Timing;
  const ann = median(runs.map((r) => r.annotateMs));
  const ent = median(runs.map((r) => r.entitiesMs));
  console.log(
    `${label}: ${texts.length} texts, ${first.words} words, ${first.mentions} mentions\n` +
      `  annotate            ${rate(first.words, ann).toLocaleString("en")} words/s (${ann.toFixed(0)} ms)\n` +
      `  recognise + link    ${rate(first.words, ent).toLocaleString("en")} words/s (${ent.toFixed(0)} ms)\n` +
      `  annotate + entities ${rate(first.words, ann + ent).toLocaleString("en")} words/s`,
  );
}

const k0 = performance.now();
const kb = knowledgeBase();
console.log(
  `knowledge base: ${kb.entries.length} entries, ${kb.aliases.size} forms, ${(performance.now() - k0).toFixed(0)} ms`,
);
const demo = demoTexts();
report("demo corpus (x10)", Array.from({ length: 10 }, () => demo).flat());
const names = loadNames();
report(
  "synthetic news",
  [...generateArticles(ARTICLES, DEFAULT_SEED, names)].map((a) => a.text),
);
console.log(`heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
