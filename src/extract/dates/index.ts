// Date resolution for facts: a phrase or sentence in, an ISO date ("YYYY-MM-DD", "YYYY-MM" or "YYYY") out,
// as precise as the text supports and resolved against the document's publication date.
//
// chrono-node (en.GB, day-first) does the parsing, with two additions (see spec/stack-notes.md):
// - a bare-year parser: "in 2020", "since 2013", "a 2020 report", "between 2016 and 2018", "2016-2018", "1950-53"
//   (a range resolves to its start);
// - a past-bias refiner: news reports the past, so a weekday or a day/month without a year that chrono put after
//   the publication date moves back a week or a year ("on Monday", "on 20th January"), unless the text speaks of the
//   future ("next Monday", "will meet on 20 January").
// Precision follows what the text states: "last week" is a day, "this month" a month, "earlier this year" a year.
// Relative expressions need a publication date: without one they resolve to null. When the publication date is only
// a month or a year, relative results are cut to that precision.
import { en, type Parser, type ParsingComponents, type ParsingContext, type Refiner } from "chrono-node";
import type { Sentence } from "../../types.js";
import type { ExtractContext } from "../context.js";

export type DatePrecision = "day" | "month" | "year";

export interface DateMatch {
  /** Character offsets: into the given text for `datesIn`, into the document text for `datesInSentence`. */
  start: number;
  end: number;
  /** The words chrono read ("last week", "in 2020", "between 2016 and 2018"). */
  text: string;
  /** ISO date at `precision`. */
  value: string;
  precision: DatePrecision;
  /** The value depends on the publication date ("last week", "on Monday", "this month"). */
  relative: boolean;
  /** End of a range ("between 2016 and 2018" -> "2018"), when stated. */
  endValue: string | null;
}

// ---- the bare-year parser ------------------------------------------------------------------

const YEAR = "(?:1[6-9]|20)\\d\\d";
const YEAR_TAG = "heartland/bareYear";
const YEAR_LEAD =
  "in|since|by|from|during|until|till|through|throughout|before|after|between|of|around|circa|about|early|late|mid|the|a|an|and|or|to|for";
const YEAR_RE = new RegExp(
  `(?:\\b(${YEAR_LEAD})(?:\\s+|-))?(${YEAR})(?:\\s*(?:-|–|—|/|\\bto\\b|\\band\\b|\\buntil\\b|\\bthrough\\b)\\s*(${YEAR}|\\d\\d)(?![\\d:]))?(?![\\d\\w%:]|[,.]\\d|\\s*(?:per\\s*cent|percent)\\b)`,
  "i",
);

/** Years only count when the words around them say "year": a leading preposition, or the edge of a clause. */
const yearParser: Parser = {
  pattern: () => YEAR_RE,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const index = match.index ?? 0;
    const lead = match[1];
    const yearAt = index + match[0].indexOf(match[2] ?? "");
    const before = context.text.slice(Math.max(0, yearAt - 3), yearAt);
    if (/[\d$€£¥,.]\s*$|[$€£¥]\s*$/.test(before) && !lead) return null;
    if (/[\d$€£¥]$/.test(before)) return null;
    const after = context.text.slice(index + match[0].length, index + match[0].length + 3);
    if (!lead) {
      const edgeBefore =
        yearAt === 0 || /(?:^|[([,;:—–"“‘'])\s*$/.test(context.text.slice(Math.max(0, yearAt - 2), yearAt));
      const edgeAfter = after === "" || /^(?:[,.;:)\]"”’'!?]|\s*$)/.test(after);
      if (!edgeBefore && !edgeAfter) return null;
    }
    // "the 2008 war" is a year, "the 2000 troops" a count: after a weak lead, a plural noun means a count.
    const weak = !lead || /^(?:the|a|an|and|or|to|for)$/i.test(lead);
    if (
      weak &&
      !match[3] &&
      /^\s+[a-z]+s\b/.test(context.text.slice(index + match[0].length, index + match[0].length + 40))
    )
      return null;
    const year = Number(match[2]);
    const startComponents = { year };
    let endYear: number | undefined;
    if (match[3]) {
      endYear = match[3].length === 2 ? Math.floor(year / 100) * 100 + Number(match[3]) : Number(match[3]);
      if (endYear <= year || endYear - year > 200) endYear = undefined;
    }
    // The lead word stays in the text ("in 2020", "a 2020 report"): chrono drops results that are bare numbers.
    const startIndex = index;
    let text = context.text.slice(startIndex, index + match[0].length);
    if (match[3] && endYear === undefined) text = context.text.slice(startIndex, yearAt + (match[2] ?? "").length);
    return context
      .createParsingResult(startIndex, text, startComponents, endYear !== undefined ? { year: endYear } : undefined)
      .addTag(YEAR_TAG);
  },
};

// ---- refiners ------------------------------------------------------------------------------

const FUTURE_CUE =
  /\b(?:next|coming|upcoming|will|shall|scheduled|planned|plans?\s+to|due\s+to|expected\s+to|set\s+to)\b/i;

function ymd(c: ParsingComponents): [number, number, number] {
  return [c.get("year") ?? 1970, c.get("month") ?? 1, c.get("day") ?? 1];
}

function utc(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d);
}

/** News reports the past: move an uncertain-year date that chrono put after the reference back into the past. */
const pastBiasRefiner: Refiner = {
  refine: (context, results) => {
    if (FUTURE_CUE.test(context.text)) return results;
    const ref = context.refDate;
    const refDay = Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate());
    for (const r of results) {
      const c = r.start;
      if (c.isCertain("year")) continue;
      const [y, m, d] = ymd(c);
      const at = utc(y, m, d);
      if (at <= refDay) continue;
      if (c.isCertain("weekday") && !c.isCertain("day") && !c.isCertain("month")) {
        const back = new Date(at - 7 * 86_400_000);
        c.imply("year", back.getUTCFullYear());
        c.imply("month", back.getUTCMonth() + 1);
        c.imply("day", back.getUTCDate());
      } else if (c.isCertain("month")) {
        c.imply("year", y - 1);
      }
    }
    return results;
  },
};

/** "Between January and September 2021": the first date takes the year stated with the second. */
const rangeYearRefiner: Refiner = {
  refine: (context, results) => {
    for (let i = 0; i + 1 < results.length; i++) {
      const a = results[i];
      const b = results[i + 1];
      if (!a || !b || a.start.isCertain("year") || !b.start.isCertain("year") || !a.start.isCertain("month")) continue;
      const gap = context.text.slice(a.index + a.text.length, b.index);
      if (!/^\s*(?:-|–|—|to|and|until|till|through)\s*$/i.test(gap)) continue;
      const year = b.start.get("year");
      if (year !== null) a.start.assign("year", year);
    }
    return results;
  },
};

const validDateFilter: Refiner = {
  refine: (_context, results) =>
    results.filter((r) => {
      const start = r.start as ParsingComponents;
      const end = r.end as ParsingComponents | undefined;
      return start.isValidDate() && (!end || end.isValidDate());
    }),
};

/** Words chrono reads as a time or an instant that say nothing about the date of a fact. */
const NOT_A_DATE = /^(?:now|right now|just now|tonight|noon|midnight|at \d+|\d+)$/i;
/** "nine years after (it was announced)": a span counted from another event, not from the publication date. */
const COUNTED_FROM_ELSEWHERE = /\b(?:after|later|before|earlier|from now)$/i;

const noiseRefiner: Refiner = {
  refine: (_context, results) =>
    results.filter((r) => {
      const t = r.text.trim();
      if (r.tags().has(YEAR_TAG)) return true;
      if (NOT_A_DATE.test(t) || COUNTED_FROM_ELSEWHERE.test(t)) return false;
      const c = r.start;
      // a bare time of day ("at 5pm") carries no date
      return (
        c.isCertain("year") || c.isCertain("month") || c.isCertain("day") || c.isCertain("weekday") || isRelative(c)
      );
    }),
};

function isRelative(c: ParsingComponents): boolean {
  // "last week", "yesterday", "two years ago" are certain in chrono's terms; plain times are not.
  return c.tags().size > 0 && [...c.tags()].some((t) => /Relative|Casual|TimeUnit/i.test(t));
}

/** chrono drops results that are bare numbers ("2013"); keep that filter for everything but our years. */
const bareNumberFilter: Refiner = {
  refine: (_context, results) =>
    results.filter((r) => r.tags().has(YEAR_TAG) || !/^\d*(\.\d*)?$/.test(r.text.replace(" ", ""))),
};

const parser = (() => {
  const p = en.GB.clone();
  p.parsers.push(yearParser);
  // chrono's UnlikelyFormatFilter would drop "2013" in "2013 saw a rise"; re-check its other tests ourselves.
  const i = p.refiners.findIndex((r) => r.constructor.name === "UnlikelyFormatFilter");
  if (i >= 0) p.refiners.splice(i, 1, bareNumberFilter, validDateFilter);
  p.refiners.push(rangeYearRefiner, pastBiasRefiner, noiseRefiner);
  return p;
})();

// ---- public API ----------------------------------------------------------------------------

const RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };

interface Reference {
  instant: Date;
  precision: DatePrecision;
}

function referenceOf(published: string | null): Reference | null {
  if (!published) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(published.trim());
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3]) return { instant: new Date(Date.UTC(y, Number(m[2]) - 1, Number(m[3]), 12)), precision: "day" };
  if (m[2]) return { instant: new Date(Date.UTC(y, Number(m[2]) - 1, 15, 12)), precision: "month" };
  return { instant: new Date(Date.UTC(y, 6, 1, 12)), precision: "year" };
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, "0");
}

function precisionOf(c: ParsingComponents): DatePrecision | null {
  if (c.isCertain("day") || c.isCertain("weekday")) return "day";
  if (c.isCertain("month")) return "month";
  if (c.isCertain("year")) return "year";
  return null;
}

function iso(c: ParsingComponents, precision: DatePrecision): string {
  const [y, m, d] = ymd(c);
  if (precision === "year") return pad(y, 4);
  if (precision === "month") return `${pad(y, 4)}-${pad(m)}`;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function cut(value: string, precision: DatePrecision): string {
  return precision === "year" ? value.slice(0, 4) : precision === "month" ? value.slice(0, 7) : value;
}

interface Raw {
  index: number;
  text: string;
  value: string;
  precision: DatePrecision;
  endValue: string | null;
  /** Read by the bare-year parser: a year as written, the same against any reference. */
  bareYear: boolean;
}

function run(text: string, instant: Date): Raw[] {
  let results: ReturnType<typeof parser.parse>;
  try {
    results = parser.parse(text, { instant, timezone: 0 });
  } catch {
    return [];
  }
  const out: Raw[] = [];
  for (const r of results) {
    const c = r.start as ParsingComponents;
    const precision = precisionOf(c);
    if (!precision) continue;
    const end = r.end as ParsingComponents | undefined;
    const endPrecision = end ? precisionOf(end) : null;
    out.push({
      index: r.index,
      text: r.text,
      value: iso(c, precision),
      precision,
      endValue: end && endPrecision ? iso(end, endPrecision) : null,
      bareYear: r.tags().has(YEAR_TAG),
    });
  }
  return out;
}

/** A second reference far from the first: a date that moves with it depends on the reference. */
const SHIFT_MS = (3 * 365 + 100) * 86_400_000;

/**
 * Recent answers of datesIn, by publication date and text. The event stage asks for the dates of a sentence once per
 * event in it and the quantity stage asks again for the same sentence; parsing (two chrono runs) is the cost.
 * Bounded: cleared when full. Callers treat the returned matches as read-only.
 */
const recent = new Map<string, DateMatch[]>();
const RECENT_MAX = 256;

/** Every date expression in a text, with offsets into that text, resolved against `published`. */
export function datesIn(text: string, published: string | null): DateMatch[] {
  const key = `${published ?? ""}\u0000${text}`;
  const known = recent.get(key);
  if (known) return known;
  const found = parseDates(text, published);
  if (recent.size >= RECENT_MAX) recent.clear();
  recent.set(key, found);
  return found;
}

function parseDates(text: string, published: string | null): DateMatch[] {
  if (
    !text ||
    !/\d|\b(?:yesterday|today|week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(
      text,
    )
  )
    return [];
  const ref = referenceOf(published);
  const base = ref?.instant ?? new Date(Date.UTC(2000, 5, 15, 12));
  const first = run(text, base);
  if (first.length === 0) return []; // nothing to compare against a second reference
  // Bare years ("in 2020") are the most common dates in news and never move with the reference: a sentence with
  // nothing else needs no second parse.
  const second = first.every((r) => r.bareYear) ? first : run(text, new Date(base.getTime() + SHIFT_MS));
  const out: DateMatch[] = [];
  for (const r of first) {
    const twin = second.find((s) => s.index === r.index && s.text === r.text);
    const relative = !twin || twin.value !== r.value;
    let value = r.value;
    let precision = r.precision;
    if (relative) {
      if (!ref) continue;
      if (RANK[ref.precision] < RANK[precision]) {
        precision = ref.precision;
        value = cut(value, precision);
      }
    }
    out.push({
      start: r.index,
      end: r.index + r.text.length,
      text: r.text,
      value,
      precision,
      relative,
      endValue: relative ? null : r.endValue,
    });
  }
  return out;
}

/**
 * The date a phrase or sentence states, as an ISO string as precise as the text supports, or null.
 * The first date expression wins; the publication date ("YYYY-MM-DD", "YYYY-MM" or "YYYY") anchors relative ones.
 */
export function resolveDate(text: string, published: string | null): string | null {
  return datesIn(text, published)[0]?.value ?? null;
}

/** Date expressions in one sentence of a document, with offsets into the document text. */
export function datesInSentence(ctx: ExtractContext, sentence: Sentence): DateMatch[] {
  const text = ctx.doc.text.slice(sentence.start, sentence.end);
  return datesIn(text, ctx.doc.published).map((d) => ({
    ...d,
    start: sentence.start + d.start,
    end: sentence.start + d.end,
  }));
}

/** The date expression nearest a character offset (e.g. an event's verb) in a sentence, or null. */
export function nearestDate(ctx: ExtractContext, sentence: Sentence, at: number): DateMatch | null {
  let best: DateMatch | null = null;
  let bestDist = Number.POSITIVE_INFINITY;
  for (const d of datesInSentence(ctx, sentence)) {
    const dist = at < d.start ? d.start - at : at > d.end ? at - d.end : 0;
    if (dist < bestDist) {
      best = d;
      bestDist = dist;
    }
  }
  return best;
}
