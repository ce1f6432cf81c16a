// The HTTP API against a real server on a real SQLite file, filled through SqliteStore.saveDocument:
// every route, the 400s and 404s, full-text syntax safety, the token rule for writes, and `heartland serve`.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { READ_ROUTES } from "../src/api/routes.js";
import { type RunningServer, startApiServer } from "../src/api/server.js";
import { runIngest } from "../src/ingest/run.js";
import { openStore } from "../src/store/open.js";
import { EVIDENCE_SHOWN, ftsQuery } from "../src/store/sqlite-read.js";
import { buildFixtureStore, type Fixture } from "./e2e/fixture.js";
import { ARTICLE_A, ARTICLE_B } from "./fixtures.js";
import { BIN, query, ROOT, runCli, startServer, tempDir } from "./helpers.js";

const tmp = tempDir("heartland-api-");
const DB = join(tmp.dir, "api.db");
const TOKEN = "test-token-4f9c2a";
let fx: Fixture;
let server: RunningServer;
let writer: RunningServer;

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field.
type Json = Record<string, any>;

async function get(path: string, base = server.url): Promise<{ status: number; body: Json; headers: Headers }> {
  const res = await fetch(new URL(path, base));
  const text = await res.text();
  let body: Json;
  try {
    body = JSON.parse(text) as Json;
  } catch {
    body = { text };
  }
  return { status: res.status, body, headers: res.headers };
}

async function ok(path: string): Promise<Json> {
  const r = await get(path);
  assert.equal(r.status, 200, `${path}: ${JSON.stringify(r.body)}`);
  return r.body;
}

async function bad(path: string, parameter: string, status = 400): Promise<Json> {
  const r = await get(path);
  assert.equal(r.status, status, `${path} should be ${status}: ${JSON.stringify(r.body)}`);
  assert.equal(typeof r.body.error, "string");
  assert.equal(r.body.parameter, parameter, `${path} names ${parameter}: ${JSON.stringify(r.body)}`);
  return r.body;
}

before(async () => {
  fx = await buildFixtureStore(DB);
  server = await startApiServer({ db: DB, port: 0, token: null });
});

after(async () => {
  await server?.close();
  await writer?.close();
  tmp.cleanup();
});

describe("openapi", () => {
  test("documents every route and every parameter", async () => {
    const doc = await ok("/api/openapi.json");
    assert.match(doc.openapi, /^3\./);
    for (const r of READ_ROUTES) {
      const op = doc.paths[r.path]?.[r.method];
      assert.ok(op, `${r.method} ${r.path} is described`);
      const names = (op.parameters as { name: string }[]).map((p) => p.name).sort();
      assert.deepEqual(names, Object.keys(r.params).sort(), `${r.path} parameters`);
      assert.ok(op.responses["200"] && op.responses["400"], `${r.path} responses`);
    }
    assert.ok(doc.paths["/api/ingest"].post.security, "the write route needs a bearer token");
    assert.ok(doc.paths["/api/openapi.json"].get);
    assert.deepEqual(doc.components.schemas.Fact.properties.dateSource?.enum, ["text", "published", null]);
    // Every $ref points at a schema that exists.
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const ref of new Set(refs)) assert.ok(doc.components.schemas[ref.split("/").pop() as string], ref);
  });

  test("unknown routes are JSON 404s", async () => {
    const r = await get("/api/nothing-here");
    assert.equal(r.status, 404);
    assert.match(r.body.error, /openapi/);
  });
});

describe("read routes", () => {
  test("overview and vocabulary", async () => {
    const o = await ok("/api/overview");
    assert.equal(o.documents, 5);
    assert.equal(o.independentDocuments, 4, "the syndicated copy is not independent");
    assert.equal(o.entities.country, 5);
    assert.deepEqual(o.published, { first: "2023-05-18", last: "2024-07-04" });
    const v = await ok("/api/vocabulary");
    assert.equal(v.cameo.length, 20);
    assert.ok(v.relationTypes.includes("member_of"));
  });

  test("search folds a syndicated near-copy's same sentence under the first copy", async () => {
    const q = encodeURIComponent('"bilateral trade"');
    const r = await ok(`/api/search?q=${q}&kind=sentence`);
    assert.equal(r.sentences.total, 2, "both copies match");
    assert.equal(r.sentences.items.length, 1, "shown once");
    const [hit] = r.sentences.items;
    assert.equal(hit.doc.outlet, "Steppe Ledger", "the first copy leads");
    assert.deepEqual(
      hit.copies.map((c: Json) => c.outlet),
      ["Caspian Wire"],
    );
    // A filter that keeps only the reprint shows it on its own.
    const only = await ok(`/api/search?q=${q}&kind=sentence&source=${encodeURIComponent("Caspian Wire")}`);
    assert.equal(only.sentences.items.length, 1);
    assert.equal(only.sentences.items[0].doc.outlet, "Caspian Wire");
    assert.deepEqual(only.sentences.items[0].copies, []);
  });

  test("search finds sentences with snippets and entities by alias", async () => {
    const r = await ok("/api/search?q=customs");
    assert.ok(r.sentences.total >= 3);
    const hit = r.sentences.items[0];
    assert.ok(
      hit.snippet.some((p: Json) => p.match && /customs/i.test(p.text)),
      "the match is marked",
    );
    const doc = await ok(`/api/documents/${hit.doc.id}`);
    assert.equal(doc.text.slice(hit.start, hit.end).includes("customs"), true, "the hit points into the text");

    const alias = await ok("/api/search?q=CSTO&kind=entity");
    assert.equal(alias.entities.items[0].name, "Collective Security Treaty Organization");
    assert.equal(alias.sentences.total, 0, "kind=entity leaves sentences out");
    const prefix = await ok("/api/search?q=kazakh*&kind=entity");
    assert.equal(prefix.entities.items[0].key, "country/KAZ");
  });

  test("exact phrases, OR, and filters by type, source and date", async () => {
    const phrase = await ok(`/api/search?q=${encodeURIComponent('"customs accord"')}&kind=sentence`);
    assert.ok(phrase.sentences.total >= 2);
    const reversed = await ok(`/api/search?q=${encodeURIComponent('"accord customs"')}&kind=sentence`);
    assert.equal(reversed.sentences.total, 0, "a phrase keeps its word order");
    const words = await ok(`/api/search?q=${encodeURIComponent("accord customs")}&kind=sentence`);
    assert.ok(words.sentences.total >= 2, "bare words match in any order");
    const either = await ok(`/api/search?q=${encodeURIComponent("drills OR grain")}&kind=sentence`);
    assert.ok(either.sentences.total >= 3);

    const source = await ok("/api/search?q=customs&kind=sentence&source=caspian");
    assert.ok(source.sentences.total > 0);
    for (const s of source.sentences.items) assert.equal(s.doc.outlet, "Caspian Wire");
    const dated = await ok("/api/search?q=Russia&kind=sentence&from=2024&to=2024-12");
    assert.ok(dated.sentences.total > 0);
    for (const s of dated.sentences.items) assert.match(s.doc.published, /^2024/);
    const people = await ok("/api/search?q=said&type=person");
    for (const e of people.entities.items) assert.equal(e.type, "person");
    assert.ok(people.sentences.total > 0, "sentences mentioning a person");
    const paged = await ok("/api/search?q=Kazakhstan&kind=sentence&limit=2&offset=2");
    assert.equal(paged.sentences.items.length, 2);
  });

  test("search facets count the matching sentences by entity, type, outlet and month; a facet narrows", async () => {
    const r = await ok("/api/search?q=Kazakhstan&kind=sentence&facets=true");
    const f = r.facets;
    assert.equal(f.sentences, r.sentences.total);
    assert.equal(f.complete, true);
    assert.deepEqual(f.outlets, [
      { outlet: "Steppe Ledger", count: 7 },
      { outlet: "Caspian Wire", count: 3 },
      { outlet: "Eurasia Review Desk", count: 2 },
    ]);
    assert.deepEqual(f.months, [
      { month: "2024-07", count: 2 },
      { month: "2024-02", count: 3 },
      { month: "2023-05", count: 7 },
    ]);
    assert.equal(f.entities[0].key, "country/KAZ");
    assert.equal(f.entities[0].count, r.sentences.total);
    const china = f.entities.find((e: Json) => e.key === "country/CHN");
    const withChina = await ok(`/api/search?q=Kazakhstan&kind=sentence&entity=${china.id}&facets=true`);
    assert.equal(withChina.sentences.total, china.count, "the entity facet's count is what its filter finds");
    assert.ok(!withChina.facets.entities.some((e: Json) => e.id === china.id), "the filtered entity is no facet");
    const person = f.types.find((t: Json) => t.type === "person");
    const withPerson = await ok("/api/search?q=Kazakhstan&kind=sentence&type=person");
    assert.equal(withPerson.sentences.total, person.count);
    const may = await ok("/api/search?q=Kazakhstan&kind=sentence&from=2023-05&to=2023-05");
    assert.equal(may.sentences.total, 7);
    const ledger = await ok(`/api/search?q=Kazakhstan&kind=sentence&source=${encodeURIComponent("Steppe Ledger")}`);
    assert.equal(ledger.sentences.total, 7);
    assert.equal((await ok("/api/search?q=Kazakhstan")).facets, undefined, "facets only when asked for");
  });

  test("search sorts sentences by relevance or by date, newest document first", async () => {
    const byDate = await ok("/api/search?q=Kazakhstan&kind=sentence&sort=date&limit=100");
    const dates = byDate.sentences.items.map((s: Json) => s.doc.published);
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.equal(dates[0], "2024-07-04");
    const byRelevance = await ok("/api/search?q=Kazakhstan&kind=sentence&limit=100");
    assert.equal(byRelevance.sentences.total, byDate.sentences.total);
    assert.notDeepEqual(
      byRelevance.sentences.items.map((s: Json) => s.start),
      byDate.sentences.items.map((s: Json) => s.start),
    );
    // Pages of three hold every match once, as an item or a near-copy folded under one (folding is per page).
    const docsOf = (items: Json[]) => items.flatMap((s: Json) => [s.doc.id, ...s.copies.map((c: Json) => c.id)]);
    const paged: string[] = [];
    for (let offset = 0; offset < byDate.sentences.total; offset += 3) {
      const page = await ok(`/api/search?q=Kazakhstan&kind=sentence&sort=date&limit=3&offset=${offset}`);
      const pageDates = page.sentences.items.map((s: Json) => s.doc.published);
      assert.deepEqual(pageDates, [...pageDates].sort().reverse(), "each page newest first");
      paged.push(...docsOf(page.sentences.items));
    }
    assert.equal(paged.length, byDate.sentences.total);
    assert.deepEqual(paged.sort(), docsOf(byDate.sentences.items).sort());
  });

  test("without q, entity lists every sentence mentioning it under any name, those names marked", async () => {
    const r = await ok(`/api/search?entity=${fx.entity.CHN}`);
    assert.equal(r.entities.total, 0);
    const marked = r.sentences.items.flatMap((s: Json) =>
      s.snippet.filter((p: Json) => p.match).map((p: Json) => p.text),
    );
    assert.ok(marked.includes("Beijing"), "the capital standing for China is found");
    assert.ok(marked.includes("China"));
    const byName = await ok(`/api/search?q=China&kind=sentence`);
    assert.ok(r.sentences.total > byName.sentences.total, "more than the name alone finds");
    const dates = r.sentences.items.map((s: Json) => s.doc.published);
    assert.deepEqual(dates, [...dates].sort().reverse(), "newest document first");
    for (const s of r.sentences.items) {
      const doc = await ok(`/api/documents/${s.doc.id}`);
      assert.equal(
        s.snippet.map((p: Json) => p.text).join(""),
        doc.text.slice(s.start, s.end),
        "the snippet is the sentence",
      );
    }
    const faceted = await ok(`/api/search?entity=${fx.entity.CHN}&facets=true&limit=1`);
    assert.equal(faceted.facets.sentences, r.sentences.total);
    assert.equal(faceted.sentences.items.length, 1);
    assert.equal((await get("/api/search?kind=sentence")).status, 400, "neither q nor entity");
    assert.equal((await get("/api/search?entity=999999")).status, 404);
  });

  test("user input never breaks FTS5 syntax", async () => {
    const nasty = [
      '"',
      '""',
      '"unclosed phrase',
      "*",
      "**",
      "NEAR(",
      "NEAR(China Russia",
      "China NEAR/2 Russia",
      "OR",
      "AND",
      "NOT",
      "China OR",
      "OR China",
      "-China",
      "text:China",
      "{text}: China",
      "^China",
      "(((",
      ")",
      "China + Russia",
      "'; DROP TABLE documents; --",
      "Robert'); DROP TABLE sentences;--",
      "\u0000",
      "%",
      "_",
      "\\",
      "x".repeat(500),
      "🇰🇿 ✓",
      "Kassym-Jomart",
      'China"Russia',
      'china* OR "kaz',
    ];
    for (const q of nasty) {
      const r = await get(`/api/search?q=${encodeURIComponent(q)}`);
      assert.ok(
        r.status === 200 || r.status === 400,
        `${JSON.stringify(q)} gave ${r.status}: ${JSON.stringify(r.body)}`,
      );
      if (r.status === 400) assert.equal(r.body.parameter, "q");
    }
    const hyphen = await ok(`/api/search?q=${encodeURIComponent("Kassym-Jomart")}&kind=sentence`);
    assert.ok(hyphen.sentences.total >= 2);
    assert.equal(query<{ n: number }>(DB, "SELECT count(*) AS n FROM documents")[0]?.n, 5, "nothing was dropped");
  });

  test("ftsQuery quotes every term", () => {
    assert.equal(ftsQuery("China"), '"China"');
    assert.equal(ftsQuery('"customs accord" kazakh*'), '"customs accord" "kazakh"*');
    assert.equal(ftsQuery("a OR b c"), '("a") OR ("b" "c")');
    assert.equal(ftsQuery("NEAR(x y)"), '"NEAR x" "y"', "punctuation inside a word makes a phrase, never syntax");
    assert.equal(ftsQuery("Kassym-Jomart"), '"Kassym Jomart"');
    assert.equal(ftsQuery('*" () :'), null);
  });

  test("counts: facts, independent sources and documents have one definition, the same in every response", async () => {
    const route = { relation: "relations", event: "events", quote: "quotes", quantity: "quantities" } as const;
    let compared = 0;
    for (const id of Object.values(fx.entity)) {
      const d = await ok(`/api/entities/${id}`);
      const c = await ok(`/api/entities/${id}/sources`);
      const name = d.entity.name;
      // Its facts, each once: relations at either end, events in either role, quotes it said, figures about it.
      const facts = new Set<string>([
        ...d.relations.flatMap((g: Json) => g.items.map((r: Json) => `relation:${r.id}`)),
        ...[...d.events.asActor, ...d.events.asTarget].map((e: Json) => `event:${e.id}`),
        ...d.quotes.by.map((q: Json) => `quote:${q.id}`),
        ...d.quantities.map((q: Json) => `quantity:${q.id}`),
      ]);
      assert.equal(d.totals.facts, facts.size, `${name}: facts`);
      // The documents behind them, read off every evidence sentence of each fact's own route.
      const docsOf = new Map<string, Set<string>>();
      const canonicals = new Set<string>();
      for (const key of facts) {
        const [kind, factId] = key.split(":") as [keyof typeof route, string];
        const full = await ok(`/api/${route[kind]}/${factId}`);
        docsOf.set(key, new Set(full.evidence.map((ev: Json) => ev.doc)));
        for (const ev of full.evidence) canonicals.add(ev.canonical);
      }
      const docs = new Set([...docsOf.values()].flatMap((s) => [...s]));
      assert.equal(d.independentSources, canonicals.size, `${name}: independent sources are the facts' canonicals`);
      assert.equal(d.totals.factDocuments, docs.size, `${name}: documents backing a fact`);
      assert.ok(d.independentSources <= d.totals.factDocuments, `${name}: a near-copy is no second source`);
      for (const s of d.sources) {
        const backed = [...docsOf.values()].filter((set) => set.has(s.id)).length;
        assert.equal(s.facts, backed, `${name}: facts of source ${s.id}`);
      }
      // The source comparison says the same, and compares the same facts.
      assert.deepEqual(c.counts, {
        facts: d.totals.facts,
        independentSources: d.independentSources,
        documents: d.totals.factDocuments,
      });
      assert.deepEqual(new Set(c.facts.map((f: Json) => `${f.kind}:${f.id}`)), facts, `${name}: compared facts`);
      if (facts.size) compared++;
    }
    assert.ok(compared >= 3, "several entities with facts");
    // The near-copy backs Kazakhstan's trade relation but adds no independent source.
    const kaz = await ok(`/api/entities/${fx.entity.KAZ}`);
    assert.ok(kaz.totals.factDocuments > kaz.independentSources);
  });

  test("entity dossier: identity, relations by type, events, quotes, figures, sources", async () => {
    const d = await ok(`/api/entities/${fx.entity.KAZ}`);
    assert.equal(d.entity.name, "Kazakhstan");
    assert.equal(d.entity.qid, "Q232");
    assert.deepEqual(d.entity.aliases, [], "Kazakhstan is named only so: its capital and demonym are no aliases");
    const types = d.relations.map((g: Json) => g.type);
    assert.deepEqual(types, [...types].sort(), "groups are sorted by type");
    const trade = d.relations
      .find((g: Json) => g.type === "trade_partner")
      .items.find((r: Json) => r.object.key === "country/CHN");
    assert.equal(trade.evidence.length, 2, "read from the original and its copy");
    assert.equal(trade.sources, 1, "the syndicated copy is not an independent source");
    for (const ev of trade.evidence) {
      const doc = await ok(`/api/documents/${ev.doc}`);
      assert.equal(doc.text.slice(ev.start, ev.end), ev.text, "evidence is an exact slice");
    }
    const member = d.relations.find((g: Json) => g.type === "member_of").items;
    assert.ok(member.every((r: Json) => r.direction === "out"));

    const asTarget = d.events.asTarget.map((e: Json) => e.date);
    assert.deepEqual(asTarget, [...asTarget].sort(), "events in date order");
    assert.ok(
      d.events.asTarget.some((e: Json) => e.hypothetical),
      "hypothetical events are kept, flagged",
    );
    assert.ok(d.events.asActor.some((e: Json) => e.root === "05"));
    assert.equal(d.quotes.about.length, 1);
    assert.equal(d.quotes.about[0].speaker.key, "country/RUS");
    assert.equal(d.quantities[0].value, 31_000_000_000);
    assert.equal(d.independentSources, 3);
    assert.ok(d.sources.some((s: Json) => s.duplicateOf === fx.docs[0]));

    const tokayev = await ok(`/api/entities/${fx.entity.TOKAYEV}`);
    assert.equal(tokayev.quotes.by.length, 1);
    assert.equal(tokayev.quotes.by[0].sources, 1);
    assert.equal(tokayev.quotes.by[0].evidence.length, 2);

    const csto = await ok(`/api/entities/${fx.entity.CSTO}`);
    const denied = csto.relations.find((g: Json) => g.type === "member_of").items.filter((r: Json) => r.negated);
    assert.deepEqual(denied.map((r: Json) => r.subject.name).sort(), ["China", "Uzbekistan"]);
  });

  test('entity dossier: "also called" lists other names, never a capital, demonym or role that stood for it', async () => {
    const china = await ok(`/api/entities/${fx.entity.CHN}`);
    assert.deepEqual(china.entity.aliases, [], "Beijing stood for China; it is not what China is called");
    const csto = await ok(`/api/entities/${fx.entity.CSTO}`);
    assert.deepEqual(csto.entity.aliases, ["CSTO"]);
    const beijing = await ok("/api/search?q=Beijing&kind=entity");
    assert.equal(beijing.entities.total, 0, "no entity is found by a name that only stood for it");
  });

  test("entity dossier: reference facts (CIA World Factbook) beside the article evidence, with their source", async () => {
    const d = await ok(`/api/entities/${fx.entity.KAZ}`);
    const sco = d.reference.find(
      (f: Json) => f.relation === "member_of" && f.subject === "country/KAZ" && f.object === "org/sco",
    );
    assert.ok(sco, "Kazakhstan's SCO membership is a reference fact");
    assert.match(sco.source, /World Factbook/);
    assert.match(sco.edition, /\d{4}/);
    assert.equal(sco.field, "International organization participation");
    // Reference facts are not article evidence: the relations read from documents do not grow by them.
    const readMembers = d.relations.find((g: Json) => g.type === "member_of").items;
    assert.ok(readMembers.every((r: Json) => Array.isArray(r.evidence) && r.evidence.length > 0));
    assert.ok(d.reference.every((f: Json) => f.subject === "country/KAZ" || f.object === "country/KAZ"));
  });

  test("entities list", async () => {
    const all = await ok("/api/entities");
    assert.equal(all.total, 14);
    assert.equal(all.items[0].name, "Kazakhstan", "most mentioned first");
    const people = await ok("/api/entities?type=person");
    assert.equal(people.total, 3);
    const named = await ok("/api/entities?name=treaty");
    assert.equal(named.items[0].key, "organization/csto");
  });

  test("graph neighbourhood: depth, relation types, events, limits", async () => {
    const one = await ok(`/api/entities/${fx.entity.TOKAYEV}/graph?depth=1&events=false`);
    assert.deepEqual(one.nodes.map((n: Json) => n.name).sort(), ["Kassym-Jomart Tokayev", "Kazakhstan"]);
    assert.equal(one.nodes.find((n: Json) => n.name === "Kazakhstan").depth, 1);
    const two = await ok(`/api/entities/${fx.entity.TOKAYEV}/graph?depth=2&events=false`);
    assert.ok(two.nodes.length > one.nodes.length);
    assert.ok(two.edges.every((e: Json) => e.kind === "relation"));
    const typed = await ok(`/api/entities/${fx.entity.KAZ}/graph?depth=3&types=member_of&events=false`);
    assert.ok(typed.edges.length > 0);
    assert.ok(typed.edges.every((e: Json) => e.type === "member_of"));
    assert.ok(
      typed.nodes.some((n: Json) => n.name === "Uzbekistan"),
      "reached through the CSTO at depth 2",
    );
    const withEvents = await ok(`/api/entities/${fx.entity.KAZ}/graph?depth=1`);
    const ev = withEvents.edges.find((e: Json) => e.kind === "event" && e.source === fx.entity.RUS);
    assert.ok(ev && ev.events >= 3, "Russia's events against Kazakhstan are one weighted edge");
    const small = await ok(`/api/entities/${fx.entity.KAZ}/graph?depth=2&nodes=3&edges=2`);
    assert.equal(small.nodes.length, 3);
    assert.ok(small.edges.length <= 2);
    assert.deepEqual(small.truncated, { nodes: true, edges: true });
    assert.equal(small.nodes[0].id, fx.entity.KAZ, "the centre comes first");
  });

  test("graph edges carry their first and last dates, nodes their independent sources", async () => {
    const g = await ok(`/api/entities/${fx.entity.KAZ}/graph?depth=1&events=true`);
    const trade = g.edges.find((e: Json) => e.type === "trade_partner" && e.target === fx.entity.CHN);
    assert.deepEqual([trade.first, trade.last], ["2023-05-18", "2023-05-19"], "the publication dates of its evidence");
    const ev = g.edges.find((e: Json) => e.kind === "event" && e.source === fx.entity.RUS);
    assert.deepEqual([ev.first, ev.last], ["2024-02", "2024-02-09"], "the dates of its events");
    const kaz = g.nodes.find((n: Json) => n.id === fx.entity.KAZ);
    assert.equal(kaz.sources, 3, "four mentioning documents, one a near-copy");
  });

  test("source comparison", async () => {
    const c = await ok(`/api/entities/${fx.entity.KAZ}/sources`);
    const trade = c.facts.find((f: Json) => f.kind === "relation" && /^Kazakhstan trades with China$/.test(f.label));
    assert.deepEqual([...trade.documents].sort(), [fx.docs[0], fx.docs[1]].sort());
    assert.equal(trade.sources, 1);
    assert.ok(c.outlets.some((o: Json) => o.outlet === "Caspian Wire"));
    assert.equal(c.singleSourced, c.facts.length);
  });

  test("events with filters", async () => {
    const all = await ok("/api/events");
    assert.equal(all.total, 11);
    const dates = all.items.map((e: Json) => e.date);
    assert.deepEqual(dates, [...dates].sort(), "date order");
    // Every event says where its date comes from: the text, or (the summit) its document's publication date.
    const reported = all.items.filter((e: Json) => e.dateSource === "published");
    assert.deepEqual(
      reported.map((e: Json) => [e.root, e.date]),
      [["04", "2024-07-04"]],
    );
    assert.ok(all.items.every((e: Json) => e.dateSource === "published" || e.dateSource === "text"));
    assert.equal((await ok(`/api/events/${reported[0].id}`)).dateSource, "published");
    const russia = await ok(`/api/events?actor=${fx.entity.RUS}`);
    assert.equal(russia.total, 6);
    const onKaz = await ok(`/api/events?actor=${fx.entity.RUS}&target=${fx.entity.KAZ}`);
    assert.equal(onKaz.total, 3);
    assert.equal((await ok("/api/events?root=15")).total, 2);
    assert.equal((await ok("/api/events?root=4,05.1")).total, 4, "root codes are normalised");
    assert.equal((await ok("/api/events?from=2024&to=2024")).total, 5);
    assert.equal((await ok("/api/events?from=2023-09-01&to=2023-09-01")).total, 3, "month-dated events overlap");
    assert.equal((await ok("/api/events?negated=true")).total, 1);
    assert.equal((await ok("/api/events?hypothetical=true")).total, 1);
    assert.equal((await ok("/api/events?negated=false&hypothetical=false")).total, 9);
    assert.equal((await ok("/api/events?source=pamir")).total, 3);
    const one = await ok(`/api/events/${russia.items[0].id}`);
    assert.equal(one.kind, "event");
    assert.ok(one.evidence.length >= 1);
  });

  test("relations, quotes and quantities by id", async () => {
    const rels = await ok(`/api/relations?entity=${fx.entity.SCO}&type=member_of`);
    assert.equal(rels.total, 5);
    const denied = await ok("/api/relations?negated=true");
    assert.equal(denied.total, 2);
    const r = await ok(`/api/relations/${rels.items[0].id}`);
    assert.equal(r.type, "member_of");
    const d = await ok(`/api/entities/${fx.entity.TOKAYEV}`);
    const q = await ok(`/api/quotes/${d.quotes.by[0].id}`);
    assert.match(q.text, /bridge/);
    const k = await ok(`/api/entities/${fx.entity.KAZ}`);
    const n = await ok(`/api/quantities/${k.quantities[0].id}`);
    assert.equal(n.unit, "USD");
  });

  test("quotes and figures: every one, newest first, a page at a time, with their evidence", async () => {
    const quotes = await ok("/api/quotes");
    assert.equal(quotes.total, 3);
    const ids = quotes.items.map((q: Json) => q.id);
    assert.deepEqual(
      ids,
      [...ids].sort((a: number, b: number) => b - a),
    );
    assert.ok(quotes.items.every((q: Json) => q.kind === "quote" && q.speaker.name && q.evidence.length));
    const figures = await ok("/api/quantities?limit=2&offset=1");
    assert.equal(figures.total, 3);
    assert.equal(figures.items.length, 2);
    assert.deepEqual(
      figures.items.map((q: Json) => q.id),
      (await ok("/api/quantities")).items.slice(1).map((q: Json) => q.id),
    );
  });

  test("documents: list, filters, and one with its text and every span", async () => {
    const list = await ok("/api/documents");
    assert.equal(list.total, 5);
    assert.equal(list.items[0].published, "2024-07-04", "newest first");
    assert.equal((await ok("/api/documents?source=steppe%20ledger")).total, 2);
    assert.equal((await ok("/api/documents?from=2024")).total, 2);
    assert.equal((await ok(`/api/documents?entity=${fx.entity.SAIDOV}`)).total, 1);
    const doc = await ok(`/api/documents/${fx.docs[0]}`);
    assert.equal(doc.copies[0].id, fx.docs[1]);
    assert.ok(doc.sentenceSpans.length >= 7);
    for (const m of doc.mentionSpans) assert.equal(doc.text.slice(m.start, m.end), m.text);
    assert.ok(doc.evidenceSpans.length >= 10);
    const factIds = new Set(doc.facts.map((f: Json) => `${f.kind}:${f.id}`));
    for (const s of doc.evidenceSpans) assert.ok(factIds.has(`${s.kind}:${s.fact}`), "each span's fact is included");
    const copy = await ok(`/api/documents/${fx.docs[1]}`);
    assert.equal(copy.duplicateOf, fx.docs[0]);
  });

  test("map: countries and their involvement", async () => {
    const m = await ok("/api/map");
    assert.equal(m.countries.length, 5);
    const kaz = m.countries.find((c: Json) => c.key === "country/KAZ");
    assert.ok(kaz.events > 0 && kaz.relations > 0);
    const focus = await ok(`/api/map?entity=${fx.entity.CHN}`);
    assert.equal(focus.focus, fx.entity.CHN);
    assert.ok(focus.countries.find((c: Json) => c.key === "country/RUS").shared >= 2);
    assert.equal(focus.countries.find((c: Json) => c.key === "country/CHN").shared, 0);
  });
});

describe("bad requests", () => {
  test("bad query parameters are 400s naming the parameter", async () => {
    await bad("/api/search", "q");
    await bad("/api/search?q=%20%20", "q");
    await bad("/api/search?q=%22%22", "q");
    await bad("/api/search?q=x&limit=abc", "limit");
    await bad("/api/search?q=x&limit=0", "limit");
    await bad("/api/search?q=x&limit=100000", "limit");
    await bad("/api/search?q=x&offset=-1", "offset");
    await bad("/api/search?q=x&kind=gossip", "kind");
    await bad("/api/search?q=x&type=planet", "type");
    await bad("/api/search?q=x&from=2023-13", "from");
    await bad("/api/search?q=x&from=yesterday", "from");
    await bad("/api/search?q=x&from=2024&to=2023", "to");
    await bad("/api/search?q=x&limt=5", "limt");
    await bad("/api/search?q=x&limit=5&limit=6", "limit");
    await bad("/api/search?q=x&entity=1.5", "entity");
    await bad("/api/events?root=99", "root");
    await bad("/api/events?root=04,xx", "root");
    await bad("/api/events?negated=maybe", "negated");
    await bad("/api/events?actor=-3", "actor");
    await bad(`/api/entities/${fx.entity.KAZ}/graph?depth=9`, "depth");
    await bad(`/api/entities/${fx.entity.KAZ}/graph?types=friends_with`, "types");
    await bad(`/api/entities/${fx.entity.KAZ}/graph?events=perhaps`, "events");
    await bad("/api/entities/abc", "id");
    await bad("/api/entities/0", "id");
    await bad("/api/entities?type=country&sort=name", "sort");
    await bad(`/api/documents/${"d".repeat(300)}`, "id");
    await bad("/api/overview?x=1", "x");
  });

  test("unknown ids are 404s", async () => {
    for (const path of [
      "/api/entities/999999",
      "/api/entities/999999/graph",
      "/api/entities/999999/sources",
      "/api/documents/doc-0000000000000000",
      "/api/relations/999999",
      "/api/events/999999",
      "/api/quotes/999999",
      "/api/quantities/999999",
    ]) {
      const r = await get(path);
      assert.equal(r.status, 404, path);
      assert.match(r.body.error, /no \w+ with id/);
    }
    await bad("/api/events?actor=999999", "actor", 404);
    await bad("/api/map?entity=999999", "entity", 404);
  });
});

describe("security", () => {
  test("the UI is served with a strict Content-Security-Policy", async () => {
    const ui = await fetch(server.url);
    if (existsSync(join(ROOT, "web", "dist", "index.html"))) {
      assert.equal(ui.status, 200);
      assert.match(ui.headers.get("content-type") ?? "", /text\/html/);
    } else {
      assert.equal(ui.status, 503, "without a built UI the server says so");
    }
    const csp = ui.headers.get("content-security-policy") ?? "";
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /object-src 'none'/);
    assert.equal(ui.headers.get("x-content-type-options"), "nosniff");
    const api = await get("/api/overview");
    assert.match(api.headers.get("content-security-policy") ?? "", /default-src 'none'/);
    const traversal = await fetch(`${server.url}..%2f..%2fpackage.json`);
    assert.notEqual(traversal.status, 200);
    const dotfile = await fetch(`${server.url}.gitignore`);
    assert.notEqual(dotfile.status, 200);
  });

  const withHost = async (host: string) => {
    const { request } = await import("node:http");
    return new Promise<number>((resolve, reject) => {
      const req = request(
        { host: "127.0.0.1", port: server.port, path: "/api/overview", headers: { Host: host } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.end();
    });
  };

  test("on loopback, requests naming another host are refused (DNS rebinding)", async () => {
    assert.equal(await withHost("attacker.example"), 403);
  });

  test("the Host check compares addresses: a name that merely starts with 127. is another host", async () => {
    const port = server.port;
    for (const host of [
      "127.0.0.1.evil.example",
      `127.0.0.1.evil.example:${port}`,
      "127.evil.example",
      `127.0.0.1:${port}.evil.example`,
      `localhost.evil.example:${port}`,
      `[::1].evil.example:${port}`,
      `127.0.0.1:${port}:${port}`,
      `[::2]:${port}`,
    ]) {
      // Node's HTTP parser answers some malformed Host headers with 400 itself; either way, no answer.
      const status = await withHost(host);
      assert.ok(status === 403 || status === 400, `Host: ${JSON.stringify(host)} got ${status}`);
    }
    assert.equal(await withHost("127.0.0.1.evil.example"), 403);
    for (const host of [
      `127.0.0.1:${port}`,
      "127.0.0.1",
      `127.1.2.3:${port}`,
      `localhost:${port}`,
      `LOCALHOST:${port}`,
      `[::1]:${port}`,
      "[::1]",
    ]) {
      assert.equal(await withHost(host), 200, `Host: ${JSON.stringify(host)}`);
    }
  });

  test("write routes are disabled without a token", async () => {
    const res = await fetch(`${server.url}api/ingest`, {
      method: "POST",
      headers: { "content-type": "text/plain", authorization: `Bearer ${TOKEN}` },
      body: "An article that must not be stored.",
    });
    assert.equal(res.status, 403);
    assert.match(((await res.json()) as Json).error, /disabled/);
    assert.equal((await ok("/api/overview")).documents, 5);
  });

  test("with a token: 401 without it, 403 with a wrong one, and the article is stored with the right one", async () => {
    writer = await startApiServer({ db: DB, port: 0, token: TOKEN });
    const post = (init: RequestInit & { path?: string }) =>
      fetch(new URL(init.path ?? "api/ingest", writer.url), { method: "POST", ...init });
    const article =
      "Tajikistan and Kyrgyzstan reopen border posts\n\nTajikistan and Kyrgyzstan reopened two border posts on Monday after months of talks. Traders in the Fergana Valley welcomed the move.";

    const none = await post({ headers: { "content-type": "text/plain" }, body: article });
    assert.equal(none.status, 401);
    assert.match(none.headers.get("www-authenticate") ?? "", /Bearer/);
    const wrong = await post({
      headers: { "content-type": "text/plain", authorization: "Bearer not-the-token" },
      body: article,
    });
    assert.equal(wrong.status, 403);
    const basic = await post({
      headers: { "content-type": "text/plain", authorization: `Basic ${TOKEN}` },
      body: article,
    });
    assert.equal(basic.status, 401);

    const auth = { authorization: `Bearer ${TOKEN}` };
    const stored = await post({
      path: "api/ingest?name=border-posts.txt",
      headers: { "content-type": "text/plain", ...auth },
      body: article,
    });
    assert.equal(stored.status, 200);
    const report = (await stored.json()) as Json;
    assert.equal(report.stored.length, 1, JSON.stringify(report));
    assert.equal(report.stored[0].source, "upload:border-posts.txt");
    const found = await get("/api/search?q=Fergana&kind=sentence", writer.url);
    assert.equal(found.body.sentences.total, 1, "the reader sees the new document");
    const again = await post({ headers: { "content-type": "text/plain", ...auth }, body: article });
    assert.equal(((await again.json()) as Json).existing.length, 1, "the same content is stored once");

    const fileUrl = await post({
      headers: { "content-type": "application/json", ...auth },
      body: JSON.stringify({ urls: ["file:///etc/passwd"] }),
    });
    assert.equal(fileUrl.status, 400);
    assert.equal(((await fileUrl.json()) as Json).parameter, "urls");
    const notJson = await post({ headers: { "content-type": "application/json", ...auth }, body: "{urls" });
    assert.equal(notJson.status, 400);
    const image = await post({ headers: { "content-type": "image/png", ...auth }, body: "png" });
    assert.equal(image.status, 415);
    const empty = await post({ headers: { "content-type": "text/plain", ...auth }, body: "" });
    assert.equal(empty.status, 400);
    const unknown = await post({
      path: "api/ingest?nmae=x",
      headers: { "content-type": "text/plain", ...auth },
      body: article,
    });
    assert.equal(((await unknown.json()) as Json).parameter, "nmae");

    const site = await startServer({
      "/article.html": (_req, res) => {
        res.writeHead(200, { "content-type": "text/html" });
        res.end(
          "<html><head><title>Caspian ferry link opens</title></head><body><article><h1>Caspian ferry link opens</h1>" +
            "<p>A new ferry line links Aktau with Baku, carrying containers across the Caspian Sea twice a week.</p>" +
            "<p>Shippers expect the crossing to cut transit times between Central Asia and the Caucasus.</p></article></body></html>",
        );
      },
    });
    try {
      // The API never fetches from loopback or private addresses (there is no --allow-private for it):
      // not a local site, not the server's own API.
      const viaUrl = await post({
        headers: { "content-type": "application/json", ...auth },
        body: JSON.stringify({ urls: [`${site.url}/article.html`, `${writer.url}api/overview`] }),
      });
      assert.equal(viaUrl.status, 200);
      const r = (await viaUrl.json()) as Json;
      assert.equal(r.stored.length, 0, JSON.stringify(r));
      assert.deepEqual(
        r.failed.map((f: Json) => f.reason),
        [
          "refused: 127.0.0.1 is a loopback address (use --allow-private to allow)",
          "refused: 127.0.0.1 is a loopback address (use --allow-private to allow)",
        ],
      );
      assert.deepEqual(site.requests, [], "the local site got no request");
    } finally {
      await site.close();
    }
    assert.equal((await get("/api/overview", writer.url)).body.documents, 6);
  });

  test("POST /api/ingest?outlet= sets the outlet of every document stored, feed items included", async () => {
    const dir = tempDir("heartland-api-outlet-");
    const db = join(dir.dir, "outlet.db");
    await (await openStore(db)).close();
    const api = await startApiServer({ db, port: 0, token: TOKEN });
    const post = (path: string, type: string, body: string) =>
      fetch(new URL(path, api.url), {
        method: "POST",
        headers: { "content-type": type, authorization: `Bearer ${TOKEN}` },
        body,
      });
    const body = (article: string) => article.split("\n\n").slice(1).join("\n\n");
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed Title Wire</title>
<item><title>Pipeline talks</title><description>${body(ARTICLE_A)}</description></item>
<item><title>Rail link</title><description>${body(ARTICLE_B)}</description></item>
</channel></rss>`;
    try {
      const text = await post(
        `api/ingest?name=ferry.txt&outlet=${encodeURIComponent("  Caspian Courier ")}`,
        "text/plain",
        "Caspian ferry link opens\n\nA new ferry line links Aktau with Baku, carrying containers across the Caspian Sea twice a week.",
      );
      assert.equal(text.status, 200, await text.clone().text());
      assert.equal(((await text.json()) as Json).stored.length, 1);
      const rss = await post("api/ingest?outlet=Steppe%20Wire", "application/rss+xml", feed);
      const report = (await rss.json()) as Json;
      assert.equal(report.stored.length, 2, JSON.stringify(report));
      const outlets = query<{ source: string; outlet: string }>(
        db,
        "SELECT source, outlet FROM documents ORDER BY rowid",
      );
      assert.deepEqual(
        outlets.map((d) => d.outlet),
        ["Caspian Courier", "Steppe Wire", "Steppe Wire"],
        JSON.stringify(outlets),
      );
      for (const bad of ["outlet=", "outlet=%20%20", `outlet=${"x".repeat(201)}`]) {
        const res = await post(`api/ingest?${bad}`, "text/plain", "Another article that must not be stored.");
        assert.equal(res.status, 400, bad);
        assert.equal(((await res.json()) as Json).parameter, "outlet", bad);
      }
      assert.equal(query<{ n: number }>(db, "SELECT count(*) AS n FROM documents")[0]?.n, 3, "nothing more stored");
    } finally {
      await api.close();
      dir.cleanup();
    }
  });

  test("POST /api/ingest never reads local files or folders, whatever the URL string", async () => {
    const dir = tempDir("heartland-api-paths-");
    const db = join(dir.dir, "paths.db");
    await (await openStore(db)).close();
    const secrets = join(dir.dir, "secrets");
    mkdirSync(secrets);
    const secret = join(secrets, "secret.txt");
    writeFileSync(
      secret,
      "Secret memo on the Caspian pipeline\n\nKazakhstan and Azerbaijan agreed in private to extend the pipeline talks.",
    );
    const up = "../".repeat(16);
    const api = await startApiServer({ db, port: 0, token: TOKEN });
    try {
      for (const urls of [
        [`http:x/${up}etc/passwd`],
        [`http:x/${up}${secret.slice(1)}`],
        [`http:x/${up}${secrets.slice(1)}`],
        [`https:${up}${secrets.slice(1)}`],
        [`http:\\x\\${up}${secret.slice(1)}`],
        ["http://"],
      ]) {
        const res = await fetch(new URL("api/ingest", api.url), {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
          body: JSON.stringify({ urls }),
        });
        const body = (await res.json()) as Json;
        assert.equal(res.status, 400, `${urls[0]}: ${JSON.stringify(body)}`);
        assert.equal(body.parameter, "urls");
      }
      assert.equal(query<{ n: number }>(db, "SELECT count(*) AS n FROM documents")[0]?.n, 0, "nothing stored");
      assert.equal(query<{ n: number }>(db, "SELECT count(*) AS n FROM sources")[0]?.n, 0, "no raw source kept");
    } finally {
      await api.close();
      dir.cleanup();
    }
  });
});

describe("heartland serve", () => {
  test("serves a store on 127.0.0.1 and stops cleanly on SIGTERM", async () => {
    const child = spawn(process.execPath, [BIN, "--db", DB, "serve", "--port", "0"], {
      env: { ...process.env, HEARTLAND_TOKEN: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (d) => {
        out += d;
        const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) resolve(m[1] as string);
      });
      child.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
    });
    assert.match(out, /read-only/);
    const res = await fetch(`${url}api/overview`);
    assert.equal(res.status, 200);
    const code = await new Promise<number | null>((resolve) => {
      child.removeAllListeners("exit");
      child.on("exit", (c) => resolve(c));
      child.kill("SIGTERM");
    });
    assert.equal(code, 0);
  });

  test("a missing store fails (exit 1) and a bad port is a usage error", async () => {
    const missing = await runCli(["--db", join(tmp.dir, "nope.db"), "serve", "--port", "0"]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /store .*nope\.db does not exist/);
    assert.equal(existsSync(join(tmp.dir, "nope.db")), false, "serve does not create a store");
    const port = await runCli(["--db", DB, "serve", "--port", "eighty"]);
    assert.equal(port.code, 2);
    assert.match(port.stderr, /--port must be/);
    const help = await runCli(["serve", "--help"]);
    assert.match(help.stdout, /--host/);
  });
});

describe("evidence cap in lists", () => {
  const capDir = tempDir("heartland-cap-");
  let capServer: RunningServer;
  const topics = ["wheat exports", "rail freight", "gas pipelines", "border crossings", "water sharing", "power lines"];
  before(async () => {
    // Six unrelated articles, each stating in its own words that Kazakhstan is a member of the SCO.
    for (const [i, topic] of topics.entries()) {
      writeFileSync(
        join(capDir.dir, `a${i}.txt`),
        `Report number ${i + 1} on ${topic} in Central Asia.\n\nKazakhstan is a member of the Shanghai Cooperation ` +
          `Organisation. Officials discussed ${topic} for ${i + 2} hours on day ${i + 3} of the talks.\n`,
      );
    }
    const db = join(capDir.dir, "cap.db");
    const store = await openStore(db);
    try {
      await runIngest(store, [capDir.dir], { maxBytes: 1024 * 1024, timeoutMs: 15_000 });
    } finally {
      await store.close();
    }
    capServer = await startApiServer({ db, port: 0, token: null });
  });
  after(async () => {
    await capServer?.close();
    capDir.cleanup();
  });

  test("lists carry at most EVIDENCE_SHOWN sentences per fact and evidenceTotal; the fact route carries all", async () => {
    const at = async (path: string) => {
      const r = await get(path, capServer.url);
      assert.equal(r.status, 200, `${path}: ${JSON.stringify(r.body)}`);
      return r.body;
    };
    const found = await at("/api/search?q=Kazakhstan&kind=entity");
    const kaz = found.entities.items.find((e: Json) => e.name === "Kazakhstan");
    assert.ok(kaz, "Kazakhstan is an entity");
    const d = await at(`/api/entities/${kaz.id}`);
    const facts: Json[] = d.relations.flatMap((g: Json) => g.items);
    const rel = facts.find((f) => f.evidenceTotal > EVIDENCE_SHOWN);
    assert.ok(
      rel,
      `a relation with more than ${EVIDENCE_SHOWN} sentences: ${JSON.stringify(facts.map((f) => f.evidenceTotal))}`,
    );
    assert.equal(rel.evidence.length, EVIDENCE_SHOWN);
    assert.equal(rel.evidenceTotal, topics.length);
    assert.equal(rel.sources, topics.length, "independent sources count every document, not the shown sentences");
    assert.equal(new Set(rel.evidence.map((e: Json) => e.canonical)).size, EVIDENCE_SHOWN, "one per source");
    const full = await at(`/api/relations/${rel.id}`);
    assert.equal(full.evidence.length, topics.length);
    assert.equal(full.evidenceTotal, topics.length);
    assert.equal(full.sources, rel.sources);
    assert.equal(full.confidence, rel.confidence, "confidence is over every sentence");
    for (const e of rel.evidence) assert.ok(full.evidence.some((f: Json) => f.doc === e.doc && f.start === e.start));
    assert.equal(d.sources.filter((s: Json) => s.facts > 0).length, topics.length, "every fact document is a source");

    const list = await at(`/api/relations?entity=${kaz.id}`);
    const listed = list.items.find((f: Json) => f.id === rel.id);
    assert.equal(listed.evidence.length, EVIDENCE_SHOWN);
    assert.equal(listed.evidenceTotal, topics.length);
    const cmp = await at(`/api/entities/${kaz.id}/sources`);
    const compared = cmp.facts.find((f: Json) => f.kind === "relation" && f.id === rel.id);
    assert.equal(compared.documents.length, topics.length, "the comparison lists every asserting document");
  });
});

describe("map places", () => {
  const placeDir = tempDir("heartland-places-");
  let placeServer: RunningServer;
  before(async () => {
    // An event in a city the gazetteer knows (Almaty), one in a region (Central Asia) and one in a village it lacks.
    writeFileSync(
      join(placeDir.dir, "almaty.txt"),
      "Protest in Almaty over fuel prices\n\n" +
        "Police detained dozens of protesters in Almaty on Tuesday, 4 January 2022, after a rally against fuel prices.\n\n" +
        "Kazakhstan and Kyrgyzstan signed a water agreement in Central Asia on Wednesday.\n\n" +
        "Kazakh police detained two activists in Moyinty on Thursday.\n",
    );
    const db = join(placeDir.dir, "places.db");
    const store = await openStore(db);
    try {
      await runIngest(store, [placeDir.dir], { maxBytes: 1024 * 1024, timeoutMs: 15_000 });
    } finally {
      await store.close();
    }
    placeServer = await startApiServer({ db, port: 0, token: null });
  });
  after(async () => {
    await placeServer?.close();
    placeDir.cleanup();
  });

  const places = async (query = "") => {
    const r = await get(`/api/map/places${query}`, placeServer.url);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body;
  };

  test("an event's city is placed at the gazetteer's coordinates; a region and an unknown village are not", async () => {
    const m = await places();
    assert.equal(m.focus, null);
    const almaty = m.places.find((p: Json) => p.name === "Almaty");
    assert.ok(almaty, JSON.stringify(m));
    assert.ok(Math.abs(almaty.lat - 43.25) < 0.1 && Math.abs(almaty.lon - 76.92) < 0.1, JSON.stringify(almaty));
    assert.equal(almaty.country, "KAZ");
    assert.ok(almaty.events >= 1 && almaty.mentions >= 2 && almaty.documents === 1, JSON.stringify(almaty));
    assert.equal(typeof almaty.id, "number");
    assert.match(almaty.key, /almaty/);
    const unplaced = m.unplaced.map((p: Json) => p.name).sort();
    assert.ok(unplaced.includes("Moyinty"), JSON.stringify(m.unplaced));
    assert.ok(unplaced.includes("Central Asia"), "a region is never looked up as a town");
    assert.ok(!m.places.some((p: Json) => p.name === "Kazakhstan"), "countries are left to /api/map");
    for (const p of m.unplaced) assert.deepEqual(Object.keys(p).sort(), ["events", "id", "key", "name"]);
  });

  test("limit and focus narrow the list; a focus must exist", async () => {
    const all = await places();
    const one = await places("?limit=1");
    assert.equal(one.places.length + one.unplaced.length, 1);
    assert.ok(all.places.length + all.unplaced.length >= 3);
    const almaty = all.places.find((p: Json) => p.name === "Almaty");
    const focused = await places(`?entity=${almaty.id}`);
    assert.equal(focused.focus, almaty.id);
    assert.deepEqual(
      focused.places.map((p: Json) => p.name),
      ["Almaty"],
    );
    assert.equal((await get("/api/map/places?entity=999999", placeServer.url)).status, 404);
    assert.equal((await get("/api/map/places?limit=0", placeServer.url)).status, 400);
  });

  test("on the fixture: Osh is placed in Kyrgyzstan", async () => {
    const m = await ok("/api/map/places");
    const osh = m.places.find((p: Json) => p.name === "Osh");
    assert.ok(osh, JSON.stringify(m));
    assert.ok(Math.abs(osh.lat - 40.53) < 0.1 && Math.abs(osh.lon - 72.8) < 0.1, JSON.stringify(osh));
  });
});
