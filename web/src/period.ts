// Partial ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) as the stretch of time they cover.

export const DAY = 86_400_000;

/** The period a partial ISO date covers, in ms since the epoch: [start, end). */
export function period(iso: string): [number, number] {
  const [y, m, d] = iso.split("-").map(Number) as [number, number?, number?];
  if (d && m) return [Date.UTC(y, m - 1, d), Date.UTC(y, m - 1, d + 1)];
  if (m) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1)];
  return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
}

/** How precisely a partial date is known. */
export function precision(iso: string): "day" | "month" | "year" {
  const parts = iso.split("-").length;
  return parts >= 3 ? "day" : parts === 2 ? "month" : "year";
}

export const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** A typed YYYY[-MM[-DD]] as its period, or null when empty or malformed. */
export function typedPeriod(value: string): [number, number] | null {
  const v = value.trim();
  return PARTIAL_DATE.test(v) ? period(v) : null;
}
