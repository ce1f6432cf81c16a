// The SQLite store and reader: search rows, schema migrations of older stores, graph walk, bounded dossiers.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import Database from "better-sqlite3";
import { DEMO_CORPUS } from "../src/cli/demo.js";
import { runIngest } from "../src/ingest/run.js";
import { MIGRATIONS } from "../src/store/schema.js";
import { SqliteStore } from "../src/store/sqlite.js";
import { sqliteExportLines } from "../src/store/sqlite-export.js";
import { SqliteReader } from "../src/store/sqlite-read.js";
import { type EntityRef, emptyFacts, type RelationFact } from "../src/types.js";
import { ROOT, tempDir } from "./helpers.js";
import { batchDocument, oneSentenceDocument, sourceOf } from "./store-fixture.js";

const tmp = tempDir();
after(() => tmp.cleanup());
const demoDb = join(tmp.dir, "demo.db");

before(async () => {
  const store = new SqliteStore(demoDb);
  try {
    const report = await runIngest(store, [DEMO_CORPUS], { maxBytes: 20 * 1024 * 1024, timeoutMs: 15_000 });
    assert.equal(report.failed.length, 0);
  } finally {
    await store.close();
  }
});

type NamesRow = { id: number; name: string; names: string; aliases: number };
const searchRows = (db: Database.Database) =>
  db
    .prepare(
      `SELECT e.id, e.name, f.names,
         (SELECT count(*) FROM entity_aliases a WHERE a.entity_id = e.id AND a.alias <> e.name) AS aliases
       FROM entities e JOIN entities_fts f ON f.rowid = e.id ORDER BY e.id`,
    )
    .all() as NamesRow[];

function assertNameThenDistinctAliases(rows: NamesRow[]): void {
  assert.ok(rows.length > 0);
  for (const r of rows) {
    const parts = r.names.split(" | ");
    assert.equal(parts[0], r.name, `row ${r.id} starts with the name`);
    assert.equal(new Set(parts).size, parts.length, `row ${r.id} repeats nothing: ${r.names}`);
    assert.equal(parts.length - 1, r.aliases, `row ${r.id} holds every other alias`);
  }
}

describe("entity search rows", () => {
  test("hold the name once and each distinct alias once", () => {
    const db = new Database(demoDb, { readonly: true });
    try {
      assertNameThenDistinctAliases(searchRows(db));
    } finally {
      db.close();
    }
  });

  test("an older store is migrated: rows rebuilt, version current", async () => {
    const path = join(tmp.dir, "v1.db");
    const old = new Database(path);
    old.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    old.exec(MIGRATIONS[0] as string);
    old.exec("INSERT INTO meta VALUES ('schema_version', '1')");
    old.exec("INSERT INTO entities(id, key, type, name) VALUES (1, 'country/KAZ', 'country', 'Kazakhstan')");
    old.exec("INSERT INTO entity_aliases VALUES (1, 'Kazakhstan'), (1, 'Kazakh')");
    old.exec("INSERT INTO entities_fts(rowid, names) VALUES (1, 'Kazakhstan | Kazakhstan | Kazakh')");
    old.close();
    const store = new SqliteStore(path);
    try {
      const version = store.db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get();
      assert.equal(Number(version), MIGRATIONS.length);
      const rows = searchRows(store.db);
      assert.deepEqual(
        rows.map((r) => r.names),
        ["Kazakhstan | Kazakh"],
      );
      const indexes = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all();
      assert.ok(indexes.includes("mentions_entity_doc"));
    } finally {
      await store.close();
    }
  });
});

describe("aliases", () => {
  test("a capital, demonym or role standing for an entity is no alias; an older store loses the ones it kept", async () => {
    const path = join(tmp.dir, "aliases.db");
    const text = "Beijing said Chinese exports to China's neighbours rose; CHINA and the PRC agreed.";
    const doc = oneSentenceDocument("doc-aliases", text, "2024-01-02");
    const at = (form: string, method: string) => {
      const start = text.indexOf(form);
      return { key: "country/CHN", start, end: start + form.length, text: form, method };
    };
    const store = new SqliteStore(path);
    try {
      await store.saveDocument(sourceOf(doc), doc, [], {
        ...emptyFacts(),
        entities: [{ key: "country/CHN", type: "country", name: "China" }],
        mentions: [
          at("Beijing", "kb-metonym"),
          at("Chinese", "kb-demonym"),
          at("China", "kb-alias"),
          at("CHINA", "kb-alias"),
          at("PRC", "kb-alias"),
        ],
      });
      const aliases = () =>
        store.db.prepare("SELECT alias FROM entity_aliases WHERE alias <> 'China' ORDER BY alias").pluck().all();
      assert.deepEqual(aliases(), ["PRC"]);
      assert.deepEqual(
        searchRows(store.db).map((r) => r.names),
        ["China | PRC"],
      );
      // What a store written before migration 8 held: every mention's text as an alias.
      store.db.exec("INSERT INTO entity_aliases(entity_id, alias) VALUES (1, 'Beijing'), (1, 'Chinese'), (1, 'CHINA')");
      store.db.exec("UPDATE entities_fts SET names = 'China | Beijing | CHINA | Chinese | PRC'");
      store.db.exec(MIGRATIONS[7] as string);
      assert.deepEqual(aliases(), ["PRC"]);
      assert.deepEqual(
        searchRows(store.db).map((r) => r.names),
        ["China | PRC"],
      );
    } finally {
      await store.close();
    }
  });
});

describe("reader", () => {
  let reader: SqliteReader;
  before(() => {
    reader = new SqliteReader(demoDb);
  });
  after(() => reader.close());

  // The graph query before the walk was rewritten: one recursive CTE over every edge. The walk must agree with it.
  const REFERENCE_NODES = `WITH RECURSIVE
    edges(a, b) AS (
      SELECT subject_id, object_id FROM relations WHERE :types IS NULL OR type IN (SELECT value FROM json_each(:types))
      UNION ALL
      SELECT object_id, subject_id FROM relations WHERE :types IS NULL OR type IN (SELECT value FROM json_each(:types))
      UNION ALL SELECT a.entity_id, t.entity_id FROM event_roles a
        JOIN event_roles t ON t.event_id = a.event_id AND t.role = 'target' WHERE a.role = 'actor' AND :events = 1
      UNION ALL SELECT t.entity_id, a.entity_id FROM event_roles a
        JOIN event_roles t ON t.event_id = a.event_id AND t.role = 'target' WHERE a.role = 'actor' AND :events = 1),
    walk(node, depth) AS (
      SELECT :root, 0 UNION SELECT e.b, w.depth + 1 FROM walk w JOIN edges e ON e.a = w.node WHERE w.depth < :depth),
    reached(node, depth) AS (SELECT node, min(depth) FROM walk GROUP BY node)
    SELECT en.id, en.key, en.type, en.name, en.qid, reached.depth,
      (SELECT count(*) FROM edges WHERE edges.a = reached.node) AS degree,
      (SELECT count(*) FROM mentions m WHERE m.entity_id = reached.node) AS mentions
    FROM reached JOIN entities en ON en.id = reached.node
    ORDER BY reached.depth, degree DESC, en.id LIMIT :limit`;

  test("the graph walk finds the nodes the recursive query finds, in the same order", () => {
    const ids = reader.db.prepare("SELECT id FROM entities ORDER BY id").pluck().all() as number[];
    const reference = reader.db.prepare(REFERENCE_NODES);
    const cases = [
      { depth: 1, events: true, nodeLimit: 150 },
      { depth: 2, events: true, nodeLimit: 150 },
      { depth: 3, events: false, nodeLimit: 4 },
      { depth: 2, events: true, nodeLimit: 3, types: ["member_of"] },
    ];
    for (const root of ids) {
      for (const c of cases) {
        const got = reader.graph(root, { ...c, edgeLimit: 600 });
        const want = reference.all({
          root,
          depth: c.depth,
          types: c.types ? JSON.stringify(c.types) : null,
          events: c.events ? 1 : 0,
          limit: c.nodeLimit + 1,
        });
        assert.deepEqual(got.nodes, want.slice(0, c.nodeLimit), `root ${root}, ${JSON.stringify(c)}`);
        assert.equal(got.truncated.nodes, want.length > c.nodeLimit);
      }
    }
    assert.deepEqual(reader.graph(999_999, { depth: 2, events: true, nodeLimit: 10, edgeLimit: 10 }).nodes, []);
  });

  test("a dossier's lists are bounded; totals count everything", () => {
    const top = reader.db
      .prepare("SELECT entity_id FROM mentions GROUP BY entity_id ORDER BY count(*) DESC LIMIT 1")
      .pluck()
      .get() as number;
    const full = reader.dossier(top, 1000);
    const small = reader.dossier(top, 1);
    assert.ok(full && small);
    assert.equal(small.limit, 1);
    assert.deepEqual(small.totals, full.totals, "totals do not depend on the limit");
    assert.equal(full.totals.asActor, full.events.asActor.length);
    assert.equal(full.totals.sources, full.sources.length);
    assert.equal(
      full.totals.relations,
      full.relations.reduce((n, g) => n + g.items.length, 0),
    );
    assert.ok(small.events.asActor.length <= 1 && small.events.asTarget.length <= 1);
    assert.ok(small.sources.length <= 1 && small.quantities.length <= 1);
    assert.ok(small.relations.reduce((n, g) => n + g.items.length, 0) <= 1);
    assert.ok(full.totals.sources > 1, "the demo's most mentioned entity has several sources");
    // The latest event as actor is the one a limit of 1 keeps.
    const latest = [...full.events.asActor]
      .filter((e) => e.date)
      .sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""))[0];
    if (latest) assert.equal(small.events.asActor[0]?.date, latest.date);
  });
});

describe("row marks", () => {
  test("equal the row counts of a store ingest built, and a re-ingest moves none of them", async () => {
    const store = new SqliteStore(demoDb);
    try {
      const marks = await store.rowMarks();
      const stats = await store.stats();
      const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
      assert.deepEqual(marks, {
        documents: stats.documents,
        entities: sum(stats.entities),
        mentions: stats.mentions,
        relations: sum(stats.relations),
        events: sum(stats.events),
        quotes: stats.quotes,
        quantities: stats.quantities,
      });
      assert.ok(marks.documents > 0 && marks.events > 0);
      await runIngest(store, [DEMO_CORPUS], { maxBytes: 20 * 1024 * 1024, timeoutMs: 15_000 });
      assert.deepEqual(await store.rowMarks(), marks);
    } finally {
      await store.close();
    }
  });
});

describe("counters kept at ingest", () => {
  test("equal what the migration computes from the stored rows", () => {
    const db = new Database(demoDb);
    try {
      const kept = [
        "SELECT * FROM entity_stats WHERE mentions + relations_out + relations_in + events > 0 ORDER BY entity_id",
        "SELECT * FROM entity_documents ORDER BY entity_id, doc_id",
        "SELECT * FROM quote_about ORDER BY entity_id, quote_id",
        "SELECT id, evidence, sources FROM relations ORDER BY id",
        "SELECT event_id, entity_id, role, date FROM event_roles ORDER BY event_id, entity_id, role",
        "SELECT quantity_id, entity_id, time FROM quantity_subjects ORDER BY quantity_id, entity_id",
        "SELECT * FROM event_pairs ORDER BY actor_id, target_id, root",
        // Doubt is a product at ingest and exp(sum(ln)) in the migration: equal to rounding.
        "SELECT fact_kind, fact_id, evidence, sources, round(doubt, 9) AS doubt FROM fact_support ORDER BY 1, 2",
        "SELECT * FROM fact_sources ORDER BY fact_kind, fact_id, canonical",
      ];
      const read = () => kept.map((sql) => db.prepare(sql).all());
      const atIngest = read();
      for (const i of [0, 2, 6, 7, 8]) assert.ok((atIngest[i] as unknown[]).length > 0, kept[i]);
      // Migrations 4 to 6's and 10's fills, run again from scratch over the same rows, inside a transaction rolled
      // back after (10 fills through temporary tables it drops).
      const fills = `${MIGRATIONS[3]};${MIGRATIONS[4]};${MIGRATIONS[5]};${MIGRATIONS[9]}`
        .split(";")
        .map((x) => x.trim())
        .filter((x) =>
          /^(UPDATE|INSERT|CREATE TEMP|CREATE INDEX temp\.|DROP TABLE (fact_docs|fact_parties|entity_facts))/.test(x),
        );
      db.exec("BEGIN");
      db.exec(`DELETE FROM entity_stats; DELETE FROM entity_documents; DELETE FROM quote_about;
        UPDATE relations SET evidence = 0, sources = 0; UPDATE event_roles SET date = NULL; UPDATE quantity_subjects SET time = NULL;
        DELETE FROM event_pairs; DELETE FROM fact_support; DELETE FROM fact_sources`);
      for (const sql of fills) db.exec(sql);
      const backfilled = read();
      db.exec("ROLLBACK");
      assert.deepEqual(atIngest, backfilled);
    } finally {
      db.close();
    }
  });

  test("the reader brings an older store up to date before reading", () => {
    const path = join(tmp.dir, "v3.db");
    const old = new Database(path);
    old.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    for (const m of MIGRATIONS.slice(0, 3)) old.exec(m);
    old.exec("INSERT INTO meta VALUES ('schema_version', '3')");
    old.exec("INSERT INTO entities(id, key, type, name) VALUES (1, 'country/KAZ', 'country', 'Kazakhstan')");
    old.close();
    const r = new SqliteReader(path);
    try {
      const version = r.db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get();
      assert.equal(Number(version), MIGRATIONS.length);
      assert.equal(r.dossier(1)?.entity.mentions, 0);
    } finally {
      r.close();
    }
  });
});

describe("event dates", () => {
  const text = "Russia deployed troops to Armenia.";
  const entities: EntityRef[] = [
    { key: "country/RUS", type: "country", name: "Russia" },
    { key: "country/ARM", type: "country", name: "Armenia" },
  ];
  /** A one-sentence document published on `published` whose one event is dated `date` from `dateSource`. */
  const save = (
    store: SqliteStore,
    id: string,
    published: string | null,
    date: string | null,
    dateSource?: "text" | "published",
  ) => {
    const doc = oneSentenceDocument(id, text, published);
    const facts = emptyFacts();
    facts.entities = entities;
    facts.events = [
      {
        type: "15",
        actors: ["country/RUS"],
        targets: ["country/ARM"],
        date,
        ...(dateSource ? { dateSource } : {}),
        location: null,
        negated: false,
        hypothetical: false,
        confidence: 0.9,
        evidence: { doc: id, start: 0, end: text.length, text },
      },
    ];
    return store.saveDocument(sourceOf(doc), doc, [], facts);
  };

  test("keep their source; reports of an undated event published on different days are one event, dated by the first", async () => {
    // d0 has no publication date: its undated event takes the first publication date a later report gives it.
    const store = new SqliteStore(join(tmp.dir, "dates.db"));
    try {
      await save(store, "d0", null, null);
      await save(store, "d1", "2023-05-20", "2023-05-20", "published");
      await save(store, "d2", "2023-05-18", "2023-05-18", "published");
      await save(store, "d3", "2023-05-18", "2023-05-18", "text");
      const events = store.db.prepare("SELECT id, date, date_source FROM events ORDER BY id").all();
      assert.deepEqual(
        events.map((e) => ({ ...(e as object), id: undefined })),
        [
          { id: undefined, date: "2023-05-18", date_source: "published" },
          { id: undefined, date: "2023-05-18", date_source: "text" },
        ],
      );
      const roleDates = store.db.prepare("SELECT DISTINCT date FROM event_roles").pluck().all();
      assert.deepEqual(roleDates, ["2023-05-18"], "the dossier's copy of the date follows the event's");
      assert.equal(store.db.prepare("SELECT count(*) FROM evidence WHERE fact_kind = 'event'").pluck().get(), 4);
    } finally {
      await store.close();
    }
  });

  test("a store of undated events is migrated: each takes its first report's publication date", async () => {
    const path = join(tmp.dir, "v6.db");
    const old = new Database(path);
    old.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    for (const m of MIGRATIONS.slice(0, 6)) old.exec(m);
    old.exec("INSERT INTO meta VALUES ('schema_version', '6')");
    old.exec(`INSERT INTO sources VALUES (1, 'a.txt', 'text/plain', x'00', 'h', '2024-01-01')`);
    for (const [id, published] of [
      ["a", "2022-03-04"],
      ["b", "2022-03-01"],
      ["c", null],
    ])
      old
        .prepare(
          `INSERT INTO documents(id, source_id, source, published, content_type, text, content_hash, signature,
             word_count, ingested_at) VALUES (?, 1, ?, ?, 'text/plain', 't', ?, '[]', 1, '2024-01-01')`,
        )
        .run(id, id, published, id);
    old.exec(`INSERT INTO entities(id, key, type, name) VALUES (1, 'country/RUS', 'country', 'Russia')`);
    old.exec(`INSERT INTO events(id, code, root, date, negated, hypothetical, merge_key) VALUES
      (1, '15', '15', NULL, 0, 0, 'k1'), (2, '15', '15', '2021', 0, 0, 'k2'), (3, '15', '15', NULL, 0, 0, 'k3')`);
    old.exec(`INSERT INTO event_roles(event_id, entity_id, role, date) VALUES
      (1, 1, 'actor', NULL), (2, 1, 'actor', '2021'), (3, 1, 'actor', NULL)`);
    old.exec(`INSERT INTO evidence VALUES ('event', 1, 'a', 0, 1, 't', 1, NULL), ('event', 1, 'b', 0, 1, 't', 1, NULL),
      ('event', 2, 'a', 0, 1, 't', 1, NULL), ('event', 3, 'c', 0, 1, 't', 1, NULL)`);
    old.close();
    const store = new SqliteStore(path);
    try {
      assert.deepEqual(store.db.prepare("SELECT id, date, date_source FROM events ORDER BY id").all(), [
        { id: 1, date: "2022-03-01", date_source: "published" },
        { id: 2, date: "2021", date_source: "text" },
        { id: 3, date: null, date_source: null },
      ]);
      assert.deepEqual(store.db.prepare("SELECT event_id, date FROM event_roles ORDER BY event_id").all(), [
        { event_id: 1, date: "2022-03-01" },
        { event_id: 2, date: "2021" },
        { event_id: 3, date: null },
      ]);
    } finally {
      await store.close();
    }
  });
});

describe("relations with the same type and ends", () => {
  const text = "Armenia is a founding member of the CSTO.";
  const entities: EntityRef[] = [
    { key: "country/ARM", type: "country", name: "Armenia" },
    { key: "org/csto", type: "organization", name: "Collective Security Treaty Organization" },
  ];
  const save = (store: SqliteStore, id: string, attrs: Record<string, string>, basis?: "reference") => {
    const doc = oneSentenceDocument(id, text, "2023-05-20");
    const facts = emptyFacts();
    facts.entities = entities;
    facts.relations = [
      {
        type: "member_of",
        subject: "country/ARM",
        object: "org/csto",
        negated: false,
        attrs,
        ...(basis ? { basis } : {}),
        confidence: 0.9,
        evidence: { doc: id, start: 0, end: text.length, text },
      },
    ];
    return store.saveDocument(sourceOf(doc), doc, [], facts);
  };

  test("evidence from reference knowledge is marked so in the reader and the export", async () => {
    const path = join(tmp.dir, "relation-basis.db");
    const store = new SqliteStore(path);
    try {
      await save(store, "b1", {}, "reference");
      await save(store, "b2", {});
    } finally {
      await store.close();
    }
    const r = new SqliteReader(path);
    try {
      const id = r.db.prepare("SELECT id FROM relations").pluck().get() as number;
      const view = r.fact("relation", id);
      assert.deepEqual(
        view?.evidence.map((e) => [e.doc, e.basis]),
        [
          ["b1", "reference"],
          ["b2", "text"],
        ],
      );
      const line = [...sqliteExportLines(r.db, new Set(["relation"]))].find((l) => l.kind === "relation") as {
        evidence: { doc: string; basis?: string }[];
      };
      assert.deepEqual(
        line.evidence.map((e) => [e.doc, e.basis ?? null]),
        [
          ["b1", "reference"],
          ["b2", null],
        ],
      );
    } finally {
      r.close();
    }
  });

  test("are one relation, keeping every attribute, with the evidence of each statement", async () => {
    const store = new SqliteStore(join(tmp.dir, "relation-merge.db"));
    try {
      await save(store, "r1", {});
      await save(store, "r2", { role: "founding member" });
      await save(store, "r3", { since: "1992" });
      const rows = store.db.prepare("SELECT id, attrs, evidence, sources FROM relations").all() as {
        attrs: string;
        evidence: number;
        sources: number;
      }[];
      assert.equal(rows.length, 1);
      assert.deepEqual(JSON.parse(rows[0]?.attrs ?? "{}"), { role: "founding member", since: "1992" });
      assert.equal(rows[0]?.evidence, 3);
      assert.equal(rows[0]?.sources, 3);
      const stats = store.db
        .prepare(
          "SELECT relations_out FROM entity_stats s JOIN entities e ON e.id = s.entity_id WHERE e.key = 'country/ARM'",
        )
        .get() as { relations_out: number };
      assert.equal(stats.relations_out, 1);
    } finally {
      await store.close();
    }
  });
});

describe("bulk loads", () => {
  /** Every row a document adds, in a form that does not depend on when batches committed. */
  const contents = (path: string) => {
    const db = new Database(path, { readonly: true });
    try {
      const all = (sql: string) => db.prepare(sql).all();
      return {
        documents: all("SELECT id FROM documents ORDER BY id"),
        sentences: all("SELECT doc_id, text FROM sentences ORDER BY doc_id"),
        search: all(
          "SELECT s.doc_id FROM sentences_fts f JOIN sentences s ON s.id = f.rowid WHERE f.text MATCH 'envoys' ORDER BY 1",
        ),
        mentions: all('SELECT doc_id, start, "end", text FROM mentions ORDER BY 1, 2'),
        evidence: all("SELECT fact_kind, doc_id FROM evidence ORDER BY 1, 2"),
        relations: all("SELECT type, evidence, sources FROM relations"),
        events: all("SELECT code, date FROM events ORDER BY date"),
        names: all("SELECT e.key, f.names FROM entities e JOIN entities_fts f ON f.rowid = e.id ORDER BY e.key"),
        stats: all(
          `SELECT e.key, s.mentions, s.documents, s.canonicals, s.relations_out, s.relations_in, s.events, s.as_actor,
             s.as_target, s.event_pairs FROM entity_stats s JOIN entities e ON e.id = s.entity_id ORDER BY e.key`,
        ),
        pairs: all("SELECT actor_id, target_id, root, events FROM event_pairs"),
        integrity: db.prepare("PRAGMA integrity_check").pluck().get(),
      };
    } finally {
      db.close();
    }
  };
  /** Document 5 names an entity its list lacks: saving it throws. */
  const failing = 5;
  const saveAll = async (store: SqliteStore, n: number) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const { doc, facts } = batchDocument(i);
      if (i === failing) facts.relations[0] = { ...(facts.relations[0] as RelationFact), object: "country/AZE" };
      try {
        out.push((await store.saveDocument(sourceOf(doc), doc, [], facts)).status);
      } catch {
        out.push("failed");
      }
    }
    return out;
  };
  const ftsIntact = (path: string) => {
    const db = new Database(path);
    try {
      db.exec("INSERT INTO sentences_fts(sentences_fts) VALUES ('integrity-check')");
    } finally {
      db.close();
    }
  };

  test("a document that throws in the middle of a batch is rolled back alone; a re-run stores nothing twice", async () => {
    const one = join(tmp.dir, "one-by-one.db");
    const bulk = join(tmp.dir, "bulk.db");
    const single = new SqliteStore(one);
    try {
      await saveAll(single, 12);
    } finally {
      await single.close();
    }
    // Batches of four: documents 4..7 share the batch the failing one is in.
    const store = new SqliteStore(bulk, { batchDocs: 4, batchMs: 3_600_000 });
    try {
      const first = await store.bulk(() => saveAll(store, 12));
      assert.deepEqual(
        first,
        [...Array(12)].map((_, i) => (i === failing ? "failed" : "stored")),
      );
      const again = await store.bulk(() => saveAll(store, 12));
      assert.deepEqual(
        again,
        [...Array(12)].map((_, i) => (i === failing ? "failed" : "exists")),
      );
    } finally {
      await store.close();
    }
    const stored = contents(bulk);
    assert.equal(stored.documents.length, 11);
    assert.equal(stored.search.length, 11, "every stored sentence, and only those, can be searched");
    assert.ok(!JSON.stringify(stored).includes(`batch-${failing}`), "nothing of the failing document is stored");
    assert.deepEqual(stored, contents(one), "batched, the store holds what one transaction per document stores");
    ftsIntact(bulk);
  });

  test("a batch commits on its own after a while, and before the bulk load ends", async () => {
    const path = join(tmp.dir, "timed.db");
    const store = new SqliteStore(path, { batchDocs: 1000, batchMs: 50 });
    const seen = () => {
      const db = new Database(path, { readonly: true });
      try {
        return db.prepare("SELECT count(*) FROM documents").pluck().get();
      } finally {
        db.close();
      }
    };
    try {
      await store.bulk(async () => {
        for (const i of [0, 1]) {
          const { doc, facts } = batchDocument(i);
          await store.saveDocument(sourceOf(doc), doc, [], facts);
        }
        assert.equal(seen(), 0, "an open batch is this store's own");
        await new Promise((resolve) => setTimeout(resolve, 200));
        assert.equal(seen(), 2, "a batch left open past its time commits while the load waits");
        const { doc, facts } = batchDocument(2);
        await store.saveDocument(sourceOf(doc), doc, [], facts);
      });
      assert.equal(seen(), 3, "the last batch commits when the load ends");
    } finally {
      await store.close();
    }
  });

  test("a process killed in the middle of a batch keeps every batch committed before; a re-run stores the rest once", async () => {
    const path = join(tmp.dir, "killed.db");
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "test", "store-fixture.ts"), path, "6", "3"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d) => {
        if (String(d).includes("open")) resolve();
      });
      child.on("exit", (code) => reject(new Error(`the child exited (${code}) before its batch was open`)));
    });
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("close", resolve));
    assert.equal(contents(path).documents.length, 6, "the committed batch survives, the open one is gone");
    ftsIntact(path);
    const store = new SqliteStore(path, { batchDocs: 4 });
    try {
      const statuses = await store.bulk(async () => {
        const out: string[] = [];
        for (let i = 0; i < 9; i++) {
          const { doc, facts } = batchDocument(i);
          out.push((await store.saveDocument(sourceOf(doc), doc, [], facts)).status);
        }
        return out;
      });
      assert.deepEqual(
        statuses,
        [...Array(9)].map((_, i) => (i < 6 ? "exists" : "stored")),
      );
    } finally {
      await store.close();
    }
    assert.equal(contents(path).documents.length, 9);
    ftsIntact(path);
  });
});
