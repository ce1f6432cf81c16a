// Historical states on the map: a country entity the knowledge base marks as a former state (the Soviet Union,
// Yugoslavia) has no shape of its own in today's atlas; /api/map names the present-day states on its territory.
import { knowledgeBase } from "../kb/knowledge-base.js";
import type { CountryInvolvement } from "../store/sqlite-read.js";

export type MapCountry = CountryInvolvement & {
  /** For a historical state: the keys of the present-day states on its former territory (country/KAZ, ...). */
  successors?: string[];
};

export function withSuccessors(countries: CountryInvolvement[]): MapCountry[] {
  const kb = knowledgeBase();
  return countries.map((c) => {
    const successors = kb.get(c.key)?.successors;
    return successors?.length ? { ...c, successors } : c;
  });
}
