// Entity page latency: GET /api/entities/:id (the dossier) over a real HTTP server on the demo store.
// Run: node --import tsx bench/dossier.ts [--db FILE] [--rounds N] [--json]
// Without --db it builds the demo store from corpus/demo/ in a temporary folder first. The target is p95 < 200 ms.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { startApiServer } from "../src/api/server.js";
import { DEMO_CORPUS } from "../src/cli/demo.js";
import { runIngest } from "../src/ingest/run.js";
import { openStore } from "../src/store/open.js";
import { SqliteReader } from "../src/store/sqlite-read.js";

interface Summary {
  samples: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

function summarise(ms: number[]): Summary {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    samples: s.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    max: round(s.at(-1) ?? 0),
    mean: round(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)),
  };
}

async function buildDemoStore(dir: string): Promise<string> {
  const db = join(dir, "demo.db");
  const store = await openStore(db);
  try {
    const report = await runIngest(store, [DEMO_CORPUS], { maxBytes: 20 * 1024 * 1024, timeoutMs: 15_000 });
    if (report.failed.length) console.error(`demo ingest: ${report.failed.length} input(s) failed`);
  } finally {
    await store.close();
  }
  return db;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { db: { type: "string" }, rounds: { type: "string", default: "20" }, json: { type: "boolean" } },
  });
  const rounds = Math.max(1, Number(values.rounds) || 20);
  const dir = mkdtempSync(join(tmpdir(), "heartland-bench-"));
  try {
    const db = values.db ?? (await buildDemoStore(dir));
    const reader = new SqliteReader(db);
    const overview = reader.overview();
    const ids = reader.entities({ limit: 100_000, offset: 0 }).items.map((e) => e.id);
    const server = await startApiServer({ db, port: 0 });
    try {
      if (!ids.length) {
        const msg = `no entities in ${db} yet (${overview.documents} documents): nothing to measure`;
        console.log(values.json ? JSON.stringify({ db, entities: 0, note: msg }) : msg);
        return;
      }
      const http: number[] = [];
      const query: number[] = [];
      for (const id of ids) await (await fetch(`${server.url}api/entities/${id}`)).arrayBuffer(); // warm-up
      for (let r = 0; r < rounds; r++) {
        for (const id of ids) {
          let t = performance.now();
          const res = await fetch(`${server.url}api/entities/${id}`);
          await res.arrayBuffer();
          http.push(performance.now() - t);
          if (res.status !== 200) throw new Error(`GET /api/entities/${id}: ${res.status}`);
          t = performance.now();
          reader.dossier(id);
          query.push(performance.now() - t);
        }
      }
      const facts = overview.relations + overview.events + overview.quotes + overview.quantities;
      const result = {
        db,
        documents: overview.documents,
        entities: ids.length,
        facts,
        rounds,
        http: summarise(http),
        query: summarise(query),
      };
      if (values.json) console.log(JSON.stringify(result));
      else {
        console.log(`dossier latency on ${db}`);
        console.log(`  ${result.documents} documents, ${result.entities} entities, ${facts} facts; ${rounds} rounds`);
        for (const [name, s] of [
          ["GET /api/entities/:id", result.http],
          ["reader.dossier() only", result.query],
        ] as const) {
          console.log(
            `  ${name.padEnd(24)} p50 ${s.p50} ms  p95 ${s.p95} ms  max ${s.max} ms  mean ${s.mean} ms  (${s.samples} samples)`,
          );
        }
        console.log(`  target: entity page under 200 ms -> ${result.http.p95 < 200 ? "met" : "NOT met"} at p95`);
      }
    } finally {
      await server.close();
      reader.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
