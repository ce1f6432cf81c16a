// Foundation acceptance on the five seed articles in ../shared (skipped with a message when absent).
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { integrityCheck, NEEDS_SHARED, parseJsonl, query, runCli, SEEDS, tempDir } from "./helpers.js";

describe("seed corpus", { skip: NEEDS_SHARED }, () => {
  const tmp = tempDir();
  const db = join(tmp.dir, "seeds.db");
  type Doc = {
    id: string;
    source: string;
    title: string | null;
    authors: string;
    published: string | null;
    flags: string;
    text: string;
  };
  let docs: Doc[] = [];
  const bySeed = (prefix: string) => docs.filter((d) => d.source.split("/").pop()?.startsWith(prefix));
  before(async () => {
    const r = await runCli(["--db", db, "ingest", SEEDS, "--json"]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    docs = query<Doc>(db, "SELECT id, source, title, authors, published, flags, text FROM documents ORDER BY rowid");
  });
  after(() => tmp.cleanup());

  test("the tag page is split into one document per post, each titled, sharing the source", () => {
    const posts = bySeed("004_");
    assert.ok(posts.length >= 8, `expected the tag page's posts, got ${posts.length}`);
    for (const [i, p] of posts.entries()) {
      assert.match(p.source, new RegExp(`004_e6d6da0489dd5bf6\\.txt#${i + 1}$`));
      assert.ok(p.title && p.title.trim().length > 0, `post ${i + 1} has a title`);
    }
    for (const prefix of ["000_", "001_", "002_", "003_"]) assert.equal(bySeed(prefix).length, 1, prefix);
  });

  test("publication dates are read", () => {
    assert.equal(bySeed("001_")[0]?.published, "2022-01-14");
    assert.equal(bySeed("002_")[0]?.published, "2022-01-14");
    assert.equal(bySeed("003_")[0]?.published, "2022-09-30");
  });

  test("the second seed's title and authors are right", () => {
    const d = bySeed("001_")[0];
    assert.equal(d?.title, "Beijing’s ‘Wait and See’ Approach in Kazakhstan");
    assert.deepEqual(JSON.parse(d?.authors ?? "[]"), ["Lukas Fiala", "Hugo Jones"]);
  });

  test("no furniture line is left in any cleaned text", () => {
    const furniture = [
      /^advertisement$/i,
      /^follow:/i,
      /^•?\s*share$/i,
      /logo$/i,
      /^(null \| )?image:/i,
      /^map:/i,
      /^illustration:/i,
      /^leave a (reply|comment)/i,
      /subscribe/i,
      /^click to read more/i,
      /^©|copyright/i,
      /^0 comments$/i,
      /^estimated reading time/i,
      /^_{3,}$/,
    ];
    for (const d of docs) {
      for (const line of d.text.split("\n")) {
        for (const f of furniture) assert.doesNotMatch(line.trim(), f, `${d.source}: "${line}"`);
      }
    }
  });

  test("the repeated header block is kept once", () => {
    const text = bySeed("001_")[0]?.text ?? "";
    assert.equal(text.split("Beijing’s ‘Wait and See’ Approach in Kazakhstan").length - 1, 1);
  });

  test("the damage flag is on the AP seed and on no other", () => {
    for (const d of docs) {
      const damaged = JSON.parse(d.flags).includes("damaged-text");
      assert.equal(damaged, d.source.includes("002_"), d.source);
    }
  });

  test("a second ingest adds nothing", async () => {
    const r = await runCli(["--db", db, "ingest", SEEDS, "--json"]);
    assert.equal(r.code, 0);
    assert.equal(JSON.parse(r.stdout).stored.length, 0);
    assert.equal(query(db, "SELECT id FROM documents").length, docs.length);
    assert.equal(integrityCheck(db), "ok");
  });

  test("every fact carries evidence, and every offset in the export points at the text it claims", async () => {
    const r = await runCli(["--db", db, "export"]);
    assert.equal(r.code, 0, r.stderr);
    const lines = parseJsonl(r.stdout);
    const texts = new Map(lines.filter((l) => l.kind === "document").map((d) => [d.id as string, d.text as string]));
    let checked = 0;
    const factKinds = new Set(["relation", "event", "quote", "quantity"]);
    const facts = lines.filter((l) => factKinds.has(l.kind as string));
    assert.ok(facts.length > 100, `the seed run gave ${facts.length} facts`);
    for (const f of facts) assert.ok(((f.evidence as unknown[] | undefined) ?? []).length > 0, `${f.id} has evidence`);
    for (const e of lines.filter((l) => l.kind === "entity")) {
      for (const m of e.mentions as { doc: string; start: number; end: number }[]) {
        const text = texts.get(m.doc);
        assert.ok(text !== undefined && m.start >= 0 && m.start < m.end && m.end <= text.length, `${e.id} mention`);
      }
    }
    for (const l of lines) {
      for (const ev of (l.evidence as { doc: string; start: number; end: number; text: string }[] | undefined) ?? []) {
        assert.equal(texts.get(ev.doc)?.slice(ev.start, ev.end), ev.text);
        checked++;
      }
    }
    for (const s of query<{ doc_id: string; start: number; end: number; text: string }>(
      db,
      'SELECT doc_id, start, "end", text FROM sentences',
    )) {
      assert.equal(texts.get(s.doc_id)?.slice(s.start, s.end), s.text);
      checked++;
    }
    assert.ok(checked > 500);
  });
});
