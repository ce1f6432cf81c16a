// The baseline: the same article files through wink-nlp alone (readDoc, token values, POS, sentences), in its own
// process. Usage: node --import tsx bench/wink-child.ts <job.json>; writes the result JSON to job.out.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import { wordCount } from "./corpus.js";

export interface WinkJob {
  dirs: string[];
  out: string;
}

export interface WinkChildResult {
  docs: number;
  words: number;
  tokens: number;
  sentences: number;
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
}

function main(): void {
  const job = JSON.parse(readFileSync(process.argv[2] as string, "utf8")) as WinkJob;
  const texts: string[] = [];
  for (const dir of job.dirs) {
    for (const f of readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .sort())
      texts.push(readFileSync(join(dir, f), "utf8"));
  }
  const words = texts.reduce((n, t) => n + wordCount(t), 0);
  const nlp = winkNLP(model);
  const its = nlp.its;
  let tokens = 0;
  let sentences = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const text of texts) {
    const doc = nlp.readDoc(text);
    const values = doc.tokens().out() as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    const spans = doc.sentences().out(its.span) as unknown as [number, number][];
    tokens += Math.min(values.length, pos.length);
    sentences += spans.length;
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const result: WinkChildResult = {
    docs: texts.length,
    words,
    tokens,
    sentences,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMb: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10,
  };
  writeFileSync(job.out, JSON.stringify(result));
}

main();
