// GET /api/map/places: the places where events took place, with coordinates from the gazetteer (src/geo/cities.ts,
// read on the first request only). A place's country (its knowledge-base entry's, else a located_in relation to a
// country) narrows the lookup; a place the gazetteer cannot place, or a region, sea or range, is listed unplaced.

import { placeCoordinates } from "../geo/cities.js";
import { knowledgeBase } from "../kb/knowledge-base.js";
import type { SqliteReader } from "../store/sqlite-read.js";

export interface PlacedPlace {
  id: number;
  key: string;
  name: string;
  lat: number;
  lon: number;
  /** ISO 3166 alpha-3 of the place's country, or of the gazetteer's city when the store knows no country. */
  country: string;
  /** Population of the gazetteer's city. */
  population: number;
  events: number;
  mentions: number;
  documents: number;
}

export interface UnplacedPlace {
  id: number;
  key: string;
  name: string;
  events: number;
}

export interface MapPlaces {
  focus: number | null;
  places: PlacedPlace[];
  unplaced: UnplacedPlace[];
}

/**
 * Knowledge-base subtypes that name a settlement (a point on a map). Regions, provinces, seas, rivers, ranges and
 * the like are never looked up: "Xinjiang" or "Amu Darya" is not a town even where a town bears the name.
 */
const SETTLEMENT_SUBTYPES = new Set([
  "city",
  "capital",
  "border-town",
  "border-crossing",
  "border-area",
  "exclave",
  "special-administrative-region",
]);

const iso3 = (countryKey: string | null | undefined) => /^country\/([A-Z]{3})$/.exec(countryKey ?? "")?.[1];

export function mapPlaces(reader: SqliteReader, focus: number | undefined, limit: number): MapPlaces {
  const kb = knowledgeBase();
  const places: PlacedPlace[] = [];
  const unplaced: UnplacedPlace[] = [];
  for (const p of reader.eventPlaces(focus, limit)) {
    const entry = kb.get(p.key);
    const country = iso3(entry?.country) ?? iso3(p.locatedIn);
    const names = entry && !SETTLEMENT_SUBTYPES.has(entry.subtype ?? "city") ? [] : [p.name];
    if (entry && names.length) names.push(entry.name, ...entry.aliases);
    if (names.length) names.push(...p.aliases);
    let city: ReturnType<typeof placeCoordinates>;
    for (const name of new Set(names)) {
      city = placeCoordinates(name, country);
      if (city) break;
    }
    const { id, key, name, events, mentions, documents } = p;
    if (city) {
      const { lat, lon, population } = city;
      places.push({
        id,
        key,
        name,
        lat,
        lon,
        country: country ?? city.country,
        population,
        events,
        mentions,
        documents,
      });
    } else unplaced.push({ id, key, name, events });
  }
  return { focus: focus ?? null, places, unplaced };
}
