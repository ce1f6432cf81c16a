// Builds data/lexicon/cameo-verbs.json: the event-cue lexicon the events stage reads at run time.
//
// Derived from the PETRARCH2 CAMEO verb dictionary (openeventdata/petrarch2 @ 676801cd9cb2,
// data/dictionaries/CAMEO.2.0.txt, MIT licence, Open Event Data Alliance) and the CAMEO code names
// of the ICEWS codebook (andybega/icews @ 3746c729551f, data-raw/cameo-codes.csv, MIT), both copied
// into ../shared/data/cameo (see ../shared/data/SOURCES.md). Hand-written additions and exclusions
// for modern news prose come from data/lexicon/event-cues.json and win over the dictionary.
//
// Usage: node --import tsx scripts/build-event-lexicon.ts [--shared DIR]
// The product never reads ../shared at run time: the generated JSON is committed.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const argShared = process.argv.indexOf("--shared");
const SHARED = argShared >= 0 ? (process.argv[argShared + 1] ?? "") : join(ROOT, "..", "shared");
const VERB_FILE = join(SHARED, "data/cameo/phoenix_dictionaries/CAMEO.2.0.txt");
const CODE_FILE = join(SHARED, "data/cameo/codebook/cameo-codes.utf8.csv");
const HAND_FILE = join(ROOT, "data/lexicon/event-cues.json");
const OUT_FILE = join(ROOT, "data/lexicon/cameo-verbs.json");

interface HandCues {
  verbs: Record<string, string>;
  phrases: Record<string, string>;
  nouns: Record<string, string>;
  patterns: Record<string, Pattern[]>;
  exclude: string[];
  excludePhrases: string[];
  /** Verbs without a code of their own that may still code through their patterns ("sent troops"). */
  patternVerbs: string[];
  /** Reporting verbs whose dictionary patterns are dropped: the reported clause codes itself ("said it would release"). */
  noPatterns?: string[];
}

/** A verb plus the words that must follow it (within a short window) to give a finer code. */
type Pattern = [words: string[], code: string];

function fail(msg: string): never {
  console.error(`build-event-lexicon: ${msg}`);
  process.exit(1);
}

if (!existsSync(VERB_FILE)) fail(`${VERB_FILE} not found (pass --shared DIR)`);
if (!existsSync(HAND_FILE)) fail(`${HAND_FILE} not found`);

const PARTICLES = new Set(
  "to at on in for with by from of into over under against back up down out off away upon as about after before".split(
    " ",
  ),
);
const lower = (w: string) => w.toLowerCase().replace(/_+$/, "").replace(/_/g, " ").trim();

/** "[042:043]" -> "042"; "[---]" or "[:173]" -> null (no code for the source actor). */
function codeOf(bracket: string | undefined): string | null {
  if (!bracket) return null;
  const first = bracket.replace(/[[\]]/g, "").split(":")[0]?.trim() ?? "";
  return /^\d{2,4}$/.test(first) ? first : null;
}

const lines = readFileSync(VERB_FILE, "utf8").split(/\r?\n/);
const synsets = new Map<string, string[]>();
const verbs = new Map<string, string>(); // lemma -> code
const irregular = new Map<string, string>(); // inflected form -> lemma
const phrases = new Map<string, string>(); // multi-word form -> code
const blocks: Pattern[][] = []; // the patterns of one dictionary block, shared by its verbs
const blockOf = new Map<string, number>(); // lemma -> index into blocks

let section: "head" | "syn" | "verbs" = "head";
let currentSet: string | null = null;
let blockCode: string | null = null;
let block: Pattern[] = [];

for (const raw of lines) {
  const line = raw.replace(/\s+#.*$/, "").replace(/^#.*$/, "");
  if (raw.startsWith("####### SYNONYM SETS")) {
    section = "syn";
    continue;
  }
  if (raw.startsWith("####### VERB PATTERNS")) {
    section = "verbs";
    continue;
  }
  if (!line.trim()) continue;
  if (section === "syn") {
    const set = /^&(\S+)/.exec(line);
    if (set?.[1]) {
      currentSet = set[1].replace(/_+$/, "");
      synsets.set(currentSet, []);
    } else if (currentSet && line.startsWith("+")) {
      synsets.get(currentSet)?.push(lower(line.slice(1).trim()));
    }
    continue;
  }
  if (section !== "verbs") continue;
  const header = /^---\s+(\S+)\s+\[([^\]]*)\]\s+---/.exec(line);
  if (header) {
    blockCode = codeOf(header[2]);
    block = [];
    blocks.push(block);
    continue;
  }
  if (line.startsWith("-")) {
    // "- * WORD (PREP WORD) [code]": the verb first, then words that must follow it.
    const m = /^-\s+\*\s+([^[]*)\[([^\]]*)\]/.exec(line);
    const code = codeOf(m?.[2] ? `[${m[2]}]` : undefined);
    if (!m?.[1] || !code) continue;
    const body = m[1].trim();
    if (/[$^%+=]/.test(body) || !body) continue;
    const words: string[] = [];
    let ok = true;
    for (const part of body
      .replace(/[(){}]/g, " ")
      .split(/\s+/)
      .filter(Boolean)) {
      if (part.startsWith("&")) {
        const set = synsets.get(part.slice(1).replace(/_+$/, ""));
        if (!set?.length) {
          ok = false;
          break;
        }
        words.push(`&${part.slice(1).replace(/_+$/, "").toLowerCase()}`);
      } else if (/^[A-Z][A-Z'-]*_?$/.test(part)) words.push(lower(part));
      else {
        ok = false;
        break;
      }
    }
    // Patterns made only of particles ("- * (TO)") are too loose for prose without a parse.
    if (!ok || !words.length || words.every((w) => PARTICLES.has(w))) continue;
    // The first pattern with the same words wins, as in PETRARCH's ordered matching.
    if (!block.some(([w]) => w.join(" ") === words.join(" "))) block.push([words, code]);
    continue;
  }
  // A verb line: "VERB {FORMS} [code]" or "+MULTI_WORD {+FORMS} [code]".
  const vm = /^(\+?)([A-Z][A-Z_'-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?/.exec(line.trim());
  if (!vm?.[2]) continue;
  const own = vm[4] ? codeOf(vm[4]) : undefined;
  const code = own === undefined ? blockCode : own;
  const lemma = lower(vm[2]);
  const forms = (vm[3] ?? "")
    .replace(/[{}]/g, " ")
    .split(/\s+/)
    .filter(Boolean)
    .map((f) => lower(f.replace(/^\+/, "")));
  if (vm[1] === "+") {
    if (code) for (const f of [lemma, ...forms]) if (f.includes(" ")) phrases.set(f, code);
    continue;
  }
  blockOf.set(lemma, blocks.length - 1);
  for (const f of forms) if (f !== lemma) irregular.set(f, lemma);
  if (code) verbs.set(lemma, code);
}

// Code names from the codebook (root and three-digit codes only; enough to label a cue).
const codeNames: Record<string, string> = {};
if (existsSync(CODE_FILE)) {
  for (const row of readFileSync(CODE_FILE, "utf8").split(/\r?\n/).slice(1)) {
    const cells = row.match(/("([^"]*)"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, "").replace(/^"|"$/g, "")) ?? [];
    const name = cells[2];
    const code = cells[3];
    if (name && code && /^\d{2,3}$/.test(code)) codeNames[code] = name;
  }
}

const hand = JSON.parse(readFileSync(HAND_FILE, "utf8")) as HandCues;
for (const w of hand.exclude) verbs.delete(w);
for (const w of hand.noPatterns ?? []) blockOf.delete(w);
for (const p of hand.excludePhrases) phrases.delete(p);
for (const [w, c] of Object.entries(hand.verbs)) verbs.set(w, c);
for (const [w, c] of Object.entries(hand.phrases)) phrases.set(w, c);
// Hand patterns go first, ahead of the verb's dictionary block.
for (const [lemma, list] of Object.entries(hand.patterns)) {
  const old = blockOf.has(lemma) ? (blocks[blockOf.get(lemma) ?? 0] ?? []) : [];
  blocks.push([...list, ...old.filter(([w]) => !list.some(([h]) => h.join(" ") === w.join(" ")))]);
  blockOf.set(lemma, blocks.length - 1);
}
// A verb codes through its patterns only when it also has a code of its own or is listed in patternVerbs:
// the dictionary's patterns for very general verbs ("block", "take", "make") misfire in analysis prose.
const patternVerbs = new Set(hand.patternVerbs);
for (const lemma of [...blockOf.keys()]) if (!verbs.has(lemma) && !patternVerbs.has(lemma)) blockOf.delete(lemma);
// Drop blocks no verb points at, and renumber.
const keep = [...new Set(blockOf.values())].filter((i) => (blocks[i]?.length ?? 0) > 0).sort((a, b) => a - b);
const renumber = new Map(keep.map((old, i) => [old, i]));
const patternBlocks = keep.map((i) => blocks[i] ?? []);
const patternOf = new Map<string, number>();
for (const [lemma, i] of blockOf) {
  const j = renumber.get(i);
  if (j !== undefined) patternOf.set(lemma, j);
}

// Keep only the synonym sets that patterns use.
const usedSets = new Set<string>();
for (const list of patternBlocks)
  for (const [words] of list) for (const w of words) if (w.startsWith("&")) usedSets.add(w.slice(1));
const sets: Record<string, string[]> = {};
for (const s of [...usedSets].sort()) sets[s] = [...new Set(synsets.get(s.toUpperCase()) ?? [])].sort();

const sortObj = <T>(m: Map<string, T> | Record<string, T>): Record<string, T> => {
  const entries = m instanceof Map ? [...m] : Object.entries(m);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
};

const out = {
  about:
    "Event cues for CAMEO coding. Verbs, irregular forms, phrases and patterns are derived from the PETRARCH2 CAMEO " +
    "verb dictionary (CAMEO.2.0.txt, openeventdata/petrarch2 @ 676801cd9cb2, MIT licence, (c) 2014-2015 Open Event " +
    "Data Alliance); code names from the ICEWS CAMEO codebook (andybega/icews @ 3746c729551f, data-raw/cameo-codes.csv, " +
    "MIT). Hand-written cues and exclusions from data/lexicon/event-cues.json. Generated by " +
    "scripts/build-event-lexicon.ts; do not edit by hand.",
  license: "MIT",
  codes: codeNames,
  verbs: sortObj(verbs),
  irregular: sortObj(irregular),
  phrases: sortObj(phrases),
  nouns: sortObj(hand.nouns),
  patternOf: sortObj(patternOf),
  patternBlocks,
  sets,
};
writeFileSync(OUT_FILE, `${JSON.stringify(out, null, 2)}\n`);
// Leave the file as the project's formatter would, so `biome ci` stays quiet on the committed copy.
const biome = join(ROOT, "node_modules", ".bin", "biome");
if (existsSync(biome)) spawnSync(biome, ["format", "--write", OUT_FILE], { stdio: "ignore" });
console.log(
  `wrote ${OUT_FILE}: ${verbs.size} verbs, ${irregular.size} irregular forms, ${phrases.size} phrases, ` +
    `${Object.keys(hand.nouns).length} nouns, ${patternOf.size} verbs with ${patternBlocks.length} pattern blocks, ` +
    `${usedSets.size} synonym sets`,
);
