// Foundation: ingest of files, folders, stdin, URLs and feeds; bad input reported by name; nothing lost.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import iconv from "iconv-lite";
import { runIngest } from "../src/ingest/run.js";
import { readRegularFile } from "../src/ingest/sources.js";
import { openStore } from "../src/store/open.js";
import { ARTICLE_A, ARTICLE_B, ARTICLE_LONG } from "./fixtures.js";
import { feedEndlessly, integrityCheck, parseJsonl, query, runCli, startServer, tempDir } from "./helpers.js";

const tmp = tempDir();
after(() => tmp.cleanup());
let n = 0;
/** A fresh store path per test. */
const freshDb = () => join(tmp.dir, `store-${++n}.db`);
const file = (name: string, content: string | Uint8Array) => {
  const p = join(tmp.dir, name);
  writeFileSync(p, content);
  return p;
};
const docCount = (db: string) => query<{ n: number }>(db, "SELECT count(*) AS n FROM documents")[0]?.n ?? 0;

describe("ingest of good input", () => {
  test("a folder is read recursively, a second ingest adds nothing", async () => {
    const dir = join(tmp.dir, "folder");
    mkdirSync(join(dir, "sub"), { recursive: true });
    writeFileSync(join(dir, "a.txt"), ARTICLE_A);
    writeFileSync(join(dir, "sub", "b.md"), `# ${ARTICLE_B}`);
    writeFileSync(join(dir, "ignored.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const db = freshDb();
    const first = await runCli(["--db", db, "ingest", dir, "--json"]);
    assert.equal(first.code, 0, first.stderr);
    const report = JSON.parse(first.stdout);
    assert.equal(report.stored.length, 2);
    assert.equal(report.failed.length, 0);
    const second = await runCli(["--db", db, "ingest", dir, "--json"]);
    assert.equal(second.code, 0);
    assert.equal(JSON.parse(second.stdout).stored.length, 0);
    assert.equal(JSON.parse(second.stdout).existing.length, 2);
    assert.equal(docCount(db), 2);
    assert.equal(integrityCheck(db), "ok");
  });

  test("metadata is read from the text", async () => {
    const db = freshDb();
    const r = await runCli(["--db", db, "ingest", file("meta.txt", ARTICLE_A)]);
    assert.equal(r.code, 0, r.stderr);
    const [doc] = query<{ title: string; authors: string; published: string }>(
      db,
      "SELECT title, authors, published FROM documents",
    );
    assert.equal(doc?.title, "Steppe Pipeline Talks Resume in Astana");
    assert.deepEqual(JSON.parse(doc?.authors ?? "[]"), ["Dana Serikova"]);
    assert.equal(doc?.published, "2023-03-03");
  });

  test("standard input is read with '-'", async () => {
    const db = freshDb();
    const r = await runCli(["--db", db, "ingest", "-"], { input: ARTICLE_B });
    assert.equal(r.code, 0, r.stderr);
    const [doc] = query<{ source: string; published: string }>(db, "SELECT source, published FROM documents");
    assert.equal(doc?.source, "stdin");
    assert.equal(doc?.published, "2022-09-30");
  });

  test("--outlet sets the outlet of every document of the run, files and standard input, and export shows it", async () => {
    const db = freshDb();
    const r = await runCli(
      ["--db", db, "ingest", "--outlet", "  Steppe Courier ", file("outlet-a.txt", ARTICLE_A), "-"],
      {
        input: ARTICLE_B,
      },
    );
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const docs = query<{ source: string; outlet: string }>(db, "SELECT source, outlet FROM documents ORDER BY rowid");
    assert.equal(docs.length, 2);
    assert.deepEqual(
      docs.map((d) => d.outlet),
      ["Steppe Courier", "Steppe Courier"],
    );
    const out = join(tmp.dir, "outlet.jsonl");
    assert.equal((await runCli(["--db", db, "export", "--out", out])).code, 0);
    const exported = parseJsonl(readFileSync(out, "utf8")).filter((l) => l.kind === "document");
    assert.deepEqual(
      exported.map((d) => d.outlet),
      ["Steppe Courier", "Steppe Courier"],
    );
  });

  test("raw input is stored untouched beside the cleaned text", async () => {
    const db = freshDb();
    const raw = `${ARTICLE_A}\nAdvertisement\n`;
    await runCli(["--db", db, "ingest", file("raw.txt", raw)]);
    const [row] = query<{ raw: Buffer; text: string }>(
      db,
      "SELECT s.raw, d.text FROM sources s JOIN documents d ON d.source_id = s.id",
    );
    assert.equal(row?.raw.toString("utf8"), raw);
    assert.ok(!row?.text.includes("Advertisement"));
  });

  test("a syndicated near-copy is linked to the first", async () => {
    const db = freshDb();
    const copy = `${ARTICLE_LONG.replace("The numbers are still small. ", "").replace("Leyla Karimova", "Leyla Karimova, Caspian Wire")}\nShare this article\n`;
    await runCli(["--db", db, "ingest", file("orig.txt", ARTICLE_LONG)]);
    const r = await runCli(["--db", db, "ingest", file("copy.txt", copy), "--json"]);
    assert.equal(r.code, 0, r.stderr);
    const rows = query<{ id: string; duplicate_of: string | null }>(
      db,
      "SELECT id, duplicate_of FROM documents ORDER BY rowid",
    );
    assert.equal(rows.length, 2);
    assert.equal(rows[1]?.duplicate_of, rows[0]?.id);
    // A different article is not a near-copy.
    await runCli(["--db", db, "ingest", file("other.txt", ARTICLE_B)]);
    assert.equal(query(db, "SELECT id FROM documents WHERE duplicate_of IS NOT NULL").length, 1);
  });

  test("every offset in the export points at the text it claims", async () => {
    const db = freshDb();
    await runCli(["--db", db, "ingest", file("o1.txt", ARTICLE_A), file("o2.txt", ARTICLE_LONG)]);
    const r = await runCli(["--db", db, "export"]);
    assert.equal(r.code, 0, r.stderr);
    const lines = parseJsonl(r.stdout);
    const texts = new Map(lines.filter((l) => l.kind === "document").map((d) => [d.id as string, d.text as string]));
    assert.equal(texts.size, 2);
    const sentences = query<{ doc_id: string; start: number; end: number; text: string }>(
      db,
      'SELECT doc_id, start, "end", text FROM sentences',
    );
    assert.ok(sentences.length > 5);
    for (const s of sentences) assert.equal(texts.get(s.doc_id)?.slice(s.start, s.end), s.text);
    for (const l of lines) {
      for (const ev of (l.evidence as { doc: string; start: number; end: number; text: string }[] | undefined) ?? []) {
        assert.equal(texts.get(ev.doc)?.slice(ev.start, ev.end), ev.text);
      }
      for (const m of (l.mentions as { doc: string; start: number; end: number }[] | undefined) ?? []) {
        assert.ok(texts.get(m.doc)?.slice(m.start, m.end).length);
      }
    }
  });
});

describe("bad input gets a clear answer and loses nothing", () => {
  // One store shared by the bad-input tests: each must leave what was stored before intact.
  const db = join(tmp.dir, "bad.db");
  before(async () => {
    const r = await runCli(["--db", db, "ingest", file("good.txt", ARTICLE_A)]);
    assert.equal(r.code, 0, r.stderr);
  });
  const intact = () => {
    assert.equal(integrityCheck(db), "ok");
    assert.ok(docCount(db) >= 1, "the document stored first is still there");
    const [row] = query<{ title: string }>(db, "SELECT title FROM documents ORDER BY rowid LIMIT 1");
    assert.equal(row?.title, "Steppe Pipeline Talks Resume in Astana");
  };
  const expectFailure = async (args: string[], needle: RegExp, opts: { input?: string } = {}) => {
    const r = await runCli(["--db", db, "ingest", ...args], opts);
    assert.equal(r.code, 1, `exit code 1 expected, got ${r.code}: ${r.stdout}${r.stderr}`);
    assert.match(r.stdout, needle);
    intact();
    return r;
  };

  test("a binary file is refused by name, the batch goes on", async () => {
    const bin = file(
      "photo.txt",
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0]),
    );
    const before = docCount(db);
    const r = await expectFailure([bin, file("next.txt", ARTICLE_B)], /photo\.txt: binary content/);
    assert.match(r.stdout, /stored 1 document/);
    assert.equal(docCount(db), before + 1);
  });

  test("an empty file is reported", async () => {
    await expectFailure([file("empty.txt", "")], /empty\.txt: empty file/);
    await expectFailure([file("blank.txt", "  \n\n \t\n")], /blank\.txt: empty file/);
  });

  test("a missing path is reported", async () => {
    await expectFailure([join(tmp.dir, "nope.txt")], /nope\.txt: no such file or directory/);
  });

  test("a file over the size limit is refused with the limit named", async () => {
    await expectFailure(["--max-bytes", "200", file("big.txt", ARTICLE_LONG)], /big\.txt: .*over the 200-byte limit/);
  });

  test("an HTML page full of scripts yields no document and says so", async () => {
    const html = `<!doctype html><html><head><title>x</title></head><body>${"<script>var a = 1; document.write('x');</script>".repeat(50)}</body></html>`;
    await expectFailure([file("scripts.html", html)], /scripts\.html: no article text found/);
  });

  test("UTF-16 and Windows-1252 files are decoded, not rejected", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE_B, "utf16le")]);
    const utf16NoBom = Buffer.from(ARTICLE_A.replace("Astana", "Nur-Sultan"), "utf16le");
    const cp1252 = iconv.encode(`${ARTICLE_LONG.replace("Almaty", "Almaty’s café")}`, "windows-1252");
    const r = await runCli([
      "--db",
      db,
      "ingest",
      "--json",
      file("u16.txt", utf16),
      file("u16nobom.txt", utf16NoBom),
      file("cp.txt", cp1252),
    ]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(JSON.parse(r.stdout).stored.length + JSON.parse(r.stdout).existing.length, 3);
    const texts = query<{ text: string }>(db, "SELECT text FROM documents").map((d) => d.text);
    assert.ok(
      texts.some((t) => t.includes("Almaty’s café")),
      "Windows-1252 curly quote and accent decoded",
    );
    assert.ok(
      texts.some((t) => t.includes("Nur-Sultan")),
      "UTF-16 without BOM decoded",
    );
    intact();
  });

  test("JSON, CSV and other structured files named directly are refused as not articles, by name", async () => {
    const before = docCount(db);
    const json = file("data.json", JSON.stringify({ country: "Kazakhstan", gdp: 220, partners: ["China", "Russia"] }));
    const csv = file(
      "table.csv",
      "country,partner,trade_usd\nKazakhstan,China,31000000000\nKazakhstan,Russia,26000000000\n",
    );
    const tsv = file("table.tsv", "country\tpartner\nKazakhstan\tChina\n");
    const pdf = file("report.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n");
    const r = await expectFailure(
      [json, csv, tsv, pdf, file("after.txt", ARTICLE_LONG)],
      /data\.json: not an article: JSON data/,
    );
    assert.match(r.stdout, /table\.csv: not an article: a CSV table \(3 columns: country, partner, trade_usd\)/);
    assert.match(r.stdout, /table\.tsv: not an article: a TSV table/);
    assert.match(r.stdout, /report\.pdf: not an article: a PDF/);
    assert.match(r.stdout, /ingest reads articles as \.txt, \.md or \.html files and RSS\/Atom feeds/);
    assert.match(r.stdout, /4 input\(s\) failed/);
    assert.equal(docCount(db), before + 1, "only the article is stored");
  });

  test("a Heartland JSON Lines export is refused with what to do instead", async () => {
    const out = join(tmp.dir, "kb.jsonl");
    const e = await runCli(["--db", db, "export", "--out", out]);
    assert.equal(e.code, 0, e.stderr);
    const before = docCount(db);
    const r = await expectFailure([out], /kb\.jsonl: not an article: a Heartland JSON Lines export/);
    assert.match(r.stdout, /no command imports one/);
    assert.match(r.stdout, /--db/);
    const asText = file("kb-export.txt", readFileSync(out));
    await expectFailure([asText], /kb-export\.txt: not an article: a Heartland JSON Lines export/);
    await expectFailure(["-"], /-: not an article: a Heartland JSON Lines export/, {
      input: readFileSync(out, "utf8"),
    });
    assert.equal(docCount(db), before);
  });

  test("a .txt or standard input that is really JSON or CSV is refused; prose with commas is not", async () => {
    const before = docCount(db);
    await expectFailure(
      [file("really-json.txt", `[\n  {"id": 1, "name": "Astana"},\n  {"id": 2, "name": "Almaty"}\n]\n`)],
      /really-json\.txt: not an article: JSON data/,
    );
    await expectFailure(
      [
        file(
          "cut-json.txt",
          `{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "Astana`,
        ),
      ],
      /cut-json\.txt: not an article: JSON data \(malformed/,
    );
    await expectFailure(
      [
        file(
          "really.txt",
          "date,actor,target,code\n2023-03-01,KAZ,CHN,04\n2023-03-02,RUS,KAZ,01\n2023-03-05,CHN,KAZ,03\n",
        ),
      ],
      /really\.txt: not an article: a CSV table \(4 columns: date, actor, target, code\)/,
    );
    await expectFailure(["-"], /-: not an article: JSON data/, { input: '{"urls": ["https://example.org/"]}\n' });
    assert.equal(docCount(db), before);
    // Prose keeps its commas: five lines of one comma each and no blank line between, and a bracketed first line.
    const prose = [
      "Kazakhstan, China sign grain deal",
      "Astana, 3 March 2023",
      "The two governments signed the grain agreement on Friday, officials said.",
      "Exports will rise to 2 million tonnes, the ministry said.",
      "Traders welcomed the move, calling it overdue.",
    ].join("\n");
    const bracketed = `[Updated 4 March] Kazakhstan and China agreed on Friday to expand grain exports, officials said.\n\n${ARTICLE_B}`;
    const r = await runCli([
      "--db",
      db,
      "ingest",
      "--json",
      file("prose.txt", prose),
      file("bracketed.txt", bracketed),
    ]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(JSON.parse(r.stdout).stored.length, 2);
    intact();
  });

  test("a usage error exits 2", async () => {
    const r = await runCli(["--db", db, "ingest"]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /missing required argument/);
    const r2 = await runCli(["--db", db, "ingest", "--max-bytes", "zero", "x"]);
    assert.equal(r2.code, 2);
    assert.match(r2.stderr, /--max-bytes must be a positive whole number/);
    for (const [outlet, message] of [
      ["", /--outlet must name the outlet/],
      ["   ", /--outlet must name the outlet/],
      ["x".repeat(201), /--outlet must be at most 200 characters/],
    ] as const) {
      const r3 = await runCli(["--db", db, "ingest", "--outlet", outlet, file("outlet-usage.txt", ARTICLE_A)]);
      assert.equal(r3.code, 2, `--outlet ${JSON.stringify(outlet)}: ${r3.stderr}`);
      assert.match(r3.stderr, message);
    }
    intact();
  });

  describe("URLs and feeds (local server)", () => {
    let server: Awaited<ReturnType<typeof startServer>>;
    const page = (title: string, body: string) =>
      `<!doctype html><html><head><title>${title}</title><meta property="og:site_name" content="Steppe Monitor"><meta property="article:published_time" content="2023-05-09T08:00:00Z"></head><body><nav>Home | World</nav><article><h1>${title}</h1>${body
        .split("\n\n")
        .map((p) => `<p>${p}</p>`)
        .join("")}</article><footer>© 2023 Steppe Monitor</footer></body></html>`;
    before(async () => {
      server = await startServer({
        "/article": (_q, res) => {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
          res.end(page("Caspian Ports Compete", ARTICLE_LONG.split("\n\n").slice(3).join("\n\n")));
        },
        "/slow": () => {
          // never answers
        },
        "/image": (_q, res) => {
          res.writeHead(200, { "content-type": "image/png" });
          res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
        },
        "/bad-feed": (_q, res) => {
          res.writeHead(200, { "content-type": "application/rss+xml" });
          res.end(
            `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>One</item></channel>`,
          );
        },
        "/feed": (_q, res) => {
          res.writeHead(200, { "content-type": "application/rss+xml" });
          res.end(`<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Steppe Monitor</title>
<item><title>Rail link opens</title><link>${server.url}/missing-but-unused</link><pubDate>Fri, 30 Sep 2022 09:00:00 GMT</pubDate><dc:creator>Timur Rakhimov</dc:creator><description><![CDATA[${ARTICLE_B.split("\n\n").slice(3).join("\n\n").replace(/\n\n/g, "<br><br>")} ${"More detail on the route follows in later reports from the region. ".repeat(4)}]]></description></item>
<item><title>Ports compete</title><link>${server.url}/article</link><pubDate>Tue, 09 May 2023 08:00:00 GMT</pubDate><description>Short teaser.</description></item>
<item><title>Gone</title><link>${server.url}/gone</link><description>Teaser only.</description></item>
</channel></rss>`);
        },
      });
    });
    after(() => server.close());

    test("an HTML page by URL is cleaned and stored with its metadata", async () => {
      const db2 = freshDb();
      const r = await runCli(["--db", db2, "ingest", "--allow-private", `${server.url}/article`]);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const [doc] = query<{ title: string; outlet: string; published: string; text: string }>(
        db2,
        "SELECT title, outlet, published, text FROM documents",
      );
      assert.equal(doc?.outlet, "Steppe Monitor");
      assert.equal(doc?.published, "2023-05-09");
      assert.match(doc?.text ?? "", /Georgia and Turkey/);
      assert.doesNotMatch(doc?.text ?? "", /Home \| World|©/);
    });

    test("a feed's items become documents; a dead item link is reported by name", async () => {
      const db2 = freshDb();
      const r = await runCli(["--db", db2, "ingest", "--json", "--allow-private", `${server.url}/feed`]);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      const report = JSON.parse(r.stdout);
      assert.equal(report.stored.length, 2);
      assert.equal(report.failed.length, 1);
      assert.match(report.failed[0].input, /\/gone$/);
      assert.match(report.failed[0].reason, /HTTP 404/);
      const docs = query<{ title: string; authors: string; published: string }>(
        db2,
        "SELECT title, authors, published FROM documents ORDER BY rowid",
      );
      assert.equal(docs[0]?.published, "2022-09-30");
      assert.deepEqual(JSON.parse(docs[0]?.authors ?? "[]"), ["Timur Rakhimov"]);
    });

    test("--outlet sets every feed item's outlet, over the feed's title and the linked page's site name", async () => {
      const db2 = freshDb();
      const r = await runCli([
        "--db",
        db2,
        "ingest",
        "--allow-private",
        "--outlet",
        "Caspian Wire",
        `${server.url}/feed`,
      ]);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      const docs = query<{ title: string; outlet: string }>(db2, "SELECT title, outlet FROM documents ORDER BY rowid");
      assert.equal(docs.length, 2, "an item with its own text and an item read from its link");
      assert.deepEqual(
        docs.map((d) => d.outlet),
        ["Caspian Wire", "Caspian Wire"],
      );
    });

    test("a URL that answers 404 is reported", async () => {
      await expectFailure(["--allow-private", `${server.url}/nothing-here`], /nothing-here: HTTP 404/);
    });

    test("a URL that times out is reported", async () => {
      await expectFailure(["--allow-private", "--timeout", "1", `${server.url}/slow`], /slow: timed out after 1 s/);
    });

    test("a URL that sends a non-text type is refused", async () => {
      await expectFailure(
        ["--allow-private", `${server.url}/image`],
        /image: not a text document \(content type image\/png\)/,
      );
    });

    test("a malformed feed is reported", async () => {
      await expectFailure(["--allow-private", `${server.url}/bad-feed`], /bad-feed: malformed feed/);
    });

    test("without --allow-private a URL on this machine is refused by name and not fetched", async () => {
      const seen = server.requests.length;
      await expectFailure(
        [`${server.url}/article`],
        /article: refused: 127\.0\.0\.1 is a loopback address \(use --allow-private to allow\)/,
      );
      assert.equal(server.requests.length, seen);
      const help = await runCli(["ingest", "--help"]);
      assert.match(help.stdout, /--allow-private/);
    });
  });
});

describe("streams, devices and FIFOs are bounded by --max-bytes", () => {
  test("standard input over the limit is refused as soon as the count passes it; the rest is never read", {
    timeout: 60_000,
  }, async () => {
    const db = freshDb();
    const r = await feedEndlessly(["--db", db, "ingest", "-", "--max-bytes", "1000"], Buffer.alloc(64 * 1024, "word "));
    assert.equal(r.killed, false, `the command kept reading (${r.written} bytes written)`);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /-: standard input is over the 1000-byte limit \(--max-bytes\)/);
    assert.ok(r.written < 32 * 1024 * 1024, `stopped reading early (${r.written} bytes written)`);
    assert.equal(docCount(db), 0);
  });

  test("a character device such as /dev/zero is refused before it is read", { timeout: 60_000 }, async () => {
    const db = freshDb();
    const r = await runCli(["--db", db, "ingest", "/dev/zero", "--max-bytes", "1000"], { timeoutMs: 20_000 });
    assert.equal(r.timedOut, false, "the command did not hang");
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /\/dev\/zero: not a regular file \(a character device\)/);
  });

  test("a FIFO is refused without blocking", { timeout: 60_000 }, async (t) => {
    const fifo = join(tmp.dir, "pipe.txt");
    try {
      execFileSync("mkfifo", [fifo]);
    } catch (err) {
      t.skip(`mkfifo is not available: ${(err as Error).message}`);
      return;
    }
    assert.ok(statSync(fifo).isFIFO());
    const db = freshDb();
    const good = file("beside-fifo.txt", ARTICLE_A);
    const r = await runCli(["--db", db, "ingest", fifo, good], { timeoutMs: 20_000 });
    assert.equal(r.timedOut, false, "the command did not block on the FIFO");
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /pipe\.txt: not a regular file \(a FIFO\)/);
    assert.match(r.stdout, /stored 1 document/);
  });

  test("a regular file is read only up to the limit, whatever its size said", async (t) => {
    // Files under /proc report size 0 and then hold more: the same as a file that grows after stat.
    const path = "/proc/self/maps";
    if (!existsSync(path) || statSync(path).size !== 0) {
      t.skip(`${path} is not a size-0 regular file here`);
      return;
    }
    const r = await runCli(["--db", freshDb(), "ingest", "--json", "--max-bytes", "100", path]);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(report.failed, [{ input: path, reason: "file is over the 100-byte limit (--max-bytes)" }]);
  });
});

test("readRegularFile: exactly at the limit is read, one byte over is refused, a size-0 /proc file is read whole", async () => {
  const at = file("at-limit.txt", "x".repeat(1000));
  assert.equal((await readRegularFile(at, 1000)).length, 1000);
  await assert.rejects(readRegularFile(at, 999), /file is 1000 bytes, over the 999-byte limit \(--max-bytes\)/);
  if (existsSync("/proc/self/maps")) {
    const maps = Buffer.from(await readRegularFile("/proc/self/maps", 10 * 1024 * 1024)).toString("utf8");
    assert.match(maps, /\n$/, "read to the end");
    assert.ok(maps.split("\n").length > 10);
  }
});

describe("a folder with an unreadable subfolder", () => {
  test("reports that subfolder by name and stores the rest", async (t) => {
    // Root reads any folder whatever its mode, so as root the command runs as nobody (uid 65534).
    const asRoot = process.getuid?.() === 0;
    const user = asRoot ? { uid: 65534, gid: 65534 } : {};
    if (asRoot) {
      const probe = await runCli(["--help"], user);
      if (probe.code !== 0) {
        t.skip(`the command cannot run as uid 65534 here: ${probe.stderr.trim()}`);
        return;
      }
    }
    const dir = tempDir("heartland-walk-");
    try {
      chmodSync(dir.dir, 0o777);
      const top = join(dir.dir, "articles");
      mkdirSync(join(top, "locked"), { recursive: true });
      mkdirSync(join(top, "open"));
      writeFileSync(join(top, "a.txt"), ARTICLE_A);
      writeFileSync(join(top, "locked", "hidden.txt"), ARTICLE_LONG);
      writeFileSync(join(top, "open", "b.txt"), ARTICLE_B);
      chmodSync(join(top, "locked"), 0o000);
      const db = join(dir.dir, "walk.db");
      const r = await runCli(["--db", db, "ingest", "--json", top], user);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      const report = JSON.parse(r.stdout);
      assert.equal(report.stored.length, 2, r.stdout);
      assert.equal(report.failed.length, 1, r.stdout);
      assert.equal(report.failed[0].input, join(top, "locked"));
      assert.match(report.failed[0].reason, /cannot read folder: permission denied/);
    } finally {
      chmodSync(dir.dir, 0o700);
      dir.cleanup();
    }
  });
});

describe("URL-only planning (the API's path) never touches the file system", () => {
  test("paths, folders, '-' and non-http(s) URLs are refused, not read", async () => {
    const dir = tempDir("heartland-urls-only-");
    const db = join(dir.dir, "urls.db");
    const folder = join(dir.dir, "folder");
    mkdirSync(folder);
    const article = join(folder, "a.txt");
    writeFileSync(article, ARTICLE_A);
    const store = await openStore(db);
    let stdinRead = false;
    try {
      const inputs = [
        article,
        folder,
        "-",
        "file:///etc/passwd",
        "folder/a.txt",
        `http:${article}`,
        `http:x/${"../".repeat(16)}${article.slice(1)}`,
        "ftp://x/a",
        "http://",
      ];
      const report = await runIngest(store, inputs, {
        maxBytes: 1024 * 1024,
        timeoutMs: 5_000,
        urlsOnly: true,
        readStdin: async () => {
          stdinRead = true;
          return Buffer.from(ARTICLE_B);
        },
      });
      assert.equal(report.stored.length, 0, JSON.stringify(report));
      assert.deepEqual(
        report.failed.map((f) => f.input),
        inputs,
      );
      for (const f of report.failed) assert.match(f.reason, /^not an http\(s\) URL/, f.input);
      assert.equal(stdinRead, false);
      assert.equal(docCount(db), 0);
    } finally {
      await store.close();
      dir.cleanup();
    }
  });
});
