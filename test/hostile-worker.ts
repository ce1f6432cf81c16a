// Runs one hostile input through every text stage in a worker thread, so the test can stop it when it overruns:
// a synchronous quadratic pass cannot be interrupted inside the test's own thread.
import assert from "node:assert/strict";
import { parentPort, workerData } from "node:worker_threads";
import { longDocument, longLine } from "../bench/hostile.js";
import { extractFacts } from "../src/extract/index.js";
import { decodeText } from "../src/ingest/decode.js";
import { contentHash, minhash } from "../src/ingest/fingerprint.js";
import { articlesOf, buildDocument } from "../src/ingest/pipeline.js";
import { detectDamage } from "../src/ingest/text/quality.js";

export interface HostileJob {
  /** A line of `unit` repeated, or a document from the synthetic corpus. */
  kind: "line" | "document";
  unit?: string;
  bytes: number;
  contentTypes: string[];
}

export interface HostileResult {
  articles: number;
  tokens: number;
  facts: number;
}

/** Runs a text through every stage, checking each result holds together. */
function everyStage(text: string, contentType: string): HostileResult {
  const decoded = decodeText(Buffer.from(text, "utf8"));
  assert.ok(decoded.ok, "decodes");
  const articles = articlesOf(decoded.text, contentType, `hostile.${contentType.split("/")[1]}`);
  let tokens = 0;
  let facts = 0;
  for (const article of articles) {
    assert.equal(typeof detectDamage(article.text).score, "number");
    assert.ok(contentHash(article.text).length > 0);
    assert.ok(minhash(article.text).length > 0);
    const { doc, annotation } = buildDocument(article, "hostile", contentType);
    for (const t of annotation.tokens) {
      assert.ok(t.start >= 0 && t.end <= article.text.length && t.start < t.end, `token ${t.start}-${t.end} is inside`);
    }
    tokens += annotation.tokens.length;
    const out = extractFacts(doc, annotation);
    for (const m of out.mentions) assert.equal(article.text.slice(m.start, m.end), m.text);
    facts += out.relations.length + out.events.length + out.quotes.length + out.quantities.length;
  }
  return { articles: articles.length, tokens, facts };
}

if (parentPort) {
  const job = workerData as HostileJob;
  const text = job.kind === "line" ? longLine(job.bytes, job.unit) : longDocument(job.bytes);
  const results = job.contentTypes.map((type) => everyStage(text, type));
  parentPort.postMessage(results);
}
