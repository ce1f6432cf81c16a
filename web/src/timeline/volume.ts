// How many events of each quad class fall in each stretch of the axis, for the volume curves above the marks. An
// event known only to the month or year is spread over the bins its period covers, so it adds one event in all.
import { DAY, period } from "../period.js";
import type { TimeDomain } from "./domain.js";

export type BinUnit = "day" | "week" | "month";

export interface Volume {
  unit: BinUnit;
  /** Bin boundaries, ms: bin i is [edges[i], edges[i + 1]). */
  edges: number[];
  /** Events per bin, by quad class. */
  counts: Map<string, number[]>;
}

export function binUnit(d: TimeDomain): BinUnit {
  const days = (d.end - d.start) / DAY;
  return days > 240 ? "month" : days > 45 ? "week" : "day";
}

function binEdges(d: TimeDomain, unit: BinUnit): number[] {
  const edges: number[] = [];
  const s = new Date(d.start);
  let t =
    unit === "month"
      ? Date.UTC(s.getUTCFullYear(), s.getUTCMonth(), 1)
      : unit === "week"
        ? d.start - ((s.getUTCDay() + 6) % 7) * DAY
        : d.start;
  while (t < d.end) {
    edges.push(t);
    if (unit === "month") {
      const m = new Date(t);
      t = Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1);
    } else t += unit === "week" ? 7 * DAY : DAY;
  }
  edges.push(t);
  return edges;
}

export function volume(events: readonly { date: string; quad: string }[], d: TimeDomain): Volume {
  const unit = binUnit(d);
  const edges = binEdges(d, unit);
  const counts = new Map<string, number[]>();
  for (const e of events) {
    const [a, b] = period(e.date);
    if (b <= d.start || a >= d.end) continue;
    const row = counts.get(e.quad) ?? new Array<number>(edges.length - 1).fill(0);
    counts.set(e.quad, row);
    for (let i = 0; i < edges.length - 1; i++) {
      const overlap = Math.min(b, edges[i + 1] as number) - Math.max(a, edges[i] as number);
      if (overlap > 0) row[i] = (row[i] as number) + overlap / (b - a);
    }
  }
  return { unit, edges, counts };
}
