// HTTP(S) fetching with a time limit, a size limit, a check that the answer is text, and an address policy:
// loopback, private, link-local and other non-public addresses are refused unless the user opts in
// (`heartland ingest --allow-private`; never through the API). The policy is applied to the address each
// connection is actually made to: IP-literal hosts are checked before connecting, names are checked inside
// the connection's own DNS lookup (so a name cannot resolve to one address when checked and another when
// connected), and every redirect is followed by hand and checked the same way.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { Agent, type Response, fetch as undiciFetch } from "undici";

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  /**
   * Fetch from loopback, private, link-local and other non-public addresses too. Set only by the command
   * line's --allow-private; the API never sets it.
   */
  allowPrivate?: boolean;
}

export type FetchResult =
  | { ok: true; url: string; bytes: Uint8Array; contentType: string }
  | { ok: false; reason: string };

const TEXT_TYPES = /^(text\/|application\/(?:xhtml\+xml|xml|rss\+xml|atom\+xml|rdf\+xml|json|ld\+json)\b)/i;
const HTTP_PROTOCOLS = new Set(["http:", "https:"]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
export const MAX_REDIRECTS = 10;

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

/** The URL if `s` is written as an http(s) URL with a host ("http://host/..."), else null. */
export function httpUrl(s: string): URL | null {
  if (!isUrl(s)) return null;
  try {
    const u = new URL(s);
    return HTTP_PROTOCOLS.has(u.protocol) && u.hostname ? u : null;
  } catch {
    return null;
  }
}

/** Decides whether a connection to `address` (what `host` resolved to) may be made: null, or why not. */
export type AddressCheck = (host: string, address: string) => string | null;

const RANGE_NAMES: Record<string, string> = {
  loopback: "a loopback address",
  private: "a private address",
  carrierGradeNat: "a carrier-grade NAT address",
  linkLocal: "a link-local address",
  uniqueLocal: "a unique-local address",
  multicast: "a multicast address",
  unspecified: "an unspecified address",
  broadcast: "a broadcast address",
  reserved: "a reserved address",
};
const OPT_IN = " (use --allow-private to allow)";

/**
 * The default policy: only public unicast addresses. IPv4-mapped IPv6 addresses are judged as the IPv4 address
 * they carry. Returns the refusal, naming the host, the address and its range, or null when allowed.
 */
export function refusedReason(host: string, address: string): string | null {
  let range: string;
  try {
    range = ipaddr.process(address).range();
  } catch {
    return `refused: ${host} resolves to ${JSON.stringify(address)}, which is not an IP address`;
  }
  if (range === "unicast") return null;
  const what = RANGE_NAMES[range] ?? `a special-purpose address (${range})`;
  return host === address
    ? `refused: ${address} is ${what}${OPT_IN}`
    : `refused: ${host} resolves to ${address}, ${what}${OPT_IN}`;
}

/** The error a refused lookup fails the connection with; its message is the refusal. */
export class AddressRefused extends Error {
  readonly code = "ERR_ADDRESS_REFUSED";
}

export type Resolver = (
  host: string,
  options: { all: true; family?: number; hints?: number },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const systemResolver: Resolver = (host, options, callback) => dnsLookup(host, options, callback);

/**
 * A `lookup` for net.connect that resolves with `resolver` (the system's dns.lookup by default) and fails the
 * connection if any address the name resolves to is refused by `check`; otherwise answers in the shape asked
 * for (one address, or all of them when `options.all`).
 */
export function guardedLookup(check: AddressCheck, resolver: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    const family = options.family === "IPv4" ? 4 : options.family === "IPv6" ? 6 : options.family;
    const failed = (err: NodeJS.ErrnoException) => callback(err, options.all ? [] : "");
    resolver(hostname, { all: true, family, hints: options.hints }, (err, addresses) => {
      if (err) return failed(err);
      for (const a of addresses) {
        const reason = check(hostname, a.address);
        if (reason) return failed(new AddressRefused(reason));
      }
      const first = addresses[0];
      if (!first) return failed(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }));
      if (options.all) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}

/** Net connects to an IP-literal host without a lookup, so literals are checked before connecting. */
function literalRefusal(url: URL, check: AddressCheck): string | null {
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  return isIP(host) ? check(host, host) : null;
}

function refusalIn(err: unknown): string | null {
  for (let e = err as { code?: unknown; message?: string; cause?: unknown } | undefined, n = 0; e && n < 8; n++) {
    if (e.code === "ERR_ADDRESS_REFUSED") return e.message ?? "refused";
    e = e.cause as typeof e;
  }
  return null;
}

const timedOut = (opts: FetchOptions): FetchResult => ({
  ok: false,
  reason: `timed out after ${opts.timeoutMs / 1000} s`,
});

/** Fetches `url` under the default policy, or with none when `opts.allowPrivate`. */
export function fetchUrl(url: string, opts: FetchOptions): Promise<FetchResult> {
  return fetchWithPolicy(url, opts, opts.allowPrivate ? null : refusedReason);
}

/**
 * Fetches `url`, applying `check` (null: no address check) to the address of every request, following at most
 * MAX_REDIRECTS redirects by hand. The time limit covers the whole chain.
 */
export async function fetchWithPolicy(
  url: string,
  opts: FetchOptions,
  check: AddressCheck | null,
): Promise<FetchResult> {
  const first = httpUrl(url);
  if (!first) return { ok: false, reason: `not an http(s) URL: ${JSON.stringify(url)}` };
  const signal = AbortSignal.timeout(opts.timeoutMs);
  const agents: Agent[] = [];
  try {
    let current = first;
    for (let hop = 0; ; hop++) {
      const refused = check && literalRefusal(current, check);
      if (refused) return { ok: false, reason: refused };
      // One agent per hop: no connection is reused across hops, each is made through the guarded lookup.
      const agent = new Agent({ connect: check ? { lookup: guardedLookup(check) } : {} });
      agents.push(agent);
      let res: Response;
      try {
        res = await undiciFetch(current.href, {
          signal,
          redirect: "manual",
          dispatcher: agent,
          headers: {
            "user-agent": "Heartland/0.1 (+news ingest)",
            accept:
              "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, text/plain;q=0.9, */*;q=0.1",
          },
        });
      } catch (err) {
        const e = err as Error & { cause?: { code?: string; message?: string } };
        const refusal = refusalIn(err);
        if (refusal) return { ok: false, reason: refusal };
        if (e.name === "TimeoutError" || e.name === "AbortError") return timedOut(opts);
        return { ok: false, reason: `request failed: ${e.cause?.code ?? e.cause?.message ?? e.message}` };
      }
      const location = REDIRECT_STATUSES.has(res.status) ? res.headers.get("location") : null;
      if (location === null) return await readBody(res, current.href, opts);
      await res.body?.cancel().catch(() => undefined);
      if (hop >= MAX_REDIRECTS) return { ok: false, reason: `too many redirects (more than ${MAX_REDIRECTS})` };
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        return { ok: false, reason: `redirect to an invalid URL: ${JSON.stringify(location)}` };
      }
      if (!HTTP_PROTOCOLS.has(next.protocol) || !next.hostname) {
        return { ok: false, reason: `redirect to a non-http(s) URL: ${next.href}` };
      }
      current = next;
    }
  } finally {
    for (const agent of agents) agent.destroy().catch(() => undefined);
  }
}

async function readBody(res: Response, url: string, opts: FetchOptions): Promise<FetchResult> {
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
    return { ok: true, url, bytes: Buffer.concat(chunks), contentType: contentType || "text/plain" };
  } catch (err) {
    const e = err as Error;
    if (e.name === "TimeoutError" || e.name === "AbortError") return timedOut(opts);
    return { ok: false, reason: `reading the response failed: ${e.message}` };
  }
}
