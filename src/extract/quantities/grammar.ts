// The number grammar for quantities: amounts of money, percentages, lengths, areas, masses, volumes and counts
// as written in news text ("US$7.35 billion", "$1bn", "€3m", "100 million yuan", "20 per cent", "2,300-kilometre",
// "640 square kilometres", "1,800 soldiers", "between 1,500 and 3,000"). Pure: text in, matches out.

export type QuantityKind = "money" | "percent" | "length" | "area" | "mass" | "volume" | "power" | "count";

export interface NumberMatch {
  /** Offsets into the text given to `findNumbers` (the qualifier, when there is one, starts at `qualStart`). */
  start: number;
  qualStart: number;
  end: number;
  kind: QuantityKind;
  /** Value in base units (USD and other currencies as written, fractions for percent, km, km2, ...). */
  value: number;
  /** Upper bound of a range ("1,500-3,000"), in the same units. */
  upper: number | null;
  /** Unit key: "USD", "EUR", "CNY", "percent", "km", "km2", "hectares", "tonnes", "m3", "barrels", "W"; counts leave it "". */
  unit: string;
  /** "more than", "nearly", "around", ... when written before the number. */
  qualifier: string | null;
  /** Offsets of the number itself (first bound), for the count grammar. */
  numStart: number;
  numEnd: number;
  /** Spelled out ("six", "a dozen")? */
  spelled: boolean;
}

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = "thousand|million|billion|trillion|bn|mn|mln|m|k|tn|trn|b";
const SPELLED_UNITS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
  "a dozen": 12,
  "a hundred": 100,
  "a thousand": 1000,
};
const SPELLED = Object.keys(SPELLED_UNITS)
  .sort((a, b) => b.length - a.length)
  .join("|");

const SCALE_VALUE: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  trn: 1e12,
};

const CURRENCY_PREFIX: [RegExp, string][] = [
  [/^(?:US\s?\$|U\.S\.\s?\$|USD|\$)$/i, "USD"],
  [/^(?:S\$|SGD)$/i, "SGD"],
  [/^(?:HK\$|HKD)$/i, "HKD"],
  [/^(?:A\$|AUD)$/i, "AUD"],
  [/^(?:C\$|CAD)$/i, "CAD"],
  [/^(?:€|EUR)$/i, "EUR"],
  [/^(?:£|GBP)$/i, "GBP"],
  [/^(?:¥|RMB|CNY|yuan)$/i, "CNY"],
  [/^(?:₽|RUB)$/i, "RUB"],
  [/^(?:₸|KZT)$/i, "KZT"],
];
const CURRENCY_WORD: [RegExp, string][] = [
  [/^(?:us\s+)?dollars?$/i, "USD"],
  [/^euros?$/i, "EUR"],
  [/^(?:pounds?\s+sterling|pounds?)$/i, "GBP"],
  [/^(?:yuan|renminbi|rmb|cny)$/i, "CNY"],
  [/^(?:roubles?|rubles?)$/i, "RUB"],
  [/^tenge$/i, "KZT"],
  [/^(?:usd)$/i, "USD"],
  [/^(?:eur)$/i, "EUR"],
  [/^(?:rupees?)$/i, "INR"],
  [/^yen$/i, "JPY"],
  [/^somoni$/i, "TJS"],
  [/^soms?$/i, "KGS"],
  [/^manat$/i, "TMT"],
];

const PREFIX_RE = String.raw`US\s?\$|U\.S\.\s?\$|S\$|HK\$|A\$|C\$|\$|€|£|¥|₽|₸|USD\s?|EUR\s?|GBP\s?|RMB\s?|CNY\s?|KZT\s?|RUB\s?`;
const CUR_WORD_RE = String.raw`US\s+dollars?|dollars?|euros?|pounds?(?:\s+sterling)?|yuan|renminbi|RMB|CNY|USD|EUR|roubles?|rubles?|tenge|rupees?|yen|somoni|soms?|manat`;
const UNIT_RE = String.raw`per\s?cent|percent|pct|%|square\s+(?:kilomet(?:er|re)s?|km|miles?)|sq\.?\s?(?:km|mi)|km2|km²|kilomet(?:er|re)s?|km|miles?|hectares?|ha|(?:metric\s+)?tonnes?|(?:metric\s+)?tons?|cubic\s+met(?:er|re)s?|bcm|barrels?|megawatts?|gigawatts?|MW|GW`;
const QUALIFIER = String.raw`more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|as\s+many\s+as|as\s+much\s+as|as\s+few\s+as|close\s+to|just\s+over|just\s+under|nearly|almost|around|about|approximately|roughly|some|over|under|below|above|upwards\s+of|in\s+excess\s+of|an\s+estimated|estimated|only|just`;

const AMOUNT = String.raw`(?:${NUM})(?:\s?(?:${SCALE})\b)?`;
const RANGE_SEP = String.raw`\s?(?:-|–|—|to|and|or)\s?`;

const MASTER = new RegExp(
  String.raw`(?<qual>\b(?:${QUALIFIER})\s+)?(?:(?<between>between|from)\s+)?` +
    `(?<prefix>${PREFIX_RE})?` +
    String.raw`(?<num>${NUM}|\b(?:${SPELLED})\b)(?:\s?(?<scale>${SCALE})\b)?` +
    String.raw`(?:(?<sep>${RANGE_SEP})(?<prefix2>${PREFIX_RE})?(?<num2>${NUM})(?:\s?(?<scale2>${SCALE})\b)?)?` +
    String.raw`(?:(?:\s|-)?(?<unit>${UNIT_RE})(?![\p{L}]))?` +
    String.raw`(?:\s(?<curword>${CUR_WORD_RE})\b)?`,
  "giu",
);
void AMOUNT;

function parseNum(s: string): number {
  const lower = s.toLowerCase();
  if (lower in SPELLED_UNITS) return SPELLED_UNITS[lower] as number;
  return Number(s.replace(/,/g, ""));
}

function currencyOf(prefix: string | undefined, word: string | undefined): string | null {
  const p = prefix?.trim();
  if (p) for (const [re, code] of CURRENCY_PREFIX) if (re.test(p)) return code;
  const w = word?.trim();
  if (w) for (const [re, code] of CURRENCY_WORD) if (re.test(w)) return code;
  return null;
}

function unitOf(u: string): { kind: QuantityKind; unit: string; factor: number } | null {
  const x = u.toLowerCase().replace(/\s+/g, " ");
  if (/^(?:per ?cent|percent|pct|%)$/.test(x)) return { kind: "percent", unit: "percent", factor: 0.01 };
  if (/^(?:square (?:kilomet|km)|sq\.? ?km|km2|km²)/.test(x)) return { kind: "area", unit: "km2", factor: 1 };
  if (/^(?:square miles?|sq\.? ?mi)/.test(x)) return { kind: "area", unit: "km2", factor: 2.589988 };
  if (/^(?:kilomet|km$)/.test(x)) return { kind: "length", unit: "km", factor: 1 };
  if (/^miles?$/.test(x)) return { kind: "length", unit: "km", factor: 1.609344 };
  if (/^(?:hectares?|ha)$/.test(x)) return { kind: "area", unit: "hectares", factor: 1 };
  if (/tonnes?$|tons?$/.test(x)) return { kind: "mass", unit: "tonnes", factor: 1 };
  if (/^cubic met/.test(x)) return { kind: "volume", unit: "m3", factor: 1 };
  if (x === "bcm") return { kind: "volume", unit: "m3", factor: 1e9 };
  if (/^barrels?$/.test(x)) return { kind: "volume", unit: "barrels", factor: 1 };
  if (/^(?:megawatts?|mw)$/.test(x)) return { kind: "power", unit: "W", factor: 1e6 };
  if (/^(?:gigawatts?|gw)$/.test(x)) return { kind: "power", unit: "W", factor: 1e9 };
  return null;
}

/**
 * Every number expression in a text. Counts come back with kind "count" and an empty unit: the caller reads the
 * counted noun. Nothing here decides whether a number is worth keeping (years, dates, list numbers): see index.ts.
 */
export function findNumbers(text: string): NumberMatch[] {
  const out: NumberMatch[] = [];
  MASTER.lastIndex = 0;
  for (let m = MASTER.exec(text); m; m = MASTER.exec(text)) {
    if (m[0].length === 0) {
      MASTER.lastIndex++;
      continue;
    }
    const g = m.groups ?? {};
    const numText = g.num as string;
    const spelled = !/\d/.test(numText);
    const numStart = m.index + m[0].indexOf(numText, (g.qual?.length ?? 0) + (g.between ? g.between.length : 0));
    const numEnd = numStart + numText.length;
    // a lone "m"/"b"/"k" scale only counts after a currency sign ("$1bn", "€3m"), never in "5 m" of text
    let scaleKey = g.scale?.toLowerCase();
    let scale2Key = g.scale2?.toLowerCase();
    const currency = currencyOf(g.prefix, g.curword);
    if (scaleKey && /^(?:m|b|k)$/.test(scaleKey) && !currency) scaleKey = undefined;
    if (scale2Key && /^(?:m|b|k)$/.test(scale2Key) && !currency) scale2Key = undefined;
    if (spelled && (scaleKey || g.prefix)) {
      // "two million", "$ten" are rare; keep the grammar simple and precise
      if (!scaleKey || !/^(?:thousand|million|billion|trillion)$/.test(scaleKey)) continue;
    }
    let value = parseNum(numText);
    if (!Number.isFinite(value)) continue;
    let upper: number | null = null;
    const sep = g.sep?.trim().toLowerCase();
    if (g.num2) {
      // "between 1,500 and 3,000", "1,500-3,000", "20 or 25"; "and" only after "between"/"from"
      const okSep =
        sep === "-" || sep === "–" || sep === "—" || sep === "to" || sep === "or" || (sep === "and" && g.between);
      if (okSep) upper = parseNum(g.num2);
    }
    const s1 = scaleKey ? (SCALE_VALUE[scaleKey] ?? 1) : 1;
    const s2 = scale2Key ? (SCALE_VALUE[scale2Key] ?? 1) : s1 === 1 ? 1 : s1;
    // "$1-2 billion": the scale written once applies to both bounds
    const firstScale = scaleKey ? s1 : upper !== null && scale2Key ? s2 : 1;
    value *= firstScale;
    if (upper !== null) upper *= scale2Key ? s2 : firstScale;
    let kind: QuantityKind = "count";
    let unit = "";
    if (currency) {
      kind = "money";
      unit = currency;
    } else if (g.unit) {
      const u = unitOf(g.unit);
      if (u) {
        kind = u.kind;
        unit = u.unit;
        value *= u.factor;
        if (upper !== null) upper *= u.factor;
      }
    }
    if (upper !== null && upper <= value) upper = null;
    // where the expression ends: without a second bound, it ends after the first number (and its unit)
    let end = m.index + m[0].length;
    if (g.num2 && upper === null)
      end = numEnd + (g.scale ? m[0].slice(numEnd - m.index).indexOf(g.scale) + g.scale.length : 0);
    out.push({
      qualStart: m.index,
      start: m.index + (g.qual?.length ?? 0),
      end,
      kind,
      value,
      upper,
      unit,
      qualifier: g.qual ? g.qual.trim().toLowerCase().replace(/\s+/g, " ") : null,
      numStart,
      numEnd,
      spelled,
    });
    if (end < m.index + m[0].length) MASTER.lastIndex = end;
  }
  return out;
}
