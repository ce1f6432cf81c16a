// CSV export: one table per kind, entity references shown by id and by name, first evidence inline.
import type { InterchangeKind, InterchangeLine } from "./interchange.js";

export function csvCell(v: unknown): string {
  const s =
    v === null || v === undefined
      ? ""
      : Array.isArray(v)
        ? v.join("; ")
        : typeof v === "object"
          ? JSON.stringify(v)
          : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRow = (cells: unknown[]) => `${cells.map(csvCell).join(",")}\n`;

export const CSV_COLUMNS: Record<InterchangeKind, string[]> = {
  document: ["id", "source", "title", "outlet", "authors", "published", "flags", "duplicate_of", "words"],
  entity: ["id", "type", "name", "aliases", "wikidata", "mention_count", "documents"],
  relation: [
    "id",
    "type",
    "subject",
    "subject_name",
    "object",
    "object_name",
    "negated",
    "attrs",
    "confidence",
    "sources",
    "evidence_count",
    "evidence_doc",
    "evidence_start",
    "evidence_end",
    "evidence_text",
  ],
  event: [
    "id",
    "type",
    "actors",
    "actor_names",
    "targets",
    "target_names",
    "date",
    "date_source",
    "location",
    "location_name",
    "negated",
    "hypothetical",
    "confidence",
    "sources",
    "evidence_count",
    "evidence_doc",
    "evidence_start",
    "evidence_end",
    "evidence_text",
  ],
  quote: [
    "id",
    "speaker",
    "speaker_name",
    "text",
    "confidence",
    "sources",
    "evidence_count",
    "evidence_doc",
    "evidence_start",
    "evidence_end",
    "evidence_text",
  ],
  quantity: [
    "id",
    "value",
    "unit",
    "measure",
    "subjects",
    "subject_names",
    "time",
    "confidence",
    "sources",
    "evidence_count",
    "evidence_doc",
    "evidence_start",
    "evidence_end",
    "evidence_text",
  ],
};

/** One CSV row (without header) for an interchange line; `names` maps entity ids to names. */
export function csvLine(line: InterchangeLine, names: Map<string, string>): string {
  const name = (id: string | null) => (id ? (names.get(id) ?? id) : "");
  const ev = (l: { evidence: { doc: string; start: number; end: number; text: string }[] }) => {
    const first = l.evidence[0];
    return [l.evidence.length, first?.doc, first?.start, first?.end, first?.text];
  };
  switch (line.kind) {
    case "document":
      return csvRow([
        line.id,
        line.source,
        line.title,
        line.outlet,
        line.authors,
        line.published,
        line.flags,
        line.duplicate_of,
        line.text.match(/\S+/g)?.length ?? 0,
      ]);
    case "entity":
      return csvRow([
        line.id,
        line.type,
        line.name,
        line.aliases,
        line.wikidata,
        line.mentions.length,
        [...new Set(line.mentions.map((m) => m.doc))],
      ]);
    case "relation":
      return csvRow([
        line.id,
        line.type,
        line.subject,
        name(line.subject),
        line.object,
        name(line.object),
        line.negated,
        line.attrs,
        line.confidence,
        line.sources,
        ...ev(line),
      ]);
    case "event":
      return csvRow([
        line.id,
        line.type,
        line.actors,
        line.actors.map(name),
        line.targets,
        line.targets.map(name),
        line.date,
        line.date_source ?? null,
        line.location,
        name(line.location),
        line.negated,
        line.hypothetical,
        line.confidence,
        line.sources,
        ...ev(line),
      ]);
    case "quote":
      return csvRow([line.id, line.speaker, name(line.speaker), line.text, line.confidence, line.sources, ...ev(line)]);
    case "quantity":
      return csvRow([
        line.id,
        line.value,
        line.unit,
        line.measure,
        line.subjects,
        line.subjects.map(name),
        line.time,
        line.confidence,
        line.sources,
        ...ev(line),
      ]);
  }
}
