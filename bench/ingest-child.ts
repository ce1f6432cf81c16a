// One end-to-end ingest run, in its own process so peak memory is this run's alone.
// Usage: node --import tsx bench/ingest-child.ts <job.json> ; writes the result JSON to job.out.
// The job names a fresh database path and the corpus folders; the run goes through runIngest (the CLI's path:
// planInputs, read, decode, clean, annotate, fingerprint, dedup, extract, store), with stage timing on.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, runIngest } from "../src/ingest/run.js";
import { wink } from "../src/nlp/wink.js";
import { SqliteStore } from "../src/store/sqlite.js";
import { enableStageTimes, stageTimes } from "../src/util/stage-timer.js";

export interface IngestJob {
  db: string;
  inputs: string[];
  out: string;
  /** Record memory every this many items. */
  sampleEvery: number;
  /** Worker threads for annotation and extraction (runIngest's `workers`); 0 or absent: all in one thread. */
  workers?: number;
}

export interface MemorySample {
  items: number;
  rssMb: number;
  heapUsedMb: number;
  externalMb: number;
}

export interface IngestChildResult {
  items: number;
  stored: number;
  existing: number;
  failed: number;
  failures: string[];
  wallMs: number;
  cpuMs: number;
  modelLoadMs: number;
  startupRssMb: number;
  maxRssMb: number;
  samples: MemorySample[];
  stages: Record<string, { ms: number; calls: number }>;
  store: {
    documents: number;
    duplicates: number;
    sentences: number;
    entities: number;
    mentions: number;
    relations: number;
    events: number;
    quotes: number;
    quantities: number;
    bytes: number;
    /** Pairs of documents sharing a MinHash band: the near-copy candidates the dedup step had to compare. */
    bandPairs: number;
  };
}

const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

async function main(): Promise<void> {
  const job = JSON.parse(readFileSync(process.argv[2] as string, "utf8")) as IngestJob;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${job.db}${suffix}`, { force: true });
  const startupRssMb = mb(process.memoryUsage().rss);
  const m0 = performance.now();
  wink(); // the model loads once per process; keep it out of the throughput figure
  const modelLoadMs = performance.now() - m0;
  enableStageTimes(true);

  const store = new SqliteStore(job.db);
  const samples: MemorySample[] = [];
  const failures: string[] = [];
  let items = 0;
  let stored = 0;
  let existing = 0;
  const sample = () => {
    const m = process.memoryUsage();
    samples.push({ items, rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), externalMb: mb(m.external) });
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const report = await runIngest(store, job.inputs, {
    timeoutMs: DEFAULT_TIMEOUT_MS,
    maxBytes: DEFAULT_MAX_BYTES,
    readStdin: async () => new Uint8Array(),
    workers: job.workers ?? 0,
    refs: false,
    onItem: (_input, outcome) => {
      items++;
      stored += outcome.stored.length;
      existing += outcome.existing.length;
      if (failures.length < 5) for (const f of outcome.failed) failures.push(`${f.input}: ${f.reason}`);
      if (items % job.sampleEvery === 0) sample();
    },
  });
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  sample();
  const maxRssMb = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;

  const db = store.db;
  const one = (sql: string) => Number(db.prepare(sql).pluck().get() ?? 0);
  const storeStats = {
    documents: one("SELECT count(*) FROM documents"),
    duplicates: one("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"),
    sentences: one("SELECT count(*) FROM sentences"),
    entities: one("SELECT count(*) FROM entities"),
    mentions: one("SELECT count(*) FROM mentions"),
    relations: one("SELECT count(*) FROM relations"),
    events: one("SELECT count(*) FROM events"),
    quotes: one("SELECT count(*) FROM quotes"),
    quantities: one("SELECT count(*) FROM quantities"),
    bytes: 0,
    bandPairs: one(
      "SELECT coalesce(sum(n * (n - 1) / 2), 0) FROM (SELECT count(*) AS n FROM signature_bands GROUP BY band)",
    ),
  };
  await store.close();
  for (const suffix of ["", "-wal"]) {
    if (existsSync(`${job.db}${suffix}`)) storeStats.bytes += statSync(`${job.db}${suffix}`).size;
  }

  const result: IngestChildResult = {
    items,
    stored,
    existing,
    failed: report.failed.length,
    failures,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    modelLoadMs,
    startupRssMb,
    maxRssMb,
    samples,
    stages: stageTimes(),
    store: storeStats,
  };
  writeFileSync(job.out, JSON.stringify(result));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
