// Header date lines ("Published 07:50 IST, January 14th 2022", "- Friday, September 30, 2022") to ISO dates.

export interface HeaderDate {
  /** YYYY-MM-DD, or YYYY-MM when the line gives no day. */
  date: string;
  kind: "published" | "updated";
  /** What the line holds besides the date and its labels (a byline, say), trimmed; "" for a pure date line. */
  rest: string;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
const YEAR = "((?:19|20)\\d\\d)";
const MONTH_WORD = new RegExp(`^${MONTH}$`, "i");

/** The month (1-12) a word names, in full or abbreviated ("March", "Sept.", "jan"); undefined for any other word. */
export function monthNumber(word: string): number | undefined {
  return MONTH_WORD.test(word) ? MONTHS[word.toLowerCase().slice(0, 3)] : undefined;
}

/** Date shapes, each with the capture order of its parts. */
const SHAPES: { re: RegExp; order: ("y" | "m" | "d")[] }[] = [
  {
    re: new RegExp(`\\b${YEAR}-(\\d\\d)-(\\d\\d)(?:[T ][\\d:.]+(?:z|[+-]\\d\\d:?\\d\\d)?)?\\b`, "i"),
    order: ["y", "m", "d"],
  },
  { re: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, "i"), order: ["m", "d", "y"] },
  { re: new RegExp(`\\b${DAY}(?:\\s+of)?\\s+${MONTH},?\\s+${YEAR}\\b`, "i"), order: ["d", "m", "y"] },
  { re: new RegExp(`\\b${MONTH},?\\s+${YEAR}\\b`, "i"), order: ["m", "y"] },
];

/** Words a date line may carry besides the date: labels, weekdays, times and zones. */
const LABELS =
  /\b(?:published|posted|updated|last updated|last modified|modified|first published|date|dated|on|at|am|pm|a\.m\.|p\.m\.|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|gmt|utc|ist|bst|cet|cest|eet|msk|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt|jst|kst|hkt|sgt|aest|aedt|wib|pkt|z)\b/gi;
const TIME = /\b\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?\b/gi;

function toIso(parts: Partial<Record<"y" | "m" | "d", string>>): string | null {
  const y = Number(parts.y);
  const m = /^\d+$/.test(parts.m ?? "") ? Number(parts.m) : MONTHS[(parts.m ?? "").toLowerCase().slice(0, 3)];
  if (!y || !m || m < 1 || m > 12) return null;
  const mm = String(m).padStart(2, "0");
  if (parts.d === undefined) return `${y}-${mm}`;
  const d = Number(parts.d);
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > daysInMonth) return null;
  return `${y}-${mm}-${String(d).padStart(2, "0")}`;
}

/** Finds the first date in a string, with the span it covers. */
export function findDate(text: string): { date: string; index: number; length: number } | null {
  let best: { date: string; index: number; length: number } | null = null;
  for (const { re, order } of SHAPES) {
    const m = re.exec(text);
    if (!m) continue;
    const parts: Partial<Record<"y" | "m" | "d", string>> = {};
    order.forEach((key, i) => {
      parts[key] = m[i + 1];
    });
    const date = toIso(parts);
    // The fuller shapes come first: a later one only wins if it starts earlier and is complete.
    if (date && (!best || (m.index < best.index && date.length >= best.date.length))) {
      best = { date, index: m.index, length: m[0].length };
    }
  }
  return best;
}

/**
 * Reads a line that is mostly a date ("Posted on March 3, 2023", "Updated: 2022-01-14 10:00 GMT").
 * Returns null for a sentence that merely contains a date.
 */
export function readHeaderDate(line: string): HeaderDate | null {
  const text = line.trim().replace(/^[-–—•·*|]+\s*/, "");
  if (text.length > 120) return null;
  const found = findDate(text);
  if (!found) return null;
  const kind = /\b(?:updated|modified|edited)\b/i.test(text.slice(0, found.index)) ? "updated" : "published";
  const rest = `${text.slice(0, found.index)} ${text.slice(found.index + found.length)}`
    .replace(TIME, " ")
    .replace(LABELS, " ")
    .replace(/[|,:;•·()[\]–—-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  // A byline may share the line ("By Jane Doe | March 3, 2023"); anything else makes it a sentence.
  if (rest !== "" && !/^by\s/i.test(rest)) return null;
  return { date: found.date, kind, rest };
}

/** A dateline opening a story: "TASHKENT, 14 March 2025 —", "MOSCOW, Jan 5, 2025 (Reuters) -", "ALMATY (AP) —". */
const DATELINE =
  /^(\p{Lu}[\p{Lu}\p{M}.'’ -]{1,40}?)(?:,\s*([^—–()\n]{3,40}?))?\s*(?:\(([^()\n]{1,30})\))?\s*(?:—|–|--?)\s+\S/u;

/**
 * Reads the dateline at the start of a line: the place (upper case, as datelines print it) and the date it states
 * (YYYY-MM-DD, or null when it gives none or one without a year). Null when the line does not open with a dateline.
 */
export function readDateline(line: string): { place: string; date: string | null } | null {
  const m = DATELINE.exec(line.trim());
  if (!m?.[1]) return null;
  const place = m[1].trim();
  if (!/\p{Lu}{2}/u.test(place)) return null;
  const between = m[2]?.trim() ?? "";
  if (between === "") return { place, date: null };
  const found = findDate(between);
  // What sits between the place and the dash is a date (with a weekday or a time at most), or a region.
  if (found?.date.length !== 10) return { place, date: null };
  const rest = `${between.slice(0, found.index)} ${between.slice(found.index + found.length)}`
    .replace(TIME, " ")
    .replace(LABELS, " ")
    .replace(/[,.:;\s]+/g, "");
  return { place, date: rest === "" ? found.date : null };
}
