// Formatting dates, figures and labels for people to read.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2023-05-17" → "17 May 2023"; "2023-05" → "May 2023"; "2023" stays; null → "undated". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "undated";
  const [y, m, d] = iso.split("-");
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  if (d && month) return `${Number(d)} ${month} ${y}`;
  if (month) return `${month} ${y}`;
  return y ?? iso;
}

/**
 * An event's date as a reader should take it: "4 Jul 2024" when the text states it, "reported on 4 Jul 2024" when
 * the text gives none and the date is the publication date of the report.
 */
export function formatEventDate(e: { date: string | null; dateSource?: "text" | "published" | null }): string {
  return e.date && e.dateSource === "published" ? `reported on ${formatDate(e.date)}` : formatDate(e.date);
}

const compact = new Intl.NumberFormat("en", { maximumFractionDigits: 1, notation: "compact" });
const plain = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });

/** A quantity as a reader expects it: $31B, 12%, 2,000 troops, 1,770 km. */
export function formatQuantity(value: number, unit: string): string {
  if (unit === "percent") return `${plain.format(value * 100)}%`;
  if (unit === "USD") return `$${Math.abs(value) >= 10_000 ? compact.format(value) : plain.format(value)}`;
  const n = Math.abs(value) >= 1_000_000 ? compact.format(value) : plain.format(value);
  return `${n} ${unit}`;
}

export function formatConfidence(c: number): string {
  return `${Math.round(c * 100)}%`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

/**
 * An entity's facts and their independent sources, as the dossier counts them (Dossier totals.facts and
 * independentSources): the same words wherever the pair is shown.
 */
export function factsFromSources(facts: number, sources: number): string {
  return `${plural(facts, "fact")} from ${plural(sources, "independent source")}`;
}

export function humanise(code: string): string {
  return code.replace(/_/g, " ");
}
