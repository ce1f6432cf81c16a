// The stretch of time a timeline's axis covers: from the first to the last date of the selection. Far-off
// background ("left the bloc in 2012") and plans ("by 2030") would squeeze the rest into a sliver, so a few dates set
// apart from the others by a gap more than twice as long as the rest spans are left out of the axis (the chart shows
// them in an "earlier" or "later" column instead). Dates known only to the year widen the axis only when nothing is
// known more precisely.
import { period, precision } from "../period.js";

export interface TimeDomain {
  start: number;
  end: number;
}

/** Drops leading and trailing runs of periods cut off from the rest by a gap longer than the rest spans. */
function withoutOutliers(spans: [number, number][]): [number, number][] {
  const s = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (let changed = true; changed && s.length > 2; ) {
    changed = false;
    // The widest gap between neighbours, and whether the side beyond it is the smaller one.
    let best = -1;
    let bestGap = 0;
    let reach = (s[0] as [number, number])[1];
    for (let i = 1; i < s.length; i++) {
      const gap = (s[i] as [number, number])[0] - reach;
      if (gap > bestGap) {
        bestGap = gap;
        best = i;
      }
      reach = Math.max(reach, (s[i] as [number, number])[1]);
    }
    if (best < 0) break;
    const left = s.slice(0, best);
    const right = s.slice(best);
    const span = (xs: [number, number][]) => Math.max(...xs.map((x) => x[1])) - Math.min(...xs.map((x) => x[0]));
    const [small, large] = left.length <= right.length ? [left, right] : [right, left];
    // Only a few dates, and only across a gap more than twice as long as the rest spans.
    if (bestGap > 2 * span(large) && small.length * 4 <= large.length) {
      s.splice(0, s.length, ...large);
      changed = true;
    }
  }
  return s;
}

/**
 * The axis for these dates (partial ISO): with both `from` and `to` typed, exactly that range; otherwise the dates'
 * own first to last, with a bound the user typed taking the place of the computed one. Null when nothing is dated.
 */
export function timeDomain(dates: readonly string[], from?: string | null, to?: string | null): TimeDomain | null {
  const typedStart = from ? period(from)[0] : null;
  const typedEnd = to ? period(to)[1] : null;
  if (typedStart !== null && typedEnd !== null) return { start: typedStart, end: typedEnd };
  if (!dates.length) return null;
  const precise = dates.filter((d) => precision(d) !== "year");
  const core = withoutOutliers((precise.length ? precise : dates).map(period));
  const start = typedStart ?? Math.min(...core.map((c) => c[0]));
  const end = typedEnd ?? Math.max(...core.map((c) => c[1]));
  return end > start ? { start, end } : { start, end: start + 86_400_000 };
}
