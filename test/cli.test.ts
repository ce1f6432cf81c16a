// The command line as a user meets it: help, stats, exports, the demo, the store location.
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { ARTICLE_A, ARTICLE_B } from "./fixtures.js";
import { parseJsonl, runCli, tempDir } from "./helpers.js";

const tmp = tempDir();
after(() => tmp.cleanup());

test("every command has --help", async () => {
  for (const cmd of [[], ["ingest"], ["export"], ["stats"], ["demo"], ["serve"], ["tag"]]) {
    const r = await runCli([...cmd, "--help"]);
    assert.equal(r.code, 0, `${cmd.join(" ")} --help`);
    assert.match(r.stdout, /Usage: heartland/);
  }
});

test("HEARTLAND_DB names the store; stats counts what it holds", async () => {
  const db = join(tmp.dir, "env.db");
  const a = join(tmp.dir, "a.txt");
  const b = join(tmp.dir, "b.txt");
  writeFileSync(a, ARTICLE_A);
  writeFileSync(b, ARTICLE_B);
  const r = await runCli(["ingest", a, b], { env: { HEARTLAND_DB: db } });
  assert.equal(r.code, 0, r.stderr);
  assert.ok(existsSync(db));
  const s = await runCli(["stats", "--json"], { env: { HEARTLAND_DB: db } });
  assert.equal(s.code, 0, s.stderr);
  const stats = JSON.parse(s.stdout);
  assert.equal(stats.documents, 2);
  assert.equal(stats.sources, 2);
  assert.ok(stats.sentences > 5);
  const text = await runCli(["--db", db, "stats"]);
  assert.match(text.stdout, /documents\s+2 from 2 source/);
});

test("export writes JSON Lines to a file and CSV tables to a folder", async () => {
  const db = join(tmp.dir, "exp.db");
  const a = join(tmp.dir, "exp-a.txt");
  writeFileSync(a, ARTICLE_A);
  await runCli(["--db", db, "ingest", a]);
  const out = join(tmp.dir, "out.jsonl");
  const r = await runCli(["--db", db, "export", "--out", out]);
  assert.equal(r.code, 0, r.stderr);
  const lines = parseJsonl(readFileSync(out, "utf8"));
  const doc = lines.find((l) => l.kind === "document");
  assert.ok(doc);
  for (const key of ["id", "source", "title", "outlet", "authors", "published", "flags", "duplicate_of", "text"]) {
    assert.ok(key in doc, `document line has ${key}`);
  }
  const dir = join(tmp.dir, "tables");
  const c = await runCli(["--db", db, "export", "--format", "csv", "--out", dir]);
  assert.equal(c.code, 0, c.stderr);
  const docs = readFileSync(join(dir, "documents.csv"), "utf8").trim().split("\n");
  assert.match(docs[0] ?? "", /^id,source,title/);
  assert.equal(docs.length, 2);
  for (const t of ["entities", "relations", "events", "quotes", "quantities"])
    assert.ok(existsSync(join(dir, `${t}.csv`)), t);
  const bad = await runCli(["--db", db, "export", "--format", "xml"]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--format must be jsonl or csv/);
  const badKind = await runCli(["--db", db, "export", "--kinds", "document,gossip"]);
  assert.equal(badKind.code, 2);
  assert.match(badKind.stderr, /unknown kind "gossip"/);
});

test("demo builds a knowledge base from the shipped corpus", async () => {
  const db = join(tmp.dir, "demo.db");
  const r = await runCli(["--db", db, "demo", "--json", "--no-serve"]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const out = JSON.parse(r.stdout);
  assert.ok(out.stats.documents >= 12, `demo stored ${out.stats.documents} documents`);
  assert.equal(out.report.failed.length, 0);
  assert.ok(out.stats.duplicates >= 1, "the syndicated copy is linked");
});
