// Reads a SQLite store out as interchange lines (spec/ontology.md), streaming row by row.
import type Database from "better-sqlite3";
import {
  combinedConfidence,
  type DocumentLine,
  type EntityLine,
  type EvidenceOut,
  type InterchangeKind,
  type InterchangeLine,
} from "../export/interchange.js";
import type { EntityType } from "../types.js";

interface EvidenceRow {
  fact_id: number;
  doc_id: string;
  start: number;
  end: number;
  text: string;
  confidence: number;
  canonical: string;
  extra: string | null;
}

const entityRef = (id: number) => `e${id}`;

/** Evidence of every fact of one kind, grouped by fact id. */
function evidenceByFact(db: Database.Database, kind: string): Map<number, EvidenceRow[]> {
  const rows = db
    .prepare(
      `SELECT ev.fact_id, ev.doc_id, ev.start, ev."end" AS "end", ev.text, ev.confidence, ev.extra,
              COALESCE(d.duplicate_of, d.id) AS canonical
       FROM evidence ev JOIN documents d ON d.id = ev.doc_id
       WHERE ev.fact_kind = ? ORDER BY ev.fact_id, d.rowid, ev.start`,
    )
    .all(kind) as EvidenceRow[];
  const out = new Map<number, EvidenceRow[]>();
  for (const r of rows) {
    const list = out.get(r.fact_id);
    if (list) list.push(r);
    else out.set(r.fact_id, [r]);
  }
  return out;
}

function support(rows: EvidenceRow[] | undefined): { evidence: EvidenceOut[]; confidence: number; sources: number } {
  const list = rows ?? [];
  const best = new Map<string, number>();
  for (const r of list) best.set(r.canonical, Math.max(best.get(r.canonical) ?? 0, r.confidence));
  return {
    evidence: list.map((r) => {
      const basis = r.extra ? (JSON.parse(r.extra) as { basis?: "reference" }).basis : undefined;
      return { doc: r.doc_id, start: r.start, end: r.end, text: r.text, ...(basis ? { basis } : {}) };
    }),
    confidence: combinedConfidence([...best.values()]),
    sources: best.size,
  };
}

export function* sqliteExportLines(
  db: Database.Database,
  kinds: ReadonlySet<InterchangeKind>,
): Generator<InterchangeLine> {
  if (kinds.has("document")) {
    const docs = db.prepare(
      "SELECT id, source, title, outlet, authors, published, flags, duplicate_of, text FROM documents ORDER BY rowid",
    );
    for (const d of docs.iterate() as Iterable<Record<string, string | null>>) {
      const line: DocumentLine = {
        kind: "document",
        id: d.id as string,
        source: d.source as string,
        title: d.title ?? null,
        outlet: d.outlet ?? null,
        authors: JSON.parse(d.authors ?? "[]"),
        published: d.published ?? null,
        flags: JSON.parse(d.flags ?? "[]"),
        duplicate_of: d.duplicate_of ?? null,
        text: d.text as string,
      };
      yield line;
    }
  }
  if (kinds.has("entity")) {
    const aliases = db.prepare("SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias").pluck();
    const mentions = db.prepare(
      'SELECT doc_id AS doc, start, "end" AS "end" FROM mentions WHERE entity_id = ? ORDER BY id',
    );
    const ents = db.prepare("SELECT id, type, name, qid FROM entities ORDER BY id");
    for (const e of ents.iterate() as Iterable<{ id: number; type: EntityType; name: string; qid: string | null }>) {
      const line: EntityLine = {
        kind: "entity",
        id: entityRef(e.id),
        type: e.type,
        name: e.name,
        aliases: (aliases.all(e.id) as string[]).filter((a) => a !== e.name),
        wikidata: e.qid,
        mentions: mentions.all(e.id) as { doc: string; start: number; end: number }[],
      };
      yield line;
    }
  }
  if (kinds.has("relation")) {
    const ev = evidenceByFact(db, "relation");
    const rows = db.prepare("SELECT id, type, subject_id, object_id, negated, attrs FROM relations ORDER BY id");
    for (const r of rows.iterate() as Iterable<Record<string, number | string>>) {
      yield {
        kind: "relation",
        id: `r${r.id}`,
        type: String(r.type),
        subject: entityRef(Number(r.subject_id)),
        object: entityRef(Number(r.object_id)),
        negated: r.negated === 1,
        attrs: JSON.parse(String(r.attrs)),
        ...support(ev.get(Number(r.id))),
      };
    }
  }
  if (kinds.has("event")) {
    const ev = evidenceByFact(db, "event");
    const roles = db.prepare("SELECT entity_id, role FROM event_roles WHERE event_id = ? ORDER BY entity_id");
    const rows = db.prepare(
      "SELECT id, code, date, date_source, location_id, negated, hypothetical FROM events ORDER BY id",
    );
    for (const e of rows.iterate() as Iterable<Record<string, number | string | null>>) {
      const rs = roles.all(e.id) as { entity_id: number; role: string }[];
      yield {
        kind: "event",
        id: `v${e.id}`,
        type: String(e.code),
        actors: rs.filter((r) => r.role === "actor").map((r) => entityRef(r.entity_id)),
        targets: rs.filter((r) => r.role === "target").map((r) => entityRef(r.entity_id)),
        date: (e.date as string | null) ?? null,
        ...(e.date_source ? { date_source: e.date_source as "text" | "published" } : {}),
        location: e.location_id == null ? null : entityRef(Number(e.location_id)),
        negated: e.negated === 1,
        hypothetical: e.hypothetical === 1,
        ...support(ev.get(Number(e.id))),
      };
    }
  }
  if (kinds.has("quote")) {
    const ev = evidenceByFact(db, "quote");
    const rows = db.prepare("SELECT id, speaker_id, text FROM quotes ORDER BY id");
    for (const q of rows.iterate() as Iterable<{ id: number; speaker_id: number; text: string }>) {
      yield { kind: "quote", id: `q${q.id}`, speaker: entityRef(q.speaker_id), text: q.text, ...support(ev.get(q.id)) };
    }
  }
  if (kinds.has("quantity")) {
    const ev = evidenceByFact(db, "quantity");
    const subjects = db
      .prepare("SELECT entity_id FROM quantity_subjects WHERE quantity_id = ? ORDER BY entity_id")
      .pluck();
    const rows = db.prepare("SELECT id, value, unit, measure, time FROM quantities ORDER BY id");
    for (const q of rows.iterate() as Iterable<{
      id: number;
      value: number;
      unit: string;
      measure: string;
      time: string | null;
    }>) {
      yield {
        kind: "quantity",
        id: `n${q.id}`,
        value: q.value,
        unit: q.unit,
        measure: q.measure,
        subjects: (subjects.all(q.id) as number[]).map(entityRef),
        time: q.time,
        ...support(ev.get(q.id)),
      };
    }
  }
}
