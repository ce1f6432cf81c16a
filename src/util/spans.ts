// Spans in text order: finding the ones inside a range by binary search, so a per-sentence or per-fact lookup
// costs the few spans it returns instead of a scan of the whole document's list.

import type { Span } from "../types.js";

/** The spans (sorted by start) lying wholly inside [start, end), in order. */
export function spansWithin<T extends Span>(sorted: readonly T[], start: number, end: number): T[] {
  const lo = lastStartingBefore(sorted, start) + 1;
  const out: T[] = [];
  for (let i = lo; i < sorted.length; i++) {
    const s = sorted[i] as T;
    if (s.start >= end) break;
    if (s.end <= end) out.push(s);
  }
  return out;
}

/** The spans in text order: the same array when they already are. */
export function inTextOrder<T extends Span>(spans: readonly T[]): readonly T[] {
  for (let i = 1; i < spans.length; i++) {
    if ((spans[i - 1] as T).start > (spans[i] as T).start) {
      return [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
    }
  }
  return spans;
}

/** The index of the last span (sorted by start) that starts before `at`, or -1. */
export function lastStartingBefore(sorted: readonly Span[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as Span).start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
