// Worker threads for annotation and extraction (src/ingest/cpu-pool.ts): a run with workers stores exactly what a
// run without them stores, a long document's sections are read side by side, and a job that fails in a worker is
// reported without losing the rest of the run or the pool.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { longDocument } from "../bench/hostile.js";
import { CpuPool } from "../src/ingest/cpu-pool.js";
import { runIngest } from "../src/ingest/run.js";
import { SECTION_CHARS } from "../src/ingest/sections.js";
import type { Article } from "../src/ingest/text/article.js";
import { SqliteStore } from "../src/store/sqlite.js";
import { ARTICLE_A, ARTICLE_B, ARTICLE_LONG } from "./fixtures.js";
import { query, runCli, tempDir } from "./helpers.js";

const MB = 1024 * 1024;
const LIMITS = { timeoutMs: 1_000, maxBytes: 20 * MB };

/** Every row a run leaves that ingest order decides, in a stable order. */
function storeRows(db: string) {
  return {
    documents: query(db, "SELECT id, title, published, duplicate_of, word_count FROM documents ORDER BY id"),
    entities: query(db, "SELECT key, type, name FROM entities ORDER BY key"),
    mentions: query(
      db,
      'SELECT e.key, m.doc_id, m.start, m."end" FROM mentions m JOIN entities e ON e.id = m.entity_id ORDER BY 2, 3, 1',
    ),
    evidence: query(db, 'SELECT fact_kind, doc_id, start, "end", confidence FROM evidence ORDER BY 2, 1, 3, 4'),
    events: query(db, "SELECT code, date, date_source FROM events ORDER BY merge_key"),
  };
}

describe("ingest with worker threads", () => {
  const { dir, cleanup } = tempDir();
  const inputs = `${dir}/in`;
  // Three articles, one of them twice (an exact copy is stored once) and one edited copy (a near-copy).
  before(() => {
    mkdirSync(inputs, { recursive: true });
    writeFileSync(`${inputs}/a.txt`, ARTICLE_A);
    writeFileSync(`${inputs}/b.txt`, ARTICLE_B);
    writeFileSync(`${inputs}/c.txt`, ARTICLE_LONG);
    writeFileSync(`${inputs}/d.txt`, ARTICLE_A);
    writeFileSync(`${inputs}/e.txt`, `${ARTICLE_B}\nThe report was updated.\n`);
  });
  after(cleanup);

  test("a run with two workers stores what a run in one thread stores", async () => {
    const reports = [];
    for (const workers of [0, 2]) {
      const store = new SqliteStore(`${dir}/w${workers}.db`);
      reports.push(await runIngest(store, [inputs], { ...LIMITS, workers }));
      await store.close();
    }
    const [one, two] = reports as [Awaited<ReturnType<typeof runIngest>>, Awaited<ReturnType<typeof runIngest>>];
    assert.equal(one.stored.length, 4);
    assert.deepEqual(two.stored, one.stored);
    assert.deepEqual(two.existing, one.existing);
    assert.equal(one.existing.length, 1, "the exact copy is stored once");
    assert.ok(
      one.stored.some((s) => s.duplicateOf),
      "the edited copy is linked to the first",
    );
    assert.deepEqual(storeRows(`${dir}/w2.db`), storeRows(`${dir}/w0.db`));
  });

  test("a long document read in sections by two workers gives the one-thread result", async () => {
    const file = `${dir}/long.txt`;
    writeFileSync(file, longDocument(Math.round(SECTION_CHARS * 2.5)));
    for (const workers of [0, 2]) {
      const store = new SqliteStore(`${dir}/long${workers}.db`);
      const report = await runIngest(store, [file], { ...LIMITS, workers });
      await store.close();
      assert.equal(report.stored.length, 1, JSON.stringify(report.failed));
    }
    const rows = storeRows(`${dir}/long2.db`);
    assert.ok(rows.mentions.length > 1000);
    assert.deepEqual(rows, storeRows(`${dir}/long0.db`));
  });

  test("a job that throws in a worker is rejected with its reason and the pool goes on", async () => {
    const pool = new CpuPool(1);
    try {
      const broken = { text: null, title: null, authors: [], outlet: null, published: null } as unknown as Article;
      await assert.rejects(pool.analyseArticle(broken, "broken", "text/plain"), /null|undefined|text/i);
      const article: Article = { text: ARTICLE_A, title: null, authors: [], outlet: null, published: null };
      const ok = await pool.analyseArticle(article, "a", "text/plain");
      assert.ok(ok.facts.mentions.length > 0);
      assert.equal(ok.doc.sentences.length > 3, true);
    } finally {
      await pool.close();
    }
  });

  test("--workers takes a number, 0 or auto, and names itself when wrong", async () => {
    const db = `${dir}/cli.db`;
    const bad = await runCli(["ingest", `${inputs}/a.txt`, "--db", db, "--workers", "many"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--workers must be "auto" or a whole number/);
    const ok = await runCli(["ingest", `${inputs}/a.txt`, "--db", db, "--workers", "1", "--json"]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal((JSON.parse(ok.stdout) as { stored: unknown[] }).stored.length, 1);
    const help = await runCli(["ingest", "--help"]);
    assert.match(help.stdout, /--workers <n>/);
  });
});
