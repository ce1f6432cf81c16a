// Splits a page that holds several posts (a blog tag or archive page) into one text per post.
import { readHeaderDate } from "./dates.js";
import { isFurnitureLine, normaliseSpaces, tidyLine } from "./furniture.js";
import { readByline } from "./names.js";
import { isArchiveHeader, isHeadlineLike, isProse } from "./shapes.js";

export interface Post {
  /** The post exactly as the page has it: `text === page.slice(start, end)`; not cleaned yet. */
  text: string;
  /** The post's headline where the page gives one (always null for a page that is a single article). */
  title: string | null;
  start: number;
  end: number;
}

interface Line {
  text: string;
  start: number;
  end: number;
}

/** A page's archive header sits in its first few lines. */
const ARCHIVE_HEADER_LINES = 5;
/** A post holds at least this many words of prose; less is furniture between posts. */
const MIN_POST_WORDS = 40;

/** A post footer: "Posted in X | Tagged Y | Leave a comment", "Filed under X", "Comments Off". */
const STRONG_FOOTER =
  /^(?:posted|filed) (?:in|under)\b.*\|.*\b(?:tagged|comments?|leave a (?:reply|comment)|permalink)\b/i;
const WEAK_FOOTER =
  /^(?:(?:posted|filed) (?:in|under)\b.{0,200}|(?:comments? off|leave a comment|\d+ comments?|no comments|permalink|read more|continue reading)\b.{0,80}|tags?\s*:.{0,200})$/i;

/** A blogger's note introducing the post that follows: it speaks of a piece or a post, in the first person. */
const INTRO_TOPIC =
  /\b(?:piece|pieces|post|posts|posting|article|articles|op-?ed|column|paper|essay|commentary|interview|feature|chapter|podcast|talk|blog)\b/i;
const INTRO_VOICE = /\b(?:I|I’m|I'm|I’ve|I've|me|my|am|here|this time|another|latest|catch(?:ing)? up|belated|below)\b/;

const wordCount = (s: string): number => s.match(/\S+/g)?.length ?? 0;

/** The page's non-blank lines with their offsets. */
function linesOf(page: string): Line[] {
  const out: Line[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(page); m; m = re.exec(page)) {
    const text = tidyLine(normaliseSpaces(m[0]));
    if (text !== "") out.push({ text, start: m.index, end: m.index + m[0].replace(/\s+$/, "").length });
  }
  return out;
}

const isDateLine = (line: string): boolean => readHeaderDate(line) !== null;

/** A post headline: headline-shaped and not a date, byline, footer or furniture. */
function isPostHeadline(line: string): boolean {
  return (
    isHeadlineLike(line, 1) &&
    !isDateLine(line) &&
    readByline(line).length === 0 &&
    !isFurnitureLine(line) &&
    !WEAK_FOOTER.test(line)
  );
}

const isIntro = (line: string): boolean =>
  isProse(line) && wordCount(line) <= 250 && INTRO_TOPIC.test(line) && INTRO_VOICE.test(line);

/**
 * Splits a multi-post page into its posts. A page is split only on clear evidence: post footers ("Posted in X |
 * Tagged Y | Leave a comment") after two or more posts, or, on a page that opens with an archive header ("Posts
 * Tagged ‘China’"), also before each headline that follows a blogger's introductory note or precedes a date line.
 * Any other text is one post. Post texts are verbatim slices of the page (cleaning comes later); the archive
 * header and the furniture between posts belong to no post.
 */
export function splitPosts(text: string): Post[] {
  const whole: Post[] = [{ text, title: null, start: 0, end: text.length }];
  const lines = linesOf(text);
  const archive = lines.slice(0, ARCHIVE_HEADER_LINES).findIndex((l) => isArchiveHeader(l.text));
  const strongFooters = lines.filter((l) => STRONG_FOOTER.test(l.text)).length;
  const weakFooters = lines.filter((l) => WEAK_FOOTER.test(l.text)).length;
  const byFooters = strongFooters >= 2 || (archive >= 0 && weakFooters >= 2);
  if (archive < 0 && !byFooters) return whole;

  // Cuts: the index of the line each post starts at, with the headline line if known.
  const starts = new Map<number, number | null>();
  if (byFooters) {
    for (const [i, l] of lines.entries()) {
      if (STRONG_FOOTER.test(l.text) || (archive >= 0 && WEAK_FOOTER.test(l.text))) starts.set(i + 1, null);
    }
  }
  if (archive >= 0) {
    for (let i = archive + 1; i < lines.length; i++) {
      const line = lines[i]?.text ?? "";
      const next = lines[i + 1]?.text ?? "";
      // A blogger's note, then the headline of the piece it introduces.
      if (isIntro(line) && isPostHeadline(next)) starts.set(i, i + 1);
      // A headline, then its date line.
      else if (isPostHeadline(line) && isDateLine(next) && !starts.has(i - 1)) starts.set(i, i);
    }
  }
  const first = archive >= 0 ? archive + 1 : 0;
  if (!starts.has(first)) starts.set(first, null);

  const posts: Post[] = [];
  const order = [...starts.keys()].filter((i) => i >= first && i < lines.length).sort((a, b) => a - b);
  for (const [k, from] of order.entries()) {
    const to = (order[k + 1] ?? lines.length) - 1;
    const body = lines.slice(from, to + 1);
    const proseWords = body.filter((l) => !isFurnitureLine(l.text)).reduce((n, l) => n + wordCount(l.text), 0);
    const firstLine = body[0];
    const lastLine = body[body.length - 1];
    if (!firstLine || !lastLine || proseWords < MIN_POST_WORDS) continue;
    const headline = starts.get(from);
    const title = headline != null ? (lines[headline]?.text ?? null) : findHeadline(body);
    posts.push({ text: text.slice(firstLine.start, lastLine.end), title, start: firstLine.start, end: lastLine.end });
  }
  return posts.length >= 2 ? posts : whole;
}

/** The headline of a post cut by footers: its first headline-shaped line before the prose starts. */
function findHeadline(body: Line[]): string | null {
  for (const l of body) {
    if (isProse(l.text)) return null;
    if (isPostHeadline(l.text) && !isArchiveHeader(l.text)) return l.text;
  }
  return null;
}
