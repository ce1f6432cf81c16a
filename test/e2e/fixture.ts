// A small hand-written knowledge base for the API, UI and benchmark tests: five original articles (one a
// syndicated copy) with their entities, mentions and facts, stored through SqliteStore.saveDocument.
import { createHash } from "node:crypto";
import { SqliteStore } from "../../src/store/sqlite.js";
import type { DocFacts, Document, EntityRef, Evidence, Sentence } from "../../src/types.js";

export const ENTITIES = {
  KAZ: { key: "country/KAZ", type: "country", name: "Kazakhstan", qid: "Q232" },
  CHN: { key: "country/CHN", type: "country", name: "China", qid: "Q148" },
  RUS: { key: "country/RUS", type: "country", name: "Russia", qid: "Q159" },
  KGZ: { key: "country/KGZ", type: "country", name: "Kyrgyzstan", qid: "Q813" },
  UZB: { key: "country/UZB", type: "country", name: "Uzbekistan", qid: "Q265" },
  CSTO: { key: "organization/csto", type: "organization", name: "Collective Security Treaty Organization" },
  SCO: { key: "organization/sco", type: "organization", name: "Shanghai Cooperation Organisation" },
  TOKAYEV: { key: "person/kassym-jomart-tokayev", type: "person", name: "Kassym-Jomart Tokayev" },
  SAIDOV: { key: "person/bakhtiyor-saidov", type: "person", name: "Bakhtiyor Saidov" },
  XI: { key: "person/xi-jinping", type: "person", name: "Xi Jinping" },
  KHORGOS: { key: "location/khorgos", type: "location", name: "Khorgos" },
  OSH: { key: "location/osh", type: "location", name: "Osh" },
  ASTANA: { key: "location/astana", type: "location", name: "Astana" },
  BRI: { key: "initiative/belt-and-road", type: "initiative", name: "Belt and Road Initiative" },
} satisfies Record<string, EntityRef>;

export type EntityName = keyof typeof ENTITIES;

/** Surface forms that stand for an entity without naming it, with the method the entity stage gives them. */
const STAND_INS: Partial<Record<EntityName, Record<string, string>>> = {
  CHN: { Beijing: "kb-metonym" },
  RUS: { Moscow: "kb-metonym", Russian: "kb-demonym" },
  KAZ: { Astana: "kb-metonym", Kazakh: "kb-demonym" },
  KGZ: { Kyrgyz: "kb-demonym" },
  UZB: { Uzbek: "kb-demonym" },
};

/** A fact is placed in the sentence holding `at`. */
interface Placed {
  at: string;
  confidence?: number;
}

export interface ArticleDef {
  source: string;
  title: string;
  outlet: string | null;
  published: string | null;
  text: string;
  /** Index (in the list) of the article this one is a near-copy of. */
  copyOf?: number;
  /** Surface forms of each entity in this text. */
  names: Partial<Record<EntityName, string[]>>;
  relations?: (Placed & {
    type: DocFacts["relations"][number]["type"];
    subject: EntityName;
    object: EntityName;
    negated?: boolean;
    attrs?: Record<string, string>;
  })[];
  events?: (Placed & {
    type: string;
    actors: EntityName[];
    targets?: EntityName[];
    date?: string;
    /** Where the date comes from; absent: the text ("text"). */
    dateSource?: "text" | "published";
    location?: EntityName;
    negated?: boolean;
    hypothetical?: boolean;
    trigger?: string;
  })[];
  quotes?: (Placed & { speaker: EntityName; text: string })[];
  quantities?: (Placed & {
    value: number;
    unit: string;
    measure: string;
    subjects: EntityName[];
    time?: string;
  })[];
}

const TRADE_TEXT = [
  "Kazakhstan and China sign customs accord for Khorgos crossing",
  "Kazakhstan and China signed a customs accord in Astana on 17 May, promising faster clearance for lorries at the Khorgos crossing.",
  'President Kassym-Jomart Tokayev said the deal would "turn the border into a bridge rather than a wall".',
  "Beijing pledged to finance a second rail track to the crossing under the Belt and Road Initiative.",
  "Officials put bilateral trade between the two countries at $31 billion last year, a record.",
  "Russia, which shares a customs union with Kazakhstan, did not comment on the accord.",
  "Kazakhstan is a member of the Collective Security Treaty Organization, while China is not.",
];

export const ARTICLES: ArticleDef[] = [
  {
    source: "fixtures/steppe-ledger/customs-accord.txt",
    title: TRADE_TEXT[0] as string,
    outlet: "Steppe Ledger",
    published: "2023-05-18",
    text: TRADE_TEXT.join("\n\n"),
    names: {
      KAZ: ["Kazakhstan"],
      CHN: ["China", "Beijing"],
      RUS: ["Russia"],
      TOKAYEV: ["Kassym-Jomart Tokayev"],
      KHORGOS: ["Khorgos"],
      ASTANA: ["Astana"],
      BRI: ["Belt and Road Initiative"],
      CSTO: ["Collective Security Treaty Organization"],
    },
    relations: [
      { type: "trade_partner", subject: "KAZ", object: "CHN", at: "bilateral trade between", confidence: 0.8 },
      { type: "member_of", subject: "KAZ", object: "CSTO", at: "while China is not", confidence: 0.9 },
      { type: "member_of", subject: "CHN", object: "CSTO", negated: true, at: "while China is not", confidence: 0.85 },
      { type: "invests_in", subject: "CHN", object: "KAZ", at: "second rail track", confidence: 0.7 },
      {
        type: "holds_position",
        subject: "TOKAYEV",
        object: "KAZ",
        attrs: { role: "president" },
        at: "President Kassym-Jomart",
        confidence: 0.9,
      },
      { type: "located_in", subject: "KHORGOS", object: "KAZ", at: "faster clearance", confidence: 0.6 },
    ],
    events: [
      {
        type: "05",
        actors: ["KAZ", "CHN"],
        date: "2023-05-17",
        location: "ASTANA",
        at: "signed a customs accord",
        trigger: "signed",
      },
      { type: "03", actors: ["CHN"], targets: ["KAZ"], date: "2023-05", at: "Beijing pledged", trigger: "pledged" },
      { type: "01", actors: ["RUS"], date: "2023-05", negated: true, at: "did not comment", trigger: "comment" },
    ],
    quotes: [{ speaker: "TOKAYEV", text: "turn the border into a bridge rather than a wall", at: "bridge rather" }],
    quantities: [
      {
        value: 31_000_000_000,
        unit: "USD",
        measure: "bilateral trade",
        subjects: ["KAZ", "CHN"],
        time: "2022",
        at: "$31 billion",
      },
    ],
  },
  {
    source: "https://caspian-wire.example/2023/05/customs-accord",
    title: "Kazakhstan, China agree customs accord (syndicated)",
    outlet: "Caspian Wire",
    published: "2023-05-19",
    text: [...TRADE_TEXT.slice(1), "This report first appeared in Steppe Ledger."].join("\n\n"),
    copyOf: 0,
    names: { KAZ: ["Kazakhstan"], CHN: ["China", "Beijing"], TOKAYEV: ["Kassym-Jomart Tokayev"] },
    relations: [
      { type: "trade_partner", subject: "KAZ", object: "CHN", at: "bilateral trade between", confidence: 0.8 },
    ],
    quotes: [{ speaker: "TOKAYEV", text: "turn the border into a bridge rather than a wall", at: "bridge rather" }],
  },
  {
    source: "fixtures/pamir-courier/border-talks.html",
    title: "Kyrgyzstan and Uzbekistan hold border talks as CSTO drills begin",
    outlet: "Pamir Courier",
    published: "2023-09-02",
    text: [
      "Kyrgyzstan and Uzbekistan hold border talks as CSTO drills begin",
      "Kyrgyz and Uzbek officials met in Osh on 1 September to settle the last disputed stretches of their shared border.",
      "The talks came as the Collective Security Treaty Organization began exercises in Kyrgyzstan involving 2,000 troops.",
      "Russia sent armoured units to the drills, the organisation said.",
      "Uzbekistan, which left the Collective Security Treaty Organization in 2012, did not take part.",
      'Foreign Minister Bakhtiyor Saidov called the border talks "the most productive in a decade".',
    ].join("\n\n"),
    names: {
      KGZ: ["Kyrgyzstan", "Kyrgyz"],
      UZB: ["Uzbekistan", "Uzbek"],
      CSTO: ["CSTO", "Collective Security Treaty Organization"],
      RUS: ["Russia"],
      OSH: ["Osh"],
      SAIDOV: ["Bakhtiyor Saidov"],
    },
    relations: [
      { type: "borders", subject: "KGZ", object: "UZB", at: "disputed stretches", confidence: 0.8 },
      { type: "member_of", subject: "KGZ", object: "CSTO", at: "began exercises", confidence: 0.6 },
      { type: "member_of", subject: "UZB", object: "CSTO", negated: true, at: "which left", confidence: 0.8 },
      {
        type: "holds_position",
        subject: "SAIDOV",
        object: "UZB",
        attrs: { role: "foreign minister" },
        at: "Foreign Minister",
        confidence: 0.7,
      },
    ],
    events: [
      {
        type: "04",
        actors: ["KGZ", "UZB"],
        date: "2023-09-01",
        location: "OSH",
        at: "officials met in Osh",
        trigger: "met",
      },
      { type: "15", actors: ["CSTO"], targets: [], date: "2023-09", location: "KGZ", at: "began exercises" },
      { type: "15", actors: ["RUS"], targets: ["KGZ"], date: "2023-09", at: "armoured units", trigger: "sent" },
    ],
    quotes: [{ speaker: "SAIDOV", text: "the most productive in a decade", at: "most productive" }],
    quantities: [
      { value: 2000, unit: "troops", measure: "exercise size", subjects: ["CSTO"], time: "2023", at: "2,000 troops" },
    ],
  },
  {
    source: "fixtures/steppe-ledger/transit-warning.md",
    title: "Moscow warns Astana over transit of sanctioned goods",
    outlet: "Steppe Ledger",
    published: "2024-02-10",
    text: [
      "Moscow warns Astana over transit of sanctioned goods",
      "Russia criticised Kazakhstan on Friday for tightening checks on goods bound for Russian buyers.",
      "The Kazakh finance ministry said it would keep enforcing export controls.",
      "Moscow threatened to restrict Kazakh grain shipments if the checks continued.",
      "Analysts said Russia might also review its oil transit deal with Kazakhstan, though no decision has been made.",
      'Russia\'s foreign ministry said Kazakhstan "must respect its obligations to its partners".',
    ].join("\n\n"),
    names: { RUS: ["Russia", "Moscow", "Russian"], KAZ: ["Kazakhstan", "Kazakh", "Astana"] },
    relations: [{ type: "trade_partner", subject: "RUS", object: "KAZ", at: "oil transit deal", confidence: 0.5 }],
    events: [
      {
        type: "11",
        actors: ["RUS"],
        targets: ["KAZ"],
        date: "2024-02-09",
        at: "Russia criticised",
        trigger: "criticised",
      },
      {
        type: "13",
        actors: ["RUS"],
        targets: ["KAZ"],
        date: "2024-02",
        at: "Moscow threatened",
        trigger: "threatened",
      },
      {
        type: "16",
        actors: ["RUS"],
        targets: ["KAZ"],
        date: "2024-02",
        hypothetical: true,
        at: "might also review",
        trigger: "review",
      },
    ],
    quotes: [{ speaker: "RUS", text: "must respect its obligations to its partners", at: "must respect" }],
  },
  {
    source: "fixtures/eurasia-review/sco-summit.txt",
    title: "China and Russia pledge deeper partnership at SCO summit",
    outlet: "Eurasia Review Desk",
    published: "2024-07-04",
    text: [
      "China and Russia pledge deeper partnership at SCO summit",
      "At the Shanghai Cooperation Organisation summit in Astana, China and Russia described each other as strategic partners.",
      "Xi Jinping praised Kazakhstan for its chairmanship of the bloc.",
      "Kazakhstan, China, Russia, Kyrgyzstan and Uzbekistan are all members of the Shanghai Cooperation Organisation.",
      "The leaders said trade within the group had reached 12 percent of their combined output.",
    ].join("\n\n"),
    names: {
      CHN: ["China"],
      RUS: ["Russia"],
      KAZ: ["Kazakhstan"],
      KGZ: ["Kyrgyzstan"],
      UZB: ["Uzbekistan"],
      SCO: ["SCO", "Shanghai Cooperation Organisation"],
      XI: ["Xi Jinping"],
      ASTANA: ["Astana"],
    },
    relations: [
      { type: "allied_with", subject: "CHN", object: "RUS", at: "strategic partners", confidence: 0.8 },
      ...(["KAZ", "CHN", "RUS", "KGZ", "UZB"] as const).map((c) => ({
        type: "member_of" as const,
        subject: c,
        object: "SCO" as const,
        at: "are all members",
        confidence: 0.9,
      })),
      { type: "holds_position", subject: "XI", object: "CHN", attrs: { role: "president" }, at: "Xi Jinping praised" },
    ],
    events: [
      {
        type: "04",
        actors: ["CHN", "RUS"],
        date: "2024-07-04",
        dateSource: "published",
        location: "ASTANA",
        at: "strategic partners",
        trigger: "summit",
      },
      { type: "05", actors: ["XI"], targets: ["KAZ"], date: "2024-07", at: "Xi Jinping praised", trigger: "praised" },
    ],
    quantities: [
      {
        value: 0.12,
        unit: "percent",
        measure: "intra-bloc trade share",
        subjects: ["SCO"],
        time: "2024",
        at: "12 percent",
      },
    ],
  },
];

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** Sentences: paragraphs split after . ! ? followed by a space; offsets into the text. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const para = m[0];
    const base = m.index;
    let start = 0;
    const ends = /[.!?]["”']?(?=\s+|$)/g;
    for (let e = ends.exec(para); e; e = ends.exec(para)) {
      const end = e.index + e[0].length;
      const s = para.slice(start, end);
      const lead = s.length - s.trimStart().length;
      out.push({ index: out.length, start: base + start + lead, end: base + end, text: s.trim() });
      start = end;
    }
    const rest = para.slice(start);
    if (rest.trim()) {
      const lead = rest.length - rest.trimStart().length;
      out.push({ index: out.length, start: base + start + lead, end: base + para.length, text: rest.trim() });
    }
  }
  return out;
}

function evidenceAt(doc: Document, phrase: string): Evidence {
  const at = doc.text.indexOf(phrase);
  const s = doc.sentences.find((x) => at >= x.start && at < x.end);
  if (at < 0 || !s) throw new Error(`fixture: "${phrase}" is not in ${doc.source}`);
  return { doc: doc.id, start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function buildArticle(def: ArticleDef, copyOfId: string | null = null): { doc: Document; facts: DocFacts } {
  const hash = sha256(def.text);
  const doc: Document = {
    id: `doc-${hash.slice(0, 16)}`,
    source: def.source,
    contentType: def.source.endsWith(".html")
      ? "text/html"
      : def.source.endsWith(".md")
        ? "text/markdown"
        : "text/plain",
    title: def.title,
    authors: [],
    outlet: def.outlet,
    published: def.published,
    text: def.text,
    flags: [],
    duplicateOf: copyOfId,
    contentHash: hash,
    signature: [],
    sentences: splitSentences(def.text),
  };
  const used = new Set<EntityName>();
  const use = (n: EntityName) => {
    used.add(n);
    return ENTITIES[n].key;
  };
  const mentions: DocFacts["mentions"] = [];
  for (const [name, surfaces] of Object.entries(def.names) as [EntityName, string[]][]) {
    for (const surface of surfaces) {
      const re = new RegExp(`(?<![\\p{L}-])${escapeRe(surface)}(?![\\p{L}-])`, "gu");
      for (let m = re.exec(def.text); m; m = re.exec(def.text)) {
        mentions.push({
          key: use(name),
          start: m.index,
          end: m.index + surface.length,
          text: surface,
          method: STAND_INS[name]?.[surface] ?? "kb-alias",
        });
      }
    }
  }
  const facts: DocFacts = {
    entities: [],
    mentions,
    relations: (def.relations ?? []).map((r) => ({
      type: r.type,
      subject: use(r.subject),
      object: use(r.object),
      negated: r.negated ?? false,
      attrs: r.attrs ?? {},
      confidence: r.confidence ?? 0.75,
      evidence: evidenceAt(doc, r.at),
    })),
    events: (def.events ?? []).map((e) => ({
      type: e.type,
      actors: e.actors.map(use),
      targets: (e.targets ?? []).map(use),
      date: e.date ?? null,
      ...(e.dateSource ? { dateSource: e.dateSource } : {}),
      location: e.location ? use(e.location) : null,
      negated: e.negated ?? false,
      hypothetical: e.hypothetical ?? false,
      trigger: e.trigger,
      confidence: e.confidence ?? 0.7,
      evidence: evidenceAt(doc, e.at),
    })),
    quotes: (def.quotes ?? []).map((q) => ({
      speaker: use(q.speaker),
      text: q.text,
      confidence: q.confidence ?? 0.9,
      evidence: evidenceAt(doc, q.at),
    })),
    quantities: (def.quantities ?? []).map((q) => ({
      value: q.value,
      unit: q.unit,
      measure: q.measure,
      subjects: q.subjects.map(use),
      time: q.time ?? null,
      confidence: q.confidence ?? 0.8,
      evidence: evidenceAt(doc, q.at),
    })),
  };
  facts.entities = [...used].map((n) => ({ ...ENTITIES[n] }));
  return { doc, facts };
}

export interface Fixture {
  /** Document ids in ARTICLES order. */
  docs: string[];
  /** Entity row ids by fixture name. */
  entity: Record<EntityName, number>;
}

/** Stores the articles (default: ARTICLES) in a new or existing SQLite file. */
export async function buildFixtureStore(dbPath: string, articles: ArticleDef[] = ARTICLES): Promise<Fixture> {
  const store = new SqliteStore(dbPath);
  try {
    const docs: string[] = [];
    for (const def of articles) {
      const { doc, facts } = buildArticle(def, def.copyOf === undefined ? null : (docs[def.copyOf] ?? null));
      const res = await store.saveDocument(
        { uri: def.source, contentType: doc.contentType, raw: Buffer.from(def.text) },
        doc,
        [],
        facts,
      );
      docs.push(res.id);
    }
    const entity = {} as Record<EntityName, number>;
    const lookup = store.db.prepare("SELECT id FROM entities WHERE key = ?").pluck();
    for (const [name, ref] of Object.entries(ENTITIES) as [EntityName, EntityRef][]) {
      const id = lookup.get(ref.key) as number | undefined;
      if (id !== undefined) entity[name] = id;
    }
    return { docs, entity };
  } finally {
    await store.close();
  }
}
