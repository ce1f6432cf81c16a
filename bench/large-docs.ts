// Large and hostile single documents through the whole ingest (runIngest into a fresh SQLite store, one child
// process per case, so peak memory is the case's own): 1, 2 and 4 MB documents, and 1 MB lines without a space
// made of each unit in LINE_UNITS. One document must never hold ingest for long: the budget is 10 s for the 4 MB
// document on this 2-core machine, and well under a second for a 200 KB line.
// Standalone: `npm run bench:large` (writes bench/results/large-<timestamp>.md and .json); `npm run bench` runs it too.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { autoWorkers } from "../src/ingest/cpu-pool.js";
import { LINE_UNITS, longDocument, longLine } from "./hostile.js";
import type { IngestChildResult, IngestJob } from "./ingest-child.js";

/** Worker threads for the large cases: LARGE_WORKERS (a number, or "auto" for one per core), else none. */
function largeWorkers(): number {
  const w = process.env.LARGE_WORKERS;
  return w === "auto" ? autoWorkers() : Number(w ?? 0);
}

const BENCH = fileURLToPath(new URL(".", import.meta.url));
const MB = 1024 * 1024;

export const LARGE_BUDGETS = { document4MbS: 10, line200KbS: 1 };

export interface LargeCase {
  name: string;
  bytes: number;
  wall_s: number;
  cpu_s: number;
  peak_rss_mb: number;
  stored: number;
  failed: number;
  mentions: number;
  facts: number;
  /** Wall seconds per stage, largest first. */
  stages: Record<string, number>;
}

function child(job: IngestJob, dir: string): Promise<IngestChildResult> {
  const jobPath = join(dir, `job-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(jobPath, JSON.stringify(job));
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ["--import", "tsx", join(BENCH, "ingest-child.ts"), jobPath], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, HEARTLAND_STAGE_TIMES: "1" },
    });
    p.on("error", reject);
    p.on("close", (code) => {
      rmSync(jobPath, { force: true });
      if (code !== 0) return reject(new Error(`ingest-child exited with ${code}`));
      resolve(JSON.parse(readFileSync(job.out, "utf8")) as IngestChildResult);
    });
  });
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/** Runs every case; `log` reports progress. */
export async function runLargeDocuments(dataDir: string, log: (s: string) => void): Promise<LargeCase[]> {
  const dir = join(dataDir, "large");
  mkdirSync(dir, { recursive: true });
  const cases: { name: string; text: string; ext: string }[] = [
    ...[1, 2, 4].map((n) => ({ name: `document ${n} MB`, text: longDocument(n * MB), ext: "txt" })),
    { name: "line 200 KB of 'a'", text: longLine(200 * 1024, "a"), ext: "txt" },
    ...LINE_UNITS.map((u) => ({ name: `line 1 MB of ${JSON.stringify(u)}`, text: longLine(MB, u), ext: "txt" })),
    { name: "line 1 MB of '<a' as HTML", text: longLine(MB, "<a"), ext: "html" },
  ];
  const out: LargeCase[] = [];
  for (const [i, c] of cases.entries()) {
    const file = join(dir, `case-${i}.${c.ext}`);
    writeFileSync(file, c.text);
    const db = join(dir, `case-${i}.db`);
    // As the command line runs it by default (one thread); LARGE_WORKERS=auto or a number reads a long document's
    // sections in worker threads instead.
    const job = { db, inputs: [file], out: join(dir, `case-${i}.json`), sampleEvery: 1, workers: largeWorkers() };
    const r = await child(job, dir);
    const stages = Object.fromEntries(
      Object.entries(r.stages)
        .filter(([k]) => !k.includes("."))
        .sort((a, b) => b[1].ms - a[1].ms)
        .map(([k, v]) => [k, round(v.ms / 1000)]),
    );
    const s = r.store;
    const row: LargeCase = {
      name: c.name,
      bytes: Buffer.byteLength(c.text, "utf8"),
      wall_s: round(r.wallMs / 1000),
      cpu_s: round(r.cpuMs / 1000),
      peak_rss_mb: r.maxRssMb,
      stored: r.stored,
      failed: r.failed,
      mentions: s.mentions,
      facts: s.relations + s.events + s.quotes + s.quantities,
      stages,
    };
    out.push(row);
    log(`  ${c.name}: ${row.wall_s} s, peak RSS ${row.peak_rss_mb} MB, ${row.facts} facts`);
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${db}${suffix}`, { force: true });
    rmSync(file, { force: true });
  }
  return out;
}

/** The Markdown section for these cases. */
export function largeDocumentsMarkdown(cases: LargeCase[]): string[] {
  const md = [
    `## Large and hostile documents (one child process each; budgets: 4 MB document under ${LARGE_BUDGETS.document4MbS} s, 200 KB line under ${LARGE_BUDGETS.line200KbS} s)`,
    "",
    "| case | bytes | wall s | CPU s | peak RSS MB | stored | mentions | facts | costliest stages (s) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---|",
  ];
  for (const c of cases) {
    const top = Object.entries(c.stages)
      .slice(0, 4)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    md.push(
      `| ${c.name} | ${c.bytes.toLocaleString("en")} | ${c.wall_s} | ${c.cpu_s} | ${c.peak_rss_mb} | ${c.stored} | ${c.mentions} | ${c.facts} | ${top} |`,
    );
  }
  const doc4 = cases.find((c) => c.name === "document 4 MB");
  const line = cases.find((c) => c.name.startsWith("line 200 KB"));
  md.push(
    "",
    `4 MB document: ${doc4?.wall_s ?? "?"} s (${doc4 && doc4.wall_s < LARGE_BUDGETS.document4MbS ? "pass" : "FAIL"}); ` +
      `200 KB line: ${line?.wall_s ?? "?"} s (${line && line.wall_s < LARGE_BUDGETS.line200KbS ? "pass" : "FAIL"}).`,
    "",
  );
  return md;
}

async function standalone(): Promise<void> {
  const data = join(BENCH, ".data");
  const results = join(BENCH, "results");
  mkdirSync(results, { recursive: true });
  const started = Date.now();
  const log = (s: string) => console.log(`[bench:large ${((Date.now() - started) / 1000).toFixed(1)}s] ${s}`);
  log("large and hostile documents…");
  const cases = await runLargeDocuments(data, log);
  const date = new Date().toISOString();
  const text = [
    `# Heartland large-document benchmark, ${date.slice(0, 16).replace("T", " ")} UTC`,
    "",
    ...largeDocumentsMarkdown(cases),
  ].join("\n");
  console.log(`\n${text}`);
  const stamp = date.replace(/[:.]/g, "-");
  writeFileSync(join(results, `large-${stamp}.md`), text);
  writeFileSync(
    join(results, `large-${stamp}.json`),
    `${JSON.stringify({ date, node: process.version, cases }, null, 2)}\n`,
  );
  log(`written bench/results/large-${stamp}.md and .json`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  standalone().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
