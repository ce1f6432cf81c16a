// A store whose neighbourhood at depth 2 has hundreds of nodes, for the graph view: a union of blocs, each bloc with
// dozens of members that trade along a chain. Each bloc has a founding report and, months later, a follow-up that
// restates its memberships (so those relations have two independent sources and a date range), and the blocs'
// events against each other.
import { SqliteStore } from "../../src/store/sqlite.js";
import type { DocFacts, Document, EntityRef, EntityType } from "../../src/types.js";
import { sha256, splitSentences } from "./fixture.js";

const SYLLABLES = ["ka", "ro", "tu", "mi", "sel", "dan", "vor", "ish", "ly", "pan", "qu", "zet", "ob", "ar", "nen"];
const TYPES: EntityType[] = ["country", "person", "organization", "location", "facility"];

/** A made-up but readable name, varied in length, distinct for each i. */
function name(i: number): string {
  const a = SYLLABLES[i % SYLLABLES.length] as string;
  const b = SYLLABLES[Math.floor(i / SYLLABLES.length) % SYLLABLES.length] as string;
  const c = i % 3 === 0 ? ` ${SYLLABLES[(i * 7) % SYLLABLES.length]}${SYLLABLES[(i * 5) % SYLLABLES.length]}` : "";
  const word = `${a}${b}${a.length > 2 ? "" : "ra"}`;
  return `${word[0]?.toUpperCase()}${word.slice(1)}${c} ${i}`;
}

interface Rel {
  type: DocFacts["relations"][number]["type"];
  subject: EntityRef;
  object: EntityRef;
}

function article(
  title: string,
  published: string,
  rels: Rel[],
  events: { actor: EntityRef; target: EntityRef; date: string }[],
) {
  const sentences = [
    title,
    ...rels.map((r) => `${r.subject.name} ${r.type.replace(/_/g, " ")} ${r.object.name}.`),
    ...events.map((e) => `${e.actor.name} criticised ${e.target.name}.`),
  ];
  const text = sentences.join("\n\n");
  const hash = sha256(text);
  const doc: Document = {
    id: `doc-${hash.slice(0, 16)}`,
    source: `fixtures/dense/${hash.slice(0, 8)}.txt`,
    contentType: "text/plain",
    title,
    authors: [],
    outlet: "Dense Wire",
    published,
    text,
    flags: [],
    duplicateOf: null,
    contentHash: hash,
    signature: [],
    sentences: splitSentences(text),
  };
  const evidence = (i: number) => {
    const s = doc.sentences[i + 1];
    if (!s) throw new Error(`dense fixture: no sentence ${i + 1}`);
    return { doc: doc.id, start: s.start, end: s.end, text: s.text };
  };
  const entities = new Map<string, EntityRef>();
  const mentions: DocFacts["mentions"] = [];
  const mention = (e: EntityRef, sentence: number) => {
    entities.set(e.key, e);
    const s = doc.sentences[sentence + 1];
    const at = s ? text.indexOf(e.name, s.start) : -1;
    if (at >= 0) mentions.push({ key: e.key, start: at, end: at + e.name.length, text: e.name, method: "kb-alias" });
  };
  rels.forEach((r, i) => {
    mention(r.subject, i);
    mention(r.object, i);
  });
  events.forEach((e, i) => {
    mention(e.actor, rels.length + i);
    mention(e.target, rels.length + i);
  });
  const facts: DocFacts = {
    entities: [...entities.values()],
    mentions,
    relations: rels.map((r, i) => ({
      type: r.type,
      subject: r.subject.key,
      object: r.object.key,
      negated: false,
      attrs: {},
      confidence: 0.8,
      evidence: evidence(i),
    })),
    events: events.map((e, i) => ({
      type: "11",
      actors: [e.actor.key],
      targets: [e.target.key],
      date: e.date,
      location: null,
      negated: false,
      hypothetical: false,
      confidence: 0.7,
      evidence: evidence(rels.length + i),
    })),
    quotes: [],
    quantities: [],
  };
  return { doc, facts };
}

export interface DenseGraph {
  /** The union's entity id: the centre to draw. */
  root: number;
  nodes: number;
  relations: number;
}

export async function buildDenseStore(dbPath: string, blocs = 8, members = 34): Promise<DenseGraph> {
  const union: EntityRef = { key: "organization/dense-union", type: "organization", name: "Union of Blocs" };
  const hubs: EntityRef[] = Array.from({ length: blocs }, (_, b) => ({
    key: `organization/bloc-${b}`,
    type: "organization",
    name: `Bloc ${name(1000 + b)}`,
  }));
  const articles: ReturnType<typeof article>[] = [];
  let relations = 0;
  hubs.forEach((hub, b) => {
    const people: EntityRef[] = Array.from({ length: members }, (_, m) => {
      const i = b * members + m;
      const type = TYPES[i % TYPES.length] as EntityType;
      return { key: `${type}/dense-${i}`, type, name: name(i) };
    });
    const memberships: Rel[] = people.map((p) => ({ type: "member_of", subject: p, object: hub }));
    const trade: Rel[] = people.slice(1).map((p, i) => ({
      type: "trade_partner",
      subject: people[i] as EntityRef,
      object: p,
    }));
    const year = 2022 + Math.floor((b * 3) / 12);
    const month = String(((b * 3) % 12) + 1).padStart(2, "0");
    const founding: Rel = { type: "member_of", subject: hub, object: union };
    const next = hubs[(b + 1) % hubs.length] as EntityRef;
    articles.push(
      article(
        `${hub.name} founded`,
        `${year}-${month}-10`,
        [founding, ...memberships, ...trade],
        [{ actor: hub, target: next, date: `${year}-${month}-09` }],
      ),
      article(`${hub.name} a year on`, `${year + 1}-${month}-12`, memberships, []),
    );
    relations += 1 + memberships.length + trade.length;
  });
  const store = new SqliteStore(dbPath);
  try {
    for (const { doc, facts } of articles) {
      await store.saveDocument(
        { uri: doc.source, contentType: doc.contentType, raw: Buffer.from(doc.text) },
        doc,
        [],
        facts,
      );
    }
    const root = store.db.prepare("SELECT id FROM entities WHERE key = ?").pluck().get(union.key) as number;
    return { root, nodes: 1 + blocs * (members + 1), relations };
  } finally {
    await store.close();
  }
}
