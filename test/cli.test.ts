// The command line as a user meets it: help, stats, exports, the demo, the store location.
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { CAMEO_ROOTS } from "../src/api/cameo.js";
import { jsonWithSortedKeys } from "../src/cli/common.js";
import { ARTICLE_A, ARTICLE_B } from "./fixtures.js";
import { parseJsonl, ROOT, runCli, tempDir } from "./helpers.js";

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

test("stats --json lists event roots in code order, 01 before 10", () => {
  const out = jsonWithSortedKeys(
    { documents: 2, events: { "10": 1, "14": 2, "01": 5, "04": 3 }, flags: {} },
    new Set(["events"]),
  );
  assert.deepEqual(JSON.parse(out), { documents: 2, events: { "01": 5, "04": 3, "10": 1, "14": 2 }, flags: {} });
  const order = [...out.matchAll(/"(\d\d)":/g)].map((m) => m[1]);
  assert.deepEqual(order, ["01", "04", "10", "14"]);
  // Everything else is written as JSON.stringify(value, null, 2) writes it.
  const plain = { a: 1, b: [1, "x", null], c: { y: true, z: [] }, d: {} };
  assert.equal(jsonWithSortedKeys(plain, new Set()), JSON.stringify(plain, null, 2));
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
  // Every event of a dated document is dated, and says whether by its text or by the publication date.
  const events = lines.filter((l) => l.kind === "event");
  assert.ok(events.length > 0);
  for (const e of events) {
    assert.ok(["text", "published"].includes(e.date_source as string), JSON.stringify(e));
    if (e.date_source === "published") assert.equal(e.date, doc.published);
  }
  const dir = join(tmp.dir, "tables");
  const c = await runCli(["--db", db, "export", "--format", "csv", "--out", dir]);
  assert.equal(c.code, 0, c.stderr);
  const docs = readFileSync(join(dir, "documents.csv"), "utf8").trim().split("\n");
  assert.match(docs[0] ?? "", /^id,source,title/);
  assert.equal(docs.length, 2);
  assert.match(
    readFileSync(join(dir, "events.csv"), "utf8"),
    /^id,type,actors,actor_names,targets,target_names,date,date_source,/,
  );
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

test("stats, export and serve refuse a store that does not exist, naming it, and create nothing", async () => {
  const db = join(tmp.dir, "missing.db");
  const tables = join(tmp.dir, "missing-tables");
  const runs: { args: string[]; env?: Record<string, string> }[] = [
    { args: ["--db", db, "stats"] },
    { args: ["--db", db, "stats", "--json"] },
    { args: ["stats"], env: { HEARTLAND_DB: db } },
    { args: ["--db", db, "export"] },
    { args: ["--db", db, "export", "--format", "csv", "--out", tables] },
    { args: ["--db", db, "serve", "--port", "0"] },
  ];
  for (const { args, env } of runs) {
    const r = await runCli(args, { env, timeoutMs: 30_000 });
    const what = args.join(" ");
    assert.equal(r.code, 1, `${what}: exit 1, got ${r.code}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, /store .*missing\.db does not exist/, what);
    assert.equal(r.stdout, "", what);
    assert.equal(existsSync(db), false, `${what} created ${db}`);
  }
  assert.equal(existsSync(tables), false, "export made no folder for a store that is not there");
  // ingest still creates a new store
  const a = join(tmp.dir, "missing-a.txt");
  writeFileSync(a, ARTICLE_A);
  const r = await runCli(["--db", db, "ingest", a]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(existsSync(db));
  const s = await runCli(["--db", db, "stats", "--json"]);
  assert.equal(s.code, 0, s.stderr);
  assert.equal(JSON.parse(s.stdout).documents, 1);
});

/** The totals of a `stats --json` answer that an ingest summary reports. */
function totals(stats: Record<string, unknown>): Record<string, number> {
  const sum = (o: unknown) => Object.values(o as Record<string, number>).reduce((a, b) => a + b, 0);
  return {
    documents: stats.documents as number,
    entities: sum(stats.entities),
    mentions: stats.mentions as number,
    relations: sum(stats.relations),
    events: sum(stats.events),
    quotes: stats.quotes as number,
    quantities: stats.quantities as number,
  };
}

test("ingest ends with what it added to the store and what failed, in text and in --json", async () => {
  const db = join(tmp.dir, "summary.db");
  const a = join(tmp.dir, "sum-a.txt");
  const b = join(tmp.dir, "sum-b.txt");
  writeFileSync(a, ARTICLE_A);
  writeFileSync(b, ARTICLE_B);
  const missing = join(tmp.dir, "sum-nope.txt");

  const first = await runCli(["--db", db, "ingest", "--json", a, missing]);
  assert.equal(first.code, 1, first.stderr);
  const report = JSON.parse(first.stdout);
  const afterFirst = totals(JSON.parse((await runCli(["--db", db, "stats", "--json"])).stdout));
  assert.deepEqual(report.added, afterFirst, "a first ingest adds everything the store now holds");
  assert.ok(report.added.entities > 0 && report.added.events > 0, JSON.stringify(report.added));
  assert.equal(report.failed.length, 1);

  const second = await runCli(["--db", db, "ingest", a, b]);
  assert.equal(second.code, 0, second.stderr);
  const afterSecond = totals(JSON.parse((await runCli(["--db", db, "stats", "--json"])).stdout));
  const delta = Object.fromEntries(
    Object.entries(afterSecond).map(([k, v]) => [k, v - (afterFirst[k] as number)]),
  ) as Record<string, number>;
  const last = second.stdout.trim().split("\n").at(-1) ?? "";
  assert.equal(
    last,
    `added to the store: ${delta.documents} document(s), ${delta.entities} new entities (${delta.mentions} mentions), ` +
      `${delta.relations} relations, ${delta.events} events, ${delta.quotes} quotes, ${delta.quantities} figures; 0 inputs failed`,
  );

  const again = await runCli(["--db", db, "ingest", a, missing]);
  assert.equal(again.code, 1);
  assert.match(
    again.stdout.trim().split("\n").at(-1) ?? "",
    /^added to the store: 0 document\(s\), 0 new entities \(0 mentions\), 0 relations, 0 events, 0 quotes, 0 figures; 1 input failed$/,
  );
});

test("stats lists event codes in code order with their CAMEO names", async () => {
  const db = join(tmp.dir, "codes.db");
  const r = await runCli(["--db", db, "ingest", join(ROOT, "corpus", "demo")]);
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse((await runCli(["--db", db, "stats", "--json"])).stdout);
  const events = json.events as Record<string, number>;
  const codes = Object.keys(events);
  assert.ok(codes.some((c) => c < "10") && codes.some((c) => c >= "10"), `codes below and above 10: ${codes}`);
  const text = (await runCli(["--db", db, "stats"])).stdout.split("\n");
  const at = text.findIndex((l) => l.startsWith("events"));
  assert.match(text[at] ?? "", new RegExp(`^events\\s+${Object.values(events).reduce((x, y) => x + y, 0)}$`));
  const rows = [];
  for (const line of text.slice(at + 1)) {
    const m = /^ {2,}(\d\d) (.+?) {2,}(\d+)$/.exec(line);
    if (!m) break;
    rows.push({ code: m[1] as string, name: m[2] as string, n: Number(m[3]) });
  }
  assert.deepEqual(
    rows.map((x) => x.code),
    [...codes].sort(),
    "every code, in order",
  );
  for (const row of rows) {
    assert.equal(row.name, CAMEO_ROOTS.find((c) => c.code === row.code)?.name);
    assert.equal(row.n, events[row.code]);
  }
});
