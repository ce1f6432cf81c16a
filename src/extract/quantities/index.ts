// Quantities: numbers that measure something about named entities, in base units, with the phrase they measure,
// the entities they are about and the time they refer to.
//
// Decisions (documented for analysts):
// - A range ("1,500-3,000", "between 1,500 and 3,000", "20 or 25") gives two facts, the lower and the upper bound,
//   their measure marked "(lower bound)" / "(upper bound)".
// - A qualifier ("more than", "nearly", "around") is kept in the measure: "total trade (more than)".
// - Counts name their unit by the counted noun: people for persons and groups of them ("4,200 Rohingya",
//   "600 police officers", "9 deaths"), troops for soldiers, otherwise the noun itself (projects, buildings).
// - Durations are kept only where they measure something (durations.ts: a three-day visit, a jail term, a picket,
//   days of unrest, a state that has lasted "for 25 years"); shares written as fractions ("half of") are shares.
// - Skipped, for precision: years, dates and ordinals, ages and other spans of time ("25 years ago", "for six
//   months"), list and footnote numbers, model names ("Su-35", "G20"), numbers in links, a currency conversion in
//   brackets after an amount, per-unit prices ("$65 a barrel"), vague amounts ("hundreds of millions"), spelled-out
//   counts of anything but people, troops, countries and durations, and every number in a sentence that names no
//   entity.
// - A figure is about the entities of its clause; one written in the headline and again in the body is one fact.
import type { Token } from "../../nlp/annotate.js";
import type { QuantityFact, Sentence } from "../../types.js";
import { type ExtractContext, evidenceOf, mentionsIn, type ResolvedMention } from "../context.js";
import { datesIn } from "../dates/index.js";
import { norm } from "../realis.js";
import { durationAt, fractionsIn } from "./durations.js";
import { findNumbers, type NumberMatch } from "./grammar.js";

/** Nouns for persons: counts of them are counts of people. */
const PEOPLE =
  /^(?:people|persons|individuals|civilians|residents|inhabitants|citizens|nationals|workers|labourers|laborers|employees|staff|officers|policemen|police|officials|suspects|assailants|attackers|gunmen|students|teenagers|children|kids|women|men|protesters|protestors|demonstrators|rioters|refugees|migrants|detainees|prisoners|inmates|victims|casualties|deaths|dead|engineers|experts|spies|agents|militants|jihadists|extremists|terrorists|insurgents|rebels|separatists|dissidents|activists|journalists|reporters|diplomats|delegates|tourists|pilgrims|visitors|passengers|settlers|immigrants|emigrants|asylum-seekers|specialists|advisers|advisors|doctors|teachers|farmers|herders|miners|traders|businessmen|entrepreneurs|scholars|researchers|volunteers|recruits|hostages|captives|fatalities|injuries|wounded)$/;
/** Nouns for soldiers. */
const TROOPS = /^(?:troops|soldiers|servicemen|servicemembers|peacekeepers|paratroopers|marines|personnel|forces)$/;
/** Nouns for states. */
const COUNTRIES = /^(?:countries|states|nations|republics)$/;
/** Plural nouns whose count is not a measure worth keeping. */
const NOT_COUNTED =
  /^(?:years|months|weeks|days|hours|minutes|seconds|decades|centuries|times|ways|reasons|things|ones|others|points|steps|issues|questions|aspects|areas|sides|parts|levels|kinds|types|words|pages|cases|instances|occasions|examples|factors|elements|lessons|ideas|options|scenarios|goals|principles|pillars|phases|stages|rounds|terms|sessions|chapters|sections|paragraphs|articles|items|respects|fronts|dimensions|categories|groups|fold|percent|cents|thirds|halves|quarters|stars)$/;
const SPELLED_OK = (unit: string) => unit === "people" || unit === "troops" || unit === "countries";

/** Money amounts name what they measure by the verb before them. */
const VERB_MEASURE: [RegExp, string][] = [
  [/^invest(?:ed|s|ing)?$/, "investment"],
  [/^(?:ship(?:ped|ping|s)?|export(?:ed|ing|s)?|sold|sell(?:ing|s)?)$/, "exports"],
  [/^import(?:ed|ing|s)?$/, "imports"],
  [/^(?:lent|lend(?:ing|s)?|loan(?:ed|ing|s)?)$/, "loans"],
  [/^(?:spent|spend(?:ing|s)?)$/, "spending"],
  [/^(?:pa(?:id|y|ys|ying))$/, "payment"],
  [/^(?:pledged?|pledging|pledges|promised|promising)$/, "pledge"],
  [/^(?:raised?|raising)$/, "funds raised"],
  [/^(?:earn(?:ed|ing|s)?)$/, "earnings"],
  [/^(?:cost(?:s|ing)?)$/, "cost"],
  [/^(?:provid(?:ed|es|ing)|gave|give[sn]?|giving|grant(?:ed|ing|s)?|donat(?:ed|ing|es))$/, "aid"],
  [/^(?:received?|receiving)$/, "receipts"],
  [/^(?:suppl(?:y|ied|ies|ying)|deliver(?:ed|s|ing)?|pump(?:ed|s|ing)?|transport(?:ed|s|ing)?)$/, "supply"],
  [/^(?:buil[dt]|building)$/, "construction"],
  [/^(?:bought|buy(?:ing|s)?|purchas(?:ed|ing|es))$/, "purchases"],
  [
    /^(?:rose|risen|rise[sn]?|rising|grew|grow(?:n|s|ing)?|increas(?:ed|es|ing)|jump(?:ed|s|ing)|surg(?:ed|es|ing)|climb(?:ed|s|ing))$/,
    "increase",
  ],
  [
    /^(?:fell|fall(?:en|s|ing)?|dropp(?:ed|ing)|drops?|declin(?:ed|es|ing)|decreas(?:ed|es|ing)|shrank|shrunk|plung(?:ed|es|ing)|slump(?:ed|s|ing))$/,
    "decrease",
  ],
];
const COPULA_MEASURE =
  /^(?:was|were|is|are|be|been|being|stood|stands|reached|reaches|totalled|totaled|totals|hit|hits|amounted|amounts|worth|valued|exceeded|exceeds|topped|tops|of|at|to|by)$/;

interface Ix {
  tokens: Token[];
}

function tokenAt(ix: Ix, at: number): number {
  let lo = 0;
  let hi = ix.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ix.tokens[mid] as Token).start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A token's text, lower-cased and with straight apostrophes. */
const lower = norm;

/** Plural noun? (a noun ending in s, or one of the plurals that do not: people, police, staff, personnel) */
function isPluralNoun(t: Token): boolean {
  if (!/^(?:NOUN|PROPN)$/.test(t.pos)) return false;
  const w = t.text.toLowerCase();
  if (/^(?:people|police|staff|personnel|dead|wounded|militia|cattle|sheep|chinese|aircraft)$/.test(w)) return true;
  return /[a-z]s$/.test(w) && !/(?:ss|us|is)$/.test(w);
}

/**
 * The counted noun after a number: "1,800 soldiers", "400,000 ethnic Tamils", "12 approved, delayed or
 * cancelled rail projects", "30,000 Filipino and other migrant workers". The head is the first plural noun that
 * does not run on into another noun; a noun before it forms a compound unit ("guard posts").
 */
function countedNoun(
  ix: Ix,
  from: number,
  sentenceEnd: number,
): { head: string; unit: string; phrase: [number, number] } | null {
  const first = tokenAt(ix, from);
  for (let i = first; i < ix.tokens.length && i < first + 9; i++) {
    const t = ix.tokens[i] as Token;
    if (t.start >= sentenceEnd) break;
    const w = lower(t);
    if (w === "," || w === "or" || w === "and" || w === "&") {
      if (i === first) return null; // "12 and wounded scores": the number stands alone
      continue;
    }
    if (/^(?:NOUN|PROPN)$/.test(t.pos)) {
      const next = ix.tokens[i + 1];
      const compound =
        next && /^(?:NOUN|PROPN)$/.test(next.pos) && next.start < sentenceEnd && next.start === t.end + 1;
      if (isPluralNoun(t) && !compound) {
        const prev = ix.tokens[i - 1];
        const unit =
          i > first && prev && prev.pos === "NOUN" && !isPluralNoun(prev) && prev.end + 1 === t.start
            ? `${prev.text.toLowerCase()} ${t.text}`
            : t.text;
        return { head: t.text, unit, phrase: [ix.tokens[first]?.start ?? from, t.end] };
      }
      continue;
    }
    if (t.pos === "ADJ" || t.pos === "NUM") continue;
    if (t.pos === "VERB" && /(?:ed|ing)$/.test(w)) continue;
    if (t.pos === "PUNCT" && t.text === "-") continue;
    if (/^(?:more|other|additional|further|new)$/.test(w)) continue;
    if (t.pos === "ADP" && ix.tokens[i + 1]?.text === "-") continue; // "in-progress"
    break;
  }
  return null;
}

function unitForCount(head: string, compound: string): string | null {
  const w = head.toLowerCase();
  if (NOT_COUNTED.test(w)) return null;
  if (TROOPS.test(w)) return "troops";
  if (PEOPLE.test(w)) return "people";
  if (COUNTRIES.test(w)) return "countries";
  // "4,200 Rohingya", "400,000 ethnic Tamils": a capitalised plural is a people
  if (/^\p{Lu}/u.test(head) && /s$/.test(head)) return "people";
  return compound.toLowerCase();
}

/** The noun phrase that ends right before token `end` (exclusive): "total trade" in "total trade was". */
function phraseBefore(ix: Ix, end: number, floor: number): string | null {
  let i = end - 1;
  const words: string[] = [];
  while (i >= floor && words.length < 5) {
    const t = ix.tokens[i] as Token;
    if (/^(?:NOUN|PROPN|ADJ)$/.test(t.pos) || (t.pos === "PART" && /^['’]s$/.test(t.text))) {
      words.unshift(t.text);
      i--;
      continue;
    }
    break;
  }
  while (words.length && !/^(?:NOUN|PROPN)$/.test(ix.tokens[i + 1]?.pos ?? "") && words.length > 1) {
    // never start on a bare possessive marker
    if (/^['’]s$/.test(words[0] as string)) words.shift();
    else break;
    i++;
  }
  const last = ix.tokens[end - 1];
  if (!words.length || !last || !/^(?:NOUN|PROPN)$/.test(last.pos)) return null;
  // "container volumes handled last year rose": a time phrase is not the measure; look past it and its participle
  if (/^(?:year|month|week|quarter|decade|summer|winter|spring|autumn)$/i.test(last.text)) {
    const lead = lower(ix.tokens[i + 1]);
    if (/^(?:last|this|next|past|previous)$/.test(lead)) {
      let k = i;
      if (k >= floor && ix.tokens[k]?.pos === "VERB" && /ed$/.test(lower(ix.tokens[k]))) k--;
      return k >= floor ? phraseBefore(ix, k + 1, floor) : null;
    }
  }
  // "commerce between Chile and Peru was": names in a prepositional phrase; the measure is the noun before it
  if (ix.tokens.slice(i + 1, end).every((t) => t.pos !== "NOUN")) {
    let k = i;
    while (
      k >= floor &&
      /^(?:PROPN|CCONJ|DET|PUNCT|PART)$/.test(ix.tokens[k]?.pos ?? "") &&
      lower(ix.tokens[k]) !== "("
    )
      k--;
    if (k >= floor && ix.tokens[k]?.pos === "ADP" && k > floor) {
      const inner = phraseBefore(ix, k, floor);
      if (inner && /^(?:NOUN)$/.test(ix.tokens[k - 1]?.pos ?? "")) return inner;
    }
  }
  return words.join(" ").replace(/(?<!\s)\s+(['’]s)\b/g, "$1");
}

/** The noun phrase starting at token `start`: "crude oil" in "of its crude oil from ...". */
function phraseAfter(ix: Ix, start: number, limit: number): string | null {
  let i = start;
  while (i < limit && /^(?:DET|PRON)$/.test(ix.tokens[i]?.pos ?? "")) i++;
  const words: string[] = [];
  let lastNoun = -1;
  for (; i < limit && words.length < 5; i++) {
    const t = ix.tokens[i] as Token;
    if (/^(?:NOUN|PROPN|ADJ)$/.test(t.pos) || (t.pos === "PART" && /^['’]s$/.test(t.text))) {
      words.push(t.text);
      if (/^(?:NOUN|PROPN)$/.test(t.pos)) lastNoun = words.length;
      continue;
    }
    break;
  }
  if (lastNoun < 0) return null;
  return words
    .slice(0, lastNoun)
    .join(" ")
    .replace(/(?<!\s)\s+(['’]s)\b/g, "$1");
}

function measureOf(ix: Ix, n: NumberMatch, sentence: Sentence, counted: string | null): string {
  const floor = tokenAt(ix, sentence.start);
  const limit = tokenAt(ix, sentence.end);
  const before = tokenAt(ix, n.qualStart);
  const after = tokenAt(ix, n.end);
  if (n.kind === "count" && counted) return counted;
  // "35% of its crude oil", "60 tonnes of dried apricots", "$7.35 billion worth of machinery"
  let k = after;
  if (lower(ix.tokens[k]) === "worth") k++;
  if (lower(ix.tokens[k]) === "of" && n.kind !== "length") {
    const p = phraseAfter(ix, k + 1, limit);
    if (p) return n.kind === "percent" ? `share of ${p}` : p;
  }
  // "2,300-kilometre frontier", "640 square kilometres of farmland"
  if (n.kind === "length" || n.kind === "area") {
    const t = ix.tokens[after];
    if (t && t.pos === "NOUN") return `${t.text} ${n.kind === "length" ? "length" : "area"}`;
    return n.kind;
  }
  // "total trade was worth", "loans of", "a cost of", "exports worth"; or a verb: "invested $15 billion"
  let j = before - 1;
  while (j >= floor && /^(?:ADV|AUX)$/.test(ix.tokens[j]?.pos ?? "") && !COPULA_MEASURE.test(lower(ix.tokens[j]))) j--;
  const w = lower(ix.tokens[j]);
  // "up 20 per cent on 2021", "down 5%"
  if (n.kind === "percent" && (w === "up" || w === "down")) {
    const subj = phraseBefore(ix, j, floor);
    const name = w === "up" ? "increase" : "decrease";
    return subj ? `${subj} (${name})` : name;
  }
  for (const [re, name] of VERB_MEASURE) {
    if (re.test(w)) {
      if (name === "increase" || name === "decrease") {
        const subj = phraseBefore(ix, j, floor);
        return subj ? `${subj} (${name})` : name;
      }
      return name;
    }
  }
  if (COPULA_MEASURE.test(w)) {
    let e = j;
    while (e - 1 >= floor && COPULA_MEASURE.test(lower(ix.tokens[e - 1]))) e--;
    const p = phraseBefore(ix, e, floor);
    if (p) return p;
  }
  // "$15 billion in investment", "$2 billion in loans"
  if (lower(ix.tokens[after]) === "in") {
    const p = phraseAfter(ix, after + 1, limit);
    if (p) return p;
  }
  if (n.kind === "percent") return "share";
  if (n.kind === "money") return "amount";
  return n.unit || "count";
}

/** Numbers that are not quantities: years, dates, ordinals, model names, footnotes, links, list items. */
function skipNumber(text: string, n: NumberMatch, lineStart: boolean, dateSpans: [number, number][]): boolean {
  const raw = text.slice(n.numStart, n.numEnd);
  const before = text[n.numStart - 1] ?? "";
  const after = text[n.numEnd] ?? "";
  if (!n.spelled) {
    // glued to letters or a full stop (Su-35, G20, footnote marks "growth.412"), times, ratios, ordinals
    if (/[\p{L}.]/u.test(before) && !/[$€£¥₽₸]/.test(before)) return true;
    if (/[-–]/.test(before) && /[\p{L}]/u.test(text[n.numStart - 2] ?? "")) return true;
    if (/^(?:st|nd|rd|th)\b/i.test(text.slice(n.numEnd, n.numEnd + 3))) return true;
    if (/^[:/]\d/.test(text.slice(n.numEnd, n.numEnd + 2)) || /\d[:/]$/.test(text.slice(n.numStart - 2, n.numStart)))
      return true;
    if (/[\p{L}]/u.test(after) && n.kind === "count") return true;
  }
  // a label, not an amount: "Article 5", "Resolution 2231", "Boeing 737", "Line 3" (a capitalised word right before,
  // other than the first word of a sentence or a month)
  const label = /(?<![\p{L}.])(\p{Lu}[\p{L}.]*)\s$/u.exec(text.slice(Math.max(0, n.numStart - 30), n.numStart));
  if (label && !n.spelled && n.kind === "count") {
    const word = label[1] as string;
    const wordStart = n.numStart - word.length - 1;
    const sentenceStart = /(?:^|[.!?]["”’]?\s+|\n\s*)$/.test(text.slice(Math.max(0, wordStart - 4), wordStart));
    if (
      !sentenceStart &&
      !/^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$/.test(
        word,
      )
    )
      return true;
  }
  // inside a link
  const chunkStart = text.lastIndexOf(" ", n.numStart) + 1;
  const chunkEnd = text.indexOf(" ", n.numEnd);
  const chunk = text.slice(chunkStart, chunkEnd < 0 ? undefined : chunkEnd);
  if (/(?:https?:|www\.|\.com|\.org|\/)/i.test(chunk) && n.kind !== "percent") return true;
  // list or footnote numbers at the start of a paragraph: "3. ...", "412 “Title ...”"
  if (lineStart && n.kind === "count") return true;
  // years (1900-2099) without a unit, and numbers inside a date expression
  if (n.kind === "count" && !n.spelled && /^(?:1[89]|20)\d\d$/.test(raw)) return true;
  if (dateSpans.some(([s, e]) => n.numStart >= s && n.numEnd <= e) && n.kind === "count") return true;
  return false;
}

function clauseBounds(text: string, sentence: Sentence, at: number): [number, number] {
  const rel = at - sentence.start;
  const s = sentence.text;
  const boundary = /;|,\s+(?:while|whereas|but|although|though|which|who|with)\b|\s(?:while|whereas)\s|\s[–—]\s/g;
  let start = 0;
  let end = s.length;
  for (let m = boundary.exec(s); m; m = boundary.exec(s)) {
    if (m.index + m[0].length <= rel) start = m.index + m[0].length;
    else if (m.index >= rel) {
      end = m.index;
      break;
    }
  }
  void text;
  return [sentence.start + start, sentence.start + end];
}

/**
 * The entities a number is about: those of its clause, with the name a relative clause hangs on ("Kazakhstan, which
 * has 3.5 million ..."); when its clause names none, those of the whole sentence and of the sentence before, as the
 * likely antecedents ("it released over 80 videos"). A length or an area measures a place, a route or a border:
 * persons are no subject of it.
 */
function subjectsOf(
  text: string,
  mentions: ResolvedMention[],
  clause: [number, number],
  previous: ResolvedMention[],
  unit: string,
): string[] {
  const keys: string[] = [];
  const spatial = SPATIAL_UNITS.has(unit);
  const add = (m: ResolvedMention) => {
    if (spatial && m.entity.type === "person") return;
    if (!keys.includes(m.key)) keys.push(m.key);
  };
  const relative = /,\s+(?:which|who)$/.exec(text.slice(Math.max(0, clause[0] - 12), clause[0]));
  if (relative) {
    const comma = clause[0] - relative[0].length;
    for (const m of mentions) if (m.end <= comma && text.slice(m.end, comma).trim() === "") add(m);
  }
  for (const m of mentions) if (m.start >= clause[0] && m.end <= clause[1]) add(m);
  if (keys.length === 0) {
    for (const m of mentions) add(m);
    for (const m of previous) add(m);
  }
  return keys;
}

/** Units of length and area: what they measure has no date of its own ("a 1,770 km border"). */
const SPATIAL_UNITS = new Set(["km", "km2", "hectares", "m", "miles"]);

function nearestTime(dates: ReturnType<typeof datesIn>, at: number): string | null {
  let best: string | null = null;
  let dist = Number.POSITIVE_INFINITY;
  for (const d of dates) {
    const dd = at < d.start ? d.start - at : at > d.end ? at - d.end : 0;
    if (dd < dist) {
      dist = dd;
      best = d.value;
    }
  }
  return best;
}

export function extractQuantities(ctx: ExtractContext): QuantityFact[] {
  const text = ctx.doc.text;
  const ix: Ix = { tokens: ctx.annotation.tokens };
  const out: QuantityFact[] = [];
  // value|unit|subjects -> the fact kept; a headline's copy gives way to the body's (see mergeCopies)
  const seen = new Map<string, number>();
  const firstLineEnd = text.indexOf("\n");
  const keep = (key: string, fact: QuantityFact) => {
    const at = seen.get(key);
    if (at === undefined) {
      seen.set(key, out.length);
      out.push(fact);
    } else if ((out[at] as QuantityFact).evidence.start < firstLineEnd && fact.evidence.start > firstLineEnd) {
      out[at] = fact;
    }
  };
  for (const sentence of ctx.annotation.sentences) {
    if (
      !/\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen|half|third|thirds|quarter|quarters|fifth)\b/i.test(
        sentence.text,
      )
    )
      continue;
    const mentions = mentionsIn(ctx, sentence);
    if (mentions.length === 0) continue;
    const numbers = findNumbers(sentence.text);
    const fractions = fractionsIn(sentence.text);
    if (numbers.length === 0 && fractions.length === 0) continue;
    const dates = datesIn(sentence.text, ctx.doc.published);
    const dateSpans = dates.map((d) => [d.start, d.end] as [number, number]);
    const lineStart = (n: NumberMatch) => {
      const lineBegin = text.lastIndexOf("\n", sentence.start + n.start - 1) + 1;
      return text.slice(lineBegin, sentence.start + n.start).trim() === "";
    };
    let previousMoneyEnd = -1;
    for (const local of numbers) {
      const n: NumberMatch = {
        ...local,
        start: sentence.start + local.start,
        qualStart: sentence.start + local.qualStart,
        end: sentence.start + local.end,
        numStart: sentence.start + local.numStart,
        numEnd: sentence.start + local.numEnd,
      };
      const docDates = dateSpans.map(([a, b]) => [sentence.start + a, sentence.start + b] as [number, number]);
      if (skipNumber(text, n, lineStart(local), docDates)) continue;
      const tail = text.slice(n.end, n.end + 24).toLowerCase();
      const head = text.slice(Math.max(sentence.start, n.start - 24), n.start).toLowerCase();
      // ages and spans of time: "25 years ago", "a 45-year-old", "for six months"
      if (/^[\s-]*(?:years?|months?|weeks?|days?|decades?)[\s-]*(?:ago|old|later|earlier|after|before)\b/.test(tail))
        continue;
      // a conversion in brackets after an amount: "US$3.1 billion (A$4.6 billion)"
      if (n.kind === "money" && /\(\s*$/.test(head) && previousMoneyEnd >= 0 && n.start - previousMoneyEnd < 6)
        continue;
      // per-unit prices and rates: "$65 a barrel", "20% a year" is kept (a rate is still a share)
      if (
        n.kind === "money" &&
        /^\s*(?:a|an|per)\s+(?:barrel|tonne|ton|unit|head|day|month|year|kilogram|kg|litre|liter|share|person)\b/.test(
          tail,
        )
      )
        continue;
      if (n.kind === "money") previousMoneyEnd = n.end;

      let unit = n.unit;
      let counted: string | null = null;
      const duration =
        n.kind === "count" && n.upper === null
          ? durationAt(
              text.slice(sentence.start, n.numStart).toLowerCase(),
              text.slice(n.numEnd, sentence.end).toLowerCase(),
            )
          : null;
      if (duration) unit = duration.unit;
      else if (n.kind === "count") {
        const tailText = text.slice(n.end, sentence.end);
        const noun = countedNoun(ix, n.end, sentence.end);
        if (noun) {
          const u = unitForCount(noun.head, noun.unit);
          if (!u) continue;
          unit = u;
          counted = text.slice(noun.phrase[0], noun.phrase[1]);
        } else if (
          /(?:killed|killing|kills|left|leaving)\s+(?:at least\s+|nearly\s+|some\s+|about\s+|around\s+|over\s+|more than\s+)?$/i.test(
            text.slice(sentence.start, n.numStart),
          ) &&
          !/^\s*(?:of\b|%)/.test(tailText)
        ) {
          // "a bombing that killed at least 30"
          unit = "people";
          counted = "people killed";
        } else continue;
        if (n.spelled) {
          if (!SPELLED_OK(unit) || n.value < 2 || /^forces$/i.test(noun?.head ?? "")) continue;
          // "the two countries", "both": a reference back, not a count
          if (
            /\b(?:the|these|those|its|their|his|her|our|all|other|both)\s+$/i.test(
              text.slice(sentence.start, n.numStart),
            )
          )
            continue;
        }
      }
      // a rate: "9 million cubic metres a day", "$650 million a year"
      const rate =
        /^\s*(?:of\s+[a-z-]+(?:\s+[a-z-]+)?\s+)?(?:a|an|per|each)\s+(day|week|month|year)\b|^\s*(annually|daily|monthly)\b/.exec(
          text.slice(n.end, n.end + 40).toLowerCase(),
        );
      const per = rate
        ? ` (per ${rate[1] ?? { annually: "year", daily: "day", monthly: "month" }[rate[2] as string]})`
        : "";
      const measureBase = duration ? duration.measure : measureOf(ix, n, sentence, counted);
      const clause = clauseBounds(text, sentence, n.numStart);
      const prev = ctx.annotation.sentences[sentence.index - 1];
      const subjects = subjectsOf(text, mentions, clause, prev ? mentionsIn(ctx, prev) : [], unit);
      const time = SPATIAL_UNITS.has(unit) ? null : nearestTime(dates, local.numStart);
      // a range gives both bounds; "up to 20 or 25" only its upper one, "at least 20 to 25" its lower one
      const upperOnly =
        n.qualifier !== null &&
        /^(?:up to|as many as|as much as|at most|under|below|less than|fewer than)$/.test(n.qualifier);
      const bounds: [number, string][] =
        n.upper === null
          ? [[n.value, ""]]
          : upperOnly
            ? [[n.upper, ""]]
            : n.qualifier !== null && /^(?:at least|more than|over|above|upwards of|in excess of)$/.test(n.qualifier)
              ? [[n.value, ""]]
              : [
                  [n.value, " (lower bound)"],
                  [n.upper, " (upper bound)"],
                ];
      for (const [raw, mark] of bounds) {
        const value = Number((raw * (duration?.factor ?? 1)).toPrecision(12)); // 35 * 0.01 is 0.35000000000000003
        const measure = `${measureBase}${n.qualifier && !mark ? ` (${n.qualifier})` : ""}${per}${mark}`;
        keep(`${value}|${unit}|${subjects.slice().sort().join(",")}`, {
          value,
          unit,
          measure,
          subjects,
          time,
          confidence: n.spelled ? 0.6 : n.kind === "count" ? 0.7 : 0.8,
          evidence: evidenceOf(ctx, sentence),
        });
      }
    }
    for (const f of fractions) {
      const at = sentence.start + f.start;
      const of = f.partitive ? phraseAfter(ix, tokenAt(ix, sentence.start + f.end), tokenAt(ix, sentence.end)) : null;
      const clause = clauseBounds(text, sentence, at);
      const prev = ctx.annotation.sentences[sentence.index - 1];
      const subjects = subjectsOf(text, mentions, clause, prev ? mentionsIn(ctx, prev) : [], "percent");
      keep(`${f.value}|percent|${subjects.slice().sort().join(",")}`, {
        value: f.value,
        unit: "percent",
        measure: `share${of ? ` of ${of}` : ""}${f.qualifier ? ` (${f.qualifier})` : ""}`,
        subjects,
        time: nearestTime(dates, f.start),
        confidence: 0.6,
        evidence: evidenceOf(ctx, sentence),
      });
    }
  }
  return mergeCopies(out, text);
}

/**
 * One figure written twice in a document, in the headline and in the body ("$2 billion deal" and "a deal worth $2
 * billion"): the same value and unit with a subject in common are one fact. The body's copy is kept (it says what the
 * figure measures); the headline is the first line of the text.
 */
function mergeCopies(facts: QuantityFact[], text: string): QuantityFact[] {
  const firstLineEnd = text.indexOf("\n");
  const inHeadline = (q: QuantityFact) => firstLineEnd > 0 && q.evidence.start < firstLineEnd;
  const dropped = new Set<QuantityFact>();
  for (const h of facts) {
    if (!inHeadline(h)) continue;
    const copy = facts.find(
      (q) =>
        q !== h &&
        !inHeadline(q) &&
        q.value === h.value &&
        q.unit === h.unit &&
        q.subjects.some((s) => h.subjects.includes(s)),
    );
    if (copy) dropped.add(h);
  }
  return dropped.size ? facts.filter((q) => !dropped.has(q)) : facts;
}
