// Turns a page's plain text into clean articles with metadata: split into posts, clean each, read its metadata.
import type { DocumentMeta } from "../../types.js";
import { cleanText } from "./clean.js";
import { normaliseSpaces, tidyLine } from "./furniture.js";
import { readTextMetadata } from "./metadata.js";
import { isArchiveHeader } from "./shapes.js";
import { splitPosts } from "./split.js";

export interface Article extends DocumentMeta {
  /** Cleaned text (see cleanText). */
  text: string;
}

const given = (s: string | null | undefined): s is string => typeof s === "string" && s.trim() !== "";

/**
 * Reads the articles of a page's plain text (a .txt/.md file, or the text Readability extracted from HTML).
 * A single article comes back as one Article: cleaned text, and metadata read from that text where the hints
 * (from HTML or a feed) do not give it. A page of several posts (a blog tag or archive page) comes back as one
 * Article per post: each post's title is its own headline, its authors its own byline or bio, else the page's
 * (the hinted authors, or names that sign at least two of the page's posts); outlet comes from the hints.
 * A post never inherits the page's date: an archive page's date is not its posts' dates.
 * Articles whose cleaned text is empty are left out. Quality flags are the caller's business (detectDamage).
 */
export function readArticles(text: string, hints: Partial<DocumentMeta> = {}): Article[] {
  const posts = splitPosts(text);
  if (posts.length <= 1) {
    const cleaned = cleanText(text);
    return cleaned === "" ? [] : [{ ...readTextMetadata(cleaned, hints), text: cleaned }];
  }

  const read = posts
    .map((post) => {
      const cleaned = cleanText(post.text);
      const meta = readTextMetadata(cleaned, post.title ? { title: post.title } : {});
      return { cleaned, meta, title: post.title ?? meta.title };
    })
    .filter((p) => p.cleaned !== "");

  const firstPost = posts[0];
  const pageTitle = given(hints.title) ? hints.title.trim() : archiveHeader(text.slice(0, firstPost?.start ?? 0));
  const pageAuthors =
    hints.authors && hints.authors.length > 0 ? [...hints.authors] : recurringAuthors(read.map((p) => p.meta.authors));
  const outlet = given(hints.outlet) ? hints.outlet.trim() : null;

  return read.map(({ cleaned, meta, title }) => ({
    title: title ?? pageTitle,
    authors: meta.authors.length > 0 ? meta.authors : pageAuthors,
    outlet,
    published: meta.published,
    text: cleaned,
  }));
}

/** The archive header ("Posts Tagged ‘China’") in the text before a page's first post, or null. */
function archiveHeader(head: string): string | null {
  for (const raw of normaliseSpaces(head).split("\n")) {
    const line = tidyLine(raw);
    if (line !== "" && isArchiveHeader(line)) return line;
  }
  return null;
}

/** Names that sign at least two posts of the page: the blog's own author. */
function recurringAuthors(authorLists: string[][]): string[] {
  const counts = new Map<string, number>();
  for (const list of authorLists) for (const name of new Set(list)) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts.entries()].filter(([, n]) => n >= 2).map(([name]) => name);
}
