// HTML pages to article text and metadata: linkedom parses, Readability finds the story,
// and the story's block elements become paragraphs. Scripts and ads are stripped first.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { DocumentMeta } from "../types.js";

export interface HtmlArticle {
  text: string;
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

/** Paragraph text of an element tree: one paragraph per block element, inline text joined. */
function blockText(root: El): string {
  const paras: string[] = [];
  const walk = (el: El) => {
    if (BLOCKS.has(el.tagName)) {
      const t = (el.textContent ?? "").replace(/\s+/g, " ").trim();
      if (t) paras.push(t);
      return;
    }
    const kids = Array.from(el.children);
    if (kids.length === 0) {
      const t = (el.textContent ?? "").replace(/\s+/g, " ").trim();
      if (t) paras.push(t);
      return;
    }
    for (const k of kids) walk(k);
  };
  walk(root);
  return paras.join("\n\n");
}

export function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value.trim());
  if (m) return m[3] ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}-${m[2]}`;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

function jsonLd(doc: Doc): { published?: string; authors?: string[] } {
  for (const el of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const data = JSON.parse(el.textContent ?? "");
      for (const item of Array.isArray(data) ? data : [data]) {
        if (!item || typeof item !== "object") continue;
        const authors = ([] as unknown[])
          .concat(item.author ?? [])
          .map((a) => (typeof a === "string" ? a : (a as { name?: string })?.name))
          .filter((a): a is string => typeof a === "string" && a.length > 0);
        if (item.datePublished || authors.length) return { published: item.datePublished, authors };
      }
    } catch {
      // malformed JSON-LD is common; the other metadata sources remain
    }
  }
  return {};
}

export function readHtml(html: string, url?: string): HtmlArticle {
  const { document } = parseHTML(html) as unknown as { document: Doc & Record<string, unknown> };
  const ld = jsonLd(document);
  const title =
    meta(document, "og:title", "twitter:title") ?? document.querySelector("title")?.textContent?.trim() ?? null;
  const authorMeta = meta(document, "author", "article:author", "byl", "dc.creator", "parsely-author");
  const outlet = meta(document, "og:site_name", "application-name", "publisher");
  const published =
    isoDate(
      meta(document, "article:published_time", "datePublished", "date", "pubdate", "dc.date", "parsely-pub-date"),
    ) ??
    isoDate(ld.published) ??
    isoDate(document.querySelector("time[datetime]")?.getAttribute("datetime"));
  for (const sel of STRIP) for (const el of Array.from(document.querySelectorAll(sel))) el.remove();

  let text = "";
  let byline: string | null | undefined;
  try {
    const parsed = new Readability(document as never, { charThreshold: 200 }).parse();
    if (parsed?.content) {
      const { document: inner } = parseHTML(
        `<!doctype html><html><body>${parsed.content}</body></html>`,
      ) as unknown as {
        document: Doc & { body: El };
      };
      text = blockText(inner.body);
      byline = parsed.byline;
    }
  } catch {
    text = "";
  }
  if (!text.trim()) {
    const body = document.querySelector("body");
    text = body ? blockText(body) : "";
  }
  const authors = authorMeta
    ? splitAuthors(authorMeta)
    : ld.authors?.length
      ? ld.authors
      : byline
        ? splitAuthors(byline)
        : [];
  return {
    text,
    meta: {
      title: title ? title.replace(/\s+/g, " ") : null,
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
