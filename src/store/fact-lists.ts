// Every quote and every figure in the store, a page at a time, most recently stored first: the lists the home page's
// count cards open.
import { EVIDENCE_SHOWN, type QuantityView, type QuoteView, type SqliteReader } from "./sqlite-read.js";

export interface FactPage {
  limit: number;
  offset: number;
}

/** The page's ids, newest first, and the facts in that order. */
function pageOf<T extends { id: number }>(
  reader: SqliteReader,
  table: "quotes" | "quantities",
  p: FactPage,
  byIds: (ids: number[]) => T[],
): { total: number; items: T[] } {
  const total = Number(reader.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
  const ids = reader.db
    .prepare(`SELECT id FROM ${table} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .pluck()
    .all(p.limit, p.offset) as number[];
  const byId = new Map(byIds(ids).map((f) => [f.id, f]));
  return { total, items: ids.map((id) => byId.get(id)).filter((f): f is T => f !== undefined) };
}

export function quoteList(reader: SqliteReader, p: FactPage): { total: number; items: QuoteView[] } {
  return pageOf(reader, "quotes", p, (ids) => reader.quotesById(ids, EVIDENCE_SHOWN));
}

export function quantityList(reader: SqliteReader, p: FactPage): { total: number; items: QuantityView[] } {
  return pageOf(reader, "quantities", p, (ids) => reader.quantitiesById(ids, EVIDENCE_SHOWN));
}
