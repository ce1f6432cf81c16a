// The ingest pipeline: a raw item becomes one or more Documents (cleaned, annotated, de-duplicated),
// each stored with its facts in one transaction. Failures are values naming the input and the reason.
import type { Store } from "../store/store.js";
import type { DocumentMeta } from "../types.js";
import { timeStage, timeStageAsync } from "../util/stage-timer.js";
import {
  type Analysed,
  analyseArticle,
  documentId,
  documentOf,
  type Extract,
  isLong,
  sectionInputs,
} from "./analyse.js";
import type { CpuPool } from "./cpu-pool.js";
import { decodeText } from "./decode.js";
import { looksLikeFeed, parseFeed } from "./feed.js";
import { type FetchOptions, fetchUrl, isUrl } from "./fetch.js";
import { bands, contentHash, NEAR_DUPLICATE_THRESHOLD, similarity } from "./fingerprint.js";
import { looksLikeHtml, readHtml } from "./html.js";
import { markdownToText } from "./markdown.js";
import { joinSections } from "./sections.js";
import type { InputFailure, RawItem } from "./sources.js";
import { type Article, readArticles } from "./text/article.js";

export type { Extract } from "./analyse.js";
export { buildDocument, documentId, documentOf } from "./analyse.js";

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
  /**
   * Worker threads for annotation and extraction (src/ingest/cpu-pool.ts), started by `pool()` when first needed.
   * They run the default extractor, so a pipeline given another `extract` must not be given them. A long document's
   * sections always go to them; other articles only with `everyArticle` (a run of many items: for one short
   * article, starting workers costs more than it saves). Without workers, everything runs in this thread.
   */
  workers?: { pool: () => CpuPool; everyArticle: boolean };
}

/** Feed items carrying fewer words than this are fetched from their link instead. */
const FEED_CONTENT_MIN_WORDS = 60;

const wordCount = (s: string) => s.match(/\S+/g)?.length ?? 0;

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

/** One article of an item, checked against the store and (with a pool) already being analysed. */
interface PreparedArticle {
  source: string;
  /** The stored document with the same text, when there was one as the item was read. */
  existing: string | null;
  title: string | null;
  /** The document and its facts; never rejects (an error is a value). */
  analysis: () => Promise<Analysed | Error>;
}

/** An item read, waiting for its turn to be stored: all that is left is the store's part. */
export type Prepared =
  | { kind: "outcome"; out: ItemOutcome }
  | { kind: "feed"; item: RawItem; xml: string; input: string }
  | PreparedArticles;

interface PreparedArticles {
  kind: "articles";
  articles: PreparedArticle[];
  /** The item whose bytes are stored as the documents' source (a feed's, for articles carried in the feed). */
  raw: RawItem;
  input: string;
  /** No article had any text. */
  empty: boolean;
}

const asValue = (p: Promise<Analysed>): Promise<Analysed | Error> =>
  p.then(
    (v) => v,
    (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
  );

export class IngestPipeline {
  constructor(
    private readonly store: Store,
    private readonly opts: PipelineOptions,
  ) {}

  /** Processes one raw item; never throws for bad content, only reports. */
  async process(item: RawItem, input: string): Promise<ItemOutcome> {
    return this.commit(await this.prepare(item, input));
  }

  /**
   * Reads one item and starts its analysis: decoding, cleaning, the check for documents already stored, and (with
   * a pool) annotation and extraction in the workers. Several items may be prepared ahead of the one being
   * committed; committing them in order stores what processing them one by one would.
   */
  async prepare(item: RawItem, input: string): Promise<Prepared> {
    const decoded = timeStage("decode", () => decodeText(item.bytes));
    if (!decoded.ok)
      return { kind: "outcome", out: { stored: [], existing: [], failed: [{ input, reason: decoded.reason }] } };
    const text = decoded.text;
    const isFeed = /(rss|atom|rdf)\+xml|^application\/xml|^text\/xml/.test(item.contentType)
      ? looksLikeFeed(text) || /(rss|atom)/.test(item.contentType)
      : looksLikeFeed(text);
    if (isFeed) return { kind: "feed", item, xml: text, input };
    if (/xml/.test(item.contentType) && !looksLikeHtml(text)) {
      const reason = "XML that is neither an RSS nor an Atom feed";
      return { kind: "outcome", out: { stored: [], existing: [], failed: [{ input, reason }] } };
    }
    const articles = timeStage("clean", () => articlesOf(text, item.contentType, item.uri));
    return this.prepareArticles(item, articles, input);
  }

  /** Stores what `prepare` read, in the order items were prepared. */
  async commit(prepared: Prepared): Promise<ItemOutcome> {
    if (prepared.kind === "outcome") return prepared.out;
    const out: ItemOutcome = { stored: [], existing: [], failed: [] };
    if (prepared.kind === "feed") await this.processFeed(prepared.item, prepared.xml, prepared.input, out);
    else await this.commitArticles(prepared, out);
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
        await this.commitArticles(await this.prepareArticles({ ...item, uri: label }, articles, label, item), out);
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
      const articles = articlesOf(decoded.text, page.contentType, page.url, hints);
      await this.commitArticles(await this.prepareArticles(pageItem, articles, entry.link), out);
    }
  }

  /** The analysis of one article: in the pool's workers when there is one (started now), else in this thread. */
  private analysis(article: Article, source: string, contentType: string): () => Promise<Analysed | Error> {
    const workers = this.opts.workers;
    const long = isLong(article.text);
    if (!workers || (!long && !workers.everyArticle)) {
      return async () => {
        try {
          return analyseArticle(article, source, contentType, this.opts.extract);
        } catch (err) {
          return err instanceof Error ? err : new Error(String(err));
        }
      };
    }
    const pool = workers.pool();
    if (!long) {
      const started = asValue(pool.analyseArticle(article, source, contentType));
      return () => started;
    }
    // A long text: its sections side by side in the workers, joined back here; this thread fingerprints and
    // checks the whole text meanwhile.
    const docId = documentId(contentHash(article.text));
    const sections = sectionInputs(docId, article.published, article.text).map((s) =>
      pool.analyseSection(s.input).then((result) => ({ at: s.at, result })),
    );
    const doc = documentOf(article, source, contentType);
    const started = asValue(
      timeStageAsync("sections", () => Promise.all(sections)).then((parts) => {
        const read = joinSections(parts);
        doc.sentences = read.sentences;
        return { doc, facts: read.facts };
      }),
    );
    return () => started;
  }

  private async prepareArticles(
    item: RawItem,
    articles: Article[],
    input: string,
    raw: RawItem = item,
  ): Promise<PreparedArticles> {
    const usable = articles.filter((a) => a.text.trim().length > 0);
    const prepared: PreparedArticle[] = [];
    for (const [n, article] of usable.entries()) {
      const source = usable.length > 1 ? `${item.uri}#${n + 1}` : item.uri;
      // Text already stored is not read again.
      const hash = timeStage("fingerprint", () => contentHash(article.text));
      const existing = await timeStageAsync("dedup", () => this.store.findByContentHash(hash));
      const analysis = existing
        ? () => Promise.resolve(new Error("unreachable: a stored text is not analysed"))
        : this.analysis(article, source, item.contentType);
      prepared.push({ source, existing, title: existing ? ownCopy(article.title) : null, analysis });
    }
    return { kind: "articles", articles: prepared, raw, input, empty: usable.length === 0 };
  }

  private async commitArticles(prepared: PreparedArticles, out: ItemOutcome): Promise<void> {
    if (prepared.empty) {
      const reason = "no article text found (page holds only markup, scripts or furniture)";
      out.failed.push({ input: prepared.input, reason });
      return;
    }
    const raw = prepared.raw;
    for (const a of prepared.articles) {
      const source = a.source;
      if (a.existing) {
        out.existing.push({ id: a.existing, source, title: a.title, duplicateOf: null });
        continue;
      }
      const analysed = await a.analysis();
      if (analysed instanceof Error) {
        out.failed.push({ input: source, reason: `extraction failed: ${analysed.message}` });
        continue;
      }
      const { doc, facts } = analysed;
      if (this.opts.outlet) doc.outlet = this.opts.outlet;
      const ref = (id: string, dup: string | null): StoredRef => ({
        id,
        source,
        title: ownCopy(doc.title),
        duplicateOf: dup,
      });
      // An item prepared ahead may hold the text an earlier one just stored.
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
      try {
        const res = await timeStageAsync("store", () =>
          this.store.saveDocument({ uri: raw.uri, contentType: raw.contentType, raw: raw.bytes }, doc, docBands, facts),
        );
        if (res.status === "stored") out.stored.push(ref(res.id, doc.duplicateOf));
        else out.existing.push(ref(res.id, null));
      } catch (err) {
        out.failed.push({ input: source, reason: `could not store: ${(err as Error).message}` });
      }
    }
  }
}
