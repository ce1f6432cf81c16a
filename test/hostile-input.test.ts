// Every text stage on hostile sizes: a 1 MB line without a space and a 1 MB document. A quadratic pattern or scan
// turned these into minutes (an e-mail pattern took 725 s on a 1 MB line); here each must finish and give sane
// output. The time each takes is measured by the benchmark (`npm run bench:large`); these tests only bound it
// loosely, so a regression back to quadratic work fails by timing out instead of hanging the suite.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { describe, it } from "node:test";
import { longDocument } from "../bench/hostile.js";
import type { ExtractContext, ResolvedMention } from "../src/extract/context.js";
import { mentionsIn } from "../src/extract/context.js";
import { extractFacts } from "../src/extract/index.js";
import { runIngest } from "../src/ingest/run.js";
import { analyseSection, joinSections, SECTION_CHARS, sectionBounds } from "../src/ingest/sections.js";
import { annotate, MAX_RUN } from "../src/nlp/annotate.js";
import { SqliteStore } from "../src/store/sqlite.js";
import type { Sentence } from "../src/types.js";
import { moduleWorker } from "../src/util/module-worker.js";
import { inTextOrder, lastStartingBefore, spansWithin } from "../src/util/spans.js";
import { query, tempDir } from "./helpers.js";
import type { HostileJob, HostileResult } from "./hostile-worker.js";

const MB = 1024 * 1024;
/** Far above what a linear pass takes (a few seconds), far below what the quadratic passes took (many minutes). */
const BOUND_MS = 120_000;

/** Runs the job in a worker thread, ended when it overruns BOUND_MS. */
function bounded(job: HostileJob): Promise<HostileResult[]> {
  return new Promise((resolve, reject) => {
    const worker = moduleWorker(new URL("./hostile-worker.ts", import.meta.url), job);
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`${job.kind} ${JSON.stringify(job.unit ?? "")}: not done after ${BOUND_MS / 1000} s`));
    }, BOUND_MS);
    worker.once("message", (r: HostileResult[]) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    });
    worker.once("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

const TYPES = ["text/plain", "text/markdown", "text/html"];

describe("hostile input: a 1 MB line without a space", () => {
  for (const unit of ["a", "a@b.", "A.", "a-", "<a"]) {
    it(`${JSON.stringify(unit)} repeated, as text, Markdown and HTML`, async () => {
      const results = await bounded({ kind: "line", unit, bytes: MB, contentTypes: TYPES });
      assert.equal(results.length, TYPES.length);
      for (const r of results) assert.ok(r.articles <= 1, "one article at most");
    });
  }

  it("cuts a run longer than MAX_RUN into pieces, keeping the words around it in place", () => {
    const run = "x".repeat(MAX_RUN * 3 + 5);
    const text = `Officials met in Velsk on Tuesday. ${run} The talks resumed on Friday.`;
    const a = annotate(text);
    const words = a.tokens.map((t) => text.slice(t.start, t.end));
    assert.ok(words.includes("Officials") && words.includes("Velsk") && words.includes("Friday"));
    for (const t of a.tokens) assert.equal(text.slice(t.start, t.end), t.text, `token ${t.text} is where it says`);
    const pieces = a.tokens.filter((t) => t.text.startsWith("x"));
    assert.ok(pieces.length >= 4, `the run is cut into ${pieces.length} pieces`);
    assert.ok(pieces.every((t) => t.end - t.start <= MAX_RUN));
  });
});

describe("hostile input: a 1 MB document", () => {
  it("runs through every stage and yields facts throughout", async () => {
    const [r] = await bounded({ kind: "document", bytes: MB, contentTypes: ["text/plain"] });
    assert.ok(r);
    assert.equal(r.articles, 1);
    assert.ok(r.tokens > 100_000, `${r.tokens} tokens`);
    assert.ok(r.facts > 1_000, `${r.facts} facts`);
  });
});

describe("mentionsIn", () => {
  /** A context whose mention list counts how many of its elements are read. */
  function counted(n: number) {
    const mentions: ResolvedMention[] = [];
    for (let i = 0; i < n; i++) {
      mentions.push({
        key: `e${i % 7}`,
        start: i * 10,
        end: i * 10 + 4 + (i % 3 === 0 ? 9 : 0), // every third mention runs past its ten characters
        text: "name",
        method: "kb",
        entity: { key: `e${i % 7}`, type: "country", name: "Name" },
        sentence: 0,
        form: "name",
      });
    }
    let reads = 0;
    const proxy = new Proxy(mentions, {
      get(target, prop, receiver) {
        if (typeof prop === "string" && /^\d+$/.test(prop)) reads++;
        return Reflect.get(target, prop, receiver);
      },
    });
    const ctx = { mentions: proxy } as unknown as ExtractContext;
    return { ctx, mentions, reads: () => reads };
  }

  it("finds exactly the mentions a full scan finds", () => {
    const { ctx, mentions } = counted(500);
    for (const [start, end] of [
      [0, 40],
      [35, 36],
      [995, 1_203],
      [1_000, 1_000],
      [4_990, 6_000],
      [-5, 3],
    ] as const) {
      const sentence = { index: 0, start, end, text: "" } as Sentence;
      const expected = mentions.filter((m) => m.start >= start && m.end <= end);
      assert.deepEqual(mentionsIn(ctx, sentence), expected, `${start}-${end}`);
    }
  });

  it("reads only the mentions near the sentence, not every mention of the document", () => {
    const { ctx, mentions, reads } = counted(100_000);
    const found = mentionsIn(ctx, { index: 0, start: 500_000, end: 500_100, text: "" } as Sentence);
    assert.equal(found.length, mentions.filter((m) => m.start >= 500_000 && m.end <= 500_100).length);
    assert.ok(found.length > 5);
    assert.ok(reads() < 100, `${reads()} mentions read for one sentence`);
  });
});

describe("spans in text order", () => {
  const spans = [
    { start: 0, end: 5 },
    { start: 3, end: 4 },
    { start: 3, end: 12 },
    { start: 10, end: 14 },
    { start: 20, end: 21 },
  ];

  it("spansWithin gives what a filter gives", () => {
    for (let a = -2; a < 24; a++) {
      for (let b = a; b < 26; b++) {
        assert.deepEqual(
          spansWithin(spans, a, b),
          spans.filter((s) => s.start >= a && s.end <= b),
          `${a}-${b}`,
        );
      }
    }
  });

  it("lastStartingBefore gives the last index whose span starts before the offset", () => {
    for (let at = -1; at < 25; at++) {
      let expected = -1;
      spans.forEach((s, i) => {
        if (s.start < at) expected = i;
      });
      assert.equal(lastStartingBefore(spans, at), expected, `at ${at}`);
    }
  });

  it("inTextOrder keeps an ordered list and sorts one that is not", () => {
    assert.equal(inTextOrder(spans), spans);
    const shuffled = [spans[3], spans[0], spans[4], spans[2], spans[1]] as typeof spans;
    assert.deepEqual(
      inTextOrder(shuffled).map((s) => s.start),
      [0, 3, 3, 10, 20],
    );
  });
});

describe("long documents in sections", () => {
  it("cuts at blank lines near the section size, covering the text without gaps", () => {
    const para = "The delegations met again on Tuesday and agreed to continue the talks.";
    const text = Array.from({ length: 400 }, (_, i) => `${para} (${i})`).join("\n\n");
    const bounds = sectionBounds(text, 5_000);
    assert.ok(bounds.length > 4);
    assert.equal(bounds[0]?.start, 0);
    assert.equal(bounds[bounds.length - 1]?.end, text.length);
    for (const [i, b] of bounds.entries()) {
      if (i > 0) assert.equal(b.start, bounds[i - 1]?.end, "contiguous");
      if (i < bounds.length - 1) {
        assert.ok(b.end - b.start >= 5_000 && b.end - b.start <= 6_250, `section ${i} is ${b.end - b.start}`);
        assert.equal(text.slice(b.end, b.end + 2), "\n\n", "cut at a blank line");
      }
    }
    // No break anywhere: cut at the size.
    assert.deepEqual(
      sectionBounds("x".repeat(12_000), 5_000).map((b) => b.end - b.start),
      [5_000, 5_000, 2_000],
    );
  });

  it("joined sections give the sentences of the whole text, and facts with document offsets", () => {
    const text = longDocument(60_000);
    const bounds = sectionBounds(text, 20_000);
    assert.ok(bounds.length >= 3);
    const joined = joinSections(
      bounds.map((b) => ({
        at: b.start,
        result: analyseSection(
          { docId: "doc-x", published: "2022-01-14", text: text.slice(b.start, b.end) },
          extractFacts,
        ),
      })),
    );
    const whole = annotate(text).sentences;
    assert.deepEqual(
      joined.sentences.map((s) => [s.index, s.start, s.end]),
      whole.map((s) => [s.index, s.start, s.end]),
    );
    assert.ok(joined.facts.mentions.length > 100);
    for (const m of joined.facts.mentions) assert.equal(text.slice(m.start, m.end), m.text);
    const facts = [
      ...joined.facts.relations,
      ...joined.facts.events,
      ...joined.facts.quotes,
      ...joined.facts.quantities,
    ];
    assert.ok(facts.length > 50);
    for (const f of facts) assert.equal(text.slice(f.evidence.start, f.evidence.end), f.evidence.text);
    const keys = joined.facts.entities.map((e) => e.key);
    assert.equal(new Set(keys).size, keys.length, "each entity once");
    for (const m of joined.facts.mentions) assert.ok(keys.includes(m.key), `${m.key} is listed`);
  });

  it("a document over the section size is stored whole, its evidence pointing into it", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = `${dir}/long.txt`;
      const text = longDocument(Math.round(SECTION_CHARS * 2.5));
      writeFileSync(file, text);
      const db = `${dir}/kb.db`;
      const store = new SqliteStore(db);
      const report = await runIngest(store, [file], { timeoutMs: 1_000, maxBytes: 20 * MB });
      await store.close();
      assert.equal(report.stored.length, 1, JSON.stringify(report.failed));
      const [doc] = query<{ text: string }>(db, "SELECT text FROM documents");
      assert.ok(doc && doc.text.length > SECTION_CHARS * 2);
      const spans = query<{ start: number; end: number; text: string }>(
        db,
        'SELECT start, "end", text FROM evidence LIMIT 2000',
      );
      assert.ok(spans.length > 100);
      for (const e of spans) assert.equal((doc as { text: string }).text.slice(e.start, e.end), e.text);
      const last = query<{ n: number }>(db, "SELECT max(start) AS n FROM mentions")[0]?.n ?? 0;
      assert.ok(last > SECTION_CHARS * 2, "the last section's mentions are stored at document offsets");
    } finally {
      cleanup();
    }
  });
});
