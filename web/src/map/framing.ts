// Which countries and places "zoom to involved" frames: all that carry weight, but not one far country or town
// that a single mention or event puts on the map (Brazil once in a Central Asian corpus would zoom out to the world).

export interface WeightedPoint {
  lon: number;
  lat: number;
  /** How much the point matters: its value on the map's metric. */
  weight: number;
  /** Always framed (the chosen entity). */
  keep?: boolean;
}

/** A point lies far when it is further than this many degrees from the weighted centre... */
const MIN_REACH = 30;
/** ...and further than this many times the weighted median distance of all points. */
const REACH_FACTOR = 2.5;
/** A far point is left out only when it weighs less than this share of the heaviest point. */
const MINOR_SHARE = 0.15;

const RAD = Math.PI / 180;

const toVector = (p: WeightedPoint) => [
  Math.cos(p.lat * RAD) * Math.cos(p.lon * RAD),
  Math.cos(p.lat * RAD) * Math.sin(p.lon * RAD),
  Math.sin(p.lat * RAD),
];

/** Angle in degrees between two unit vectors. */
const angle = (a: number[], b: number[]) =>
  Math.acos(
    Math.max(
      -1,
      Math.min(
        1,
        a.reduce((s, x, i) => s + x * (b[i] as number), 0),
      ),
    ),
  ) / RAD;

/** The points to frame and those left out: far from the weighted centre of the rest, and of little weight. */
export function pointsThatMatter<T extends WeightedPoint>(points: T[]): { framed: T[]; left: T[] } {
  if (points.length < 3) return { framed: points, left: [] };
  const vectors = points.map(toVector);
  const total = points.reduce((s, p) => s + Math.max(p.weight, 0), 0) || 1;
  const sum = [0, 0, 0];
  points.forEach((p, i) => {
    for (let k = 0; k < 3; k++) sum[k] = (sum[k] as number) + (vectors[i]?.[k] as number) * Math.max(p.weight, 0);
  });
  const norm = Math.hypot(...sum) || 1;
  const centre = sum.map((x) => x / norm);
  const distance = vectors.map((v) => angle(v, centre));
  // The weighted median distance: half the weight lies nearer than this.
  const order = points.map((_, i) => i).sort((a, b) => (distance[a] as number) - (distance[b] as number));
  let acc = 0;
  let median = 0;
  for (const i of order) {
    acc += Math.max((points[i] as T).weight, 0);
    median = distance[i] as number;
    if (acc >= total / 2) break;
  }
  const reach = Math.max(MIN_REACH, REACH_FACTOR * median);
  const heaviest = Math.max(...points.map((p) => p.weight));
  const framed: T[] = [];
  const left: T[] = [];
  points.forEach((p, i) => {
    const outlier = !p.keep && (distance[i] as number) > reach && p.weight < MINOR_SHARE * heaviest;
    (outlier ? left : framed).push(p);
  });
  return framed.length ? { framed, left } : { framed: points, left: [] };
}
