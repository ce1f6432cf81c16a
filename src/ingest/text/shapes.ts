// Line shapes shared by metadata reading and post splitting: headlines, prose paragraphs, archive headers.

const wordCount = (s: string): number => s.match(/\S+/g)?.length ?? 0;

/** Blog archive and tag page headers: "Posts Tagged ‘China’", "Category Archives: Asia", "Archive for May, 2022". */
export const ARCHIVE_HEADER =
  /^(?:(?:posts?|articles?|entries|stories)\s+(?:tagged|filed under|categori[sz]ed|with the tag)|(?:posts?|entries)\s+(?:in|from|by|about))\b|^(?:tag|category|author|monthly|yearly|daily|date)\s+archives?\b|^archives?\s*(?:for\b|of\b|:)|^(?:tag|category|topic|tagged|browsing (?:category|tag)|all posts (?:in|by|tagged))\s*:/i;

/** Is the line an archive or tag page header (short, first lines of a page)? */
export function isArchiveHeader(line: string): boolean {
  return wordCount(line) <= 10 && ARCHIVE_HEADER.test(line.trim());
}

/** A headline: 1 to 25 words, capitalised, no sentence-final period, colon, comma or semicolon. */
export function isHeadlineLike(line: string, minWords = 2): boolean {
  const t = line.trim();
  const words = wordCount(t);
  if (words < minWords || words > 25 || t.length > 200) return false;
  if (/[.,;:…]["”’)]*$/.test(t)) return false;
  return /^[\p{Lu}\p{N}"“‘'(]/u.test(t);
}

/** A body paragraph: long, or a full sentence of some length. */
export function isProse(line: string): boolean {
  const words = wordCount(line);
  return words >= 25 || (words >= 10 && /[.!?]["”’)]*$/.test(line.trim()));
}
