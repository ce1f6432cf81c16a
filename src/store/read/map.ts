// The map: countries by involvement, and the places where events took place.

import type { ReadConnection } from "./connection.js";
import { STATS_COLUMNS } from "./entities.js";
import type { CountryInvolvement, PlaceInvolvement } from "./views.js";

export function countries(reader: ReadConnection, focus?: number): CountryInvolvement[] {
  return reader
    .q(
      `SELECT e.id, e.key, e.type, e.name, e.qid, ${STATS_COLUMNS},
         CASE WHEN :focus IS NULL THEN 0 ELSE
           (SELECT count(DISTINCT a.event_id) FROM event_roles a JOIN event_roles b ON b.event_id = a.event_id
            WHERE a.entity_id = e.id AND b.entity_id = :focus AND e.id <> :focus)
           + (SELECT count(*) FROM relations r
              WHERE (r.subject_id = e.id AND r.object_id = :focus) OR (r.object_id = e.id AND r.subject_id = :focus))
         END AS shared
       FROM entities e LEFT JOIN entity_stats st ON st.entity_id = e.id WHERE e.type = 'country' ORDER BY e.name`,
    )
    .all({ focus: focus ?? null }) as CountryInvolvement[];
}

/** Location entities where events took place, most events first (see PlaceInvolvement). */
export function eventPlaces(reader: ReadConnection, focus: number | undefined, limit: number): PlaceInvolvement[] {
  const rows = reader
    .q(
      `WITH located AS (
       SELECT v.location_id AS id, count(*) AS events FROM events v
       WHERE v.location_id IS NOT NULL AND (:focus IS NULL OR v.location_id = :focus
         OR EXISTS (SELECT 1 FROM event_roles r WHERE r.event_id = v.id AND r.entity_id = :focus))
       GROUP BY v.location_id)
     SELECT e.id, e.key, e.type, e.name, e.qid, l.events, coalesce(st.mentions, 0) AS mentions,
         coalesce(st.documents, 0) AS documents
       FROM located l JOIN entities e ON e.id = l.id LEFT JOIN entity_stats st ON st.entity_id = e.id
       WHERE e.type = 'location' ORDER BY l.events DESC, mentions DESC, e.name LIMIT :limit`,
    )
    .all({ focus: focus ?? null, limit }) as Omit<PlaceInvolvement, "locatedIn" | "aliases">[];
  const up = reader.q(
    `SELECT o.id, o.key, o.type FROM relations r JOIN entities o ON o.id = r.object_id
       WHERE r.subject_id = ? AND r.type = 'located_in' AND r.negated = 0 AND o.type IN ('country', 'location')
       ORDER BY o.type = 'country' DESC, r.id`,
  );
  const aliases = reader.q("SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias").pluck();
  const countryOf = (id: number): string | null => {
    let frontier = [id];
    const seen = new Set(frontier);
    for (let depth = 0; depth < 3 && frontier.length; depth++) {
      const next: number[] = [];
      for (const at of frontier) {
        for (const o of up.all(at) as { id: number; key: string; type: string }[]) {
          if (o.type === "country") return o.key;
          if (!seen.has(o.id)) {
            seen.add(o.id);
            next.push(o.id);
          }
        }
      }
      frontier = next;
    }
    return null;
  };
  return rows.map((r) => ({
    ...r,
    locatedIn: countryOf(r.id),
    aliases: (aliases.all(r.id) as string[]).filter((a) => a !== r.name),
  }));
}
