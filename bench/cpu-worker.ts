// A worker thread doing the CPU part of ingest (decode, clean, annotate, fingerprint, extract) for the scaling
// measurement: no store, no file reading. Messages in: {kind: "warm", items} (process, untimed), {kind: "load", items}
// (keep for the timed run), {kind: "go"}; out: {kind: "ready"} once the model is loaded, "warmed", "loaded", and
// {kind: "done", ms, docs, sentences} after the timed run.
import { parentPort } from "node:worker_threads";
import { extractFacts } from "../src/extract/index.js";
import { decodeText } from "../src/ingest/decode.js";
import { bands } from "../src/ingest/fingerprint.js";
import { articlesOf, buildDocument } from "../src/ingest/pipeline.js";
import { wink } from "../src/nlp/wink.js";

export type WorkerIn = { kind: "warm" | "load"; items: Uint8Array[] } | { kind: "go" };
export type WorkerOut =
  | { kind: "ready" }
  | { kind: "warmed" }
  | { kind: "loaded" }
  | { kind: "done"; ms: number; docs: number; sentences: number };

function cpuPart(items: Uint8Array[]): { docs: number; sentences: number } {
  let docs = 0;
  let sentences = 0;
  for (const [i, bytes] of items.entries()) {
    const decoded = decodeText(bytes);
    if (!decoded.ok) continue;
    const uri = `bench:${i}`;
    for (const article of articlesOf(decoded.text, "text/plain", uri)) {
      if (!article.text.trim()) continue;
      const { doc, annotation } = buildDocument(article, uri, "text/plain");
      bands(doc.signature);
      const facts = extractFacts(doc, annotation);
      docs++;
      sentences += doc.sentences.length;
      if (facts.entities.length < 0) throw new Error("unreachable");
    }
  }
  return { docs, sentences };
}

const port = parentPort;
if (port) {
  wink();
  let loaded: Uint8Array[] = [];
  port.on("message", (msg: WorkerIn) => {
    if (msg.kind === "warm") {
      cpuPart(msg.items);
      port.postMessage({ kind: "warmed" } satisfies WorkerOut);
    } else if (msg.kind === "load") {
      loaded = msg.items;
      port.postMessage({ kind: "loaded" } satisfies WorkerOut);
    } else {
      const t0 = performance.now();
      const r = cpuPart(loaded);
      loaded = [];
      port.postMessage({ kind: "done", ms: performance.now() - t0, ...r } satisfies WorkerOut);
    }
  });
  port.postMessage({ kind: "ready" } satisfies WorkerOut);
}
