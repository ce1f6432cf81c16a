// Facts by id (relations, events, quotes, quantities), each with its support: confidence, independent sources and evidence sentences.
import { combinedConfidence } from "../../export/interchange.js";
import type { ReadConnection } from "./connection.js";
import { entitySummaries } from "./entities.js";
import { byId, byPublished, docRef, type EvidenceRow, groupBy, ids } from "./sql-helpers.js";
import type {
  DocumentRef,
  EntitySummary,
  EventView,
  EvidenceView,
  FactDocuments,
  FactKind,
  FactSupport,
  FactView,
  QuantityView,
  QuoteView,
  RelationView,
} from "./views.js";

/** Support from every evidence row of a fact: best confidence per independent source, combined. */
function supportOf(evidence: EvidenceView[], evidenceTotal: number): FactSupport {
  const best = new Map<string, number>();
  for (const e of evidence) best.set(e.canonical, Math.max(best.get(e.canonical) ?? 0, e.confidence));
  return { confidence: combinedConfidence([...best.values()]), sources: best.size, evidenceTotal, evidence };
}

const EVIDENCE_COLUMNS = `ev.fact_id, ev.doc_id AS id, ev.start, ev."end" AS "end", ev.text,
  ev.confidence, ev.extra, d.title, d.outlet, d.published, d.source, COALESCE(d.duplicate_of, d.id) AS canonical`;

function evidenceView(r: EvidenceRow): EvidenceView {
  const extra = r.extra ? (JSON.parse(r.extra) as { trigger?: string; basis?: "reference" }) : {};
  return {
    doc: r.id,
    title: r.title,
    outlet: r.outlet,
    published: r.published,
    source: r.source,
    canonical: r.canonical,
    start: r.start,
    end: r.end,
    text: r.text,
    confidence: r.confidence,
    trigger: extra.trigger ?? null,
    basis: extra.basis ?? "text",
  };
}

/** A fact's confidence from its doubt kept at ingest, rounded as combinedConfidence rounds. */
const confidenceOf = (doubt: number) => Math.round((1 - doubt) * 1000) / 1000;

/**
 * The documents a list reads sentences from, given a fact's documents in rank order with their sentence counts:
 * documents in order until they hold `cap` sentences.
 */
function pickDocs<T extends { n: number }>(ranked: T[], cap: number): T[] {
  const picked: T[] = [];
  let sentences = 0;
  for (const doc of ranked) {
    if (sentences >= cap) break;
    picked.push(doc);
    sentences += doc.n;
  }
  return picked;
}

/** The sentences shown from the picked documents (each's best first): the best of each, then further ones; by date. */
function shownOf(picked: EvidenceRow[][], cap: number): EvidenceRow[] {
  const shown: EvidenceRow[] = picked.map((rows) => rows[0] as EvidenceRow).slice(0, cap);
  for (const rows of picked) for (const r of rows.slice(1)) if (shown.length < cap) shown.push(r);
  return shown.sort((a, b) => byPublished(a, b) || byId(a, b) || a.start - b.start);
}

/** The evidence sentences of each (fact, document) pair, best first, keyed `factId:docId`: one index lookup each. */
function rowsOfPairs(reader: ReadConnection, kind: FactKind, pairs: [number, string][]): Map<string, EvidenceRow[]> {
  if (!pairs.length) return new Map();
  const rows = reader
    .q(
      // CROSS JOIN keeps the pairs the outer loop: each is one index lookup, not a scan of the kind's evidence; and
      // the lookup goes by the primary key, which holds the row, not by evidence_doc and then the key.
      `SELECT ${EVIDENCE_COLUMNS} FROM json_each(:pairs) p
         CROSS JOIN evidence ev INDEXED BY sqlite_autoindex_evidence_1 ON ev.fact_kind = :kind AND ev.fact_id = p.value ->> 0 AND ev.doc_id = p.value ->> 1
         JOIN documents d ON d.id = ev.doc_id
         ORDER BY ev.confidence DESC, ev.start`,
    )
    .all({ kind, pairs: JSON.stringify(pairs) }) as EvidenceRow[];
  return groupBy(rows, (r) => `${r.fact_id}:${r.id}`);
}

interface FactAggregate {
  fact_id: number;
  evidence: number;
  sources: number;
  doubt: number;
}

/**
 * Each fact's support. Its confidence, independent sources and evidence total are what ingest keeps (fact_support).
 * Uncapped (a fact's own route, a document's facts): every evidence sentence. Capped (lists): `cap` sentences, the
 * best sentence (highest confidence, then earliest) of the best document of each independent source, sources in
 * order of their best confidence, then earliest; spare places go to further documents and sentences in the same
 * order. A fact with at least `cap` sources (or one sentence per source) shows the sentences of its first sources,
 * read off the ranked sources ingest keeps (fact_sources) without going through its other evidence. `docs`, when given, receives every
 * document behind each fact (that reads every evidence row).
 */
function supportFor(
  reader: ReadConnection,
  kind: FactKind,
  factIds: number[],
  cap = Number.POSITIVE_INFINITY,
  docs?: FactDocuments,
) {
  const aggregates = new Map(
    (
      reader
        .q(
          `SELECT fact_id, evidence, sources, doubt FROM fact_support
           WHERE fact_kind = ? AND fact_id IN (SELECT value FROM json_each(?))`,
        )
        .all(kind, ids(factIds)) as FactAggregate[]
    ).map((a) => [a.fact_id, a]),
  );
  // The ranked sources hold every document a list can show from when there are at least `cap` of them, or when
  // each source is one document with one sentence (evidence = sources: no near-copy, nothing further to show).
  const rankedEnough = (a: FactAggregate | undefined) =>
    a !== undefined && (a.sources >= cap || a.evidence === a.sources);
  const widelySourced = docs || !Number.isFinite(cap) ? [] : factIds.filter((f) => rankedEnough(aggregates.get(f)));
  const wide = new Set(widelySourced);
  const out = supportFromEvidence(
    reader,
    kind,
    factIds.filter((f) => !wide.has(f)),
    cap,
    docs,
  );
  for (const [factId, support] of supportFromRankedSources(reader, kind, widelySourced, cap)) out.set(factId, support);
  for (const [factId, support] of out) {
    const a = aggregates.get(factId);
    if (a)
      out.set(factId, { ...support, confidence: confidenceOf(a.doubt), sources: a.sources, evidenceTotal: a.evidence });
  }
  return out;
}

/** The shown sentences of facts with at least `cap` sources: those of the best documents of their first sources. */
function supportFromRankedSources(reader: ReadConnection, kind: FactKind, factIds: number[], cap: number) {
  const out = new Map<number, FactSupport>();
  if (!factIds.length) return out;
  const tops = reader
    .q(
      `SELECT j.value AS fact_id, (SELECT json_group_array(doc_id) FROM (
           SELECT doc_id FROM fact_sources s WHERE s.fact_kind = :kind AND s.fact_id = j.value
           ORDER BY confidence DESC, published IS NULL, published, doc_id LIMIT :cap)) AS docs
         FROM json_each(:ids) j`,
    )
    .all({ kind, ids: ids(factIds), cap }) as { fact_id: number; docs: string }[];
  const topDocs = tops.map((t) => ({ factId: t.fact_id, docs: JSON.parse(t.docs) as string[] }));
  const rows = rowsOfPairs(
    reader,
    kind,
    topDocs.flatMap((t) => t.docs.map((doc): [number, string] => [t.factId, doc])),
  );
  for (const t of topDocs) {
    const ranked = t.docs.map((doc) => rows.get(`${t.factId}:${doc}`) ?? []).map((r) => ({ n: r.length, rows: r }));
    const shown = shownOf(
      pickDocs(ranked, cap).map((d) => d.rows),
      cap,
    );
    out.set(t.factId, { confidence: 0, sources: 0, evidenceTotal: 0, evidence: shown.map(evidenceView) });
  }
  return out;
}

/** Support read from every evidence row of each fact (see supportFor). */
function supportFromEvidence(
  reader: ReadConnection,
  kind: FactKind,
  factIds: number[],
  cap = Number.POSITIVE_INFINITY,
  docs?: FactDocuments,
) {
  const out = new Map<number, FactSupport>();
  if (!factIds.length) return out;
  if (!Number.isFinite(cap)) {
    const rows = reader
      .q(
        `SELECT ${EVIDENCE_COLUMNS} FROM evidence ev JOIN documents d ON d.id = ev.doc_id
         WHERE ev.fact_kind = ? AND ev.fact_id IN (SELECT value FROM json_each(?))
         ORDER BY ev.fact_id, d.published IS NULL, d.published, ev.doc_id, ev.start`,
      )
      .all(kind, ids(factIds)) as EvidenceRow[];
    for (const [factId, list] of groupBy(rows, (r) => r.fact_id)) {
      const evidence = list.map(evidenceView);
      out.set(factId, supportOf(evidence, evidence.length));
      if (docs) docs.set(`${kind}:${factId}`, [...new Map(list.map((r) => [r.id, docRef(r)])).values()]);
    }
    return out;
  }
  // Per fact and document: the best confidence and the number of sentences, in the evidence key's order.
  const groups = reader
    .q(
      `SELECT ev.fact_id, ev.doc_id AS id, max(ev.confidence) AS confidence, count(*) AS n, d.title, d.outlet,
         d.published, d.source, COALESCE(d.duplicate_of, d.id) AS canonical
       FROM evidence ev JOIN documents d ON d.id = ev.doc_id
       WHERE ev.fact_kind = ? AND ev.fact_id IN (SELECT value FROM json_each(?)) GROUP BY ev.fact_id, ev.doc_id`,
    )
    .all(kind, ids(factIds)) as (DocumentRef & { fact_id: number; confidence: number; n: number })[];
  const better = (a: { confidence: number; ref: DocumentRef }, b: { confidence: number; ref: DocumentRef }) =>
    b.confidence - a.confidence || byPublished(a.ref, b.ref) || byId(a.ref, b.ref);
  // Documents to read sentences from: the best of each source, then the others, until `cap` sentences.
  const facts = [...groupBy(groups, (g) => g.fact_id)].map(([factId, list]) => {
    const ranked = list.map((g) => ({ confidence: g.confidence, n: g.n, ref: docRef(g) })).sort(better);
    const best = new Map<string, number>();
    const firstOfSource: typeof ranked = [];
    const rest: typeof ranked = [];
    for (const g of ranked) {
      if (best.has(g.ref.canonical)) rest.push(g);
      else {
        best.set(g.ref.canonical, g.confidence);
        firstOfSource.push(g);
      }
    }
    return { factId, list, ranked, best, picked: pickDocs([...firstOfSource, ...rest], cap) };
  });
  const rows = rowsOfPairs(
    reader,
    kind,
    facts.flatMap((f) => f.picked.map((g): [number, string] => [f.factId, g.ref.id])),
  );
  for (const { factId, list, ranked, best, picked } of facts) {
    const shown = shownOf(
      picked.map((g) => rows.get(`${factId}:${g.ref.id}`) ?? []),
      cap,
    );
    out.set(factId, {
      confidence: combinedConfidence([...best.values()]),
      sources: best.size,
      evidenceTotal: list.reduce((n, g) => n + g.n, 0),
      evidence: shown.map(evidenceView),
    });
    if (docs)
      docs.set(
        `${kind}:${factId}`,
        ranked.map((g) => g.ref).sort((a, b) => byPublished(a, b) || byId(a, b)),
      );
  }
  return out;
}

function support(support: FactSupport | undefined): FactSupport {
  return support ?? { confidence: 0, sources: 0, evidenceTotal: 0, evidence: [] };
}

/** `cap`: most evidence sentences per fact (lists); `docs` receives every document behind each fact. */
export function relationsById(
  reader: ReadConnection,
  relationIds: number[],
  cap = Number.POSITIVE_INFINITY,
  docs?: FactDocuments,
): RelationView[] {
  if (!relationIds.length) return [];
  const rows = reader
    .q(
      `SELECT id, type, subject_id, object_id, negated, attrs FROM relations
       WHERE id IN (SELECT value FROM json_each(?)) ORDER BY type, id`,
    )
    .all(ids(relationIds)) as {
    id: number;
    type: string;
    subject_id: number;
    object_id: number;
    negated: number;
    attrs: string;
  }[];
  const ents = entitySummaries(
    reader,
    rows.flatMap((r) => [r.subject_id, r.object_id]),
  );
  const ev = supportFor(
    reader,
    "relation",
    rows.map((r) => r.id),
    cap,
    docs,
  );
  return rows.map((r) => ({
    kind: "relation",
    id: r.id,
    type: r.type,
    subject: ents.get(r.subject_id) as EntitySummary,
    object: ents.get(r.object_id) as EntitySummary,
    negated: r.negated === 1,
    attrs: JSON.parse(r.attrs) as Record<string, string>,
    ...support(ev.get(r.id)),
  }));
}

/** `cap`: most evidence sentences per fact (lists); `docs` receives every document behind each fact. */
export function eventsById(
  reader: ReadConnection,
  eventIds: number[],
  cap = Number.POSITIVE_INFINITY,
  docs?: FactDocuments,
): EventView[] {
  if (!eventIds.length) return [];
  const list = ids(eventIds);
  const rows = reader
    .q(
      `SELECT id, code, root, date, date_source, location_id, negated, hypothetical FROM events
       WHERE id IN (SELECT value FROM json_each(?)) ORDER BY date IS NULL, date, id`,
    )
    .all(list) as {
    id: number;
    code: string;
    root: string;
    date: string | null;
    date_source: "text" | "published" | null;
    location_id: number | null;
    negated: number;
    hypothetical: number;
  }[];
  const roles = reader
    .q(
      `SELECT event_id, entity_id, role FROM event_roles WHERE event_id IN (SELECT value FROM json_each(?))
       ORDER BY event_id, entity_id`,
    )
    .all(list) as { event_id: number; entity_id: number; role: string }[];
  const ents = entitySummaries(reader, [
    ...roles.map((r) => r.entity_id),
    ...rows.flatMap((r) => (r.location_id == null ? [] : [r.location_id])),
  ]);
  const byEvent = groupBy(roles, (r) => r.event_id);
  const ev = supportFor(
    reader,
    "event",
    rows.map((r) => r.id),
    cap,
    docs,
  );
  return rows.map((r) => {
    const rs = byEvent.get(r.id) ?? [];
    const of = (role: string) => rs.filter((x) => x.role === role).map((x) => ents.get(x.entity_id) as EntitySummary);
    return {
      kind: "event",
      id: r.id,
      code: r.code,
      root: r.root,
      date: r.date,
      dateSource: r.date_source,
      location: r.location_id == null ? null : (ents.get(r.location_id) ?? null),
      negated: r.negated === 1,
      hypothetical: r.hypothetical === 1,
      actors: of("actor"),
      targets: of("target"),
      ...support(ev.get(r.id)),
    };
  });
}

/** `cap`: most evidence sentences per fact (lists); `docs` receives every document behind each fact. */
export function quotesById(
  reader: ReadConnection,
  quoteIds: number[],
  cap = Number.POSITIVE_INFINITY,
  docs?: FactDocuments,
): QuoteView[] {
  if (!quoteIds.length) return [];
  const rows = reader
    .q("SELECT id, speaker_id, text FROM quotes WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id")
    .all(ids(quoteIds)) as { id: number; speaker_id: number; text: string }[];
  const ents = entitySummaries(
    reader,
    rows.map((r) => r.speaker_id),
  );
  const ev = supportFor(
    reader,
    "quote",
    rows.map((r) => r.id),
    cap,
    docs,
  );
  return rows.map((r) => ({
    kind: "quote",
    id: r.id,
    speaker: ents.get(r.speaker_id) as EntitySummary,
    text: r.text,
    ...support(ev.get(r.id)),
  }));
}

/** `cap`: most evidence sentences per fact (lists); `docs` receives every document behind each fact. */
export function quantitiesById(
  reader: ReadConnection,
  quantityIds: number[],
  cap = Number.POSITIVE_INFINITY,
  docs?: FactDocuments,
): QuantityView[] {
  if (!quantityIds.length) return [];
  const list = ids(quantityIds);
  const rows = reader
    .q(
      `SELECT id, value, unit, measure, time FROM quantities WHERE id IN (SELECT value FROM json_each(?))
       ORDER BY time IS NULL, time, id`,
    )
    .all(list) as { id: number; value: number; unit: string; measure: string; time: string | null }[];
  const subjects = reader
    .q(
      `SELECT quantity_id, entity_id FROM quantity_subjects WHERE quantity_id IN (SELECT value FROM json_each(?))
       ORDER BY quantity_id, entity_id`,
    )
    .all(list) as { quantity_id: number; entity_id: number }[];
  const ents = entitySummaries(
    reader,
    subjects.map((s) => s.entity_id),
  );
  const byQuantity = groupBy(subjects, (s) => s.quantity_id);
  const ev = supportFor(
    reader,
    "quantity",
    rows.map((r) => r.id),
    cap,
    docs,
  );
  return rows.map((r) => ({
    kind: "quantity",
    ...r,
    subjects: (byQuantity.get(r.id) ?? []).map((s) => ents.get(s.entity_id) as EntitySummary),
    ...support(ev.get(r.id)),
  }));
}

export function fact(reader: ReadConnection, kind: FactKind, id: number): FactView | null {
  const found =
    kind === "relation"
      ? relationsById(reader, [id])
      : kind === "event"
        ? eventsById(reader, [id])
        : kind === "quote"
          ? quotesById(reader, [id])
          : quantitiesById(reader, [id]);
  return found[0] ?? null;
}
