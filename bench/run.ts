// The benchmark: `npm run bench` (1k, 10k, 100k documents) or `npm run bench -- --quick` (1k, under a minute).
// Everything is measured side by side in one run, so ratios hold on a shared, noisy machine:
// - end-to-end ingest (runIngest into a fresh SQLite store), one child process per corpus size (peak RSS per run);
// - wink-nlp alone (readDoc + tokens + POS + sentences) over the same files, in a child process;
// - per-stage cost from the stage timer (src/util/stage-timer.ts);
// - query latency (search, dossier, graph) on the stores the ingest runs built;
// - the CPU part of ingest in 1 and 2 worker threads;
// - large and hostile single documents (bench/large-docs.ts: 1, 2, 4 MB documents, 1 MB lines without a space).
// Results: a Markdown table (printed, and bench/results/<timestamp>.md) and JSON (<timestamp>.json, latest.json).
// Options: --quick, --sizes 1000,10000, --seed N, --queries N (per kind and store), --query-budget SECONDS (per kind
// and store: a query kind stops early when its calls have taken this long), --scaling-docs N, --reuse (skip the
// ingest runs: take the stores and results the last run left in bench/.data), --reuse-sizes 100000 (the same for
// these sizes only), --large / --skip-large (the large-document cases: on by default, off with --quick).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Worker } from "node:worker_threads";
import { moduleWorker } from "../src/util/module-worker.js";
import {
  type CorpusManifest,
  type CorpusNames,
  DEFAULT_SEED,
  ensureCorpus,
  loadNames,
  Rng,
  SHARD_SIZE,
} from "./corpus.js";
import type { WorkerOut } from "./cpu-worker.js";
import type { IngestChildResult, IngestJob } from "./ingest-child.js";
import { type LargeCase, largeDocumentsMarkdown, runLargeDocuments } from "./large-docs.js";
import { openQueries } from "./queries.js";
import type { WinkChildResult, WinkJob } from "./wink-child.js";

const BENCH = fileURLToPath(new URL(".", import.meta.url));
const DATA = join(BENCH, ".data");
const RESULTS = join(BENCH, "results");

const TARGETS = {
  ratioToWink: 0.3,
  wordsPerSecPerCore: 60_000,
  peakRssMb100k: 1024,
  rssGrowth: 1.2,
  dossierP95: 20,
  searchP95: 50,
  twoCoreSpeedup: 1.7,
};

const started = performance.now();
const log = (s: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${s}`);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

// ---- options ------------------------------------------------------------------------------------------

const { values: opts } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    sizes: { type: "string" },
    seed: { type: "string" },
    queries: { type: "string" },
    "scaling-docs": { type: "string" },
    "query-budget": { type: "string" },
    reuse: { type: "boolean", default: false },
    "reuse-sizes": { type: "string" },
    large: { type: "boolean" },
    "skip-large": { type: "boolean", default: false },
  },
  allowPositionals: false,
});
const quick = opts.quick === true;
const sizes = (opts.sizes ?? (quick ? "1000" : "1000,10000,100000"))
  .split(",")
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0)
  .map((n) => Math.max(SHARD_SIZE, Math.round(n / SHARD_SIZE) * SHARD_SIZE))
  .sort((a, b) => a - b);
const seed = Number(opts.seed ?? DEFAULT_SEED);
const queriesPerKind = Number(opts.queries ?? (quick ? 60 : 300));
const queryBudgetMs = Number(opts["query-budget"] ?? (quick ? 4 : 45)) * 1000;
const reuseSizes = new Set((opts["reuse-sizes"] ?? "").split(",").map((s) => Number(s.trim())));
const reuseAll = opts.reuse === true;
const reused = (docs: number) => reuseAll || reuseSizes.has(docs);
const runLarge = opts["skip-large"] !== true && (opts.large ?? !quick);
const scalingDocs = Number(opts["scaling-docs"] ?? (quick ? 120 : 2000));
if (sizes.length === 0) throw new Error("--sizes names no corpus size");

// ---- child processes -----------------------------------------------------------------------------------

function runChild(script: string, job: object, env: Record<string, string> = {}): Promise<void> {
  const jobPath = join(DATA, `job-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(jobPath, JSON.stringify(job));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(BENCH, script), jobPath], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, ...env },
    });
    child.on("error", reject);
    child.on("close", (code) => {
      rmSync(jobPath, { force: true });
      if (code === 0) resolve();
      else reject(new Error(`${script} exited with ${code}`));
    });
  });
}

function shardsFor(manifest: CorpusManifest, docs: number) {
  return manifest.shards.slice(0, Math.ceil(docs / SHARD_SIZE));
}

interface IngestRun extends IngestChildResult {
  docs: number;
  words: number;
  db: string;
}

async function ingestRun(manifest: CorpusManifest, docs: number): Promise<IngestRun> {
  const shards = shardsFor(manifest, docs);
  const db = join(DATA, "stores", `ingest-${docs}.db`);
  mkdirSync(join(DATA, "stores"), { recursive: true });
  const out = join(DATA, `ingest-${docs}.json`);
  const words = shards.reduce((n, s) => n + s.words, 0);
  if (reused(docs)) {
    if (!existsSync(out) || !existsSync(db)) throw new Error(`--reuse: no earlier ${docs}-document run in ${DATA}`);
    const r = JSON.parse(readFileSync(out, "utf8")) as IngestChildResult & { words?: number };
    return { ...r, docs, words: r.words ?? words, db };
  }
  rmSync(out, { force: true });
  const job: IngestJob = {
    db,
    inputs: shards.map((s) => s.dir),
    out,
    sampleEvery: Math.max(100, Math.round(docs / 20)),
  };
  await runChild("ingest-child.ts", job, { HEARTLAND_STAGE_TIMES: "1" });
  const r = JSON.parse(readFileSync(out, "utf8")) as IngestChildResult;
  // Keep the corpus's word count with the result, so --reuse measures against the same words.
  writeFileSync(out, JSON.stringify({ ...r, words }));
  return { ...r, docs, words, db };
}

async function winkRun(manifest: CorpusManifest, docs: number): Promise<WinkChildResult> {
  const out = join(DATA, `wink-${docs}.json`);
  if (reuseAll && existsSync(out)) return JSON.parse(readFileSync(out, "utf8")) as WinkChildResult;
  rmSync(out, { force: true });
  const job: WinkJob = { dirs: shardsFor(manifest, docs).map((s) => s.dir), out };
  await runChild("wink-child.ts", job);
  return JSON.parse(readFileSync(out, "utf8")) as WinkChildResult;
}

// ---- query latency ---------------------------------------------------------------------------------------

interface Latency {
  n: number;
  /** The time budget ran out before every planned query ran. */
  truncated: boolean;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number) : 0;

function latency(ms: number[], truncated: boolean): Latency | null {
  if (ms.length === 0) return null;
  const s = [...ms].sort((a, b) => a - b);
  return {
    n: s.length,
    truncated,
    p50: round(percentile(s, 50), 2),
    p95: round(percentile(s, 95), 2),
    p99: round(percentile(s, 99), 2),
    max: round(s[s.length - 1] as number, 2),
    mean: round(s.reduce((a, b) => a + b, 0) / s.length, 2),
  };
}

/** What a user types into search: names from the corpus, topic words, phrases, prefixes, alternatives. */
function searchTerms(names: CorpusNames): string[] {
  const terms = [
    "troops",
    "gas pipeline",
    '"foreign minister"',
    "sanction*",
    "protesters OR demonstrators",
    "trade record",
    "inflation central bank",
    "railway",
    "border",
    "investment",
    '"joint military exercises"',
    "uranium",
    "water sharing",
    "negotiated settlement",
  ];
  for (const c of names.focus.slice(0, 12)) terms.push(c.name, `${c.demonym} president`);
  for (const p of names.people.slice(0, 12)) terms.push(p.name);
  for (const o of names.orgs.slice(0, 6)) terms.push(o.acronym ?? o.name);
  return terms;
}

interface QueryResult {
  docs: number;
  source: string;
  entities: number;
  search: Latency | null;
  dossier: Latency | null;
  graph: Latency | null;
}

async function queryRun(run: IngestRun, names: CorpusNames): Promise<QueryResult> {
  const api = await openQueries(run.db);
  const r = new Rng(seed ^ run.docs);
  const pick = (max: number) => Math.floor(r.next() * max);
  const terms = searchTerms(names);
  const ids = api.sampleEntities(queriesPerKind, pick);
  const time = (fn: () => number): number => {
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  };
  // Warm the page cache and statements with a few calls, then time calls until all ran or the budget is spent.
  const measure = (xs: (() => number)[]) => {
    const warmUntil = performance.now() + queryBudgetMs / 10;
    for (const f of xs.slice(0, 5)) if (time(f) + performance.now() > warmUntil) break;
    const ms: number[] = [];
    const t0 = performance.now();
    for (const f of xs) {
      ms.push(time(f));
      if (performance.now() - t0 > queryBudgetMs && ms.length >= 5) break;
    }
    return latency(ms, ms.length < xs.length);
  };
  const searches = Array.from({ length: queriesPerKind }, () => {
    const q = terms[pick(terms.length)] as string;
    return () => api.search(q);
  });
  const result: QueryResult = {
    docs: run.docs,
    source: api.source,
    entities: run.store.entities,
    search: measure(searches),
    dossier: ids.length ? measure(ids.map((id) => () => api.dossier(id))) : null,
    graph: ids.length ? measure(ids.map((id) => () => api.graph(id))) : null,
  };
  api.close();
  return result;
}

// ---- scaling across worker threads -------------------------------------------------------------------------

interface ScalingRun {
  workers: number;
  docs: number;
  words: number;
  wallMs: number;
  wordsPerSec: number;
}

function readItems(manifest: CorpusManifest, from: number, count: number): { items: Uint8Array[]; words: number } {
  const items: Uint8Array[] = [];
  let words = 0;
  for (let i = from; i < from + count; i++) {
    const shard = manifest.shards[Math.floor(i / SHARD_SIZE)];
    if (!shard) break;
    const file = join(shard.dir, `article-${String(i).padStart(6, "0")}.txt`);
    const bytes = readFileSync(file);
    items.push(bytes);
    words += bytes.toString("utf8").match(/\S+/g)?.length ?? 0;
  }
  return { items, words };
}

function startWorker(): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const w = moduleWorker(new URL("./cpu-worker.ts", import.meta.url));
    w.once("message", (m: WorkerOut) => (m.kind === "ready" ? resolve(w) : reject(new Error(`worker said ${m.kind}`))));
    w.once("error", reject);
  });
}

const reply = (w: Worker, kind: WorkerOut["kind"]) =>
  new Promise<WorkerOut>((resolve, reject) => {
    const on = (m: WorkerOut) => {
      if (m.kind !== kind) return;
      w.off("message", on);
      resolve(m);
    };
    w.on("message", on);
    w.once("error", reject);
  });

async function scalingRun(n: number, items: Uint8Array[], warm: Uint8Array[], words: number): Promise<ScalingRun> {
  const workers = await Promise.all(Array.from({ length: n }, startWorker));
  try {
    await Promise.all(
      workers.map((w) => {
        const done = reply(w, "warmed");
        w.postMessage({ kind: "warm", items: warm });
        return done;
      }),
    );
    await Promise.all(
      workers.map((w, k) => {
        const done = reply(w, "loaded");
        w.postMessage({ kind: "load", items: items.filter((_, i) => i % n === k) });
        return done;
      }),
    );
    const t0 = performance.now();
    await Promise.all(
      workers.map((w) => {
        const done = reply(w, "done");
        w.postMessage({ kind: "go" });
        return done;
      }),
    );
    const wallMs = performance.now() - t0;
    return {
      workers: n,
      docs: items.length,
      words,
      wallMs: round(wallMs),
      wordsPerSec: Math.round(words / (wallMs / 1000)),
    };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

// ---- report --------------------------------------------------------------------------------------------------

const TOP_STAGES = ["decode", "clean", "nlp", "fingerprint", "quality", "dedup", "extract", "sections", "store"];
const STAGE_LABELS: Record<string, string> = {
  decode: "decode (bytes → text)",
  clean: "clean (furniture, metadata, posts)",
  nlp: "NLP annotate (wink tokens, POS, sentences)",
  fingerprint: "fingerprint (hash, MinHash)",
  quality: "quality (damage check)",
  dedup: "dedup lookups (store reads)",
  extract: "extract (all fact stages)",
  sections: "sections (annotate + extract of documents over 256K characters)",
  store: "store (saveDocument)",
  other: "other (plan, read files, loop, GC)",
};

function stageShares(run: IngestRun): Record<string, { ms: number; share: number }> {
  const out: Record<string, { ms: number; share: number }> = {};
  let accounted = 0;
  const names = [
    ...TOP_STAGES,
    ...Object.keys(run.stages)
      .filter((k) => !TOP_STAGES.includes(k))
      .sort(),
  ];
  for (const k of names) {
    const s = run.stages[k];
    if (!s) continue;
    if (!k.includes(".")) accounted += s.ms;
    out[k] = { ms: Math.round(s.ms), share: round(s.ms / run.wallMs, 3) };
  }
  out.other = { ms: Math.round(run.wallMs - accounted), share: round((run.wallMs - accounted) / run.wallMs, 3) };
  return out;
}

const fmt = (n: number | null | undefined, d = 0) =>
  n == null ? "—" : n.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const pct = (x: number | undefined) => (x == null ? "—" : `${(x * 100).toFixed(1)} %`);
const pass = (ok: boolean | null) => (ok == null ? "n/a" : ok ? "pass" : "FAIL");
const sizeLabel = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

async function main(): Promise<void> {
  mkdirSync(DATA, { recursive: true });
  mkdirSync(RESULTS, { recursive: true });
  const names = loadNames();
  const warmDocs = quick ? 20 : 60;
  const maxDocs = Math.max(...sizes, scalingDocs + warmDocs);
  log(`corpus: ${maxDocs} articles, seed ${seed}, names from ${names.from}`);
  const corpus = ensureCorpus(join(DATA, "corpus"), maxDocs, seed, names, log);
  const manifest = corpus.manifest;
  log(`corpus ready (${corpus.generatedShards} shards generated in ${round(corpus.generatedMs / 1000)} s)`);

  const notes: string[] = [];
  const ingest: IngestRun[] = [];
  for (const size of sizes) {
    log(`ingest ${size} documents (child process)…`);
    try {
      const r = await ingestRun(manifest, size);
      ingest.push(r);
      log(
        `  ${size}: ${round(r.wallMs / 1000)} s, ${Math.round(r.words / (r.cpuMs / 1000))} words/CPU-s, peak RSS ${r.maxRssMb} MB`,
      );
      if (r.failed) notes.push(`ingest ${size}: ${r.failed} inputs failed, e.g. ${r.failures[0] ?? "?"}`);
    } catch (err) {
      notes.push(`ingest ${size} failed: ${(err as Error).message}`);
      log(`  ${size} FAILED: ${(err as Error).message}`);
    }
  }
  if (ingest.length === 0) throw new Error("no ingest run finished");
  const reusedSizes = sizes.filter(reused);
  if (reusedSizes.length) {
    notes.push(
      `Reused from an earlier run (bench/.data/ingest-*.json and stores): the ingest figures for ${reusedSizes.map(sizeLabel).join(", ")}` +
        `${reuseAll ? " and the wink baseline" : ""}; queries and scaling were measured in this run.`,
    );
  }
  // The headline throughput: the largest run up to 10k (stable, and not yet dominated by store growth).
  const ref = [...ingest].reverse().find((r) => r.docs <= 10_000) ?? (ingest[0] as IngestRun);

  log(`wink-nlp baseline over the same ${ref.docs} files…`);
  const winkResult = await winkRun(manifest, ref.docs);

  const queries: QueryResult[] = [];
  for (const run of ingest) {
    log(`query latency on the ${run.docs}-document store…`);
    queries.push(await queryRun(run, names));
  }

  log(`scaling: CPU part of ingest over ${scalingDocs} documents in 1 and 2 worker threads…`);
  const { items, words: scalingWords } = readItems(manifest, 0, scalingDocs);
  const { items: warm } = readItems(manifest, scalingDocs, warmDocs);
  const loadBefore = loadavg()[0] as number;
  const rounds = quick ? 1 : 2;
  const scaling: ScalingRun[] = [];
  for (let k = 0; k < rounds; k++) {
    for (const n of [1, 2]) scaling.push(await scalingRun(n, items, warm, scalingWords));
  }
  const best = (n: number) => Math.min(...scaling.filter((s) => s.workers === n).map((s) => s.wallMs));
  const twoCoreSpeedup = round(best(1) / best(2), 2);
  const loadAfter = loadavg()[0] as number;

  let large: LargeCase[] = [];
  if (runLarge) {
    log("large and hostile documents (child process each)…");
    large = await runLargeDocuments(DATA, log);
  }

  // ---- numbers ----
  const cores = availableParallelism();
  const perCore = Math.round(ref.words / (ref.cpuMs / 1000));
  const winkPerSec = Math.round(winkResult.words / (winkResult.cpuMs / 1000));
  const ratio = round(perCore / winkPerSec, 3);
  const bySize = (n: number) => ingest.find((r) => r.docs === n);
  const rss10k = bySize(10_000)?.maxRssMb ?? null;
  const rss100k = bySize(100_000)?.maxRssMb ?? null;
  const largestQuery = queries[queries.length - 1];
  const extractStages = Object.keys(ref.stages).filter((k) => k.startsWith("extract."));
  if (extractStages.length === 0) {
    notes.push(
      ref.store.entities === 0
        ? "No fact stages ran (the extractor returned no entities or facts): extract cost is ~0 and the dossier and graph queries had no entities to query."
        : "The extractor reports no per-stage timings (wrap its stages in timeStage('extract.<name>', ...) to see them).",
    );
  }
  if (largestQuery?.source === "direct-sql") {
    notes.push("Query latency measured with direct SQL (bench/queries.ts): src/store/sqlite-read.ts was not usable.");
  }
  notes.push(
    `Shared ${cores}-core machine: other processes run alongside, so figures are noisy; throughput is per CPU-second of the process (user + system), which contention disturbs less than wall time.`,
  );

  const json = {
    date: new Date().toISOString(),
    quick,
    reused_ingest_sizes: reusedSizes,
    node: process.version,
    cores,
    cpu_model: cpus()[0]?.model ?? "unknown",
    total_mem_gb: round(totalmem() / 1024 ** 3),
    seed,
    pipeline_words_per_sec_per_core: perCore,
    pipeline_words_per_wall_sec: Math.round(ref.words / (ref.wallMs / 1000)),
    pipeline_docs_per_sec: round(ref.items / (ref.wallMs / 1000)),
    pipeline_reference_docs: ref.docs,
    wink_words_per_sec: winkPerSec,
    wink_words_per_wall_sec: Math.round(winkResult.words / (winkResult.wallMs / 1000)),
    ratio_to_wink: ratio,
    peak_rss_mb_1k: bySize(1000)?.maxRssMb ?? null,
    peak_rss_mb_10k: rss10k,
    peak_rss_mb_100k: rss100k,
    rss_growth_100k_vs_10k: rss10k && rss100k ? round(rss100k / rss10k, 2) : null,
    query_store_docs: largestQuery?.docs ?? null,
    search_p50_ms: largestQuery?.search?.p50 ?? null,
    search_p95_ms: largestQuery?.search?.p95 ?? null,
    dossier_p50_ms: largestQuery?.dossier?.p50 ?? null,
    dossier_p95_ms: largestQuery?.dossier?.p95 ?? null,
    graph_p95_ms: largestQuery?.graph?.p95 ?? null,
    two_core_speedup: twoCoreSpeedup,
    cpu_part_words_per_sec_1_thread: Math.round(scalingWords / (best(1) / 1000)),
    targets: {
      ratio_to_wink: { target: `>= ${TARGETS.ratioToWink}`, pass: ratio >= TARGETS.ratioToWink },
      pipeline_words_per_sec_per_core: {
        target: `>= ${TARGETS.wordsPerSecPerCore}`,
        pass: perCore >= TARGETS.wordsPerSecPerCore,
      },
      peak_rss_mb_100k: {
        target: `< ${TARGETS.peakRssMb100k} and <= ${TARGETS.rssGrowth} x 10k`,
        pass: rss100k && rss10k ? rss100k < TARGETS.peakRssMb100k && rss100k <= TARGETS.rssGrowth * rss10k : null,
      },
      dossier_p95_ms: {
        target: `<= ${TARGETS.dossierP95} on 100k`,
        pass:
          largestQuery?.docs === 100_000 && largestQuery.dossier
            ? largestQuery.dossier.p95 <= TARGETS.dossierP95
            : null,
      },
      search_p95_ms: {
        target: `<= ${TARGETS.searchP95} on 100k`,
        pass:
          largestQuery?.docs === 100_000 && largestQuery.search ? largestQuery.search.p95 <= TARGETS.searchP95 : null,
      },
      two_core_speedup: { target: `>= ${TARGETS.twoCoreSpeedup}`, pass: twoCoreSpeedup >= TARGETS.twoCoreSpeedup },
    },
    corpus: {
      generator_names: names.from,
      names_hash: names.hash,
      words_per_doc: round(manifest.shards[0] ? manifest.shards[0].words / manifest.shards[0].docs : 0),
      bytes_per_doc: Math.round(manifest.shards[0] ? manifest.shards[0].bytes / manifest.shards[0].docs : 0),
      near_copies_per_1k: manifest.shards[0]?.copies ?? 0,
      generated_ms: Math.round(corpus.generatedMs),
    },
    ingest: ingest.map((r) => ({
      docs: r.docs,
      words: r.words,
      items: r.items,
      stored: r.stored,
      existing: r.existing,
      failed: r.failed,
      wall_s: round(r.wallMs / 1000, 2),
      cpu_s: round(r.cpuMs / 1000, 2),
      docs_per_sec: round(r.items / (r.wallMs / 1000)),
      words_per_wall_sec: Math.round(r.words / (r.wallMs / 1000)),
      words_per_cpu_sec: Math.round(r.words / (r.cpuMs / 1000)),
      model_load_ms: Math.round(r.modelLoadMs),
      startup_rss_mb: r.startupRssMb,
      peak_rss_mb: r.maxRssMb,
      memory_samples: r.samples,
      store: r.store,
      stages: stageShares(r),
    })),
    wink: { ...winkResult, words_per_cpu_sec: winkPerSec },
    queries,
    scaling: {
      runs: scaling,
      best_1_ms: best(1),
      best_2_ms: best(2),
      two_core_speedup: twoCoreSpeedup,
      load_average_before: round(loadBefore, 2),
      load_average_after: round(loadAfter, 2),
    },
    large_documents: large,
    elapsed_s: round((performance.now() - started) / 1000),
    notes,
  };

  // ---- markdown ----
  const md: string[] = [];
  md.push(`# Heartland benchmark, ${json.date.slice(0, 16).replace("T", " ")} UTC${quick ? " (quick)" : ""}`, "");
  md.push(
    `${cores} cores (${json.cpu_model}), ${json.total_mem_gb} GB, Node ${json.node}. Corpus: seed ${seed}, ` +
      `${json.corpus.words_per_doc} words per article, ${json.corpus.near_copies_per_1k} near-copies per 1,000; names from ${names.from}.`,
    "",
  );
  md.push("| metric | value | target | |", "|---|---:|---|---|");
  const t = json.targets;
  md.push(
    `| pipeline words/s per core (${sizeLabel(ref.docs)} run) | ${fmt(perCore)} | ${t.pipeline_words_per_sec_per_core.target} | ${pass(t.pipeline_words_per_sec_per_core.pass)} |`,
  );
  md.push(`| wink-nlp words/s (readDoc + tokens + POS + sentences) | ${fmt(winkPerSec)} | | |`);
  md.push(
    `| ratio pipeline / wink | ${ratio.toFixed(3)} | ${t.ratio_to_wink.target} | ${pass(t.ratio_to_wink.pass)} |`,
  );
  md.push(`| pipeline documents/s (wall) | ${fmt(json.pipeline_docs_per_sec, 1)} | | |`);
  md.push(`| peak RSS 10k (MB) | ${fmt(rss10k)} | | |`);
  md.push(`| peak RSS 100k (MB) | ${fmt(rss100k)} | ${t.peak_rss_mb_100k.target} | ${pass(t.peak_rss_mb_100k.pass)} |`);
  md.push(
    `| search p95 (ms, ${sizeLabel(largestQuery?.docs ?? 0)} store) | ${fmt(json.search_p95_ms, 2)} | ${t.search_p95_ms.target} | ${pass(t.search_p95_ms.pass)} |`,
  );
  md.push(
    `| dossier p95 (ms, ${sizeLabel(largestQuery?.docs ?? 0)} store) | ${fmt(json.dossier_p95_ms, 2)} | ${t.dossier_p95_ms.target} | ${pass(t.dossier_p95_ms.pass)} |`,
  );
  md.push(
    `| two-core speedup (CPU part, worker threads) | ${twoCoreSpeedup.toFixed(2)} | ${t.two_core_speedup.target} | ${pass(t.two_core_speedup.pass)} |`,
  );
  md.push("", "## Ingest (runIngest into a fresh SQLite store, one child process per size)", "");
  md.push(
    "| docs | words | wall s | docs/s | words/s wall | words/CPU-s | peak RSS MB | store MB | stored | near-copies | band pairs | entities | mentions | facts |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const r of json.ingest) {
    const facts = r.store.relations + r.store.events + r.store.quotes + r.store.quantities;
    md.push(
      `| ${fmt(r.docs)} | ${fmt(r.words)} | ${fmt(r.wall_s, 1)} | ${fmt(r.docs_per_sec, 1)} | ${fmt(r.words_per_wall_sec)} | ${fmt(r.words_per_cpu_sec)} | ${fmt(r.peak_rss_mb)} | ${fmt(r.store.bytes / 1024 ** 2)} | ${fmt(r.stored)} | ${fmt(r.store.duplicates)} | ${fmt(r.store.bandPairs)} | ${fmt(r.store.entities)} | ${fmt(r.store.mentions)} | ${fmt(facts)} |`,
    );
  }
  md.push("", "## Stage cost (share of ingest wall time)", "");
  md.push(`| stage | ${json.ingest.map((r) => sizeLabel(r.docs)).join(" | ")} |`);
  md.push(`|---|${json.ingest.map(() => "---:").join("|")}|`);
  const stageNames = [...new Set(json.ingest.flatMap((r) => Object.keys(r.stages)))].sort((a, b) => {
    const order = (k: string) => {
      const top = k.split(".")[0] as string;
      const i = top === "other" ? 99 : TOP_STAGES.indexOf(top);
      return (i < 0 ? 50 : i) * 2 + (k.includes(".") ? 1 : 0);
    };
    return order(a) - order(b) || a.localeCompare(b);
  });
  for (const k of stageNames) {
    const label = STAGE_LABELS[k] ?? (k.includes(".") ? `  ↳ ${k}` : k);
    md.push(`| ${label} | ${json.ingest.map((r) => pct(r.stages[k]?.share)).join(" | ")} |`);
  }
  md.push("", `## Query latency (ms; ${largestQuery?.source ?? "?"}, API default parameters)`, "");
  md.push("| store | query | n | p50 | p95 | p99 | max |", "|---:|---|---:|---:|---:|---:|---:|");
  for (const q of queries) {
    for (const kind of ["search", "dossier", "graph"] as const) {
      const l = q[kind];
      md.push(
        `| ${sizeLabel(q.docs)} | ${kind} | ${l?.n ?? 0}${l?.truncated ? " (budget)" : ""} | ${fmt(l?.p50, 2)} | ${fmt(l?.p95, 2)} | ${fmt(l?.p99, 2)} | ${fmt(l?.max, 2)} |`,
      );
    }
  }
  md.push("", "## Scaling (decode, clean, annotate, fingerprint, extract; no store)", "");
  md.push(
    `1-minute load average ${round(loadBefore, 2)} before, ${round(loadAfter, 2)} after, on ${cores} cores: above ~1, other processes took CPU from the two-thread run.`,
    "",
  );
  md.push("| worker threads | docs | wall s | words/s | vs best 1-thread |", "|---:|---:|---:|---:|---:|");
  for (const s of scaling) {
    md.push(
      `| ${s.workers} | ${fmt(s.docs)} | ${fmt(s.wallMs / 1000, 2)} | ${fmt(s.wordsPerSec)} | ${(best(1) / s.wallMs).toFixed(2)} |`,
    );
  }
  const largest = json.ingest[json.ingest.length - 1];
  if (largest) {
    md.push("", `## Memory during the ${sizeLabel(largest.docs)} ingest (MB)`, "");
    md.push("| items | RSS | heap used | external |", "|---:|---:|---:|---:|");
    for (const s of largest.memory_samples) {
      md.push(`| ${fmt(s.items)} | ${fmt(s.rssMb)} | ${fmt(s.heapUsedMb)} | ${fmt(s.externalMb)} |`);
    }
  }
  if (large.length) md.push("", ...largeDocumentsMarkdown(large));
  md.push("", "## Notes", "", ...notes.map((n) => `- ${n}`), "");
  md.push(
    `wink-nlp: ${fmt(winkResult.docs)} files, ${fmt(winkResult.words)} words, ${fmt(winkResult.cpuMs / 1000, 2)} CPU-s.`,
  );
  md.push(`Total benchmark time ${json.elapsed_s} s.`, "");

  const text = md.join("\n");
  console.log(`\n${text}`);
  const stamp = json.date.replace(/[:.]/g, "-");
  writeFileSync(join(RESULTS, `${stamp}.md`), text);
  writeFileSync(join(RESULTS, `${stamp}.json`), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(join(RESULTS, "latest.json"), `${JSON.stringify(json, null, 2)}\n`);
  log(`written bench/results/${stamp}.md, .json and latest.json`);
  // Stores are kept in bench/.data/stores for inspection; the next run replaces them.
  for (const f of readdirSync(DATA)) if (f.startsWith("job-")) rmSync(join(DATA, f), { force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
