// Derives three shipped files from the CIA World Factbook (public domain) in ../shared/data/factbook:
//   data/kb/people-factbook.json          current heads of state and government as KB `person` entries, with roles;
//   data/kb/places-factbook.json          first-level administrative divisions as KB `location` entries;
//   data/reference/factbook-facts.json    reference facts (memberships, land borders, trade partners, capitals).
// Only this script reads ../shared; the product reads the files it writes. Output is sorted, so a rerun on the
// same data gives identical files. Run: npm run kb:factbook [factbook-dir]
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { monthNumber } from "../src/ingest/text/dates.js";
import { familyNameFirst, KnowledgeBase, surnamesOf } from "../src/kb/knowledge-base.js";
import { KB_DIR, loadKbFiles } from "../src/kb/load.js";
// The short list of given names: the long English one (data/names) holds many family names ("carney", "pavel")
// and would keep heads of government out of the knowledge base.
import { isListedGivenName as isCommonGivenName } from "../src/kb/names.js";
import { foldLower, normalizeName } from "../src/kb/normalize.js";
import { FACTBOOK_FACTS_FILE, type ReferenceFact } from "../src/kb/reference-facts.js";
import { canonicalRole } from "../src/kb/roles.js";
import type { KbEntry, KbRole } from "../src/kb/types.js";
import { isCommonWord } from "../src/kb/vocabulary.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const FACTBOOK_DIR = join(ROOT, "..", "shared", "data", "factbook");
const PEOPLE_FILE = join(KB_DIR, "people-factbook.json");
const PLACES_FILE = join(KB_DIR, "places-factbook.json");
const FACTS_FILE = FACTBOOK_FACTS_FILE;

// ---------------------------------------------------------------------------------------------------------------
// Text helpers

const ACCENTS: Record<string, string> = {
  acute: "\u0301",
  grave: "\u0300",
  circ: "\u0302",
  uml: "\u0308",
  tilde: "\u0303",
  cedil: "\u0327",
  ring: "\u030a",
  caron: "\u030c",
};
const NAMED: Record<string, string> = {
  amp: "&",
  nbsp: " ",
  quot: '"',
  apos: "'",
  rsquo: "'",
  lsquo: "'",
  ldquo: '"',
  rdquo: '"',
  ndash: "-",
  mdash: "-",
  szlig: "ß",
  oslash: "ø",
  Oslash: "Ø",
  aelig: "æ",
  AElig: "Æ",
};

/** Factbook text as plain text: HTML tags dropped (<br> becomes "; "), entities decoded, spaces collapsed. */
export function plain(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "; ")
    .replace(/<[^>]+>/g, "")
    .replace(/&([A-Za-z])(acute|grave|circ|uml|tilde|cedil|ring|caron);/g, (_, l: string, a: string) =>
      `${l}${ACCENTS[a]}`.normalize("NFC"),
    )
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&(\w+);/g, (m, n: string) => NAMED[n] ?? m)
    .replace(/\s+/g, " ")
    .trim();
}

/** "20 March 2019" -> "2019-03-20", "March 2019" -> "2019-03", "1997" -> "1997"; undefined otherwise. */
export function isoDate(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{1,2}) ([A-Za-z]+),? (\d{4})$/.exec(t);
  if (m) {
    const mo = monthNumber(m[2] as string);
    if (mo) return `${m[3]}-${String(mo).padStart(2, "0")}-${(m[1] as string).padStart(2, "0")}`;
  }
  m = /^([A-Za-z]+),? (\d{4})$/.exec(t);
  if (m) {
    const mo = monthNumber(m[1] as string);
    if (mo) return `${m[2]}-${String(mo).padStart(2, "0")}`;
  }
  m = /^(\d{4})$/.exec(t);
  return m ? m[1] : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Office-holder strings: "President Kassym-Jomart TOKAYEV (since 20 March 2019)"

/** Factbook titles -> the roles of src/kb/roles.ts they name; null: a title to strip that has no role there. */
const TITLES: Record<string, string | null> = {
  President: "president",
  "President of the Swiss Confederation": "president",
  "President of the Council of Ministers": "prime minister",
  "President of the Government": "prime minister",
  "President of the Government of Spain": "prime minister",
  "Chairperson of the Council of Ministers": "prime minister",
  "Chairman of the Council of Ministers": "prime minister",
  "President of Council of Ministers": "prime minister",
  "Chairman of the Cabinet of Ministers": "prime minister",
  "Prime Minister": "prime minister",
  Premier: "prime minister",
  Taoiseach: "prime minister",
  "Taoiseach (Prime Minister)": "prime minister",
  Chancellor: "chancellor",
  "Federal Chancellor": "chancellor",
  King: "king",
  Queen: "queen",
  Emir: "emir",
  Amir: "emir",
  "Supreme Leader": "supreme leader",
  "Crown Prince": "crown prince",
  "Vice President": "vice president",
  "Co-Vice President": "vice president",
  "First Vice President": "vice president",
  "Deputy Prime Minister": "deputy prime minister",
  "Foreign Minister": "foreign minister",
  // Titles with no role in the vocabulary: stripped, and the person is kept only for another title they hold.
  Sultan: null,
  "Grand Duke": null,
  Prince: null,
  "Governor General": null,
  "Governor-General": null,
};
/** Roles that make an office-holder a head of state or government (a deputy alone is not written). */
const HEAD_ROLES = new Set(["president", "prime minister", "chancellor", "king", "queen", "emir", "supreme leader"]);
const MODIFIERS = ["Interim", "Acting", "Transitional", "Transition", "Provisional", "Caretaker"];
const HONORIFICS = [
  "Air Vice-Marshal",
  "Field Marshal",
  "Sr. Gen.",
  "Lt. Gen.",
  "Maj. Gen.",
  "Brig. Gen.",
  "Lt. Col.",
  "Gen.",
  "General",
  "Col.",
  "Colonel",
  "Capt.",
  "Captain",
  "Adm.",
  "Admiral",
  "Dr.",
  "Sir",
  "Dame",
  "Sheikh",
  "Shaykh",
];
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alternation = (xs: string[]) =>
  [...xs]
    .sort((a, b) => b.length - a.length)
    .map(esc)
    .join("|");
const TITLE_RE = new RegExp(`^(?:(?:${alternation(MODIFIERS)}) )?(${alternation(Object.keys(TITLES))})(?= |,)`);
const HONORIFIC_RE = new RegExp(`^(?:${alternation(HONORIFICS)}) `);

/** Mid-name particles written in lower case ("Lula da Silva", "Muhammad bin Salman"). */
const PARTICLES = new Set([
  "da",
  "de",
  "di",
  "do",
  "dos",
  "das",
  "del",
  "della",
  "der",
  "den",
  "van",
  "von",
  "bin",
  "bint",
  "ibn",
]);
/** "Mac" names that keep a capital after the prefix; every other "MAC..." is plain ("Macron", "Machado"). */
const MAC_NAMES = new Set([
  "macdonald",
  "mackenzie",
  "macleod",
  "macarthur",
  "macmillan",
  "macgregor",
  "maclean",
  "macneil",
]);

const isCapsPart = (p: string) => /^\p{Lu}[\p{Lu}'’.]*$/u.test(p) && /\p{Lu}.*\p{Lu}|^\p{Lu}$/u.test(p);
/** A token the Factbook writes in capitals (the name the person is known by): "TOKAYEV", "al-BURHAN", "SASSOU-Nguesso". */
export const isCapsToken = (t: string) => t.split("-").some((p) => p.length >= 2 && isCapsPart(p));

/** One all-capitals word in normal case: "TOKAYEV" -> "Tokayev", "O'NEILL" -> "O'Neill", "MCCARTHY" -> "McCarthy". */
export function nameCase(word: string): string {
  const lower = word.toLowerCase();
  let out = lower.charAt(0).toUpperCase() + lower.slice(1);
  const apos = /^(\p{L})['’](\p{L})/u.exec(out);
  if (apos) out = `${apos[1]}'${(apos[2] as string).toUpperCase()}${out.slice(3)}`;
  if (/^Mc\p{L}/u.test(out)) out = `Mc${out.charAt(2).toUpperCase()}${out.slice(3)}`;
  else if (MAC_NAMES.has(lower)) out = `Mac${out.charAt(3).toUpperCase()}${out.slice(4)}`;
  return out;
}

/** Lower-case words a name may hold ("Correia e Silva", "al-Sudani"); any other lower-case word is not a name's. */
const NAME_LOWER = new Set([...PARTICLES, "e", "y", "al", "el", "la", "le", "du"]);
const nameToken = (t: string) =>
  /^[\p{L}'’.-]+$/u.test(t) &&
  (/^\p{Lu}/u.test(t) || NAME_LOWER.has(t) || /^(?:(?:al|el|ad|as|ash|at|an|ar|az)-|d['’])\p{L}/u.test(t));

export interface ParsedName {
  /** The name as news writes it: given names and the capitalised name, in normal case. */
  name: string;
  /** Every word of the Factbook form in normal case (may carry a second surname after the capitalised one). */
  full: string;
  /** A shorter form (first given name and the capitalised name) when the name has middle names. */
  short?: string;
}

/**
 * A Factbook name in normal case. Words in capitals are converted ("Kassym-Jomart TOKAYEV" -> "Kassym-Jomart
 * Tokayev"); a second family name written after the capitalised one is dropped from `name` unless the country puts
 * the family name first ("Gustavo Francisco PETRO Urrego" -> "Gustavo Francisco Petro", "XI Jinping" stays).
 */
export function parseName(raw: string, familyFirst = false): ParsedName | undefined {
  const text = raw
    .replace(/\([^)]*\)|"[^"]*"/g, " ")
    .replace(/,?\s+(?:Jr|Sr)\.?\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();
  const tokens = text.split(" ").filter(Boolean);
  if (!tokens.length || !tokens.every(nameToken)) return undefined;
  const caps = tokens.map(isCapsToken);
  let first = caps.indexOf(true);
  let last = caps.lastIndexOf(true);
  if (first < 0) return undefined;
  const words = tokens.map((t, i) => {
    if (!caps[i]) return t;
    if (i > 0 && /^[IVX]+$/.test(t)) return t; // regnal numbers: "Charles III"
    const lower = t.toLowerCase();
    if (i > first && PARTICLES.has(lower)) return lower;
    return t
      .split("-")
      .map((p) => (isCapsPart(p) ? nameCase(p) : p))
      .join("-");
  });
  // A family name's particles belong to it: "SAVI de TOVE", "LULA da Silva".
  while (first > 0 && PARTICLES.has(words[first - 1] as string)) first--;
  if (last + 2 < words.length + 1 && PARTICLES.has(words[last + 1] as string)) last = words.length - 1;
  const full = words.join(" ");
  const kept = familyFirst || first === 0 ? words : words.slice(0, last + 1);
  const name = kept.join(" ");
  const out: ParsedName = { name, full };
  if (!familyFirst && first > 0 && !/\.$/.test(words[0] as string)) {
    // "Gustavo Francisco PETRO" -> "Gustavo Petro"; "Pedro SANCHEZ PEREZ-CASTEJON" -> "Pedro Sanchez" (the first of
    // two family names in capitals is the one news uses).
    const run = words.slice(first, last + 1);
    const paternal =
      run.length === 2 && caps[first + 1] && !PARTICLES.has(run[0]?.toLowerCase() ?? "") ? [run[0]] : run;
    const short = [words[0], ...paternal].join(" ");
    if (short !== name) out.short = short;
  }
  return out;
}

export interface Officeholder extends ParsedName {
  roles: string[];
  start?: string;
  title: string;
}

/**
 * One office-holder statement: "President Kassym-Jomart TOKAYEV (since 20 March 2019)" -> Kassym-Jomart Tokayev,
 * president, from 2019-03-20. Compound titles give several roles ("King and Prime Minister"). Returns a string (the
 * reason) when the statement is not one this parser reads.
 */
export function parseOfficeholder(segment: string, familyFirst = false): Officeholder | string {
  // Asides other than the date go: "(prime minister-equivalent)", "(also spelled SONXAI)".
  let s = segment
    .replace(/\((?!since )[^)]*\)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const roles: string[] = [];
  const titles: string[] = [];
  for (;;) {
    const m = TITLE_RE.exec(s);
    if (!m) break;
    const title = m[1] as string;
    titles.push(m[0]);
    const role = TITLES[title];
    if (role && !roles.includes(role)) roles.push(role);
    s = s.slice(m[0].length).trim();
    // "King and Prime Minister", "Prime Minister, Crown Prince", "Prime Minister Crown Prince SALMAN"
    const joint = /^(?:and |, ?(?:and )?)?/.exec(s);
    s = s.slice(joint?.[0].length ?? 0).trim();
  }
  if (!titles.length) return `no known title: ${segment.slice(0, 60)}`;
  for (let h = HONORIFIC_RE.exec(s); h; h = HONORIFIC_RE.exec(s)) s = s.slice(h[0].length);
  const since = /\(since ([^)]*)\)/.exec(s);
  const cut = s.search(/\(since /);
  const namePart = (cut >= 0 ? s.slice(0, cut) : s).trim();
  const parsed = parseName(namePart, familyFirst);
  if (!parsed) return `no name: ${segment.slice(0, 60)}`;
  const start = since ? isoDate(since[1] as string) : undefined;
  return { ...parsed, roles, title: titles.join(" and "), ...(start ? { start } : {}) };
}

// ---------------------------------------------------------------------------------------------------------------
// Administrative divisions: "50 states and 1 district*; Alabama, ..., District of Columbia*, ..."

export interface Division {
  /** The English name ("West Kazakhstan" for "Batys Qazaqstan [West Kazakhstan]"). */
  name: string;
  /** The local name when the Factbook gives an English one in brackets. */
  aliases: string[];
  /** The kind of division, as a places.json subtype ("province", "state", "region", ...). */
  subtype: string;
}

export interface ParsedDivisions {
  divisions: Division[];
  /** Items or whole texts this parser does not read (with the reason), left out rather than guessed. */
  unparsed: string[];
}

/** Division kinds (singular, lower case) -> the places.json subtype; any other kind is a "region". */
const DIVISION_SUBTYPES: [RegExp, string][] = [
  [/^autonomous regions?$/, "autonomous-region"],
  [/^autonomous republics?$/, "autonomous-republic"],
  [/^special administrative regions?$/, "special-administrative-region"],
  [/^union territor(?:y|ies)$/, "union-territory"],
  [/^(?:autonomous )?territor(?:y|ies)$/, "territory"],
  [/^republics?$/, "republic"],
  [/^prefectures?$/, "prefecture"],
  [/^(?:autonomous )?provinces?$/, "province"],
  [/^states?$/, "state"],
];
const subtypeOf = (kind: string): string =>
  DIVISION_SUBTYPES.find(([re]) => re.test(kind.trim().toLowerCase()))?.[1] ?? "region";

/** Offsets of `seps` characters outside (), [] in `s`. */
function topLevel(s: string, seps: string): number[] {
  const out: number[] = [];
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch === "(" || ch === "[") depth++;
    else if ((ch === ")" || ch === "]") && depth > 0) depth--;
    else if (depth === 0 && seps.includes(ch)) out.push(i);
  }
  return out;
}

/** Splits on commas outside (), [] ("Sakha [Yakutiya] (Yakutsk), Tatarstan (Kazan)"). */
function splitTopLevel(list: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const i of [...topLevel(list, ","), list.length]) {
    out.push(list.slice(from, i).trim());
    from = i + 1;
  }
  return out.filter(Boolean);
}

/** Items whose brackets hold no English name (the administrative centre is written in brackets): not read. */
const ERRATA = new Set(["Toshkent Viloyati [Nurafshon]"]);

/** A place name as written: capitalised words, with hyphens, apostrophes, periods and lower-case particles. */
const PLACE_NAME =
  /^['‘’]?\p{Lu}[\p{L}'’.-]*(?: (?:['‘’]?\p{Lu}[\p{L}'’.-]*|(?:de|do|da|del|di|du|des|la|le|les|of|and|upon|on|na|ob|pri|y|e|a|al|el|es|as|ash|ad|an|ar|at|az|wa|va|og|kai|il|ech)|[dl]['’]\p{Lu}[\p{L}'’.-]*))*$/u;

/**
 * One list item: "Batys Qazaqstan [West Kazakhstan] (Oral)*" -> West Kazakhstan, alias Batys Qazaqstan. A
 * parenthesis is the administrative centre (or a gloss) and is dropped, never made an alias. Returns a string (the
 * reason) for an item it does not read.
 */
export function parseDivisionItem(raw: string): { name: string; aliases: string[]; marker: string } | string {
  const item = plain(raw).replace(/^and /, "").trim();
  if (ERRATA.has(item)) return `Factbook erratum: ${item}`;
  const m = /^([^()[\]]+?)\s*(?:\[([^()[\]]+)\])?\s*(\**)\s*(?:\(([^()[\]]*)\))?\s*(\**)$/.exec(item);
  if (!m) return `unread item: ${item.slice(0, 60)}`;
  const local = (m[1] as string).replace(/\*+$/, "").trim();
  const english = m[2]?.trim();
  const names = [english ?? local, ...(english ? [local] : [])];
  if (names.some((n) => !PLACE_NAME.test(n))) return `not a name: ${item.slice(0, 60)}`;
  const marker = m[5] || m[3] || /(\*+)$/.exec(m[1] as string)?.[1] || "";
  return { name: names[0] as string, aliases: names.slice(1), marker };
}

/** "28 states and 8 union territories*" -> { "": "state", "*": "union-territory" } (kinds by their marker). */
function kindsByMarker(head: string): Map<string, string> {
  const kinds = new Map<string, string>();
  const re =
    /(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+([a-z][a-z -]*?)\s*(\**)\s*(?=\(|,|;|:|\band\b|$)/gi;
  for (let m = re.exec(plain(head)); m; m = re.exec(plain(head))) {
    const marker = m[2] ?? "";
    if (!kinds.has(marker)) kinds.set(marker, subtypeOf(m[1] as string));
  }
  return kinds;
}

/**
 * The first-level divisions in a Factbook `Government > Administrative divisions` text. Two layouts are read:
 * "<count and kinds>; A, B, C*" (or ": A, B"), and blocks headed "<strong>provinces:</strong> A, B" separated by
 * <br>. Lists of second-order units ("no first-order administrative divisions ..."), nested layouts (the UK's
 * councils under England, Scotland, ...) and lists with no separator are not read.
 */
export function parseDivisions(html: string): ParsedDivisions {
  const out: ParsedDivisions = { divisions: [], unparsed: [] };
  const flat = plain(html);
  if (/^no first-order/i.test(flat)) {
    out.unparsed.push("no first-order divisions");
    return out;
  }
  const blocks = html
    .split(/<br\s*\/?>/i)
    .map((b) => b.trim())
    .filter(Boolean);
  const headed = blocks.filter((b) => /^<(strong|em)>[^<]*:\s*<\/\1>/i.test(b));
  const lists: { list: string; kinds: Map<string, string>; heading?: string }[] = [];
  if (headed.length) {
    if (headed.some((b) => /^<em>/i.test(b)) || blocks.some((b) => /^<strong>[^<]*:\s*<\/strong>\s*\d/i.test(b))) {
      out.unparsed.push("nested layout");
      return out;
    }
    for (const b of headed) {
      const m = /^<strong>([^<]*):\s*<\/strong>(.*)$/is.exec(b);
      if (m) lists.push({ list: plain(m[2] as string), kinds: new Map(), heading: (m[1] as string).trim() });
    }
  } else {
    // The count and kinds, then the list after the first ";" (or ":") outside parentheses; <br> ends it.
    const cut = topLevel(flat, ";:")[0];
    if (cut === undefined) {
      out.unparsed.push(`no list: ${flat.slice(0, 60)}`);
      return out;
    }
    lists.push({ list: flat.slice(cut + 1), kinds: kindsByMarker(flat.slice(0, cut)) });
  }
  for (const { list, kinds, heading } of lists) {
    // The list ends at the next ";": a note, a pointer or another part follows ("Zhejiang; (see note on Taiwan)").
    const body = list.slice(0, topLevel(list, ";")[0] ?? list.length).split(/\bnote\s*[-:]/i)[0] ?? "";
    for (const raw of splitTopLevel(body)) {
      const item = parseDivisionItem(raw);
      if (typeof item === "string") {
        out.unparsed.push(item);
        continue;
      }
      const subtype = heading ? subtypeOf(heading) : (kinds.get(item.marker) ?? "region");
      out.divisions.push({ name: item.name, aliases: item.aliases, subtype });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the Factbook

type Json = Record<string, unknown>;
const text = (v: unknown): string | undefined =>
  v && typeof v === "object" && typeof (v as Json).text === "string" ? plain((v as Json).text as string) : undefined;
const at = (o: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((cur, k) => (cur && typeof cur === "object" ? (cur as Json)[k] : undefined), o);

interface FactbookEntry {
  code: string;
  file: string;
  data: Json;
}

function readFactbook(dir: string): FactbookEntry[] {
  const out: FactbookEntry[] = [];
  for (const region of readdirSync(dir).sort()) {
    const sub = join(dir, region);
    if (region === "meta" || !statSync(sub).isDirectory()) continue;
    for (const f of readdirSync(sub)
      .filter((x) => x.endsWith(".json"))
      .sort()) {
      out.push({
        code: f.replace(/\.json$/, ""),
        file: `${region}/${f}`,
        data: JSON.parse(readFileSync(join(sub, f), "utf8")),
      });
    }
  }
  return out;
}

/** "factbook/factbook.json @ 8662a8b (2026-05-17)" from the folder's README. */
function edition(dir: string): { edition: string; date: string } {
  const readme = existsSync(join(dir, "README.md")) ? readFileSync(join(dir, "README.md"), "utf8") : "";
  const m = /commit\s+([0-9a-f]{7,40})\s+\((\d{4}-\d{2}-\d{2})\)/.exec(readme.replace(/\s+/g, " "));
  const date = m ? (m[2] as string) : "unknown date";
  const commit = m ? (m[1] as string).slice(0, 7) : "unknown commit";
  return { edition: `The World Factbook, ${date.slice(0, 4)} (factbook/factbook.json @ ${commit}, ${date})`, date };
}

// ---------------------------------------------------------------------------------------------------------------
// Mapping names to KB ids

/** Factbook country names that the KB's names and aliases do not cover. */
const COUNTRY_NAMES: Record<string, string> = {
  "Korea, South": "country/KOR",
  "Korea, North": "country/PRK",
  "South Korea": "country/KOR",
  "North Korea": "country/PRK",
  Burma: "country/MMR",
  "S. Korea": "country/KOR",
  "N. Korea": "country/PRK",
  NZ: "country/NZL",
  "Congo, Democratic Republic of the": "country/COD",
  "Democratic Republic of the Congo": "country/COD",
  "Congo, Republic of the": "country/COG",
  "Republic of the Congo": "country/COG",
  "Gambia, The": "country/GMB",
  "Bahamas, The": "country/BHS",
  "Micronesia, Federated States of": "country/FSM",
  "Holy See": "country/VAT",
  "Holy See (Vatican City)": "country/VAT",
  "Turkey (Turkiye)": "country/TUR",
  Turkiye: "country/TUR",
  UK: "country/GBR",
  USA: "country/USA",
  US: "country/USA",
  UAE: "country/ARE",
  Czechia: "country/CZE",
  "Cabo Verde": "country/CPV",
  "Cote d'Ivoire": "country/CIV",
  "Timor-Leste": "country/TLS",
  Eswatini: "country/SWZ",
  "Saint Kitts and Nevis": "country/KNA",
  "Saint Lucia": "country/LCA",
  "Saint Vincent and the Grenadines": "country/VCT",
  "Sao Tome and Principe": "country/STP",
  "North Macedonia": "country/MKD",
  Macedonia: "country/MKD",
  Kosovo: "country/XKX",
};

/** Factbook abbreviations whose KB entry goes by another acronym or name (the Factbook's appendix C). */
const ORG_NAMES: Record<string, string> = {
  C: "Commonwealth of Nations",
  CE: "Council of Europe",
  ICCt: "International Criminal Court",
  IDB: "Islamic Development Bank",
  IADB: "Inter-American Development Bank",
  "UN Security Council": "United Nations Security Council",
  "UN Security Council (temporary)": "United Nations Security Council",
  EU: "European Union",
  AU: "African Union",
};
/** Factbook abbreviations never mapped: the KB's entry with that acronym is another body. */
const ORG_SKIP = new Set(["ICC", "IOC", "ISO", "CD", "CDB", "PCA", "ITUC", "UNAMA", "UNDP"]);
/** Qualifiers that say a country is not (yet) a member: no member_of fact. */
const NOT_MEMBER = /candidate|accession|signatory|enhanced engagement|NGOs|national committees/i;
/** Qualifiers kept as the fact's detail (others, such as "Chinese Taipei" or a year, are dropped). */
const KEPT_DETAIL =
  /^(?:observer|partner|partners|dialogue partner|sectoral dialogue partner|dialogue member|temporary|permanent|suspended|nonregional members?|associate(?: member)?|participating member)$/;

class Names {
  private readonly map = new Map<string, string[]>();
  add(form: string, id: string): void {
    const k = normalizeName(form);
    if (!k) return;
    const list = this.map.get(k) ?? [];
    if (!list.includes(id)) list.push(id);
    this.map.set(k, list);
  }
  /** The one id this form names, or undefined (unknown or ambiguous). */
  get(form: string): string | undefined {
    const list = this.map.get(normalizeName(form));
    return list && list.length === 1 ? list[0] : undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Building

const slug = (s: string) =>
  foldLower(s.normalize("NFC"))
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** Days and months: capitalised in any text, so never a family name matched alone ("Godwin Friday"). */
const WEEKDAYS = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);
const isCalendarWord = (w: string) => WEEKDAYS.has(w) || monthNumber(w) !== undefined;

/** Distinctive words of a name: folded, four letters or more, not a common given name ("tokayev", "lula"). */
const nameWords = (name: string) =>
  normalizeName(name)
    .split(/[\s-]+/)
    .filter((w) => w.length >= 4 && !isCommonGivenName(w));

const count = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
const top = (m: Map<string, number>, n: number) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([k, v]) => `${k} (${v})`)
    .join(", ");

// ---------------------------------------------------------------------------------------------------------------
// Division entries

/** Why divisions were left out, with examples; reported by the script. */
export interface DivisionReport {
  written: number;
  skipped: Map<string, string[]>;
  unparsed: Map<string, number>;
}

/**
 * KB `location` entries for the first-level divisions of every mapped Factbook country. A division is left out when
 * the KB already holds it, when its name or alias names any KB entry, when its name is a common word, a given name,
 * a KB person's family name or under four letters, and when divisions of two countries share a name.
 */
export function buildDivisions(
  subjects: { fb: FactbookEntry; id: string }[],
  kb: readonly KbEntry[],
  ed: string,
  report: DivisionReport = { written: 0, skipped: new Map(), unparsed: new Map() },
): KbEntry[] {
  const skip = (why: string, what: string) => report.skipped.set(why, [...(report.skipped.get(why) ?? []), what]);
  const names = new KnowledgeBase(kb);
  const ids = new Set(kb.map((e) => e.id));
  // Every surface form the KB already has (any type), as words only ("Ar-Raqqah" is "Ar Raqqah"): a division by that name would take its matches.
  const kbForms = new Map<string, KbEntry[]>();
  for (const e of kb) {
    for (const f of [e.name, ...e.aliases, ...(e.metonyms ?? []), ...(e.demonyms ?? [])]) {
      const k = normalizeName(f);
      kbForms.set(k, [...(kbForms.get(k) ?? []), e]);
    }
  }
  const surnames = new Set(kb.filter((e) => e.type === "person").flatMap((e) => surnamesOf(e)));
  const letters = (s: string) => s.replace(/[^\p{L}]/gu, "").length;
  const words = (s: string) =>
    foldLower(s)
      .split(/[\s-]+/)
      .filter(Boolean);
  /** Why a form may not name a division, or "". */
  const risky = (form: string): string => {
    const w = words(form);
    if (letters(form) < 4) return "shorter than 4 letters";
    if (w.every((x) => isCommonWord(x) || isCalendarWord(x))) return "common word(s)";
    if (w.every((x) => isCommonWord(x) || names.isGivenName(x))) return "given name";
    if (w.length === 1 && surnames.has(w[0] as string)) return "a KB person's family name";
    return "";
  };

  const candidates: (KbEntry & { kind: string })[] = [];
  for (const { fb, id: country } of subjects) {
    const t = at(fb.data, "Government", "Administrative divisions", "text");
    if (typeof t !== "string") continue;
    const parsed = parseDivisions(t);
    for (const u of parsed.unparsed) count(report.unparsed, `${fb.code}: ${u}`);
    const seen = new Set<string>();
    for (const d of parsed.divisions) {
      const label = `${d.name} (${country.slice(8)})`;
      const k = normalizeName(d.name);
      if (seen.has(k)) continue; // listed twice (a province and the city of the same name): one entry
      seen.add(k);
      const forms = [d.name, ...d.aliases];
      const held = forms.flatMap((f) => kbForms.get(normalizeName(f)) ?? []);
      if (held.some((e) => e.type === "location" && (!e.country || e.country === country))) {
        skip("already in the KB", label);
        continue;
      }
      if (held.length) {
        skip("names another KB entry", `${label} = ${held[0]?.id}`);
        continue;
      }
      const why = risky(d.name);
      if (why) {
        skip(why, label);
        continue;
      }
      candidates.push({
        id: "",
        type: "location",
        name: d.name,
        aliases: d.aliases.filter((a) => !risky(a) && normalizeName(a) !== k),
        country,
        subtype: d.subtype,
        source: `CIA World Factbook (public domain), ${ed}, field Government > Administrative divisions`,
        kind: d.subtype,
      });
    }
  }
  // A form that divisions of two countries share is ambiguous: none of them is written.
  const formCountries = new Map<string, Set<string>>();
  for (const c of candidates) {
    for (const f of [c.name, ...c.aliases]) {
      const k = normalizeName(f);
      formCountries.set(k, (formCountries.get(k) ?? new Set()).add(c.country as string));
    }
  }
  const out: KbEntry[] = [];
  for (const { kind: _, ...c } of candidates.sort(
    (a, b) => a.name.localeCompare(b.name) || (a.country as string).localeCompare(b.country as string),
  )) {
    if ([c.name, ...c.aliases].some((f) => (formCountries.get(normalizeName(f))?.size ?? 0) > 1)) {
      skip("shared by divisions of two countries", `${c.name} (${(c.country as string).slice(8)})`);
      continue;
    }
    let id = `loc/${slug(c.name)}`;
    if (ids.has(id)) id = `${id}-${(c.country as string).slice(8).toLowerCase()}`;
    if (ids.has(id)) {
      skip("id clash", c.name);
      continue;
    }
    ids.add(id);
    out.push({ ...c, id });
  }
  report.written = out.length;
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Builds the files from the Factbook folder `dir`; `out` redirects them (tests; without `places` the divisions are
 * built but not written). Returns the exit code.
 */
export function main(
  dir = process.argv[2] ?? FACTBOOK_DIR,
  out: { people: string; facts: string; places?: string } = {
    people: PEOPLE_FILE,
    facts: FACTS_FILE,
    places: PLACES_FILE,
  },
): number {
  if (!existsSync(dir)) {
    console.error(`build-factbook-kb: the World Factbook data is not at ${dir} (expected ../shared/data/factbook)`);
    return 1;
  }
  const { edition: ed, date } = edition(dir);
  const factbook = readFactbook(dir);
  // The KB as it stands, without this script's own files (a rerun must not see its previous output).
  const loaded = loadKbFiles(KB_DIR);
  const kb = loaded.entries.filter((e) => !e.source?.startsWith("CIA World Factbook"));
  const byId = new Map(kb.map((e) => [e.id, e]));

  const countries = new Names();
  for (const e of kb.filter((x) => x.type === "country" && x.subtype !== "historical-state")) {
    for (const f of [e.name, ...e.aliases]) countries.add(f, e.id);
  }
  for (const [k, v] of Object.entries(COUNTRY_NAMES)) if (byId.has(v)) countries.add(k, v);
  const countryOf = (name: string) => {
    const n = name
      .replace(/\s*\([^)]*\)/g, "")
      .replace(/ & /g, " and ")
      .replace(/^St\. /, "Saint ");
    return countries.get(name) ?? countries.get(n);
  };

  const orgs = new Names();
  for (const e of kb.filter((x) => x.type === "organization"))
    for (const f of [e.name, ...e.aliases]) orgs.add(f, e.id);
  // Acronyms are matched as written (case matters: "C" is not "c").
  const orgAcronyms = new Map<string, string[]>();
  for (const e of kb.filter((x) => x.type === "organization")) {
    for (const f of [e.name, ...e.aliases]) {
      const list = orgAcronyms.get(f) ?? [];
      if (!list.includes(e.id)) list.push(e.id);
      orgAcronyms.set(f, list);
    }
  }
  const orgOf = (abbr: string): string | undefined => {
    if (ORG_SKIP.has(abbr)) return undefined;
    if (ORG_NAMES[abbr]) return orgs.get(ORG_NAMES[abbr] as string);
    const exact = orgAcronyms.get(abbr);
    if (exact && exact.length === 1) return exact[0];
    return exact ? undefined : orgs.get(abbr);
  };

  // Factbook file -> KB country.
  const subjects: { fb: FactbookEntry; id: string; name: string }[] = [];
  const unmatchedCountries: string[] = [];
  for (const fb of factbook) {
    const short = text(at(fb.data, "Government", "Country name", "conventional short form"));
    const long = text(at(fb.data, "Government", "Country name", "conventional long form"));
    const id = [short, long].map((n) => (n && n !== "none" ? countryOf(n) : undefined)).find(Boolean);
    if (id) subjects.push({ fb, id, name: short ?? long ?? fb.code });
    else unmatchedCountries.push(`${fb.code} ${short ?? long ?? "?"}`);
  }
  const seenSubjects = new Map<string, string>();
  for (const s of subjects) {
    if (seenSubjects.has(s.id))
      console.warn(`  two Factbook files map to ${s.id}: ${seenSubjects.get(s.id)}, ${s.fb.file}`);
    seenSubjects.set(s.id, s.fb.file);
  }

  // ---- people
  const existingPersons = kb.filter((e) => e.type === "person");
  const heldNames = new Map<string, KbEntry>();
  for (const p of existingPersons) for (const f of [p.name, ...p.aliases]) heldNames.set(normalizeName(f), p);
  const surnameOwners = new Map<string, KbEntry[]>();
  for (const p of existingPersons) {
    for (const s of surnamesOf(p)) surnameOwners.set(s, [...(surnameOwners.get(s) ?? []), p]);
  }
  const kbForms = new Set<string>();
  for (const e of kb) {
    for (const f of [e.name, ...e.aliases, ...(e.metonyms ?? []), ...(e.demonyms ?? [])]) kbForms.add(foldLower(f));
  }
  const ties = (p: KbEntry, country: string) => p.country === country || (p.roles ?? []).some((r) => r.of === country);

  const people = new Map<string, KbEntry>();
  const skipped = { held: 0, risky: 0, unparsed: 0, noRole: 0 };
  const riskyExamples: string[] = [];
  const unparsed = new Map<string, number>();
  for (const { fb, id: country } of subjects) {
    const familyFirst = familyNameFirst({ country });
    for (const field of ["chief of state", "head of government"]) {
      const t = text(at(fb.data, "Government", "Executive branch", field));
      if (!t) continue;
      const statements = t
        .split(/;|\bnote\b/)
        .map((x) => x.trim())
        .filter((x) => x && /\(since /.test(x));
      for (const st of statements) {
        if (/^represented by|^note/i.test(st)) continue;
        const o = parseOfficeholder(st, familyFirst);
        if (typeof o === "string") {
          count(unparsed, `${country} ${o}`);
          skipped.unparsed++;
          continue;
        }
        const roles = o.roles.filter((r) => canonicalRole(r) === r || r === "supreme leader");
        if (!roles.some((r) => HEAD_ROLES.has(r))) {
          skipped.noRole++;
          continue;
        }
        // Already in the KB: the same name or alias, or the same family name in the same country.
        const forms = [o.name, o.full, o.short].filter((x): x is string => !!x).map(normalizeName);
        const draft: KbEntry = { id: "", type: "person", name: o.name, aliases: [], country };
        const surnames = surnamesOf(draft);
        // Or a KB person of the same country who shares a distinctive name word ("Lula", "Tokayev", "Sanchez").
        const words = nameWords(o.full);
        if (
          forms.some((f) => heldNames.has(f)) ||
          surnames.some((s) => (surnameOwners.get(s) ?? []).some((p) => ties(p, country))) ||
          existingPersons.some(
            (p) => ties(p, country) && [p.name, ...p.aliases].some((f) => nameWords(f).some((w) => words.includes(w))),
          )
        ) {
          skipped.held++;
          continue;
        }
        const id = `person/${slug(o.name)}`;
        const entry = people.get(id) ?? {
          id,
          type: "person" as const,
          name: o.name,
          aliases: o.short && o.short !== o.name ? [o.short] : [],
          country,
          roles: [] as KbRole[],
          source: `CIA World Factbook (public domain), ${ed}, field Government > Executive branch > ${field}`,
        };
        for (const role of roles) {
          if (!entry.roles?.some((r) => r.role === role && r.of === country)) {
            entry.roles?.push({ role, of: country, ...(o.start ? { start: o.start } : {}) });
          }
        }
        people.set(id, entry);
      }
    }
  }
  // Risky names: a family name (the word the pipeline matches alone) that is a common word, a given name, another
  // entity's name, shared with a KB person or too short; or a one-word name. Such a person is left out.
  const newSurnames = new Map<string, number>();
  for (const e of people.values()) for (const s of surnamesOf(e)) count(newSurnames, s);
  for (const [id, e] of people) {
    const words = e.name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
    const surnames = surnamesOf(e);
    const why =
      words.length < 2
        ? "one-word name"
        : surnames.find((s) => s.length < 4)
          ? "short family name"
          : surnames.find((s) => isCommonWord(s) || isCommonGivenName(s) || isCalendarWord(s))
            ? "family name is a common word or given name"
            : surnames.find((s) => kbForms.has(s))
              ? "family name is another entity's name"
              : surnames.find((s) => surnameOwners.has(s) || (newSurnames.get(s) ?? 0) > 1)
                ? "family name shared with another person"
                : "";
    if (why) {
      people.delete(id);
      skipped.risky++;
      riskyExamples.push(`${e.name} (${why})`);
    }
  }
  const peopleOut = [...people.values()]
    .map((e) => ({ ...e, roles: [...(e.roles ?? [])].sort((a, b) => a.role.localeCompare(b.role)) }))
    .sort((a, b) => a.id.localeCompare(b.id));

  // ---- administrative divisions
  const divisionReport: DivisionReport = { written: 0, skipped: new Map(), unparsed: new Map() };
  const placesOut = buildDivisions(subjects, [...kb, ...peopleOut], ed, divisionReport);

  // ---- reference facts
  const facts: ReferenceFact[] = [];
  const orgMapped = new Map<string, number>();
  const orgUnmapped = new Map<string, number>();
  const placeUnmapped = new Map<string, number>();
  const capitals = new Names();
  for (const e of kb.filter((x) => x.type === "location"))
    for (const f of [e.name, ...e.aliases]) capitals.add(f, e.id);
  for (const { fb, id: subject } of subjects) {
    // Memberships: "ADB, CICA, CIS, CSTO, ..., NAM (observer), UN Security Council (temporary)".
    const field = "International organization participation";
    const orgsText = text(at(fb.data, "Government", field));
    for (const item of orgsText?.split(/,\s*(?![^()]*\))/) ?? []) {
      const m = /^(.*?)\s*(?:\(([^)]*)\))?$/.exec(item.trim());
      if (!m?.[1]) continue;
      const abbr = m[1].trim();
      const raw = m[2]?.trim();
      if (raw && NOT_MEMBER.test(raw)) continue; // a candidate, or the country's NGOs rather than the state
      const first = raw?.split(",")[0]?.trim();
      const note =
        first && KEPT_DETAIL.test(first) ? first.replace(/^nonregional members$/, "nonregional member") : undefined;
      const object = orgOf(abbr);
      if (!object) {
        count(orgUnmapped, abbr);
        continue;
      }
      count(orgMapped, abbr);
      facts.push({ subject, relation: "member_of", object, ...(note ? { detail: note } : {}), field });
    }
    // Land borders: "China 1,765 km; Kyrgyzstan 1,212 km; ..."
    const borderField = "Land boundaries";
    const borders = text(at(fb.data, "Geography", borderField, "border countries"));
    const lengths = new Map<string, { km: number; detail: string[] }>();
    for (const part of borders?.split(/;\s*/) ?? []) {
      const m = /^(.*?)\s+([\d,]+(?:\.\d+)?)\s*km/.exec(part.trim());
      if (!m) continue;
      const name = (m[1] as string).replace(/^and /, "").trim();
      const object = countryOf(name);
      if (!object || object === subject) {
        if (!object) count(placeUnmapped, name);
        continue;
      }
      const where = /\(([^)]*)\)/.exec(name)?.[1];
      const cur = lengths.get(object) ?? { km: 0, detail: [] };
      cur.km += Number((m[2] as string).replace(/,/g, ""));
      if (where) cur.detail.push(where);
      lengths.set(object, cur);
    }
    for (const [object, { km, detail }] of lengths) {
      facts.push({
        subject,
        relation: "borders",
        object,
        value: Math.round(km * 10) / 10,
        unit: "km",
        ...(detail.length ? { detail: detail.join("; ") } : {}),
        field: `${borderField} > border countries`,
      });
    }
    // Trade partners: "China 16%, UK 15%, Russia 10%, Turkey 6%, Italy 5% (2023)".
    for (const [partnerField, detail] of [
      ["Exports - partners", "export partner"],
      ["Imports - partners", "import partner"],
    ] as const) {
      const t = text(at(fb.data, "Economy", partnerField));
      if (!t) continue;
      const year = /\((\d{4})\)/.exec(t)?.[1];
      const re = /(?:^|,\s*)([^%]+?)\s+(\d+(?:\.\d+)?)%/g;
      let rank = 0;
      const seen = new Set<string>();
      for (let m = re.exec(t); m; m = re.exec(t)) {
        rank++;
        const name = (m[1] as string).trim();
        const object = countryOf(name);
        if (!object || object === subject || seen.has(object)) {
          if (!object) count(placeUnmapped, name);
          continue;
        }
        seen.add(object);
        facts.push({
          subject,
          relation: "trade_partner",
          object,
          value: Number(m[2]),
          unit: "%",
          detail,
          rank,
          ...(year ? { year } : {}),
          field: partnerField,
        });
      }
    }
    // Capital: the capital (a KB place that lies in this country) is located in the country.
    const capital = text(at(fb.data, "Government", "Capital", "name"));
    if (capital) {
      const name = capital.split(/;|\(/)[0]?.trim() ?? "";
      const place = capitals.get(name);
      const entry = place ? byId.get(place) : undefined;
      if (entry && (!entry.country || entry.country === subject)) {
        facts.push({
          subject: place as string,
          relation: "located_in",
          object: subject,
          detail: "capital",
          field: "Capital",
        });
      }
    }
  }
  const factKey = (f: ReferenceFact) => `${f.relation}|${f.subject}|${f.object}|${f.detail ?? ""}`;
  const uniq = new Map<string, ReferenceFact>();
  for (const f of facts) if (!uniq.has(factKey(f))) uniq.set(factKey(f), f);
  const factsOut = [...uniq.values()].sort(
    (a, b) =>
      a.subject.localeCompare(b.subject) ||
      a.relation.localeCompare(b.relation) ||
      a.object.localeCompare(b.object) ||
      (a.detail ?? "").localeCompare(b.detail ?? ""),
  );

  // ---- write (the generation date stays as it was when the facts have not changed, so reruns are identical)
  const source = "The World Factbook (CIA), public domain";
  let generated = new Date().toISOString().slice(0, 10);
  if (existsSync(out.facts)) {
    try {
      const old = JSON.parse(readFileSync(out.facts, "utf8")) as {
        generated?: string;
        facts?: unknown;
        edition?: string;
      };
      if (old.edition === ed && JSON.stringify(old.facts) === JSON.stringify(factsOut) && old.generated) {
        generated = old.generated;
      }
    } catch {
      // rewritten below
    }
  }
  mkdirSync(dirname(out.facts), { recursive: true });
  writeFileSync(
    out.facts,
    `${JSON.stringify({ source, edition: ed, snapshot: date, generated, facts: factsOut }, null, 2)}\n`,
  );
  writeFileSync(out.people, `${JSON.stringify(peopleOut, null, 2)}\n`);
  if (out.places) writeFileSync(out.places, `${JSON.stringify(placesOut, null, 2)}\n`);

  const byRelation = new Map<string, number>();
  for (const f of factsOut) count(byRelation, f.relation);
  console.log(`Factbook: ${factbook.length} files, ${subjects.length} mapped to KB countries (${ed})`);
  console.log(`  unmatched (skipped): ${unmatchedCountries.length}: ${unmatchedCountries.join(", ")}`);
  console.log(
    `people: ${peopleOut.length} written to ${out.people}; skipped ${skipped.held} already in the KB, ` +
      `${skipped.risky} with risky names, ${skipped.noRole} without a head-of-state role in the vocabulary, ` +
      `${skipped.unparsed} unparsed`,
  );
  if (riskyExamples.length) console.log(`  risky names left out: ${riskyExamples.join("; ")}`);
  if (unparsed.size) console.log(`  unparsed statements: ${top(unparsed, 30)}`);
  const skippedN = [...divisionReport.skipped.values()].reduce((a, b) => a + b.length, 0);
  console.log(
    `divisions: ${placesOut.length} written${out.places ? ` to ${out.places}` : ""}; skipped ${skippedN}: ` +
      [...divisionReport.skipped.entries()].map(([why, xs]) => `${xs.length} ${why}`).join(", "),
  );
  for (const [why, xs] of divisionReport.skipped) console.log(`  ${why}: ${xs.slice(0, 25).join("; ")}`);
  const unparsedN = [...divisionReport.unparsed.values()].reduce((a, b) => a + b, 0);
  console.log(`  unparsed items or texts (left out): ${unparsedN}: ${top(divisionReport.unparsed, 15)}`);
  console.log(`facts: ${factsOut.length} written to ${out.facts}: ${top(byRelation, 10)}`);
  const mappedN = [...orgMapped.values()].reduce((a, b) => a + b, 0);
  const unmappedN = [...orgUnmapped.values()].reduce((a, b) => a + b, 0);
  console.log(
    `  organisations: ${mappedN} memberships mapped (${orgMapped.size} bodies), ${unmappedN} unmapped (${orgUnmapped.size} bodies)`,
  );
  console.log(`  top unmapped organisations: ${top(orgUnmapped, 25)}`);
  if (placeUnmapped.size) console.log(`  unmapped border/trade names: ${top(placeUnmapped, 40)}`);
  if (loaded.problems.length) console.log(`  KB problems: ${loaded.problems.join("; ")}`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main();
