// HTML pages to article text and metadata: linkedom parses, Readability finds the story,
// and the story's block elements become paragraphs. Scripts and ads are stripped first.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { DocumentMeta } from "../types.js";
import { readHeaderDate } from "./text/dates.js";

export interface HtmlArticle {
  text: string;
  /** Words in Readability's text content for the article (0 when Readability found none). */
  readabilityWords: number;
  meta: Partial<DocumentMeta>;
}

const STRIP = [
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "object",
  "embed",
  "svg",
  "form",
  "button",
  "[class*='advert' i]",
  "[id*='advert' i]",
  "[class~='ad' i]",
  "[class^='ad-' i]",
  "[class*=' ad-' i]",
  "[id^='ad-' i]",
  "[class*='sponsor' i]",
  "[class*='newsletter' i]",
  "[class*='share' i]",
  "[class*='social' i]",
  "[class*='cookie' i]",
  "[aria-hidden='true']",
];

const BLOCKS = new Set([
  "P",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "LI",
  "BLOCKQUOTE",
  "PRE",
  "TD",
  "TH",
  "FIGCAPTION",
  "DT",
  "DD",
]);

type El = {
  tagName: string;
  textContent: string | null;
  children: ArrayLike<El>;
  getAttribute(n: string): string | null;
  remove(): void;
};
type Doc = { querySelector(s: string): El | null; querySelectorAll(s: string): ArrayLike<El> };

function meta(doc: Doc, ...names: string[]): string | null {
  for (const n of names) {
    const el = doc.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`);
    const v = el?.getAttribute("content")?.trim();
    if (v) return v;
  }
  return null;
}

/** Inline elements: their text runs on with the text around them. */
const INLINE = new Set([
  "A",
  "ABBR",
  "B",
  "BDI",
  "BDO",
  "CITE",
  "CODE",
  "DATA",
  "DEL",
  "DFN",
  "EM",
  "FONT",
  "I",
  "INS",
  "KBD",
  "MARK",
  "Q",
  "S",
  "SAMP",
  "SMALL",
  "SPAN",
  "STRONG",
  "SUB",
  "SUP",
  "TIME",
  "U",
  "VAR",
]);

type Node = { nodeType: number; textContent: string | null } & Partial<El>;

/** Does the element hold a block element anywhere inside? */
const holdsBlock = (el: El): boolean => Array.from(el.children).some((k) => BLOCKS.has(k.tagName) || holdsBlock(k));

/**
 * Paragraph text of an element tree: one paragraph per block element, and per leaf of an element without text
 * of its own; in an element with text of its own, its text and inline elements (text beside a link in a <section>
 * or <div>) run on as one paragraph, which a <br><br> or a block ends.
 */
function blockText(root: El): string {
  const paras: string[] = [];
  let run = "";
  let breaks = 0;
  const flush = () => {
    const t = run.replace(/\s+/g, " ").trim();
    if (t) paras.push(t);
    run = "";
    breaks = 0;
  };
  const walk = (el: El) => {
    if (BLOCKS.has(el.tagName)) {
      flush();
      run = el.textContent ?? "";
      flush();
      return;
    }
    const nodes = Array.from((el as unknown as { childNodes: ArrayLike<Node> }).childNodes ?? []);
    // Without text of its own, each child is a paragraph of its own (a title <span>, then a byline <span>).
    if (!nodes.some((n) => n.nodeType === 3 && (n.textContent ?? "").trim() !== "")) {
      for (const kid of Array.from(el.children)) {
        flush();
        if (kid.children.length === 0) run = kid.textContent ?? "";
        else walk(kid);
        flush();
      }
      return;
    }
    for (const node of nodes) {
      if (node.nodeType === 3) {
        if ((node.textContent ?? "").trim() !== "") breaks = 0;
        run += node.textContent ?? "";
        continue;
      }
      if (node.nodeType !== 1) continue;
      const kid = node as unknown as El;
      if (kid.tagName === "BR") {
        run += " ";
        if (++breaks >= 2) flush();
        continue;
      }
      if (INLINE.has(kid.tagName) && !holdsBlock(kid)) {
        breaks = 0;
        run += kid.textContent ?? "";
        continue;
      }
      flush();
      walk(kid);
      flush();
    }
  };
  walk(root);
  flush();
  return paras.join("\n\n");
}

export function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value.trim());
  if (m) return m[3] ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}-${m[2]}`;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/** Schema.org types whose datePublished is the article's (not a WebSite's or a breadcrumb's). */
const ARTICLE_TYPES =
  /^(?:\w*Article|BlogPosting|Posting|Report|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|LiveBlogPosting|WebPage)$/i;

interface LdFacts {
  published?: string;
  authors?: string[];
  publisher?: string;
  headline?: string;
}

const ldName = (v: unknown): string | undefined => {
  const first = Array.isArray(v) ? v[0] : v;
  const name = typeof first === "string" ? first : (first as { name?: unknown } | null)?.name;
  return typeof name === "string" && name.trim() !== "" ? name.trim() : undefined;
};

/** Items of JSON-LD: top-level arrays and @graph arrays flattened, at most a few levels deep. */
function ldItems(data: unknown, out: Record<string, unknown>[] = [], depth = 0): Record<string, unknown>[] {
  if (depth > 3 || !data || typeof data !== "object") return out;
  if (Array.isArray(data)) {
    for (const d of data) ldItems(d, out, depth + 1);
    return out;
  }
  const item = data as Record<string, unknown>;
  out.push(item);
  if (item["@graph"]) ldItems(item["@graph"], out, depth + 1);
  return out;
}

function jsonLd(doc: Doc): LdFacts {
  const items: Record<string, unknown>[] = [];
  for (const el of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      ldItems(JSON.parse(el.textContent ?? ""), items);
    } catch {
      // malformed JSON-LD is common; the other metadata sources remain
    }
  }
  const types = (item: Record<string, unknown>) => ([] as unknown[]).concat(item["@type"] ?? []).map(String);
  const isArticle = (item: Record<string, unknown>) => types(item).some((t) => ARTICLE_TYPES.test(t));
  // An article item first (a WebPage last among them), then anything else that carries a date or authors.
  const ranked = [
    ...items.filter((i) => isArticle(i) && !types(i).every((t) => /^WebPage$/i.test(t))),
    ...items.filter((i) => types(i).some((t) => /^WebPage$/i.test(t))),
    ...items.filter((i) => !isArticle(i)),
  ];
  const out: LdFacts = {};
  for (const item of ranked) {
    const authors = ([] as unknown[])
      .concat(item.author ?? [])
      .map((a) => (typeof a === "string" ? a : (a as { name?: string })?.name))
      .filter((a): a is string => typeof a === "string" && a.length > 0);
    const published = typeof item.datePublished === "string" ? item.datePublished : undefined;
    const created = typeof item.dateCreated === "string" ? item.dateCreated : undefined;
    if (!out.published && (published || created) && (isArticle(item) || authors.length))
      out.published = published ?? created;
    if (!out.authors?.length && authors.length) out.authors = authors;
    out.publisher ??= ldName(item.publisher) ?? ldName(item.sourceOrganization);
    if (!out.headline && isArticle(item) && typeof item.headline === "string") out.headline = item.headline.trim();
  }
  // A site's WebSite or Organization item names it when no article item does.
  if (!out.publisher) {
    const site = items.find((i) => types(i).some((t) => /^(?:WebSite|NewsMediaOrganization)$/i.test(t)));
    out.publisher = site ? ldName(site) : undefined;
  }
  return out;
}

/** Letters and digits only, lower case: "Steppe Herald" and "steppeherald.com"'s label compare equal. */
const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/** Host labels that can name a site: "en.wikipedia.org" gives "wikipedia", "bbc.co.uk" gives "bbc". */
function hostNames(url: string | null | undefined): string[] {
  if (!url) return [];
  try {
    const labels = new URL(url).hostname.replace(/^www\./, "").split(".");
    const generic = /^(?:com|org|net|co|gov|edu|ac|info|news|int|[a-z]{2})$/;
    return labels.filter((l, i) => i < labels.length - 1 && !generic.test(l) && l.length > 1);
  } catch {
    return [];
  }
}

/** Words a site's name may carry besides the name its host or metadata gives. */
const GENERIC_SITE_WORDS = new Set([
  "the",
  "news",
  "online",
  "com",
  "org",
  "net",
  "media",
  "magazine",
  "daily",
  "weekly",
  "world",
  "international",
  "english",
  "uk",
  "us",
  "blog",
  "wire",
  "newsroom",
  "thenews",
  "newsonline",
]);

const TAIL_SEPARATORS = [" - ", " – ", " — ", " | ", "|", " · ", " • ", " : ", ": "];
const LEAD_SEPARATORS = [": ", " | ", "|", " - ", " – ", " — ", " · ", " • "];

/** The title cut at its last (or first) separator, both sides trimmed; null when it has none. */
function splitAt(t: string, separators: string[], which: "first" | "last"): [string, string] | null {
  let at = -1;
  let len = 0;
  for (const sep of separators) {
    const i = which === "last" ? t.lastIndexOf(sep) : t.indexOf(sep);
    if (i < 0) continue;
    if (at < 0 || (which === "last" ? i > at : i < at)) {
      at = i;
      len = sep.length;
    }
  }
  if (at < 0) return null;
  const before = t.slice(0, at).trim();
  const after = t.slice(at + len).trim();
  return before && after ? [before, after] : null;
}

/**
 * The title without the site's name: a trailing " - Site", " | Site", " — Site", " · Site" or a leading
 * "Site: " / "Site | " is cut when Site is one of the site names (compared on letters and digits only), or
 * when what remains is the page's own headline (JSON-LD or the first <h1>). Anything else stays: a dash inside
 * a headline is part of it.
 */
export function stripSiteName(title: string, siteNames: string[], headline?: string | null): string {
  const names = new Set(siteNames.map(squash).filter((n) => n.length > 1));
  const head = headline ? squash(headline) : "";
  const isSite = (seg: string) => {
    const s = squash(seg);
    if (s === "") return false;
    if (names.has(s)) return true;
    // "BBC News" against host "bbc", "The Steppe Herald" against "steppeherald": the rest is a generic word.
    for (const n of names) {
      if (n.length < 3) continue;
      const rest = s.startsWith(n) ? s.slice(n.length) : s.endsWith(n) ? s.slice(0, -n.length) : null;
      if (rest !== null && GENERIC_SITE_WORDS.has(rest)) return true;
      const over = n.startsWith(s) ? n.slice(s.length) : n.endsWith(s) ? n.slice(0, -s.length) : null;
      if (over !== null && s.length >= 3 && GENERIC_SITE_WORDS.has(over)) return true;
    }
    return false;
  };
  let t = title.trim();
  if (t.length > 400) return t; // no headline is this long
  for (let round = 0; round < 2; round++) {
    const tail = splitAt(t, TAIL_SEPARATORS, "last");
    if (
      tail &&
      tail[0].length >= 8 &&
      tail[1].length <= 60 &&
      (isSite(tail[1]) || (head !== "" && squash(tail[0]) === head))
    ) {
      t = tail[0];
      continue;
    }
    const lead = splitAt(t, LEAD_SEPARATORS, "first");
    if (lead && lead[0].length <= 60 && lead[1].length >= 8 && isSite(lead[0])) {
      t = lead[1];
      continue;
    }
    break;
  }
  return t;
}

/** Elements that hold an article's own date: bylines, datelines, the article's time elements. */
const DATE_PLACES = [
  "[itemprop='datePublished']",
  "article [class*='byline' i] time[datetime]",
  "[class*='byline' i] time[datetime]",
  "article header time[datetime]",
  "article time[datetime]",
  "main time[datetime]",
  "time[pubdate]",
  "[class*='dateline' i] time[datetime]",
];
const DATE_TEXT_PLACES = [
  "[class*='byline' i]",
  "[class*='dateline' i]",
  "[class*='publish' i]",
  "[class*='timestamp' i]",
  "[class*='date' i]",
  "[class*='meta' i]",
];

/** The date a page's body states: <time datetime> in the article or byline, else a byline's date in words. */
function bodyDate(doc: Doc): string | null {
  for (const sel of DATE_PLACES) {
    for (const el of Array.from(doc.querySelectorAll(sel))) {
      if (inFurniture(el)) continue;
      const d = isoDate(el.getAttribute("datetime") ?? el.getAttribute("content"));
      if (d) return d;
    }
  }
  for (const sel of DATE_TEXT_PLACES) {
    for (const el of Array.from(doc.querySelectorAll(sel))) {
      if (inFurniture(el)) continue;
      const text = (el.textContent ?? "").replace(/\s+/g, " ").trim();
      if (text === "" || text.length > 200) continue;
      const d = readHeaderDate(text);
      if (d && d.kind === "published" && d.date.length === 10) return d.date;
    }
  }
  for (const el of Array.from(doc.querySelectorAll("time[datetime]"))) {
    if (inFurniture(el)) continue;
    const d = isoDate(el.getAttribute("datetime"));
    if (d) return d;
  }
  return null;
}

/** Is the element inside the site's header, navigation, footer or a sidebar (outside any article)? */
function inFurniture(el: El): boolean {
  const tags: string[] = [];
  type Up = { parentElement: (El & Up) | null };
  for (let p = (el as El & Up).parentElement; p; p = p.parentElement) tags.push(p.tagName);
  if (tags.some((t) => t === "NAV" || t === "FOOTER" || t === "ASIDE")) return true;
  return tags.includes("HEADER") && !tags.includes("ARTICLE") && !tags.includes("MAIN");
}

const PUBLISHED_META = [
  "article:published_time",
  "og:article:published_time",
  "og:published_time",
  "article:published",
  "published_time",
  "article.published",
  "datePublished",
  "dateCreated",
  "dc.date.issued",
  "dcterms.created",
  "dc.date",
  "date",
  "pubdate",
  "publishdate",
  "publish-date",
  "sailthru.date",
  "parsely-pub-date",
];

/** Readability's article text below this share of what Readability counted means something was lost. */
const KEEP_SHARE = 0.8;

const countWords = (s: string) => s.match(/\S+/g)?.length ?? 0;

/** Readability's text content as paragraphs: one per line break run, spaces tidied. */
function plainParagraphs(text: string): string {
  return text
    .split(/\n\s*\n|\n(?=\s*\S)/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => p !== "")
    .join("\n\n");
}

interface ReadabilityRun {
  text: string;
  /** Words in Readability's own text content for the same article. */
  words: number;
  byline?: string | null;
  publishedTime?: string | null;
}

function runReadability(document: unknown): ReadabilityRun | null {
  try {
    const parsed = new Readability(document as never, { charThreshold: 200 }).parse();
    if (!parsed?.content) return null;
    const { document: inner } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`) as unknown as {
      document: Doc & { body: El };
    };
    let text = blockText(inner.body);
    const words = countWords(parsed.textContent ?? "");
    // The paragraph walk keeps less than Readability counted: keep Readability's own text instead.
    if (countWords(text) < words * KEEP_SHARE) text = plainParagraphs(parsed.textContent ?? "");
    return { text, words, byline: parsed.byline, publishedTime: parsed.publishedTime };
  } catch {
    return null;
  }
}

export function readHtml(html: string, url?: string): HtmlArticle {
  const { document } = parseHTML(html) as unknown as { document: Doc & Record<string, unknown> };
  const ld = jsonLd(document);
  const rawTitle =
    meta(document, "og:title", "twitter:title") ?? document.querySelector("title")?.textContent?.trim() ?? null;
  const authorMeta = meta(document, "author", "article:author", "byl", "dc.creator", "parsely-author");
  const siteName = meta(document, "og:site_name");
  const appName = meta(document, "application-name");
  const publisherMeta = meta(document, "publisher", "dc.publisher");
  const outlet = siteName ?? ld.publisher ?? appName ?? publisherMeta;
  const canonical =
    document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? meta(document, "og:url") ?? null;
  const h1 = document.querySelector("h1")?.textContent?.replace(/\s+/g, " ").trim() ?? null;
  const siteNames = [siteName, ld.publisher, appName, publisherMeta, ...hostNames(url), ...hostNames(canonical)].filter(
    (n): n is string => typeof n === "string" && n !== "",
  );
  const title = rawTitle ? stripSiteName(rawTitle.replace(/\s+/g, " "), siteNames, ld.headline ?? h1) : null;
  let published = isoDate(meta(document, ...PUBLISHED_META)) ?? isoDate(ld.published) ?? bodyDate(document);

  // Readability on the page without scripts, ads and sharing furniture; when that keeps little, Readability on
  // the whole page too (a selector can catch a container that holds the story), and the longer wins.
  const pristine = html.length < 4_000_000 ? html : null;
  for (const sel of STRIP) for (const el of Array.from(document.querySelectorAll(sel))) el.remove();
  let run = runReadability(document);
  if (pristine !== null && countWords(run?.text ?? "") < 300) {
    const whole = runReadability((parseHTML(pristine) as unknown as { document: unknown }).document);
    if (whole && countWords(whole.text) > countWords(run?.text ?? "") * 1.25) run = whole;
  }
  let text = run?.text ?? "";
  if (!text.trim()) {
    const body = document.querySelector("body");
    text = body ? blockText(body) : "";
  }
  published ??= isoDate(run?.publishedTime);
  const byline = run?.byline;
  const authors = authorMeta
    ? splitAuthors(authorMeta)
    : ld.authors?.length
      ? ld.authors
      : byline
        ? splitAuthors(byline)
        : [];
  return {
    text,
    readabilityWords: run?.words ?? 0,
    meta: {
      title,
      authors,
      outlet: outlet ?? (url ? safeHost(url) : null),
      published,
    },
  };
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

export function splitAuthors(s: string): string[] {
  return s
    .replace(/^\s*by\s+/i, "")
    .split(/(?<!\s)\s*(?:,|;|\band\b|&)\s*/i)
    .map((a) => a.trim())
    .filter((a) => a.length > 1 && a.length < 60 && !/https?:/.test(a));
}

/** Does this text look like HTML rather than plain text? */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text.slice(0, 2000));
}
