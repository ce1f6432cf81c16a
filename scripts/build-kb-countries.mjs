#!/usr/bin/env node
// Builds data/kb/countries.json from the `world-countries` npm package (ODbL-1.0).
//
// Usage: node scripts/build-kb-countries.mjs
//
// Keeps sovereign states (world-countries `independent: true`, i.e. the UN members) plus
// Palestine and the Vatican (UN observer states), Kosovo and Taiwan. Dependencies and
// territories (Hong Kong, Greenland, Puerto Rico...) are skipped; the few that matter for
// news live in data/kb/places.json as locations.
//
// The OVERRIDES table holds the hand fixes: news-usage names, Wikidata QIDs (from model
// knowledge, 2025), extra aliases / demonyms / metonyms and strings to drop.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkgDir = join(root, "node_modules", "world-countries");
const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
const countries = JSON.parse(readFileSync(join(pkgDir, "countries.json"), "utf8"));
const SOURCE = `world-countries ${pkg.version} (ODbL-1.0); names, QIDs and metonyms hand-curated (general knowledge / Wikidata from model knowledge, 2025)`;

/** Non-`independent` entries that are still kept, with their subtype. */
const EXTRA_STATES = {
  PSE: "observer-state",
  VAT: "observer-state",
  UNK: "partially-recognized-state",
  TWN: "partially-recognized-state",
};

/** Two-letter codes / short forms that are real names in news prose (others are dropped). */
const KEEP_SHORT = new Set(["US", "USA", "UK", "UAE", "PRC", "ROK", "DPRK", "DRC", "RSA"]);

/**
 * Hand overrides keyed by world-countries cca3.
 * id: id suffix (default cca3); name: canonical news name; qid: Wikidata QID;
 * aliases / demonyms / metonyms: added; dropAliases / dropDemonyms: removed;
 * capitals: replaces the capital list used for metonyms; noCapitalMetonym: capital name is too ambiguous.
 */
const OVERRIDES = {
  AFG: { qid: "Q889" },
  AGO: { qid: "Q916" },
  ALB: { qid: "Q222" },
  AND: { qid: "Q228" },
  ARE: { qid: "Q878", aliases: ["U.A.E."] },
  ARG: { qid: "Q414" },
  ARM: { qid: "Q399" },
  ATG: { qid: "Q781", noCapitalMetonym: true, demonyms: ["Antiguan"] },
  AUS: { qid: "Q408" },
  AUT: { qid: "Q40" },
  AZE: { qid: "Q227", demonyms: ["Azeri"] },
  BDI: { qid: "Q967" },
  BEL: { qid: "Q31" },
  BEN: { qid: "Q962" },
  BFA: { qid: "Q965", demonyms: ["Burkinabè"] },
  BGD: { qid: "Q902" },
  BGR: { qid: "Q219" },
  BHR: { qid: "Q398" },
  BHS: { qid: "Q778", aliases: ["The Bahamas"] },
  BIH: { qid: "Q225", aliases: ["Bosnia"] },
  BLR: { qid: "Q184", aliases: ["Byelorussia"] },
  BLZ: { qid: "Q242" },
  BOL: { qid: "Q750", capitals: ["La Paz", "Sucre"] },
  BRA: { qid: "Q155" },
  BRB: { qid: "Q244" },
  BRN: { qid: "Q921", dropAliases: ["the Abode of Peace", "Nation of Brunei"] },
  BTN: { qid: "Q917" },
  BWA: { qid: "Q963", demonyms: ["Botswanan"] },
  CAF: { qid: "Q929", aliases: ["CAR"] },
  CAN: { qid: "Q16" },
  CHE: { qid: "Q39" },
  CHL: { qid: "Q298", noCapitalMetonym: true },
  CHN: {
    qid: "Q148",
    aliases: ["PRC", "P.R.C.", "Mainland China", "Communist China"],
    dropAliases: ["Zhonghua"],
    metonyms: ["Zhongnanhai"],
  },
  CIV: { qid: "Q1008", capitals: ["Yamoussoukro", "Abidjan"] },
  CMR: { qid: "Q1009" },
  COD: {
    qid: "Q974",
    name: "Democratic Republic of the Congo",
    aliases: ["DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa"],
  },
  COG: { qid: "Q971", aliases: ["Congo-Brazzaville"], dropAliases: ["Congo"] },
  COL: { qid: "Q739" },
  COM: { qid: "Q970", dropDemonyms: ["Comoran"], demonyms: ["Comorian"] },
  CPV: { qid: "Q1011", aliases: ["Cabo Verde"], dropDemonyms: ["Cape Verdian"], demonyms: ["Cape Verdean"] },
  CRI: { qid: "Q800" },
  CUB: { qid: "Q241" },
  CYP: { qid: "Q229" },
  CZE: { qid: "Q213", name: "Czech Republic", aliases: ["Czechia"] },
  DEU: { qid: "Q183", aliases: ["Deutschland"] },
  DJI: { qid: "Q977", dropDemonyms: ["Djibouti"], demonyms: ["Djiboutian"], noCapitalMetonym: true },
  DMA: { qid: "Q784", dropDemonyms: ["Dominican"] },
  DNK: { qid: "Q35" },
  DOM: { qid: "Q786" },
  DZA: { qid: "Q262" },
  ECU: { qid: "Q736", demonyms: ["Ecuadorian"] },
  EGY: { qid: "Q79" },
  ERI: { qid: "Q986" },
  ESP: { qid: "Q29" },
  EST: { qid: "Q191" },
  ETH: { qid: "Q115" },
  FIN: { qid: "Q33" },
  FJI: { qid: "Q712" },
  FRA: { qid: "Q142" },
  FSM: { qid: "Q702" },
  GAB: { qid: "Q1000" },
  GBR: {
    qid: "Q145",
    aliases: ["U.K.", "Britain", "United Kingdom of Great Britain and Northern Ireland"],
  },
  GEO: { qid: "Q230", aliases: ["Republic of Georgia"] },
  GHA: { qid: "Q117" },
  GIN: { qid: "Q1006" },
  GMB: { qid: "Q1005", aliases: ["The Gambia"] },
  GNB: { qid: "Q1007" },
  GNQ: { qid: "Q983" },
  GRC: { qid: "Q41" },
  GRD: { qid: "Q769", noCapitalMetonym: true },
  GTM: { qid: "Q774" },
  GUY: { qid: "Q734", noCapitalMetonym: true },
  HND: { qid: "Q783" },
  HRV: { qid: "Q224" },
  HTI: { qid: "Q790" },
  HUN: { qid: "Q28" },
  IDN: { qid: "Q252" },
  IND: { qid: "Q668", aliases: ["Bharat"] },
  IRL: { qid: "Q27", aliases: ["Eire"] },
  IRN: { qid: "Q794", aliases: ["Persia"] },
  IRQ: { qid: "Q796" },
  ISL: { qid: "Q189", dropAliases: ["Island"], demonyms: ["Icelandic"] },
  ISR: { qid: "Q801" },
  ITA: { qid: "Q38" },
  JAM: { qid: "Q766", noCapitalMetonym: true },
  JOR: { qid: "Q810" },
  JPN: { qid: "Q17" },
  KAZ: {
    qid: "Q232",
    aliases: ["Qazaqstan"],
    demonyms: ["Kazakh"],
    metonyms: ["Nur-Sultan", "Akorda"],
  },
  KEN: { qid: "Q114" },
  KGZ: {
    qid: "Q813",
    aliases: ["Kirghizia", "Kirgizia", "Kyrgyzia"],
    dropDemonyms: ["Kirghiz"],
    demonyms: ["Kyrgyz", "Kyrgyzstani"],
  },
  KHM: { qid: "Q424" },
  KIR: { qid: "Q710" },
  KNA: { qid: "Q763", aliases: ["St Kitts and Nevis", "St. Kitts and Nevis"], demonyms: ["Kittitian", "Nevisian"] },
  KOR: { qid: "Q884", aliases: ["ROK", "R.O.K."] },
  UNK: { id: "XKX", iso3: "XKX", qid: "Q1246", demonyms: ["Kosovan"] },
  KWT: { qid: "Q817" },
  LAO: { qid: "Q819", aliases: ["Lao PDR"], dropAliases: ["Lao"], demonyms: ["Lao"] },
  LBN: { qid: "Q822" },
  LBR: { qid: "Q1014" },
  LBY: { qid: "Q1016" },
  LCA: { qid: "Q760", aliases: ["St Lucia", "St. Lucia"] },
  LIE: { qid: "Q347" },
  LKA: { qid: "Q854", aliases: ["Ceylon"] },
  LSO: { qid: "Q1013" },
  LTU: { qid: "Q37" },
  LUX: { qid: "Q32" },
  LVA: { qid: "Q211" },
  MAR: { qid: "Q1028" },
  MCO: { qid: "Q235" },
  MDA: { qid: "Q217", capitals: ["Chișinău", "Chisinau"] },
  MDG: { qid: "Q1019" },
  MDV: { qid: "Q826", dropDemonyms: ["Maldivan"], demonyms: ["Maldivian"] },
  MEX: { qid: "Q96", dropAliases: ["Mexicanos"] },
  MHL: { qid: "Q709" },
  MKD: { qid: "Q221" },
  MLI: { qid: "Q912" },
  MLT: { qid: "Q233" },
  MMR: { qid: "Q836", capitals: ["Naypyidaw", "Naypyitaw", "Nay Pyi Taw"] },
  MNE: { qid: "Q236" },
  MNG: { qid: "Q711", capitals: ["Ulaanbaatar", "Ulan Bator"] },
  MOZ: { qid: "Q1029" },
  MRT: { qid: "Q1025" },
  MUS: { qid: "Q1027" },
  MWI: { qid: "Q1020" },
  MYS: { qid: "Q833" },
  NAM: { qid: "Q1030" },
  NER: { qid: "Q1032" },
  NGA: { qid: "Q1033" },
  NIC: { qid: "Q811" },
  NLD: { qid: "Q55" },
  NOR: { qid: "Q20" },
  NPL: { qid: "Q837", demonyms: ["Nepali"] },
  NRU: { qid: "Q697", dropAliases: ["Pleasant Island"] },
  NZL: { qid: "Q664" },
  OMN: { qid: "Q842" },
  PAK: { qid: "Q843" },
  PAN: { qid: "Q804" },
  PER: { qid: "Q419" },
  PHL: { qid: "Q928", demonyms: ["Philippine"] },
  PLW: { qid: "Q695" },
  PNG: { qid: "Q691", aliases: ["PNG"] },
  POL: { qid: "Q36" },
  PRK: { qid: "Q423", aliases: ["D.P.R.K."] },
  PRT: { qid: "Q45", dropAliases: ["Portuguesa"] },
  PRY: { qid: "Q733" },
  PSE: { qid: "Q219060", aliases: ["Palestinian territories"] },
  QAT: { qid: "Q846" },
  ROU: { qid: "Q218" },
  RUS: { qid: "Q159", metonyms: ["Kremlin"] },
  RWA: { qid: "Q1037" },
  SAU: { qid: "Q851", dropAliases: ["Saudi"], demonyms: ["Saudi"], aliases: ["KSA"] },
  SDN: { qid: "Q1049" },
  SEN: { qid: "Q1041" },
  SGP: { qid: "Q334" },
  SLB: { qid: "Q685" },
  SLE: { qid: "Q1044" },
  SLV: { qid: "Q792" },
  SMR: { qid: "Q238" },
  SOM: { qid: "Q1045" },
  SRB: { qid: "Q403" },
  SSD: { qid: "Q958" },
  STP: { qid: "Q1039" },
  SUR: { qid: "Q730", demonyms: ["Surinamese"] },
  SVK: { qid: "Q214" },
  SVN: { qid: "Q215", demonyms: ["Slovenian"] },
  SWE: { qid: "Q34" },
  SWZ: { qid: "Q1050" },
  SYC: { qid: "Q1042", noCapitalMetonym: true },
  SYR: { qid: "Q858" },
  TCD: { qid: "Q657" },
  TGO: { qid: "Q945", dropAliases: ["Togolese"] },
  THA: { qid: "Q869", dropAliases: ["Prathet", "Thai"], aliases: ["Siam"] },
  TJK: {
    qid: "Q863",
    aliases: ["Tadjikistan", "Tadzhikistan"],
    dropDemonyms: ["Tadzhik"],
    demonyms: ["Tajik", "Tajikistani"],
  },
  TKM: { qid: "Q874", demonyms: ["Turkmenistani"], capitals: ["Ashgabat", "Ashkhabad"] },
  TLS: { qid: "Q574", dropAliases: ["Timor"] },
  TON: { qid: "Q678" },
  TTO: { qid: "Q754" },
  TUN: { qid: "Q948" },
  TUR: { qid: "Q43", name: "Turkey", aliases: ["Türkiye", "Turkiye"] },
  TUV: { qid: "Q672" },
  TWN: { qid: "Q865" },
  TZA: { qid: "Q924" },
  UGA: { qid: "Q1036" },
  UKR: { qid: "Q212", aliases: ["the Ukraine"], metonyms: ["Kiev"] },
  URY: { qid: "Q77" },
  USA: {
    qid: "Q30",
    aliases: ["U.S.", "U.S.A.", "America", "United States of America"],
    capitals: ["Washington"],
  },
  UZB: { qid: "Q265", demonyms: ["Uzbek"] },
  VAT: { qid: "Q237", aliases: ["Holy See", "Vatican"], dropDemonyms: ["Vatican"] },
  VCT: { qid: "Q757", aliases: ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"] },
  VEN: { qid: "Q717" },
  VNM: { qid: "Q881" },
  VUT: { qid: "Q686" },
  WSM: { qid: "Q683" },
  YEM: { qid: "Q805", capitals: ["Sana'a", "Sanaa"] },
  ZAF: { qid: "Q258", capitals: ["Pretoria"] },
  ZMB: { qid: "Q953" },
  ZWE: { qid: "Q954" },
};

// Only Latin-script strings (with diacritics) are kept as aliases; native-script and
// IPA forms are dropped. Inverted list forms ("Korea, Republic of") are dropped too.
const LATIN = /^[\p{Script=Latin}\p{M}0-9 .,'’‘ʻ()-]+$/u;
const IPA = /[\u0250-\u02AF]/u;

const uniq = (xs) => {
  const seen = new Set();
  const out = [];
  for (const x of xs) {
    const s = x?.trim();
    if (s && !seen.has(s)) {
      seen.add(s);
      out.push(s);
    }
  }
  return out;
};

function keepAlias(s) {
  if (!LATIN.test(s) || IPA.test(s)) return false;
  if (/^[A-Z]{2,3}$/.test(s) && !KEEP_SHORT.has(s)) return false;
  if (/, /.test(s)) return false;
  return true;
}

const out = [];
for (const c of countries) {
  const extraSubtype = EXTRA_STATES[c.cca3];
  if (!c.independent && !extraSubtype) continue;
  const o = OVERRIDES[c.cca3] ?? {};
  if (!OVERRIDES[c.cca3]) console.warn(`no override for ${c.cca3} (${c.name.common})`);
  const name = o.name ?? c.name.common;
  const drop = new Set(o.dropAliases ?? []);

  const aliases = uniq([c.name.official, c.name.common, ...(c.altSpellings ?? []), ...(o.aliases ?? [])]).filter(
    (a) => a !== name && !drop.has(a) && (keepAlias(a) || (o.aliases ?? []).includes(a)),
  );

  const dropDem = new Set(o.dropDemonyms ?? []);
  const demonyms = uniq([
    ...[c.demonyms?.eng?.m, c.demonyms?.eng?.f].flatMap((d) => (d ? d.split(/, | or /) : [])),
    ...(o.demonyms ?? []),
  ]).filter((d) => !dropDem.has(d));

  const names = new Set([name, ...aliases]);
  const capitals = o.capitals ?? (o.noCapitalMetonym ? [] : (c.capital ?? []));
  const metonyms = uniq([...capitals, ...(o.metonyms ?? [])]).filter((m) => !names.has(m) && !/^City of /.test(m));

  const entry = {
    id: `country/${o.id ?? c.cca3}`,
    type: "country",
    name,
    aliases,
  };
  if (metonyms.length) entry.metonyms = metonyms;
  if (demonyms.length) entry.demonyms = demonyms;
  if (o.qid) entry.qid = o.qid;
  entry.subtype = extraSubtype ?? "sovereign-state";
  entry.iso3 = o.iso3 ?? c.cca3;
  entry.source = SOURCE;
  out.push(entry);
}

out.sort((a, b) => a.name.localeCompare(b.name, "en"));
const dest = join(root, "data", "kb", "countries.json");
writeFileSync(dest, `${JSON.stringify(out, null, 2)}\n`);
console.log(`wrote ${out.length} countries to ${dest}`);
