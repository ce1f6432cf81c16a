// Event coding measured on text the coder was not written for: the PLOVER gold-standard records
// (openeventdata/PLOVER gold_standard_records, CC BY-SA 4.0), read from ../shared/data at bench time only.
// Each record is one news sentence with its event category, source and target actors. Every sentence goes
// through the real extraction pipeline (annotate → entities → facts) as a one-sentence document; our CAMEO
// root codes are mapped to the record's PLOVER 0.5 categories (table below, from the CAMEO and PLOVER
// codebooks). Reported: category recall (a gold record is found when we code an event of its category in its
// sentence), category precision (our events whose category is one of the sentence's gold categories), the
// same with the source actor also matching, and a confusion list with --misses.
// --split dev|test keeps every other record (dev: 1st, 3rd, ...; test: 2nd, 4th, ...), so rules can be studied on
// one half and reported on the other; the default is all records.
// Run: node --import tsx bench/plover.ts [--split dev|test] [--misses] [--json]
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { extractFacts } from "../src/extract/index.js";
import { annotate } from "../src/nlp/annotate.js";
import type { Document } from "../src/types.js";

const GSR = fileURLToPath(new URL("../../shared/data/events/plover_gsr/PLOVER_GSR_CAMEO.json", import.meta.url));
const argv = process.argv.slice(2);
const args = new Set(argv);
const split = argv.includes("--split") ? argv[argv.indexOf("--split") + 1] : "all";

/** CAMEO root → PLOVER 0.5 categories used by the gold-standard records. 01 (public statement) has none. */
const CATEGORY: Record<string, string[]> = {
  "02": ["DEMAND"],
  "03": ["AGREE"],
  "04": ["CONSULT"],
  "05": ["SUPPORT"],
  "06": ["COOPERATE"],
  "07": ["AID"],
  "08": ["CONCEDE", "RETREAT"],
  "09": ["INVESTIGATE"],
  "10": ["DEMAND"],
  "11": ["DISAPPROVE"],
  "12": ["REJECT"],
  "13": ["THREATEN"],
  "14": ["PROTEST"],
  "15": ["MOBILIZE"],
  "16": ["SANCTION"],
  "17": ["COERCE"],
  "18": ["ASSAULT"],
  "19": ["FIGHT"],
  "20": ["FIGHT", "ASSAULT"],
};

interface GsrActor {
  actorText?: string;
}
interface GsrRecord {
  id: string;
  event: string;
  text?: string;
  date?: string;
  source?: GsrActor[] | string;
  target?: GsrActor[] | string;
}

const actorTexts = (a: GsrActor[] | string | undefined): string[] =>
  Array.isArray(a) ? a.map((x) => (x.actorText ?? "").toLowerCase()).filter(Boolean) : [];

function main(): void {
  if (!existsSync(GSR)) {
    console.error(`bench/plover: ${GSR} is missing (it comes with ../shared); nothing measured`);
    process.exit(2);
  }
  if (split !== "all" && split !== "dev" && split !== "test") {
    console.error(`bench/plover: --split must be dev, test or all, got "${split}"`);
    process.exit(2);
  }
  const records = (JSON.parse(readFileSync(GSR, "utf8")) as GsrRecord[])
    .filter((r) => r.event !== "DOCUMENT" && typeof r.text === "string" && r.text.trim())
    .filter((_, i) => split === "all" || i % 2 === (split === "dev" ? 0 : 1));
  let goldFound = 0;
  let goldFoundWithActor = 0;
  let sysEvents = 0;
  let sysRight = 0;
  let sysRightWithActor = 0;
  const misses: string[] = [];
  const started = performance.now();
  for (const r of records) {
    const text = r.text as string;
    const annotation = annotate(text);
    const doc: Document = {
      id: r.id,
      source: r.id,
      contentType: "text/plain",
      text,
      flags: [],
      duplicateOf: null,
      contentHash: r.id,
      signature: [],
      sentences: annotation.sentences,
      title: null,
      authors: [],
      outlet: null,
      published: r.date ?? null,
    };
    const facts = extractFacts(doc, annotation);
    const names = new Map<string, string[]>();
    for (const m of facts.mentions) names.set(m.key, [...(names.get(m.key) ?? []), m.text.toLowerCase()]);
    for (const e of facts.entities) names.set(e.key, [...(names.get(e.key) ?? []), e.name.toLowerCase()]);
    const gold = actorTexts(r.source);
    // An actor matches when a gold source text and one of the entity's surface forms contain one another.
    const actorMatches = (keys: string[]) =>
      gold.length === 0 ||
      keys.some((k) => (names.get(k) ?? []).some((n) => gold.some((g) => g.includes(n) || n.includes(g))));
    const coded = facts.events.map((e) => ({ cats: CATEGORY[e.type.slice(0, 2)] ?? [], e }));
    const found = coded.filter((c) => c.cats.includes(r.event));
    if (found.length) goldFound++;
    if (found.some((c) => actorMatches(c.e.actors))) goldFoundWithActor++;
    for (const c of coded) {
      if (c.cats.length === 0) continue; // 01 statements have no PLOVER category
      sysEvents++;
      if (c.cats.includes(r.event)) {
        sysRight++;
        if (actorMatches(c.e.actors)) sysRightWithActor++;
      }
    }
    if (!found.length && args.has("--misses")) {
      const got = coded.map((c) => `${c.e.type}${c.cats.length ? `/${c.cats.join("|")}` : ""}`).join(", ") || "nothing";
      misses.push(`${r.id} want ${r.event}, got ${got} :: ${text.slice(0, 140)}`);
    }
  }
  const n = records.length;
  const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : 0);
  const f1 = (p: number, rc: number) => (p + rc ? Math.round(((2 * p * rc) / (p + rc)) * 1000) / 1000 : 0);
  const result = {
    split,
    records: n,
    category_recall: ratio(goldFound, n),
    category_precision: ratio(sysRight, sysEvents),
    category_f1: f1(ratio(sysRight, sysEvents), ratio(goldFound, n)),
    with_actor_recall: ratio(goldFoundWithActor, n),
    with_actor_precision: ratio(sysRightWithActor, sysEvents),
    system_events: sysEvents,
    seconds: Math.round(performance.now() - started) / 1000,
  };
  if (args.has("--json")) console.log(JSON.stringify(result));
  else {
    console.log(`PLOVER gold-standard records (${split}): ${n} sentences (CC BY-SA 4.0, openeventdata/PLOVER)`);
    console.log(
      `category     P ${result.category_precision}  R ${result.category_recall}  F1 ${result.category_f1}  (${sysEvents} coded events)`,
    );
    console.log(`with actor   P ${result.with_actor_precision}  R ${result.with_actor_recall}`);
    for (const m of misses) console.log(m);
  }
}

main();
