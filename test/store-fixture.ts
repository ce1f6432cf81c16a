// Documents for test/store.test.ts, and the process its batching test kills in the middle of a batch.
// As a process: `node --import tsx test/store-fixture.ts <db> <committed> <open>` saves documents 0..committed-1
// in a bulk load whose batches commit every `committed` documents, then `open` more into the next batch, prints
// "open" and waits to be killed with that batch uncommitted.
import { pathToFileURL } from "node:url";
import { SqliteStore } from "../src/store/sqlite.js";
import type { DocFacts, Document, EntityRef } from "../src/types.js";

const ENTITIES: EntityRef[] = [
  { key: "country/RUS", type: "country", name: "Russia" },
  { key: "country/ARM", type: "country", name: "Armenia" },
];

/** A plain-text document of one sentence, stored from a source of its own. */
export function oneSentenceDocument(id: string, text: string, published: string | null): Document {
  return {
    id,
    source: `${id}.txt`,
    contentType: "text/plain",
    text,
    flags: [],
    duplicateOf: null,
    contentHash: `hash-${id}`,
    signature: [],
    sentences: [{ index: 0, start: 0, end: text.length, text }],
    title: null,
    authors: [],
    outlet: null,
    published,
  };
}

export const sourceOf = (doc: Document) => ({
  uri: doc.source,
  contentType: "text/plain",
  raw: new TextEncoder().encode(`${doc.id} ${doc.text}`),
});

/** Document `i`: one sentence in which Russia (named "Moscow" in odd ones) acts towards Armenia on day i. */
export function batchDocument(i: number): { doc: Document; facts: DocFacts } {
  const id = `batch-${i}`;
  const actor = i % 2 ? "Moscow" : "Russia";
  const date = `2023-01-${String((i % 28) + 1).padStart(2, "0")}`;
  const text = `${actor} sent envoys to Armenia on ${date} for round ${i} of the corridor talks.`;
  const doc = oneSentenceDocument(id, text, date);
  const armenia = text.indexOf("Armenia");
  const evidence = { doc: id, start: 0, end: text.length, text };
  const facts: DocFacts = {
    entities: ENTITIES,
    mentions: [
      { key: "country/RUS", start: 0, end: actor.length, text: actor, method: "kb" },
      { key: "country/ARM", start: armenia, end: armenia + 7, text: "Armenia", method: "kb" },
    ],
    relations: [
      {
        type: "borders",
        subject: "country/RUS",
        object: "country/ARM",
        negated: false,
        attrs: {},
        confidence: 0.8,
        evidence,
      },
    ],
    events: [
      {
        type: "032",
        actors: ["country/RUS"],
        targets: ["country/ARM"],
        date,
        dateSource: "text",
        location: null,
        negated: false,
        hypothetical: false,
        confidence: 0.9,
        evidence,
      },
    ],
    quotes: [],
    quantities: [],
  };
  return { doc, facts };
}

async function main(): Promise<void> {
  const [db, committed, open] = process.argv.slice(2);
  const store = new SqliteStore(db as string, { batchDocs: Number(committed), batchMs: 3_600_000 });
  await store.bulk(async () => {
    for (let i = 0; i < Number(committed) + Number(open); i++) {
      const { doc, facts } = batchDocument(i);
      await store.saveDocument(sourceOf(doc), doc, [], facts);
    }
    process.stdout.write("open\n");
    await new Promise(() => setInterval(() => {}, 1000));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
