// A deterministic synthetic news corpus for the benchmark: article i of seed s is always the same text.
// Articles have the shape of scraped news (logo and share furniture, title, byline, a date line in one of several
// formats, 6-15 paragraphs, image credits and ads between them, a footer) and sentences built from templates of the
// kinds the extractors read: memberships, offices with titles, trade, supply and investment, visits and calls,
// statements with quotes in every form, protests, deployments, money / percent / distance / troop figures and
// relative dates. Names come from the knowledge base (data/kb/*.json) when it is there, else from a built-in list.
// About 3 % of articles are syndicated near-copies of a recent article (other furniture, small edits).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Bump when the templates change, so cached corpora are rebuilt. */
export const GENERATOR_VERSION = 1;
export const SHARD_SIZE = 1000;
export const DEFAULT_SEED = 20240601;
const DEFAULT_KB_DIR = fileURLToPath(new URL("../data/kb/", import.meta.url));

// ---- random numbers ----------------------------------------------------------------------------------

/** A mixing hash of two 32-bit numbers (seed and article index) into one seed. */
export function mixSeed(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for text. */
export class Rng {
  private a: number;
  constructor(seed: number) {
    this.a = seed >>> 0;
  }
  next(): number {
    this.a = (this.a + 0x6d2b79f5) | 0;
    let t = Math.imul(this.a ^ (this.a >>> 15), 1 | this.a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)] as T;
  }
}

// ---- names -------------------------------------------------------------------------------------------

export interface CountryName {
  id: string;
  name: string;
  capital: string;
  demonym: string;
}
export interface PersonName {
  name: string;
  /** Surname for second mentions ("Tokayev", "Mr Xi"). */
  short: string;
  /** Office without the country ("President", "Foreign Minister"). */
  title: string;
  country: CountryName | null;
}
export interface OrgName {
  name: string;
  acronym: string | null;
}
export interface CorpusNames {
  countries: CountryName[];
  /** Countries the stories are mostly about (Central Asia and its neighbours), when the KB has them. */
  focus: CountryName[];
  people: PersonName[];
  orgs: OrgName[];
  companies: OrgName[];
  thinkTanks: string[];
  /** Places with the country they lie in (a KB id), when known. */
  places: { name: string; country: string | null }[];
  initiatives: string[];
  /** Where the names came from: "kb" files or "built-in". */
  from: string;
  /** Hash of every name list: corpora generated from other names differ, and the cache knows it. */
  hash: string;
}

const FOCUS_IDS = [
  "KAZ",
  "UZB",
  "KGZ",
  "TJK",
  "TKM",
  "CHN",
  "RUS",
  "AFG",
  "IRN",
  "TUR",
  "AZE",
  "ARM",
  "GEO",
  "BLR",
  "UKR",
  "IND",
  "PAK",
  "MNG",
  "USA",
  "DEU",
];

const BUILTIN_COUNTRIES: [string, string, string, string][] = [
  ["KAZ", "Kazakhstan", "Astana", "Kazakh"],
  ["UZB", "Uzbekistan", "Tashkent", "Uzbek"],
  ["KGZ", "Kyrgyzstan", "Bishkek", "Kyrgyz"],
  ["TJK", "Tajikistan", "Dushanbe", "Tajik"],
  ["TKM", "Turkmenistan", "Ashgabat", "Turkmen"],
  ["CHN", "China", "Beijing", "Chinese"],
  ["RUS", "Russia", "Moscow", "Russian"],
  ["AFG", "Afghanistan", "Kabul", "Afghan"],
  ["IRN", "Iran", "Tehran", "Iranian"],
  ["TUR", "Turkey", "Ankara", "Turkish"],
  ["AZE", "Azerbaijan", "Baku", "Azerbaijani"],
  ["ARM", "Armenia", "Yerevan", "Armenian"],
  ["GEO", "Georgia", "Tbilisi", "Georgian"],
  ["BLR", "Belarus", "Minsk", "Belarusian"],
  ["UKR", "Ukraine", "Kyiv", "Ukrainian"],
  ["IND", "India", "New Delhi", "Indian"],
  ["PAK", "Pakistan", "Islamabad", "Pakistani"],
  ["MNG", "Mongolia", "Ulaanbaatar", "Mongolian"],
  ["USA", "United States", "Washington", "American"],
  ["DEU", "Germany", "Berlin", "German"],
];

/** Real office holders, for stories (name, short form, office, country id). */
const BUILTIN_PEOPLE: [string, string, string, string][] = [
  ["Kassym-Jomart Tokayev", "Tokayev", "President", "KAZ"],
  ["Olzhas Bektenov", "Bektenov", "Prime Minister", "KAZ"],
  ["Shavkat Mirziyoyev", "Mirziyoyev", "President", "UZB"],
  ["Sadyr Japarov", "Japarov", "President", "KGZ"],
  ["Emomali Rahmon", "Rahmon", "President", "TJK"],
  ["Serdar Berdimuhamedow", "Berdimuhamedow", "President", "TKM"],
  ["Xi Jinping", "Xi", "President", "CHN"],
  ["Li Qiang", "Li", "Premier", "CHN"],
  ["Wang Yi", "Wang", "Foreign Minister", "CHN"],
  ["Vladimir Putin", "Putin", "President", "RUS"],
  ["Sergei Lavrov", "Lavrov", "Foreign Minister", "RUS"],
  ["Mikhail Mishustin", "Mishustin", "Prime Minister", "RUS"],
  ["Ilham Aliyev", "Aliyev", "President", "AZE"],
  ["Nikol Pashinyan", "Pashinyan", "Prime Minister", "ARM"],
  ["Recep Tayyip Erdogan", "Erdogan", "President", "TUR"],
  ["Alexander Lukashenko", "Lukashenko", "President", "BLR"],
  ["Narendra Modi", "Modi", "Prime Minister", "IND"],
  ["Masoud Pezeshkian", "Pezeshkian", "President", "IRN"],
  ["Murat Nurtleu", "Nurtleu", "Foreign Minister", "KAZ"],
  ["Bakhtiyor Saidov", "Saidov", "Foreign Minister", "UZB"],
];

const BUILTIN_ORGS: [string, string | null][] = [
  ["Shanghai Cooperation Organisation", "SCO"],
  ["Collective Security Treaty Organization", "CSTO"],
  ["Eurasian Economic Union", "EAEU"],
  ["Commonwealth of Independent States", "CIS"],
  ["Organization of Turkic States", "OTS"],
  ["North Atlantic Treaty Organization", "NATO"],
  ["European Union", "EU"],
  ["United Nations", "UN"],
  ["Asian Development Bank", "ADB"],
  ["International Monetary Fund", "IMF"],
  ["World Bank", null],
  ["BRICS", null],
];

const BUILTIN_COMPANIES: [string, string | null][] = [
  ["Gazprom", null],
  ["China National Petroleum Corporation", "CNPC"],
  ["KazMunayGas", null],
  ["Kazakhstan Temir Zholy", "KTZ"],
  ["Uzbekneftegaz", null],
  ["COSCO Shipping", null],
  ["Rosatom", null],
  ["Kazatomprom", null],
  ["Lukoil", null],
  ["Sinopec", null],
];

const BUILTIN_PLACES = [
  "Almaty",
  "Shymkent",
  "Aktau",
  "Zhanaozen",
  "Khorgos",
  "Samarkand",
  "Bukhara",
  "Andijan",
  "Osh",
  "Jalal-Abad",
  "Khujand",
  "Kulob",
  "Urumqi",
  "Kashgar",
  "Xi'an",
  "Novosibirsk",
  "Orenburg",
  "Termez",
  "Mazar-i-Sharif",
  "the Fergana Valley",
  "the Caspian Sea",
  "the Wakhan Corridor",
];

const BUILTIN_INITIATIVES = [
  "Belt and Road Initiative",
  "Middle Corridor",
  "Central Asia-China gas pipeline",
  "International North-South Transport Corridor",
  "China-Kyrgyzstan-Uzbekistan railway",
  "Trans-Caspian International Transport Route",
];

interface RawEntry {
  id?: unknown;
  type?: unknown;
  name?: unknown;
  aliases?: unknown;
  metonyms?: unknown;
  demonyms?: unknown;
  roles?: unknown;
  country?: unknown;
  subtype?: unknown;
}

/** Organisation subtypes (data/kb/organizations.json) that countries join, and those that invest and trade. */
const BLOC_SUBTYPES = new Set([
  "intergovernmental",
  "intergovernmental-body",
  "military-alliance",
  "supranational-union",
  "diplomatic-format",
]);
const COMPANY_SUBTYPES = new Set([
  "company",
  "state-company",
  "bank",
  "development-bank",
  "investment-fund",
  "sovereign-wealth-fund",
]);

const firstString = (v: unknown): string | null =>
  Array.isArray(v) ? ((v.find((s) => typeof s === "string" && s.trim() !== "") as string | undefined) ?? null) : null;

/** Names from data/kb/*.json (countries, people with roles, organisations, places), else the built-in lists. */
export function loadNames(kbDir: string = DEFAULT_KB_DIR): CorpusNames {
  const entries: RawEntry[] = [];
  const files: string[] = [];
  if (existsSync(kbDir)) {
    for (const f of readdirSync(kbDir)
      .filter((f) => f.endsWith(".json"))
      .sort()) {
      try {
        const data = JSON.parse(readFileSync(join(kbDir, f), "utf8")) as unknown;
        const list = Array.isArray(data) ? data : (data as { entries?: unknown })?.entries;
        if (Array.isArray(list)) {
          entries.push(...(list as RawEntry[]));
          files.push(f);
        }
      } catch {
        // a file being edited by someone else: skip it
      }
    }
  }
  const ofType = (t: string) => entries.filter((e) => e.type === t && typeof e.name === "string" && e.name.trim());

  const countries: CountryName[] = [];
  const byId = new Map<string, CountryName>();
  for (const e of ofType("country")) {
    const capital = firstString(e.metonyms);
    const demonym = firstString(e.demonyms);
    if (!capital || !demonym) continue;
    const c = { id: String(e.id), name: String(e.name), capital, demonym };
    countries.push(c);
    byId.set(c.id, c);
  }
  if (countries.length < 10) {
    countries.length = 0;
    byId.clear();
    for (const [iso, name, capital, demonym] of BUILTIN_COUNTRIES) {
      const c = { id: `country/${iso}`, name, capital, demonym };
      countries.push(c);
      byId.set(c.id, c);
    }
  }
  const focus = FOCUS_IDS.map((iso) => byId.get(`country/${iso}`)).filter((c): c is CountryName => !!c);

  const people: PersonName[] = [];
  for (const e of ofType("person")) {
    const name = String(e.name).trim();
    const roles = Array.isArray(e.roles) ? (e.roles as { role?: unknown; of?: unknown; end?: unknown }[]) : [];
    const role = roles.find((r) => typeof r.role === "string" && !r.end) ?? roles[0];
    const country =
      (typeof role?.of === "string" ? byId.get(role.of) : undefined) ??
      (typeof e.country === "string" ? byId.get(e.country) : undefined) ??
      null;
    const title = typeof role?.role === "string" ? titleCase(role.role) : "official";
    const parts = name.split(/\s+/);
    people.push({ name, short: parts.length > 1 ? (parts[parts.length - 1] as string) : name, title, country });
  }
  if (people.length < 5) {
    people.length = 0;
    for (const [name, short, title, iso] of BUILTIN_PEOPLE) {
      people.push({ name, short, title, country: byId.get(`country/${iso}`) ?? null });
    }
  }

  const acronymOf = (e: RawEntry) =>
    Array.isArray(e.aliases)
      ? ((e.aliases as unknown[]).find((a) => typeof a === "string" && /^[A-Z]{2,6}$/.test(a)) as string | undefined)
      : undefined;
  const orgs: OrgName[] = [];
  const companies: OrgName[] = [];
  const thinkTanks: string[] = [];
  for (const e of ofType("organization")) {
    const o = { name: String(e.name), acronym: acronymOf(e) ?? null };
    const sub = typeof e.subtype === "string" ? e.subtype : null;
    if (sub ? BLOC_SUBTYPES.has(sub) : !/company|corporation|bank/i.test(o.name)) orgs.push(o);
    else if (sub ? COMPANY_SUBTYPES.has(sub) : true) companies.push(o);
    else if (sub === "think-tank") thinkTanks.push(o.name);
  }
  if (orgs.length < 5) orgs.push(...BUILTIN_ORGS.map(([name, acronym]) => ({ name, acronym })));
  if (companies.length < 5) companies.push(...BUILTIN_COMPANIES.map(([name, acronym]) => ({ name, acronym })));
  if (thinkTanks.length < 5) thinkTanks.push(...THINK_TANKS);
  const places = [...ofType("location"), ...ofType("facility")].map((e) => ({
    name: String(e.name),
    country: typeof e.country === "string" ? e.country : null,
  }));
  if (places.length < 10) places.push(...BUILTIN_PLACES.map((name) => ({ name, country: null })));
  const initiatives = ofType("initiative").map((e) => String(e.name));
  const out: Omit<CorpusNames, "hash"> = {
    countries,
    focus: focus.length >= 5 ? focus : countries.slice(0, 20),
    people,
    orgs,
    companies,
    thinkTanks,
    places,
    initiatives: initiatives.length >= 3 ? initiatives : BUILTIN_INITIATIVES,
    from: files.length ? `kb: ${files.join(", ")}` : "built-in",
  };
  const hash = createHash("sha256").update(JSON.stringify(out)).digest("hex").slice(0, 12);
  return { ...out, hash };
}

function titleCase(role: string): string {
  return role
    .split(/\s+/)
    .map((w) => (/^(of|the|and|for)$/i.test(w) ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(" ");
}

// ---- vocabulary ------------------------------------------------------------------------------------

const OUTLETS = [
  "Steppe Monitor",
  "Eurasia Ledger",
  "Caravan Daily",
  "Silk Road Wire",
  "Central Asia Review",
  "Frontier Courier",
  "Oxus Observer",
  "Tien Shan Times",
  "Caspian Chronicle",
  "Great Game Digest",
];
const FIRST = [
  "Aigerim",
  "Ruslan",
  "Meruyert",
  "Timur",
  "Daniel",
  "Sarah",
  "Aziz",
  "Dilnoza",
  "Nargiza",
  "Bakyt",
  "Elena",
  "Marco",
  "Farrukh",
  "Gulnara",
  "Olivia",
  "James",
  "Zarina",
  "Arman",
  "Laila",
  "Pavel",
  "Yerlan",
  "Madina",
  "Chen",
  "Anna",
  "Kamila",
  "Rustam",
  "Sophie",
  "Alisher",
  "Nadia",
  "Jonas",
];
const LAST = [
  "Sadykova",
  "Abenov",
  "Zhakupova",
  "Rakhimov",
  "Okafor",
  "Whitfield",
  "Karimov",
  "Yusupova",
  "Tursunova",
  "Beishenaliev",
  "Petrova",
  "Rossi",
  "Nazarov",
  "Iskakova",
  "Bennett",
  "Harper",
  "Umarova",
  "Seitkali",
  "Hashimi",
  "Sokolov",
  "Dzhaksybekov",
  "Aliyeva",
  "Wen",
  "Lindqvist",
  "Mirzaeva",
  "Kholov",
  "Durand",
  "Usmanov",
  "Haidari",
  "Brandt",
];
const THINK_TANKS = [
  "Steppe Policy Institute",
  "Eurasia Corridor Research Centre",
  "Corridor Risk Group",
  "Central Asia Analytical Network",
  "Caspian Strategy Forum",
  "Institute for Regional Security Studies",
  "Oxus Economic Research Bureau",
];
const COMMODITIES = [
  "natural gas",
  "crude oil",
  "wheat",
  "uranium",
  "coal",
  "cotton",
  "electricity",
  "copper",
  "fertiliser",
  "steel pipes",
  "grain",
  "rare earth metals",
  "gold",
  "diesel fuel",
  "zinc",
  "aluminium",
  "sunflower oil",
  "cement",
  "textiles",
  "machinery",
  "solar panels",
  "electric vehicles",
  "pharmaceuticals",
  "fruit and vegetables",
];
const PROJECTS = [
  "railway line",
  "gas pipeline",
  "hydropower plant",
  "logistics hub",
  "dry port",
  "copper smelter",
  "wind farm",
  "solar park",
  "highway",
  "oil refinery",
  "fibre-optic cable",
  "free-trade zone",
  "nuclear power plant",
  "border crossing",
  "industrial park",
  "water treatment plant",
  "airport terminal",
  "fertiliser factory",
  "data centre",
  "irrigation canal",
];
const ISSUES = [
  "fuel prices",
  "water sharing",
  "the disputed border",
  "labour migration",
  "sanctions enforcement",
  "corruption",
  "the cost of living",
  "electricity shortages",
  "land reform",
  "press freedom",
  "the rouble's fall",
  "transit fees",
  "drought",
  "debt repayments",
  "election rules",
  "youth unemployment",
  "the grain harvest",
  "customs delays",
  "housing shortages",
  "pension reform",
];
const DEMANDS = [
  "the resignation of the regional governor",
  "lower fuel prices",
  "the release of detained activists",
  "higher wages",
  "an end to the land deal",
  "a recount of the vote",
  "compensation for flooded homes",
  "the return of seized property",
  "clean drinking water",
  "a halt to the mine expansion",
];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const REL_DATES = [
  "last week",
  "on {weekday}",
  "earlier this month",
  "two days ago",
  "last month",
  "this year",
  "last year",
  "in {year}",
  "since {year}",
  "on {day} {month}",
  "on {month} {day}",
  "at the start of the year",
  "late last year",
  "between {year} and {year2}",
  "three weeks ago",
  "on {weekday} evening",
  "yesterday",
];
const FUTURE_DATES = [
  "next month",
  "next year",
  "by {year3}",
  "later this year",
  "within two years",
  "by the end of {year3}",
];
const ADJ = [
  "significant",
  "cautious",
  "unprecedented",
  "fragile",
  "pragmatic",
  "costly",
  "ambitious",
  "long-delayed",
  "modest",
  "sweeping",
  "controversial",
  "strategic",
  "tentative",
  "landmark",
  "temporary",
  "rapid",
];
const NOUNS = [
  "shift",
  "agreement",
  "partnership",
  "rivalry",
  "settlement",
  "programme",
  "package",
  "dispute",
  "reform",
  "corridor",
  "deal",
  "ceasefire",
  "framework",
  "roadmap",
  "consortium",
  "treaty",
];
const QUOTE_CLAUSES = [
  "we will not allow anyone to dictate the terms of our cooperation",
  "{country} remains committed to dialogue with all its neighbours",
  "the {project} is a matter of national interest and will be finished on time",
  "our relations with {country} have never been stronger",
  "nobody in the region benefits from instability on this border",
  "the figures speak for themselves, trade has more than doubled",
  "this is a {adj} step, but it is only the first one",
  "we expect our partners to respect the agreements they signed",
  "security in {place} is our absolute priority",
  "the sanctions hurt ordinary people far more than they hurt governments",
  "we are open to investment from east and west alike",
  "there is no alternative to a negotiated settlement",
  "the {org} has proved its worth in a difficult year",
  "{country} will defend its sovereignty by every lawful means",
  "the price of {commodity} is set by the market, not by politicians",
  "we have agreed to double the capacity of the {project}",
  "our people need jobs, water and electricity, not speeches",
  "the talks were frank and, I believe, useful",
];
const VERB_SAID = [
  "said",
  "said",
  "said",
  "told reporters",
  "told journalists",
  "added",
  "noted",
  "stressed",
  "warned",
];

// ---- one article -------------------------------------------------------------------------------------

interface Cast {
  a: CountryName;
  b: CountryName;
  c: CountryName;
  people: PersonName[];
  org: OrgName;
  company: OrgName;
  place: string;
  initiative: string;
  year: number;
  analysts: string[];
  thinkTanks: string[];
}

export interface GeneratedArticle {
  index: number;
  /** File name inside its shard. */
  name: string;
  text: string;
  /** Index of the article this one is a syndicated near-copy of, or null. */
  copyOf: number | null;
}

const fill = (r: Rng, t: string, cast: Cast): string =>
  t.replace(/\{(\w+)\}/g, (_, k: string) => {
    switch (k) {
      case "weekday":
        return r.pick(WEEKDAYS);
      case "month":
        return r.pick(MONTHS);
      case "day":
        return String(r.int(1, 28));
      case "year":
        return String(cast.year - r.int(1, 12));
      case "year2":
        return String(cast.year - r.int(0, 1));
      case "year3":
        return String(cast.year + r.int(1, 6));
      case "country":
        return r.pick([cast.a, cast.b, cast.c]).name;
      case "project":
        return r.pick(PROJECTS);
      case "adj":
        return r.pick(ADJ);
      case "place":
        return cast.place;
      case "org":
        return cast.org.name;
      case "commodity":
        return r.pick(COMMODITIES);
      default:
        return k;
    }
  });

const num = (n: number) => n.toLocaleString("en-US");
const money = (r: Rng): string => {
  const v = r.chance(0.5) ? `${r.int(1, 99)}.${r.int(1, 9)}` : String(r.int(2, 950));
  const unit = r.pick(["billion", "million", "million", "billion", "bn"]);
  const cur = r.pick(["$", "$", "$", "€", "US$"]);
  return unit === "bn" ? `${cur}${v}bn` : r.chance(0.15) ? `${v} ${unit} dollars` : `${cur}${v} ${unit}`;
};
const percent = (r: Rng): string => {
  const v = r.chance(0.5) ? `${r.int(1, 60)}.${r.int(1, 9)}` : String(r.int(2, 80));
  return `${v}${r.pick(["%", "%", " per cent", " percent"])}`;
};
const distance = (r: Rng): string => {
  const v = num(r.int(12, 3200));
  return r.pick([`${v} kilometres`, `${v} km`, `${v} miles`, `some ${v} kilometres`]);
};
const troops = (r: Rng): string =>
  r.pick([
    `${num(r.int(2, 40) * 50)} troops`,
    `${num(r.int(3, 120) * 25)} soldiers`,
    `${num(r.int(1, 30) * 100)} personnel`,
    `about ${num(r.int(1, 9) * 1000)} servicemen`,
  ]);
const tonnes = (r: Rng): string =>
  r.pick([
    `${r.int(1, 40)}.${r.int(0, 9)} million tonnes`,
    `${num(r.int(10, 900) * 1000)} tonnes`,
    `${r.int(2, 60)} billion cubic metres`,
    `${num(r.int(5, 900) * 100)} barrels a day`,
  ]);

function relDate(r: Rng, cast: Cast): string {
  return fill(r, r.pick(REL_DATES), cast);
}

function person(r: Rng, cast: Cast): PersonName {
  return r.pick(cast.people);
}

/** A person named with their office: "Kazakh President Kassym-Jomart Tokayev", "Tokayev, Kazakhstan's president". */
function titled(r: Rng, p: PersonName): string {
  if (!p.country) return `${p.name}, a senior ${p.title.toLowerCase()}`;
  switch (r.int(0, 4)) {
    case 0:
      return `${p.country.demonym} ${p.title} ${p.name}`;
    case 1:
      return `${p.name}, ${p.country.name}'s ${p.title.toLowerCase()}`;
    case 2:
      return `the ${p.country.demonym} ${p.title.toLowerCase()}, ${p.name}`;
    case 3:
      return `${p.country.name}'s ${p.title} ${p.name}`;
    default:
      return `${p.title} ${p.name} of ${p.country.name}`;
  }
}

/** A second mention: the short form, "Mr X", or the role. */
function again(r: Rng, p: PersonName): string {
  const k = r.int(0, 5);
  if (k <= 2) return p.short;
  if (k === 3) return `Mr ${p.short}`;
  if (k === 4 && p.country) return `the ${p.country.demonym} ${p.title.toLowerCase()}`;
  return p.name;
}

function analyst(r: Rng, cast: Cast): string {
  const name = r.pick(cast.analysts);
  return r.pick([
    `${name}, a senior fellow at the ${r.pick(cast.thinkTanks)} in ${r.pick([cast.a.capital, cast.b.capital, "London"])}`,
    `${name}, an analyst at the ${r.pick(cast.thinkTanks)}`,
    `${name} of the ${r.pick(cast.thinkTanks)}`,
    name,
  ]);
}

function quoteText(r: Rng, cast: Cast): string {
  let q = fill(r, r.pick(QUOTE_CLAUSES), cast);
  if (r.chance(0.3)) q += `, and ${fill(r, r.pick(QUOTE_CLAUSES), cast)}`;
  return q.charAt(0).toUpperCase() + q.slice(1);
}

const SENTENCES: ((r: Rng, c: Cast) => string)[] = [
  // membership
  (_r, c) => `${c.a.name} is a member of the ${c.org.name}${c.org.acronym ? ` (${c.org.acronym})` : ""}.`,
  (r, c) =>
    `${c.b.name}, which joined the ${c.org.acronym ?? c.org.name} in ${c.year - r.int(2, 25)}, ${r.pick(["has pushed for", "has resisted", "abstained on"])} the ${r.pick(ADJ)} ${r.pick(NOUNS)}.`,
  (r, c) =>
    `Members of the ${c.org.acronym ?? c.org.name} include ${c.a.name}, ${c.b.name} and ${c.c.name}, but not ${r.pick([...c.people.map((p) => p.country?.name ?? c.c.name), c.c.name])}.`,
  (r, c) =>
    `${c.c.name} quit the ${c.org.name} in ${c.year - r.int(3, 15)} and has ${r.pick(["not returned", "since sought observer status", "kept its distance"])}.`,
  (r, c) =>
    `${c.b.name} has applied to join the ${c.org.name}, ${r.pick(["officials said", "diplomats said", "according to the bloc's secretariat"])}.`,
  // offices
  (r, c) =>
    `${cap(titled(r, person(r, c)))} ${r.pick(["said", "announced", "confirmed"])} ${relDate(r, c)} that ${c.a.name} would ${r.pick(["expand", "review", "suspend", "accelerate"])} ${r.pick(["its", "the"])} ${r.pick(PROJECTS)} ${r.pick(["programme", "plans", "project"])}.`,
  (r, c) => {
    const p = person(r, c);
    return `${cap(titled(r, p))} ${r.pick(["appointed", "dismissed", "named"])} ${r.pick(c.analysts)} as ${r.pick(["deputy prime minister", "energy minister", `ambassador to ${c.b.name}`, "head of the customs service", `governor of ${c.place}`])} ${relDate(r, c)}.`;
  },
  // trade, supply, investment
  (r, c) =>
    `Trade between ${c.a.name} and ${c.b.name} reached ${money(r)} in ${c.year - 1}, up ${percent(r)} from a year earlier, according to ${r.pick(["customs data", "official figures", "the national statistics bureau", "the economy ministry"])}.`,
  (r, c) =>
    `${c.a.name} ${r.pick(["supplies", "sells", "exports"])} ${r.pick(COMMODITIES)} to ${c.b.name}, which ${r.pick(["buys", "imports", "takes"])} ${tonnes(r)} a year.`,
  (r, c) =>
    `${c.company.name} ${r.pick(["will invest", "has invested", "plans to invest", "pledged"])} ${money(r)} in a ${r.pick(PROJECTS)} in ${r.pick([c.a.name, c.b.name, c.place])}.`,
  (r, c) =>
    `${c.b.name} is ${c.a.name}'s ${r.pick(["largest", "second-largest", "fastest-growing", "most important"])} trading partner, ${r.pick(["ahead of", "behind", "overtaking"])} ${c.c.name}.`,
  (r, c) =>
    `${c.a.demonym} exports of ${r.pick(COMMODITIES)} ${r.pick(["rose", "fell", "jumped", "slumped"])} ${percent(r)} to ${tonnes(r)} ${relDate(r, c)}.`,
  (r, c) =>
    `${c.a.capital} buys most of its ${r.pick(COMMODITIES)} from ${c.b.name} and pays in ${r.pick(["roubles", "yuan", "dollars", "tenge", "national currencies"])}.`,
  (r, c) => `The ${c.initiative} has drawn ${money(r)} of ${c.b.demonym} investment since ${c.year - r.int(3, 11)}.`,
  // visits and calls
  (r, c) => {
    const [p, q] = two(r, c.people);
    return `${cap(titled(r, p))} ${r.pick(["visited", "arrived in", "travelled to"])} ${q.country?.capital ?? c.b.capital} ${relDate(r, c)} for talks with ${titled(r, q)}.`;
  },
  (r, c) => {
    const [p, q] = two(r, c.people);
    return `${cap(again(r, p))} ${r.pick(["held a phone call with", "spoke by telephone with", "called"])} ${q.name} ${relDate(r, c)} to discuss ${r.pick(ISSUES)} and the ${r.pick(PROJECTS)}.`;
  },
  (r, c) => {
    const [p, q] = two(r, c.people);
    return `${cap(p.name)} will travel to ${q.country?.name ?? c.c.name} ${fill(r, r.pick(FUTURE_DATES), c)}, ${r.pick(["his office said", "the foreign ministry announced", "according to a government statement"])}.`;
  },
  (r, c) => {
    const p = person(r, c);
    const other = p.country === c.b ? c.a : c.b;
    return `${cap(again(r, p))} met ${r.pick(["his", "her", "the"])} ${other.demonym} counterpart in ${r.pick([c.place, c.a.capital, c.b.capital])} ${relDate(r, c)}, and the two ${r.pick(["signed", "discussed", "initialled"])} ${r.int(2, 14)} agreements on ${r.pick(ISSUES)}.`;
  },
  // statements and quotes, in every form
  (r, c) => `"${quoteText(r, c)}," ${again(r, person(r, c))} ${r.pick(VERB_SAID)}.`,
  (r, c) => `\u201c${quoteText(r, c)},\u201d said ${titled(r, person(r, c))}.`,
  (r, c) => `${cap(titled(r, person(r, c)))} said: "${quoteText(r, c)}."`,
  (r, c) => {
    const who = analyst(r, c);
    return `${cap(who)}${who.includes(",") ? "," : ""} said, "${quoteText(r, c)}."`;
  },
  (r, c) => `"${quoteText(r, c)}," said ${analyst(r, c)}. "${quoteText(r, c)}."`,
  (r, c) =>
    `'${quoteText(r, c)}', ${again(r, person(r, c))} told ${r.pick(["the BBC", "Reuters", "state television", "parliament", "a news conference"])}.`,
  (r, c) =>
    `According to ${again(r, person(r, c))}, ${fill(r, r.pick(QUOTE_CLAUSES), c).replace(/\b(we|our)\b/g, (w) => (w === "we" ? "the government" : "its"))}.`,
  (r, c) =>
    `In a statement, the ${c.a.demonym} foreign ministry said ${c.a.name} ${r.pick(["regretted", "welcomed", "rejected", "noted"])} ${c.b.name}'s decision on ${r.pick(ISSUES)}.`,
  (r, c) =>
    `${cap(again(r, person(r, c)))} warned that ${c.b.name} would "${fill(r, r.pick(["pay a price", "regret this step", "face consequences", "lose a reliable partner"]), c)}" if it ${r.pick(["closed the border", "raised transit fees", "joined the sanctions", `cut supplies of ${r.pick(COMMODITIES)}`])}.`,
  (r, c) =>
    `${cap(again(r, person(r, c)))} denied that ${c.a.name} had ${r.pick(["sent troops", "cut gas supplies", "blocked the talks", "taken a loan"])} ${relDate(r, c)}.`,
  (r, c) =>
    `${cap(analyst(r, c))} said the ${r.pick(ADJ)} ${r.pick(NOUNS)} ${r.pick(["showed", "suggested", "confirmed"])} how far ${c.a.capital} had moved towards ${c.b.capital}.`,
  // protests
  (r, c) =>
    `${r.pick(["Hundreds of", "Thousands of", "Several dozen", `About ${num(r.int(2, 90) * 100)}`])} protesters ${r.pick(["gathered", "rallied", "marched"])} in ${r.pick([c.place, c.a.capital])} ${relDate(r, c)} to demand ${r.pick(DEMANDS)}.`,
  (r, c) =>
    `Police ${r.pick(["detained", "arrested", "held"])} ${num(r.int(3, 900))} people after demonstrations over ${r.pick(ISSUES)} in ${r.pick([c.place, c.a.capital])}, the interior ministry said.`,
  (r, c) =>
    `Demonstrators blocked the road to ${r.pick([c.place, c.b.capital])} for ${r.int(2, 9)} hours in protest at ${r.pick(ISSUES)}.`,
  // deployments and force
  (r, c) =>
    `${c.a.name} ${r.pick(["deployed", "sent", "moved"])} ${troops(r)} to ${r.pick([`its border with ${c.b.name}`, c.place, "the frontier"])} ${relDate(r, c)}.`,
  (r, c) =>
    `The ${c.org.acronym ?? c.org.name} held joint military exercises in ${c.b.name} involving ${troops(r)} and ${r.int(12, 400)} armoured vehicles.`,
  (r, c) =>
    `${c.a.demonym} forces ${r.pick(["carried out air strikes", "shelled positions", "opened fire"])} near ${c.place}, killing ${r.int(2, 60)} people, ${r.pick(["local officials said", "a monitoring group said", "witnesses said"])}.`,
  (r, c) => `${c.a.name} agreed to withdraw ${troops(r)} from ${c.b.name} ${fill(r, r.pick(FUTURE_DATES), c)}.`,
  // figures and geography
  (r, c) => `${c.a.name} shares a border of ${distance(r)} with ${c.b.name}.`,
  (r, c) =>
    `The ${r.pick(PROJECTS)} will run for ${distance(r)} from ${c.place} to the ${c.b.demonym} border and cost ${money(r)}.`,
  (r, c) =>
    `Inflation in ${c.a.name} ${r.pick(["reached", "slowed to", "eased to", "hit"])} ${percent(r)} in ${r.pick(MONTHS)}, while the central bank ${r.pick(["raised", "held", "cut"])} its key rate to ${percent(r)}.`,
  (r, c) =>
    `Remittances from ${c.b.name} account for ${percent(r)} of ${c.a.name}'s economy, ${r.pick(["World Bank", "central bank", "IMF"])} data show.`,
  (r, c) =>
    `${c.company.name} said its ${r.pick(["profits", "revenues", "shipments", "output"])} ${r.pick(["rose", "fell"])} ${percent(r)} to ${money(r)} ${relDate(r, c)}.`,
  // background: varied wording keeps unrelated articles apart
  (r, c) =>
    `The ${r.pick(ADJ)} ${r.pick(NOUNS)} on ${r.pick(ISSUES)} ${r.pick(["follows", "comes after", "builds on"])} ${r.int(2, 9)} years of ${r.pick(["talks", "disputes", "delays", "negotiations"])} between ${c.a.capital} and ${c.b.capital}.`,
  (r, c) =>
    `Critics in ${c.a.name} say ${r.pick(ISSUES)} and ${r.pick(ISSUES)} matter more to voters than the ${r.pick(PROJECTS)}.`,
  (r, c) =>
    `${cap(r.pick(ISSUES))} ${r.pick(["has long strained", "continues to shape", "dominates"])} relations between ${c.a.name} and ${c.c.name}.`,
];

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function two<T>(r: Rng, xs: T[]): [T, T] {
  const a = r.pick(xs);
  let b = r.pick(xs);
  for (let i = 0; i < 5 && b === a; i++) b = r.pick(xs);
  return [a, b];
}

function dateLine(r: Rng, y: number): string {
  const m = r.int(0, 11);
  const d = r.int(1, 28);
  const month = MONTHS[m] as string;
  const iso = `${y}-${String(m + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const th = d === 1 || d === 21 ? "st" : d === 2 || d === 22 ? "nd" : d === 3 || d === 23 ? "rd" : "th";
  switch (r.int(0, 7)) {
    case 0:
      return `- ${r.pick(WEEKDAYS)}, ${month} ${d}, ${y}`;
    case 1:
      return `${month} ${d}${th}, ${y}`;
    case 2:
      return `Published ${String(r.int(0, 23)).padStart(2, "0")}:${String(r.int(0, 59)).padStart(2, "0")} ${r.pick(["GMT", "IST", "UTC"])}, ${month} ${d}${th} ${y}`;
    case 3:
      return iso;
    case 4:
      return `Updated: ${iso} ${String(r.int(0, 23)).padStart(2, "0")}:00 GMT`;
    case 5:
      return `${d} ${month} ${y}`;
    case 6:
      return `Posted on ${month} ${d}, ${y}`;
    default:
      return `${month.slice(0, 3)}. ${d}, ${y}`;
  }
}

const TITLES: ((r: Rng, c: Cast) => string)[] = [
  (r, c) =>
    `${c.a.name} and ${c.b.name} sign ${r.pick(ADJ)} ${r.pick(NOUNS)} as ${c.people[0]?.short ?? "leaders"} visits ${c.b.capital}`,
  (r, c) => `${c.org.acronym ?? c.org.name} summit opens in ${c.place} amid row over ${r.pick(ISSUES)}`,
  (r, c) => `Protests spread in ${c.a.name} over ${r.pick(ISSUES)}`,
  (_r, c) => `${c.a.name} sends troops to ${c.b.name} border as tensions rise`,
  (r, c) => `${c.a.name}'s trade with ${c.b.name} hits record ${money(r)}`,
  (r, c) => `${c.company.name} bets ${money(r)} on ${c.b.demonym} ${r.pick(PROJECTS)}`,
  (_r, c) => `What the ${c.initiative} means for ${c.a.name}`,
  (r, c) => `${c.people[0]?.short ?? c.a.name} warns ${c.b.capital} over ${r.pick(ISSUES)}`,
];

const FURNITURE_TOP = [
  (o: string) => `${o} - Logo`,
  () => "Share",
  () => "Follow us on Google News",
  () => "Twitter | Facebook | Email",
  () => "5 min read",
];
const FURNITURE_MID = [
  "Advertisement",
  "Image: Reuters",
  "Image: AFP/Getty Images",
  "Share",
  "Story continues below advertisement",
  "Related articles",
  "(Photo: AP)",
  "Photo: Vyacheslav Oseledko/AFP",
  "Read more",
];
const FURNITURE_END = [
  (o: string) => `© ${2020 + (o.length % 5)} ${o}. All rights reserved.`,
  () => "Leave a Reply",
  () => "Click to Read More",
  () => "Subscribe to our newsletter for weekly analysis",
  () => "Tags: Central Asia, Geopolitics, Trade",
];

/** A place in one of the story's countries when the KB knows one, else any place. */
function placeIn(r: Rng, names: CorpusNames, countries: CountryName[]): string {
  const ids = new Set(countries.map((c) => c.id));
  const local = names.places.filter((p) => p.country !== null && ids.has(p.country));
  return (local.length && r.chance(0.85) ? r.pick(local) : r.pick(names.places)).name;
}

function castFor(r: Rng, names: CorpusNames): Cast {
  const pool = r.chance(0.8) && names.focus.length >= 3 ? names.focus : names.countries;
  const a = r.pick(pool);
  let b = r.pick(pool);
  while (b === a) b = r.pick(pool);
  let c = r.pick(names.countries);
  while (c === a || c === b) c = r.pick(names.countries);
  const related = names.people.filter((p) => p.country === a || p.country === b);
  const people: PersonName[] = [];
  for (let i = 0; i < 3; i++) people.push(related.length && r.chance(0.7) ? r.pick(related) : r.pick(names.people));
  const analysts = [0, 1, 2].map(() => `${r.pick(FIRST)} ${r.pick(LAST)}`);
  return {
    a,
    b,
    c,
    people,
    org: r.pick(names.orgs),
    company: r.pick(names.companies),
    place: placeIn(r, names, [a, b]),
    initiative: r.pick(names.initiatives),
    year: r.int(2015, 2025),
    analysts,
    thinkTanks: names.thinkTanks,
  };
}

/** The original (not a copy) article for an index. */
function baseArticle(index: number, seed: number, names: CorpusNames): { lines: string[]; outlet: string } {
  const r = new Rng(mixSeed(seed, index));
  const cast = castFor(r, names);
  const outlet = r.pick(OUTLETS);
  const lines: string[] = [];
  if (r.chance(0.6)) lines.push((r.pick(FURNITURE_TOP) as (o: string) => string)(outlet));
  lines.push(r.pick(TITLES)(r, cast));
  const author = `${r.pick(FIRST)} ${r.pick(LAST)}`;
  const byline = r.chance(0.2) ? `By ${author} and ${r.pick(FIRST)} ${r.pick(LAST)}` : `By ${author}`;
  const date = dateLine(r, cast.year);
  switch (r.int(0, 3)) {
    case 0:
      lines.push(byline, date);
      break;
    case 1:
      lines.push(date, byline);
      break;
    case 2:
      lines.push(`${byline} | ${date.replace(/^- /, "")}`);
      break;
    default:
      lines.push(author, date);
  }
  if (r.chance(0.5)) lines.push((r.pick(FURNITURE_TOP) as (o: string) => string)(outlet));
  lines.push("");
  const paragraphs = r.int(6, 15);
  for (let p = 0; p < paragraphs; p++) {
    const n = r.int(2, 4);
    const ss: string[] = [];
    for (let s = 0; s < n; s++) ss.push(r.pick(SENTENCES)(r, cast));
    lines.push(ss.join(" "), "");
    if (p > 0 && p < paragraphs - 1 && r.chance(0.18)) lines.push(r.pick(FURNITURE_MID), "");
  }
  const ends = r.int(0, 3);
  for (let e = 0; e < ends; e++) lines.push((r.pick(FURNITURE_END) as (o: string) => string)(outlet), "");
  return { lines, outlet };
}

/** Small edits a syndicating outlet makes: other furniture, a republication note, a word or a paragraph changed. */
function syndicate(r: Rng, lines: string[], outlet: string): string[] {
  const other = OUTLETS.filter((o) => o !== outlet);
  const newOutlet = r.pick(other);
  const out = lines.filter((l) => !FURNITURE_MID.includes(l) && !l.includes(outlet));
  const blank = out.indexOf("");
  out.splice(
    blank < 0 ? out.length : blank,
    0,
    `This article first appeared in ${outlet} and is republished by ${newOutlet} under a syndication agreement.`,
  );
  out.unshift(`${newOutlet} - Logo`);
  // Drop the last paragraph sometimes, and swap a few words.
  const paras = out.map((l, i) => [l, i] as const).filter(([l]) => l.length > 80);
  if (paras.length > 6 && r.chance(0.5)) out.splice((paras[paras.length - 1] as readonly [string, number])[1], 1);
  for (let k = 0; k < 3; k++) {
    const i = (r.pick(paras) ?? ["", -1])[1];
    if (i >= 0 && out[i] !== undefined) {
      out[i] = (out[i] as string)
        .replace(/\bsaid\b/, "says")
        .replace(/\bwould\b/, "will")
        .replace(/ per cent\b/, "%");
    }
  }
  out.push(`© ${newOutlet}`, "", r.pick(FURNITURE_MID));
  return out;
}

/** Syndicated copies: about 3 % of articles, each a copy of one of the 50 before it. */
const COPY_SHARE = 0.03;

export function makeArticle(index: number, seed: number, names: CorpusNames): GeneratedArticle {
  const r = new Rng(mixSeed(seed ^ 0x5bd1e995, index));
  const name = `article-${String(index).padStart(6, "0")}.txt`;
  if (index > 0 && r.chance(COPY_SHARE)) {
    const of = Math.max(0, index - r.int(1, 50));
    const base = baseArticle(of, seed, names);
    return { index, name, text: `${syndicate(r, base.lines, base.outlet).join("\n")}\n`, copyOf: of };
  }
  const base = baseArticle(index, seed, names);
  return { index, name, text: `${base.lines.join("\n")}\n`, copyOf: null };
}

export function* generateArticles(n: number, seed: number, names: CorpusNames, from = 0): Generator<GeneratedArticle> {
  for (let i = from; i < from + n; i++) yield makeArticle(i, seed, names);
}

export const wordCount = (s: string): number => {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 11 || c === 0xa0;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
};

// ---- corpus on disk ----------------------------------------------------------------------------------

export interface ShardInfo {
  dir: string;
  docs: number;
  words: number;
  bytes: number;
  copies: number;
}

export interface CorpusManifest {
  version: number;
  seed: number;
  /** CorpusNames.hash of the names the corpus was generated from. */
  names: string;
  shards: ShardInfo[];
}

/**
 * Ensures `root` holds at least `docs` articles (shards of SHARD_SIZE files, shard k holding articles
 * k*SHARD_SIZE ...), generating only the shards missing. Returns the manifest of the shards needed.
 */
export function ensureCorpus(
  root: string,
  docs: number,
  seed: number,
  names: CorpusNames,
  log: (s: string) => void = () => {},
): { manifest: CorpusManifest; generatedMs: number; generatedShards: number } {
  const dir = join(root, `seed-${seed}-v${GENERATOR_VERSION}`);
  const manifestPath = join(dir, "manifest.json");
  let manifest: CorpusManifest = { version: GENERATOR_VERSION, seed, names: names.hash, shards: [] };
  if (existsSync(manifestPath)) {
    try {
      const m = JSON.parse(readFileSync(manifestPath, "utf8")) as CorpusManifest;
      if (m.version === GENERATOR_VERSION && m.seed === seed && m.names === names.hash) manifest = m;
    } catch {
      // rebuild
    }
  }
  if (manifest.shards.length === 0 && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const needed = Math.ceil(docs / SHARD_SIZE);
  const t0 = performance.now();
  let generated = 0;
  for (let k = manifest.shards.length; k < needed; k++) {
    const shardDir = join(dir, `shard-${String(k).padStart(3, "0")}`);
    rmSync(shardDir, { recursive: true, force: true });
    mkdirSync(shardDir, { recursive: true });
    const info: ShardInfo = { dir: shardDir, docs: 0, words: 0, bytes: 0, copies: 0 };
    for (const a of generateArticles(SHARD_SIZE, seed, names, k * SHARD_SIZE)) {
      writeFileSync(join(shardDir, a.name), a.text);
      info.docs++;
      info.words += wordCount(a.text);
      info.bytes += Buffer.byteLength(a.text);
      if (a.copyOf !== null) info.copies++;
    }
    manifest.shards.push(info);
    generated++;
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 1));
    if ((k + 1) % 10 === 0) log(`corpus: ${k + 1}/${needed} shards`);
  }
  return {
    manifest: { ...manifest, shards: manifest.shards.slice(0, needed) },
    generatedMs: performance.now() - t0,
    generatedShards: generated,
  };
}
