// HTTP(S) fetching with a time limit, a size limit and a check that the answer is text.
export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
}

export type FetchResult =
  | { ok: true; url: string; bytes: Uint8Array; contentType: string }
  | { ok: false; reason: string };

const TEXT_TYPES = /^(text\/|application\/(?:xhtml\+xml|xml|rss\+xml|atom\+xml|rdf\+xml|json|ld\+json)\b)/i;

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

export async function fetchUrl(url: string, opts: FetchOptions): Promise<FetchResult> {
  let res: Response;
  try {
    res = await fetch(url, {
      signal: AbortSignal.timeout(opts.timeoutMs),
      redirect: "follow",
      headers: {
        "user-agent": "Heartland/0.1 (+news ingest)",
        accept:
          "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, text/plain;q=0.9, */*;q=0.1",
      },
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    if (e.name === "TimeoutError" || e.name === "AbortError") {
      return { ok: false, reason: `timed out after ${opts.timeoutMs / 1000} s` };
    }
    return { ok: false, reason: `request failed: ${e.cause?.code ?? e.cause?.message ?? e.message}` };
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    return { ok: false, reason: `HTTP ${res.status} ${res.statusText}`.trim() };
  }
  const contentType = (res.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (contentType && !TEXT_TYPES.test(contentType)) {
    await res.body?.cancel().catch(() => undefined);
    return { ok: false, reason: `not a text document (content type ${contentType})` };
  }
  const declared = Number(res.headers.get("content-length") ?? "0");
  if (declared > opts.maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    return { ok: false, reason: `response is ${declared} bytes, over the ${opts.maxBytes}-byte limit` };
  }
  try {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = res.body?.getReader();
    if (reader) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.length;
        if (size > opts.maxBytes) {
          await reader.cancel();
          return { ok: false, reason: `response is over the ${opts.maxBytes}-byte limit` };
        }
        chunks.push(value);
      }
    }
    return { ok: true, url: res.url || url, bytes: Buffer.concat(chunks), contentType: contentType || "text/plain" };
  } catch (err) {
    const e = err as Error;
    if (e.name === "TimeoutError" || e.name === "AbortError") {
      return { ok: false, reason: `timed out after ${opts.timeoutMs / 1000} s` };
    }
    return { ok: false, reason: `reading the response failed: ${e.message}` };
  }
}
