// Dossier read time on a large store: SqliteReader.dossier over the top-100 entities by mentions and 100 random
// others (fixed seed), after one warm-up pass. Run: node --import tsx bench/dossier-hubs.ts --db FILE [--rounds N]
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { SqliteReader } from "../src/store/sqlite-read.js";

const { values } = parseArgs({ options: { db: { type: "string" }, rounds: { type: "string", default: "3" } } });
if (!values.db) throw new Error("--db FILE is required");
const reader = new SqliteReader(values.db);
const top = reader.entities({ limit: 100, offset: 0 }).items.map((e) => e.id);
const all = reader.entities({ limit: 1_000_000, offset: 0 }).items.map((e) => e.id);
let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const random = Array.from({ length: 100 }, () => all[Math.floor(rand() * all.length)] as number);
const ids = [...top, ...random];
let bytes = 0;
for (const id of ids) bytes = Math.max(bytes, JSON.stringify(reader.dossier(id)).length); // warm-up
const ms: number[] = [];
for (let r = 0; r < Number(values.rounds); r++) {
  for (const id of ids) {
    const t = performance.now();
    reader.dossier(id);
    ms.push(performance.now() - t);
  }
}
const s = ms.sort((a, b) => a - b);
const at = (q: number) => (s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0).toFixed(1);
console.log(
  `${s.length} dossiers: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms; largest JSON ${bytes} bytes`,
);
