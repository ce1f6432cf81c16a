// Reads title, authors and publication date from an article's plain-text header and author bios.
import type { DocumentMeta } from "../../types.js";
import { type HeaderDate, readDateline, readHeaderDate } from "./dates.js";
import { isFurnitureLine, normaliseSpaces, stripInlineFurniture, tidyLine } from "./furniture.js";
import { ABOUT_AUTHOR, isNameLine, readBio, readByline } from "./names.js";
import { isArchiveHeader, isHeadlineLike, isProse } from "./shapes.js";

/** How many content lines count as the header. */
const HEADER_LINES = 25;
/** Bios closing an article sit in its last lines. */
const CLOSING_LINES = 6;

/** Content lines: tidied, without furniture, in order. */
function contentLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of normaliseSpaces(text).split("\n")) {
    const tidy = tidyLine(raw);
    if (tidy === "" || isFurnitureLine(tidy)) continue;
    const kept = stripInlineFurniture(tidy);
    if (kept !== "" && !isFurnitureLine(kept)) out.push(kept);
  }
  return out;
}

const nonEmpty = (s: string | null | undefined): s is string => typeof s === "string" && s.trim() !== "";

/**
 * Title, authors and published date from the first lines of the text (and author bios anywhere near the end
 * or under "About the author"). Hints (from HTML or a feed) win over what the text says; `outlet` comes only
 * from hints, since a text's "This was published by X" is a republication note, not the outlet.
 */
export function readTextMetadata(text: string, hints: Partial<DocumentMeta> = {}): DocumentMeta {
  const lines = contentLines(text);
  const header = lines.slice(0, HEADER_LINES);

  // Dates: the first published date wins, an updated date only when there is no other.
  const dates = header.map((l) => readHeaderDate(l));
  const firstOf = (kind: HeaderDate["kind"]) => dates.find((d) => d?.kind === kind)?.date;
  // A dateline opening the story ("TASHKENT, 14 March 2025 —") when the header states no date.
  const published = firstOf("published") ?? firstOf("updated") ?? datelineDate(header);

  // Bylines, and lone name lines next to a date line.
  const authors: string[] = [];
  const nameLines = new Set<number>();
  const bylineLines = new Set<number>();
  for (const [i, line] of header.entries()) {
    const names = [...readByline(line), ...readByline(dates[i]?.rest ?? "")];
    if (names.length > 0) bylineLines.add(i);
    authors.push(...names);
  }
  const takeNamesFrom = (start: number, step: 1 | -1) => {
    for (let j = start; j >= 0 && j < header.length && isNameLine(header[j] ?? ""); j += step) {
      if (!dates[j]) nameLines.add(j);
    }
  };
  for (const [i, d] of dates.entries()) {
    if (!d) continue;
    takeNamesFrom(i - 1, -1);
    takeNamesFrom(i + 1, 1);
  }

  // Title: the first headline-like line before the body starts.
  let titleIndex = -1;
  for (const [i, line] of header.entries()) {
    if (isProse(line)) break;
    if (dates[i] || nameLines.has(i) || bylineLines.has(i) || isArchiveHeader(line) || ABOUT_AUTHOR.test(line))
      continue;
    if (isHeadlineLike(line)) {
      titleIndex = i;
      break;
    }
  }
  if (nonEmpty(hints.title)) {
    const hinted = header.indexOf(hints.title.trim());
    if (hinted >= 0) titleIndex = hinted;
  }
  // A name alone on the line right after the title is a byline too.
  if (titleIndex >= 0) takeNamesFrom(titleIndex + 1, 1);
  authors.push(...[...nameLines].sort((a, b) => a - b).map((i) => header[i] ?? ""));

  // Author bios: in the header, in the closing lines, or under an "About the author" header.
  let inAbout = false;
  for (const [i, line] of lines.entries()) {
    if (ABOUT_AUTHOR.test(line)) {
      inAbout = true;
      continue;
    }
    if (!inAbout && i >= HEADER_LINES && i < lines.length - CLOSING_LINES) continue;
    const name = readBio(line, inAbout);
    if (name) authors.push(name);
  }

  const title = nonEmpty(hints.title) ? hints.title.trim() : titleIndex >= 0 ? (header[titleIndex] ?? null) : null;
  return {
    title,
    authors: hints.authors && hints.authors.length > 0 ? [...hints.authors] : unique(authors),
    outlet: nonEmpty(hints.outlet) ? hints.outlet.trim() : null,
    published: nonEmpty(hints.published) ? hints.published.trim() : published,
  };
}

/** How many prose lines from the start of the story a dateline may open. */
const DATELINE_LINES = 2;

/** The date of the dateline that opens one of the story's first prose lines, or null. */
function datelineDate(header: string[]): string | null {
  let prose = 0;
  for (const line of header) {
    const dateline = readDateline(line);
    if (dateline?.date) return dateline.date;
    if (isProse(line) && ++prose >= DATELINE_LINES) break;
  }
  return null;
}

/** Names in first-seen order, compared without case and extra spaces. */
function unique(names: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    const key = n.toLowerCase().replace(/\s+/g, " ").trim();
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    out.push(n.trim());
  }
  return out;
}
