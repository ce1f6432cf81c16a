// POST /api/ingest: the one write route. Off unless the server has a token; reads an uploaded article
// or fetches http(s) URLs, through the same ingest pipeline as `heartland ingest`. Never reads local paths
// (URL-only planning), never fetches from loopback or private addresses (no --allow-private here).
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { extractFacts } from "../extract/index.js";
import { httpUrl } from "../ingest/fetch.js";
import { IngestPipeline } from "../ingest/pipeline.js";
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  type IngestReport,
  MAX_OUTLET_CHARS,
  runIngest,
} from "../ingest/run.js";
import type { Store } from "../store/store.js";
import { HttpError, parseParams, query } from "./params.js";
import { checkBearer } from "./security.js";

export interface WriteAccess {
  /** The token clients must send; null disables every write route. */
  token: string | null;
  store: Store | null;
  maxBytes?: number;
  timeoutMs?: number;
}

const ARTICLE_TYPES = /^(text\/(plain|markdown|html|xml)|application\/(xhtml\+xml|xml|rss\+xml|atom\+xml))$/;
const MAX_URLS = 50;

/**
 * The canonical form of each URL. Only strings written as http(s)://host/... are accepted: forms such as
 * "http:host/path" or "http:\\host" that a URL parser repairs but a reader takes for a path are refused.
 */
function readUrls(body: unknown): string[] {
  const urls = (body as { urls?: unknown } | null)?.urls;
  if (!Array.isArray(urls) || urls.length === 0) throw new HttpError(400, 'the body must be {"urls": [...]}', "urls");
  if (urls.length > MAX_URLS) throw new HttpError(400, `at most ${MAX_URLS} urls at a time`, "urls");
  return urls.map((u) => {
    const url = typeof u === "string" ? httpUrl(u) : null;
    if (!url) throw new HttpError(400, `urls must be http(s) URLs (http://host/...), got ${JSON.stringify(u)}`, "urls");
    return url.href;
  });
}

/** One ingest at a time, so near-copy detection sees every earlier document. */
function serialised() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}

async function ingestUpload(
  store: Store,
  bytes: Uint8Array,
  contentType: string,
  name: string,
  outlet: string | undefined,
  access: WriteAccess,
) {
  const pipeline = new IngestPipeline(store, {
    maxBytes: access.maxBytes ?? DEFAULT_MAX_BYTES,
    timeoutMs: access.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    allowPrivate: false,
    extract: extractFacts,
    outlet,
  });
  const uri = `upload:${name}`;
  try {
    return await pipeline.process({ uri, bytes, contentType }, uri);
  } catch (err) {
    return { stored: [], existing: [], failed: [{ input: uri, reason: `internal error: ${(err as Error).message}` }] };
  }
}

export function mountWriteRoutes(app: Hono, access: WriteAccess): void {
  const maxBytes = access.maxBytes ?? DEFAULT_MAX_BYTES;
  const queue = serialised();
  const guard = async (c: Context, next: () => Promise<void>) => {
    if (!access.token || !access.store) {
      throw new HttpError(403, "write routes are disabled: the server was started without HEARTLAND_TOKEN");
    }
    checkBearer(c.req.header("authorization"), access.token);
    await next();
  };
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c) => c.json({ error: `the body is over the ${maxBytes}-byte limit` }, 413),
  });
  app.post("/api/ingest", guard, limit, async (c) => {
    const store = access.store as Store;
    const { name, outlet } = parseParams(
      {
        name: query.string("A name for the upload."),
        outlet: query.string("The outlet of every document stored.", MAX_OUTLET_CHARS),
      },
      c.req.queries(),
      {},
    );
    // parseParams takes a blank value for an absent one; an outlet given blank is a mistake, not "no outlet".
    if (c.req.queries("outlet")?.some((v) => !v.trim())) throw new HttpError(400, "outlet must not be empty", "outlet");
    const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    let report: IngestReport;
    if (type === "application/json") {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        throw new HttpError(400, "the body is not valid JSON");
      }
      const urls = readUrls(body);
      // URLs only, never a path, folder or standard input; never a loopback or private address.
      report = await queue(() =>
        runIngest(store, urls, {
          maxBytes,
          timeoutMs: access.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          urlsOnly: true,
          allowPrivate: false,
          outlet,
        }),
      );
    } else if (ARTICLE_TYPES.test(type)) {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length === 0) throw new HttpError(400, "the body is empty");
      const label = (name ?? `article-${new Date().toISOString()}`).replace(/[^\w.-]+/g, "-");
      report = await queue(() => ingestUpload(store, bytes, type, label, outlet, access));
    } else {
      throw new HttpError(
        415,
        `cannot ingest ${type || "a body without a content type"}: send an article or JSON urls`,
      );
    }
    return c.json(report);
  });
}
