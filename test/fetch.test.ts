// Fetching URLs and feed links refuses loopback, private, link-local and other non-public addresses unless
// the user opts in (`heartland ingest --allow-private`), on every request and every redirect. Only loopback
// servers started here are ever contacted; other addresses are exercised through a fake resolver.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { extractFacts } from "../src/extract/index.js";
import * as fetching from "../src/ingest/fetch.js";
import { IngestPipeline } from "../src/ingest/pipeline.js";
import { openStore } from "../src/store/open.js";
import { ARTICLE_LONG } from "./fixtures.js";
import { startServer, tempDir } from "./helpers.js";

const { fetchUrl } = fetching;
const LIMITS = { timeoutMs: 5_000, maxBytes: 1024 * 1024 };
const page = `<html><head><title>Ports</title></head><body><article>${ARTICLE_LONG.split("\n\n")
  .map((p) => `<p>${p}</p>`)
  .join("")}</article></body></html>`;
const html = (_req: unknown, res: import("node:http").ServerResponse) => {
  res.writeHead(200, { "content-type": "text/html" });
  res.end(page);
};

type Site = Awaited<ReturnType<typeof startServer>>;
let target: Site;
let redirector: Site;
const tmp = tempDir("heartland-fetch-");

before(async () => {
  target = await startServer({ "/article": html });
  const to = (location: string) => (_req: unknown, res: import("node:http").ServerResponse) => {
    res.writeHead(302, { location });
    res.end();
  };
  redirector = await startServer({
    "/to-localhost": to(`http://localhost:${target.port}/article`),
    "/to-127.0.0.2": to(`http://127.0.0.2:${target.port}/article`),
    "/to-decimal": to(`http://2130706433:${target.port}/article`),
    "/to-file": to("file:///etc/passwd"),
    "/relative": to("/here"),
    "/here": html,
    "/loop": to("/loop"),
  });
});

after(async () => {
  await target?.close();
  await redirector?.close();
  tmp.cleanup();
});

describe("by default, non-public addresses are refused before any connection", () => {
  test("every spelling of loopback and the unspecified address, as an IP literal", async () => {
    const cases: [string, RegExp][] = [
      ["127.0.0.1", /^refused: 127\.0\.0\.1 is a loopback address \(use --allow-private to allow\)$/],
      ["127.1", /^refused: 127\.0\.0\.1 is a loopback address/],
      ["2130706433", /^refused: 127\.0\.0\.1 is a loopback address/],
      ["0x7f000001", /^refused: 127\.0\.0\.1 is a loopback address/],
      ["0177.0.0.1", /^refused: 127\.0\.0\.1 is a loopback address/],
      ["127.0.0.1.", /^refused: 127\.0\.0\.1 is a loopback address/],
      ["0.0.0.0", /^refused: 0\.0\.0\.0 is an unspecified address/],
      ["[::1]", /^refused: ::1 is a loopback address/],
      ["[::ffff:127.0.0.1]", /^refused: ::ffff:7f00:1 is a loopback address/],
      ["[::]", /^refused: :: is an unspecified address/],
    ];
    for (const [host, reason] of cases) {
      const r = await fetchUrl(`http://${host}:${target.port}/article`, LIMITS);
      assert.equal(r.ok, false, `${host} must be refused`);
      assert.match((r as { reason: string }).reason, reason, host);
    }
    assert.deepEqual(target.requests, [], "the server saw no request");
  });

  test("a name that resolves to loopback is refused at lookup", async () => {
    const r = await fetchUrl(`http://localhost:${target.port}/article`, LIMITS);
    assert.equal(r.ok, false);
    assert.match(
      (r as { reason: string }).reason,
      /^refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address \(use --allow-private to allow\)$/,
    );
    assert.deepEqual(target.requests, []);
  });

  test("a redirect chain that starts on loopback is refused at its first hop", async () => {
    const r = await fetchUrl(`${redirector.url}/to-localhost`, LIMITS);
    assert.equal(r.ok, false);
    assert.match((r as { reason: string }).reason, /^refused: 127\.0\.0\.1 is a loopback address/);
    assert.deepEqual(redirector.requests, []);
    assert.deepEqual(target.requests, []);
  });

  test("only http(s) URLs are fetched", async () => {
    const r = await fetchUrl("data:text/plain,Ports%20compete%20on%20the%20Caspian", LIMITS);
    assert.equal(r.ok, false);
    assert.match((r as { reason: string }).reason, /not an http\(s\) URL/);
  });
});

describe("each redirect hop is checked like the first", () => {
  // Allows the first address checked (the redirecting server's), so the test can reach the second hop; every
  // later check gets the default policy.
  const firstHopOnly = () => {
    let checks = 0;
    return (host: string, address: string) => (++checks === 1 ? null : fetching.refusedReason(host, address));
  };
  const before = () => ({ r: redirector.requests.length, t: target.requests.length });

  test("a 302 to localhost or another loopback address is refused; the target gets no request", async () => {
    const seen = before();
    for (const [path, reason] of [
      ["/to-localhost", /^refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address/],
      ["/to-127.0.0.2", /^refused: 127\.0\.0\.2 is a loopback address/],
      ["/to-decimal", /^refused: 127\.0\.0\.1 is a loopback address/],
    ] as const) {
      const r = await fetching.fetchWithPolicy(`${redirector.url}${path}`, LIMITS, firstHopOnly());
      assert.equal(r.ok, false, path);
      assert.match((r as { reason: string }).reason, reason, path);
    }
    assert.equal(redirector.requests.length, seen.r + 3, "the first hop was made");
    assert.equal(target.requests.length, seen.t, "no redirect reached the target");
  });

  test("with --allow-private the same redirect is followed (so the refusal above is the policy's)", async () => {
    const r = await fetchUrl(`${redirector.url}/to-localhost`, { ...LIMITS, allowPrivate: true });
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal((r as { url: string }).url, `http://localhost:${target.port}/article`);
    assert.equal(target.requests.at(-1), "/article");
  });

  test("relative redirects resolve against the current URL; non-http(s) targets and loops are refused", async () => {
    const open = { ...LIMITS, allowPrivate: true };
    const rel = await fetchUrl(`${redirector.url}/relative`, open);
    assert.equal(rel.ok, true, JSON.stringify(rel));
    assert.equal((rel as { url: string }).url, `${redirector.url}/here`);
    const file = await fetchUrl(`${redirector.url}/to-file`, open);
    assert.equal(file.ok, false);
    assert.match((file as { reason: string }).reason, /redirect to a non-http\(s\) URL: file:\/\/\/etc\/passwd/);
    const loop = await fetchUrl(`${redirector.url}/loop`, open);
    assert.equal(loop.ok, false);
    assert.match((loop as { reason: string }).reason, /too many redirects/);
  });
});

describe("the address check and the guarded lookup (fake resolver: nothing is contacted)", () => {
  test("refusedReason names the host, the address and its range", () => {
    const { refusedReason } = fetching;
    assert.equal(refusedReason("93.184.216.34", "93.184.216.34"), null);
    assert.equal(refusedReason("news.example", "2606:4700::6810:84e5"), null);
    const cases: [string, string, string][] = [
      ["10.0.0.5", "10.0.0.5", "refused: 10.0.0.5 is a private address (use --allow-private to allow)"],
      ["192.168.1.1", "192.168.1.1", "refused: 192.168.1.1 is a private address (use --allow-private to allow)"],
      ["172.16.0.1", "172.16.0.1", "refused: 172.16.0.1 is a private address (use --allow-private to allow)"],
      [
        "metadata.example",
        "169.254.169.254",
        "refused: metadata.example resolves to 169.254.169.254, a link-local address (use --allow-private to allow)",
      ],
      ["100.64.1.1", "100.64.1.1", "refused: 100.64.1.1 is a carrier-grade NAT address (use --allow-private to allow)"],
      ["fe80::1", "fe80::1", "refused: fe80::1 is a link-local address (use --allow-private to allow)"],
      ["fd00::1", "fd00::1", "refused: fd00::1 is a unique-local address (use --allow-private to allow)"],
      ["224.0.0.1", "224.0.0.1", "refused: 224.0.0.1 is a multicast address (use --allow-private to allow)"],
      [
        "255.255.255.255",
        "255.255.255.255",
        "refused: 255.255.255.255 is a broadcast address (use --allow-private to allow)",
      ],
      ["240.0.0.1", "240.0.0.1", "refused: 240.0.0.1 is a reserved address (use --allow-private to allow)"],
      [
        "mapped.example",
        "::ffff:127.0.0.1",
        "refused: mapped.example resolves to ::ffff:127.0.0.1, a loopback address (use --allow-private to allow)",
      ],
      [
        "mapped.example",
        "::ffff:10.1.2.3",
        "refused: mapped.example resolves to ::ffff:10.1.2.3, a private address (use --allow-private to allow)",
      ],
    ];
    for (const [host, address, reason] of cases) assert.equal(refusedReason(host, address), reason);
  });

  type Resolved = { address: string; family: number }[];
  const fakeResolver =
    (answers: Record<string, string[]>) =>
    (host: string, _opts: object, cb: (err: Error | null, addrs: Resolved) => void) => {
      const list = answers[host];
      if (!list) cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" }), []);
      else
        cb(
          null,
          list.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })),
        );
    };
  const answers = {
    "private.example": ["10.0.0.5"],
    "metadata.example": ["169.254.169.254"],
    "mapped.example": ["::ffff:127.0.0.1"],
    "public.example": ["93.184.216.34"],
    "mixed.example": ["93.184.216.34", "10.0.0.5"],
  };
  const lookup = (host: string, options: { all?: boolean }) =>
    new Promise<{ err: (Error & { code?: string }) | null; result: unknown[] }>((resolve) => {
      const guarded = fetching.guardedLookup(fetching.refusedReason, fakeResolver(answers));
      guarded(host, options, (err: Error | null, ...result: unknown[]) => resolve({ err, result }));
    });

  test("refuses a name resolving to a private, link-local or mapped loopback address", async () => {
    for (const [host, reason] of [
      ["private.example", /private\.example resolves to 10\.0\.0\.5, a private address/],
      ["metadata.example", /metadata\.example resolves to 169\.254\.169\.254, a link-local address/],
      ["mapped.example", /mapped\.example resolves to ::ffff:127\.0\.0\.1, a loopback address/],
      ["mixed.example", /mixed\.example resolves to 10\.0\.0\.5, a private address/],
    ] as const) {
      for (const all of [true, false]) {
        const { err } = await lookup(host, { all });
        assert.ok(err, `${host} refused`);
        assert.match(err.message, reason);
        assert.equal(err.code, "ERR_ADDRESS_REFUSED");
      }
    }
  });

  test("passes a public address through, in the shape the caller asked for", async () => {
    const all = await lookup("public.example", { all: true });
    assert.equal(all.err, null);
    assert.deepEqual(all.result, [[{ address: "93.184.216.34", family: 4 }]]);
    const one = await lookup("public.example", {});
    assert.equal(one.err, null);
    assert.deepEqual(one.result, ["93.184.216.34", 4]);
    const missing = await lookup("nowhere.example", { all: true });
    assert.equal(missing.err?.code, "ENOTFOUND");
  });
});

describe("feed item links", () => {
  test("a feed's links to loopback are refused with the reason, not fetched", async () => {
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Steppe Monitor</title>
<item><title>Ports compete</title><link>http://localhost:${target.port}/article</link><description>Short teaser.</description></item>
<item><title>Ports compete again</title><link>http://127.0.0.1:${target.port}/article</link><description>Teaser.</description></item>
</channel></rss>`;
    const seen = target.requests.length;
    const store = await openStore(join(tmp.dir, "feed.db"));
    try {
      const pipeline = new IngestPipeline(store, { ...LIMITS, extract: extractFacts });
      const uri = `http://feeds.example/rss`;
      const out = await pipeline.process({ uri, bytes: Buffer.from(feed), contentType: "application/rss+xml" }, uri);
      assert.equal(out.stored.length, 0);
      assert.deepEqual(
        out.failed.map((f) => f.input),
        [`http://localhost:${target.port}/article`, `http://127.0.0.1:${target.port}/article`],
      );
      assert.match(out.failed[0]?.reason ?? "", /^refused: localhost resolves to (127\.0\.0\.1|::1), a loopback/);
      assert.match(out.failed[1]?.reason ?? "", /^refused: 127\.0\.0\.1 is a loopback address/);
      assert.equal(target.requests.length, seen, "no item link was fetched");
    } finally {
      await store.close();
    }
  });
});
