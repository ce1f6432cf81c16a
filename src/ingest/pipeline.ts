// The ingest pipeline: a raw item becomes one or more Documents (cleaned, annotated, de-duplicated),
// each stored with its facts in one transaction. Failures are values naming the input and the reason.
import { type Annotation, annotate } from "../nlp/annotate.js";
import type { Store } from "../store/store.js";
import type { DocFacts, Document, DocumentMeta } from "../types.js";
import { timeStage, timeStageAsync } from "../util/stage-timer.js";
import { decodeText } from "./decode.js";
import { looksLikeFeed, parseFeed } from "./feed.js";
import { type FetchOptions, fetchUrl, isUrl } from "./fetch.js";
import { bands, contentHash, minhash, NEAR_DUPLICATE_THRESHOLD, similarity } from "./fingerprint.js";
import { looksLikeHtml, readHtml } from "./html.js";
import { markdownToText } from "./markdown.js";
import { analyseSection, joinSections, SECTION_CHARS, sectionBounds } from "./sections.js";
import type { InputFailure, RawItem } from "./sources.js";
import { type Article, readArticles } from "./text/article.js";
import { detectDamage } from "./text/quality.js";

export type Extract = (doc: Document, annotation: Annotation) => DocFacts;

/**
 * A string that holds its own characters. A title cut out of the document text is, in V8, a slice that keeps the
 * whole text alive; the report of a long ingest keeps every stored document's ref, so a slice would keep every
 * document's text in memory for the length of the run.
 */
function ownCopy(s: string | null): string | null {
  return s === null ? null : Buffer.from(s, "utf8").toString("utf8");
}

export interface StoredRef {
  id: string;
  source: string;
  title: string | null;
  duplicateOf: string | null;
}

export interface ItemOutcome {
  stored: StoredRef[];
  existing: StoredRef[];
  failed: InputFailure[];
}

export interface PipelineOptions extends FetchOptions {
  extract: Extract;
  /** The outlet the user gave the run: every document stored takes it, whatever its page or feed states. */
  outlet?: string;
}

/** Feed items carrying fewer words than this are fetched from their link instead. */
const FEED_CONTENT_MIN_WORDS = 60;

const wordCount = (s: string) => s.match(/\S+/g)?.length ?? 0;

export function documentId(hash: string): string {
  return `doc-${hash.slice(0, 16)}`;
}

/** Builds a Document (without near-duplicate link) from one article. */
export function buildDocument(
  article: Article,
  source: string,
  contentType: string,
): {
  doc: Document;
  annotation: Annotation;
} {
  const annotation = timeStage("nlp", () => annotate(article.text));
  const doc = documentOf(article, source, contentType);
  doc.sentences = annotation.sentences;
  return { doc, annotation };
}

/** A Document for one article without its annotation (sentences empty): what is known before reading it. */
export function documentOf(article: Article, source: string, contentType: string): Document {
  const hash = timeStage("fingerprint", () => contentHash(article.text));
  const damage = timeStage("quality", () => detectDamage(article.text));
  return {
    id: documentId(hash),
    source,
    contentType,
    title: article.title,
    authors: article.authors,
    outlet: article.outlet,
    published: article.published,
    text: article.text,
    flags: damage.damaged ? ["damaged-text"] : [],
    duplicateOf: null,
    contentHash: hash,
    signature: timeStage("fingerprint", () => minhash(article.text)),
    sentences: [],
  };
}

/** Reads a page's articles by its type: HTML, Markdown or plain text. */
export function articlesOf(
  text: string,
  contentType: string,
  uri: string,
  hints: Partial<DocumentMeta> = {},
): Article[] {
  if (/html/.test(contentType) || looksLikeHtml(text)) {
    const page = readHtml(text, isUrl(uri) ? uri : undefined);
    const merged = {
      ...page.meta,
      ...Object.fromEntries(Object.entries(hints).filter(([, v]) => v && (!Array.isArray(v) || v.length))),
    };
    const body =
      page.meta.title && !page.text.startsWith(page.meta.title) ? `${page.meta.title}\n\n${page.text}` : page.text;
    return readArticles(body, merged);
  }
  const plain = /markdown/.test(contentType) || /\.(md|markdown)$/i.test(uri) ? markdownToText(text) : text;
  return readArticles(plain, hints);
}

export class IngestPipeline {
  constructor(
    private readonly store: Store,
    private readonly opts: PipelineOptions,
  ) {}

  /** Reads a long document section by section (src/ingest/sections.ts). */
  private readSections(doc: Document): { sentences: Document["sentences"]; facts: DocFacts } {
    return joinSections(
      sectionBounds(doc.text).map((b) => ({
        at: b.start,
        result: analyseSection(
          { docId: doc.id, published: doc.published, text: doc.text.slice(b.start, b.end) },
          this.opts.extract,
        ),
      })),
    );
  }

  /** Processes one raw item; never throws for bad content, only reports. */
  async process(item: RawItem, input: string): Promise<ItemOutcome> {
    const out: ItemOutcome = { stored: [], existing: [], failed: [] };
    const decoded = timeStage("decode", () => decodeText(item.bytes));
    if (!decoded.ok) {
      out.failed.push({ input, reason: decoded.reason });
      return out;
    }
    const text = decoded.text;
    const isFeed = /(rss|atom|rdf)\+xml|^application\/xml|^text\/xml/.test(item.contentType)
      ? looksLikeFeed(text) || /(rss|atom)/.test(item.contentType)
      : looksLikeFeed(text);
    if (isFeed) {
      await this.processFeed(item, text, input, out);
      return out;
    }
    if (/xml/.test(item.contentType) && !looksLikeHtml(text)) {
      out.failed.push({ input, reason: "XML that is neither an RSS nor an Atom feed" });
      return out;
    }
    const articles = timeStage("clean", () => articlesOf(text, item.contentType, item.uri));
    await this.storeArticles(item, articles, input, out);
    return out;
  }

  private async processFeed(item: RawItem, xml: string, input: string, out: ItemOutcome): Promise<void> {
    let feed: ReturnType<typeof parseFeed>;
    try {
      feed = parseFeed(xml);
    } catch (err) {
      out.failed.push({ input, reason: (err as Error).message });
      return;
    }
    if (feed.items.length === 0) {
      out.failed.push({ input, reason: "feed has no items" });
      return;
    }
    for (const [n, entry] of feed.items.entries()) {
      const label = entry.link ?? `${item.uri}#item-${n + 1}`;
      const hints: Partial<DocumentMeta> = {
        title: entry.title,
        authors: entry.authors,
        published: entry.published,
        outlet: feed.title,
      };
      const content = entry.content ?? "";
      const contentText =
        looksLikeHtml(content) || /<\/?[a-z][^<>]*>/i.test(content)
          ? readHtml(`<html><body><article>${content}</article></body></html>`).text
          : content;
      if (wordCount(contentText) >= FEED_CONTENT_MIN_WORDS || !entry.link || !isUrl(entry.link)) {
        if (!contentText.trim()) {
          out.failed.push({ input: label, reason: "feed item has no content and no link to fetch" });
          continue;
        }
        const body =
          entry.title && !contentText.startsWith(entry.title) ? `${entry.title}\n\n${contentText}` : contentText;
        const articles = readArticles(body, hints);
        await this.storeArticles({ ...item, uri: label }, articles, label, out, item);
        continue;
      }
      const page = await fetchUrl(entry.link, this.opts);
      if (!page.ok) {
        out.failed.push({ input: entry.link, reason: page.reason });
        continue;
      }
      const decoded = decodeText(page.bytes);
      if (!decoded.ok) {
        out.failed.push({ input: entry.link, reason: decoded.reason });
        continue;
      }
      const pageItem: RawItem = { uri: page.url, bytes: page.bytes, contentType: page.contentType };
      await this.storeArticles(pageItem, articlesOf(decoded.text, page.contentType, page.url, hints), entry.link, out);
    }
  }

  private async storeArticles(
    item: RawItem,
    articles: Article[],
    input: string,
    out: ItemOutcome,
    rawSource: RawItem = item,
  ): Promise<void> {
    const usable = articles.filter((a) => a.text.trim().length > 0);
    if (usable.length === 0) {
      out.failed.push({ input, reason: "no article text found (page holds only markup, scripts or furniture)" });
      return;
    }
    for (const [n, article] of usable.entries()) {
      const source = usable.length > 1 ? `${item.uri}#${n + 1}` : item.uri;
      // A long text is read in sections after the duplicate checks; any other is annotated whole here.
      const long = article.text.length > SECTION_CHARS;
      const built = long
        ? { doc: documentOf(article, source, item.contentType), annotation: null }
        : buildDocument(article, source, item.contentType);
      const { doc, annotation } = built;
      if (this.opts.outlet) doc.outlet = this.opts.outlet;
      const ref = (id: string, dup: string | null): StoredRef => ({
        id,
        source,
        title: ownCopy(doc.title),
        duplicateOf: dup,
      });
      const same = await timeStageAsync("dedup", () => this.store.findByContentHash(doc.contentHash));
      if (same) {
        out.existing.push(ref(same, null));
        continue;
      }
      const docBands = bands(doc.signature);
      let best: { id: string; sim: number } | undefined;
      for (const c of await timeStageAsync("dedup", () => this.store.nearDuplicateCandidates(docBands))) {
        const sim = similarity(doc.signature, c.signature);
        if (sim >= NEAR_DUPLICATE_THRESHOLD && (!best || sim > best.sim)) best = { id: c.duplicateOf ?? c.id, sim };
      }
      doc.duplicateOf = best?.id ?? null;
      let facts: DocFacts;
      try {
        if (annotation) facts = timeStage("extract", () => this.opts.extract(doc, annotation));
        else {
          const read = timeStage("sections", () => this.readSections(doc));
          doc.sentences = read.sentences;
          facts = read.facts;
        }
      } catch (err) {
        out.failed.push({ input: source, reason: `extraction failed: ${(err as Error).message}` });
        continue;
      }
      try {
        const res = await timeStageAsync("store", () =>
          this.store.saveDocument(
            { uri: rawSource.uri, contentType: rawSource.contentType, raw: rawSource.bytes },
            doc,
            docBands,
            facts,
          ),
        );
        if (res.status === "stored") out.stored.push(ref(res.id, doc.duplicateOf));
        else out.existing.push(ref(res.id, null));
      } catch (err) {
        out.failed.push({ input: source, reason: `could not store: ${(err as Error).message}` });
      }
    }
  }
}
