// Quotation marks: which marks open and close a quotation, in text as it comes from the web.
// Straight and curly marks are mixed freely (“...," or "...”), an opening mark may be followed by a space,
// a closing one may be written as an opening one, and ’ doubles as the apostrophe (China’s, countries’).
// Pure and linear: text in, spans out. Unbalanced marks never swallow more than their own paragraph,
// except a quotation that runs on into a paragraph that itself opens with a mark (the print convention).

export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark. */
  close: number;
  /** The words inside the marks, as [start, end) spans: one per paragraph the quotation runs through. */
  parts: [number, number][];
  kind: "double" | "single";
}

const DOUBLE = new Set(["“", "”", '"', "„", "‟", "«", "»"]);
const SINGLE = new Set(["‘", "’", "'", "‚", "‛"]);
/** Longest stretch a quotation may run (characters), so a stray mark cannot eat a long document. */
const MAX_QUOTE = 6_000;
const MAX_PARAGRAPHS = 6;

const isSpaceLike = (c: string | undefined) => c === undefined || /[\s([{\u2014\u2013\-/]/.test(c);
const isAfterSpaceLike = (c: string | undefined) => c === undefined || /[\s.,;:!?)\]}\u2014\u2013\-…]/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

type Role = "open" | "close" | "either";

function doubleRole(text: string, i: number): Role {
  const ch = text[i];
  const before = text[i - 1];
  const after = text[i + 1];
  const spaceBefore = isSpaceLike(before) || DOUBLE.has(before ?? "") || SINGLE.has(before ?? "");
  const spaceAfter = isAfterSpaceLike(after) || DOUBLE.has(after ?? "") || SINGLE.has(after ?? "");
  if (spaceBefore && !spaceAfter) return "open";
  if (!spaceBefore && spaceAfter) return "close";
  if (ch === "“" || ch === "„" || ch === "«") return "open";
  if (ch === "”" || ch === "»") return "close";
  return "either";
}

interface Line {
  start: number;
  end: number;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === "\n") {
      if (i > s) out.push({ start: s, end: i });
      s = i + 1;
    }
  }
  return out;
}

function firstNonSpace(text: string, line: Line): number {
  let i = line.start;
  while (i < line.end && /\s/.test(text[i] ?? "")) i++;
  return i;
}

function trimPart(text: string, s: number, e: number): [number, number] {
  while (s < e && /\s/.test(text[s] ?? "")) s++;
  while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
  return [s, e];
}

/** Double-quoted spans: one linear scan, a quotation closing at the first mark that can close it. */
function doubleSpans(text: string, lines: Line[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let openAt = -1;
  let partStart = -1;
  let parts: [number, number][] = [];
  let paragraphs = 0;
  const reset = () => {
    openAt = -1;
    parts = [];
  };
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li] as Line;
    let i = line.start;
    if (openAt >= 0) {
      // a quotation open at the end of the last paragraph runs on only if this one opens with a mark
      const ns = firstNonSpace(text, line);
      if (
        paragraphs < MAX_PARAGRAPHS &&
        DOUBLE.has(text[ns] ?? "") &&
        doubleRole(text, ns) !== "close" &&
        ns - openAt < MAX_QUOTE
      ) {
        paragraphs++;
        partStart = ns + 1;
        i = ns + 1;
      } else reset();
    }
    for (; i < line.end; i++) {
      const ch = text[i] as string;
      if (!DOUBLE.has(ch)) continue;
      const role = doubleRole(text, i);
      if (openAt < 0) {
        if (role === "close") continue; // a stray closing mark
        openAt = i;
        partStart = i + 1;
        parts = [];
        paragraphs = 1;
      } else if (role === "open" && isSpaceLike(text[i - 1]) && isWordChar(text[i + 1]) && parts.length === 0) {
        // a second clear opener in the same paragraph: the first mark was a stray one
        openAt = i;
        partStart = i + 1;
      } else {
        parts.push(trimPart(text, partStart, i));
        if (parts.some(([s, e]) => e > s) && i - openAt <= MAX_QUOTE) {
          out.push({ open: openAt, close: i + 1, parts, kind: "double" });
        }
        reset();
      }
    }
    if (openAt >= 0) parts.push(trimPart(text, partStart, line.end));
  }
  return out;
}

type SingleRole = "open" | "close" | "possessive" | "none";

function singleRole(text: string, i: number): SingleRole {
  const ch = text[i];
  const before = text[i - 1];
  const after = text[i + 1];
  if (isWordChar(before) && isWordChar(after)) return "none"; // China’s, don’t, I’ll
  // a double mark next to a single one counts as space when it opens before it or closes after it
  const spaceBefore = isSpaceLike(before) || (DOUBLE.has(before ?? "") && doubleRole(text, i - 1) === "open");
  const spaceAfter = isAfterSpaceLike(after) || (DOUBLE.has(after ?? "") && doubleRole(text, i + 1) !== "open");
  if (spaceBefore && !spaceAfter) return ch === "’" && /\d/.test(after ?? "") ? "none" : "open"; // ’90s
  if (!spaceBefore && spaceAfter) {
    // countries’ borders: a plural possessive, unless nothing better closes the quotation
    if ((before === "s" || before === "S") && /^\s+[\p{Ll}]/u.test(text.slice(i + 1, i + 4))) return "possessive";
    return "close";
  }
  if (ch === "‘") return spaceBefore ? "open" : "none";
  return "none";
}

/** Single-quoted spans (British style), within one paragraph each. */
function singleSpans(text: string, lines: Line[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  for (const line of lines) {
    const marks: { at: number; role: SingleRole }[] = [];
    for (let i = line.start; i < line.end; i++) {
      if (SINGLE.has(text[i] as string)) {
        const role = singleRole(text, i);
        if (role !== "none") marks.push({ at: i, role });
      }
    }
    let k = 0;
    while (k < marks.length) {
      const m = marks[k] as { at: number; role: SingleRole };
      if (m.role !== "open") {
        k++;
        continue;
      }
      // the first clean closer; a possessive-looking one only if a new opener or the paragraph end comes first
      let closer = -1;
      let fallback = -1;
      for (let j = k + 1; j < marks.length; j++) {
        const c = marks[j] as { at: number; role: SingleRole };
        if (c.at - m.at > MAX_QUOTE) break;
        if (c.role === "close") {
          closer = j;
          break;
        }
        if (c.role === "possessive" && fallback < 0) fallback = j;
        if (c.role === "open" && fallback >= 0) break;
      }
      if (closer < 0) closer = fallback;
      if (closer < 0) {
        k++;
        continue;
      }
      const c = marks[closer] as { at: number };
      const part = trimPart(text, m.at + 1, c.at);
      if (part[1] > part[0]) out.push({ open: m.at, close: c.at + 1, parts: [part], kind: "single" });
      k = closer + 1;
    }
  }
  return out;
}

/** The outermost quotations of a text, in order. Nested quotations stay inside their parent's words. */
export function quoteSpans(text: string): QuoteSpan[] {
  const lines = linesOf(text);
  const all = [...doubleSpans(text, lines), ...singleSpans(text, lines)].sort(
    (a, b) => a.open - b.open || b.close - a.close,
  );
  const out: QuoteSpan[] = [];
  for (const q of all) {
    const last = out[out.length - 1];
    if (last && q.open < last.close) {
      // nested (inside the last one) or crossing: keep the longer
      if (q.close <= last.close) continue;
      if (q.close - q.open > last.close - last.open) out[out.length - 1] = q;
      continue;
    }
    out.push(q);
  }
  return out;
}

/** The words of a quotation, its paragraphs joined by a space. */
export function quoteText(text: string, q: QuoteSpan): string {
  return q.parts
    .map(([s, e]) => text.slice(s, e))
    .filter(Boolean)
    .join(" ")
    .replace(/[,;:\s]+$/u, "");
}
