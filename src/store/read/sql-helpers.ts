// SQL fragments and row helpers the read views share.
import type { DocumentRef } from "./views.js";

// ---- SQL fragments shared by filters ----------------------------------------------------------------

/** A document matches a source filter by its outlet (any case) or by part of its path or URL. */
export const SOURCE_MATCH = "(d.outlet = :source COLLATE NOCASE OR instr(lower(d.source), lower(:source)) > 0)";
/** Partial ISO dates ("2022", "2022-01") overlap a range: "2022-01" lies in 2022-01-01..2022-01-31. */
export const dateFrom = (col: string) => `(${col} || '~' >= :from)`;
export const dateTo = (col: string) => `(${col} <= :to || '~')`;
/** The document d's publication date overlaps :from or :to. */
export const DATE_FROM_MATCH = dateFrom("d.published");
export const DATE_TO_MATCH = dateTo("d.published");

export interface Row {
  [k: string]: unknown;
}

export const ids = (xs: Iterable<number>) => JSON.stringify([...new Set(xs)]);

export type EvidenceRow = DocumentRef & {
  fact_id: number;
  start: number;
  end: number;
  text: string;
  confidence: number;
  extra: string | null;
};

export const docRef = (r: DocumentRef): DocumentRef => ({
  id: r.id,
  title: r.title,
  outlet: r.outlet,
  published: r.published,
  source: r.source,
  canonical: r.canonical,
});

/** Earliest first, undated last. */
export const byPublished = (a: { published: string | null }, b: { published: string | null }) =>
  a.published === b.published
    ? 0
    : a.published === null
      ? 1
      : b.published === null
        ? -1
        : a.published < b.published
          ? -1
          : 1;

export const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}
