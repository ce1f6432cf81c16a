// What the store holds: counts, outlets and the span of publication dates.

import type { ReadConnection } from "./connection.js";
import type { Row } from "./sql-helpers.js";
import type { Overview } from "./views.js";

export function overview(reader: ReadConnection): Overview {
  const one = (sql: string) => Number(reader.q(sql).pluck().get() ?? 0);
  const entities = Object.fromEntries(
    (reader.q("SELECT type, count(*) AS n FROM entities GROUP BY type ORDER BY type").all() as Row[]).map((r) => [
      r.type as string,
      r.n as number,
    ]),
  );
  const range = reader
    .q("SELECT min(published) AS first, max(published) AS last FROM documents WHERE published IS NOT NULL")
    .get() as { first: string | null; last: string | null };
  return {
    documents: one("SELECT count(*) FROM documents"),
    independentDocuments: one("SELECT count(*) FROM documents WHERE duplicate_of IS NULL"),
    sentences: one("SELECT count(*) FROM sentences"),
    entities,
    relations: one("SELECT count(*) FROM relations"),
    events: one("SELECT count(*) FROM events"),
    quotes: one("SELECT count(*) FROM quotes"),
    quantities: one("SELECT count(*) FROM quantities"),
    outlets: reader
      .q(
        `SELECT outlet, count(*) AS documents FROM documents WHERE outlet IS NOT NULL
         GROUP BY outlet ORDER BY documents DESC, outlet`,
      )
      .all() as { outlet: string; documents: number }[],
    published: range,
  };
}
