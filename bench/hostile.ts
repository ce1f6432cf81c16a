// Hostile and oversized inputs for the ingest stages: one long line without a space, and one long document built
// from the synthetic corpus's articles (their own paragraphs, so entities, quotes, figures and dates recur
// throughout). Used by the large-document benchmark and by test/hostile-input.test.ts; deterministic.
import { DEFAULT_SEED, loadNames, makeArticle } from "./corpus.js";

/** Units repeated into a line with no space: letters, capitals, digits, and the shapes of an e-mail, a URL, markup. */
export const LINE_UNITS = ["a", "A", "1", "a-", "A.", "a@b.", "http://a", "<a", "![", "\u00e9"] as const;

/** `unit` repeated to `bytes` UTF-8 bytes (rounded down to whole characters). */
export function longLine(bytes: number, unit: string = "a"): string {
  const perUnit = Buffer.byteLength(unit, "utf8");
  return unit.repeat(Math.floor(bytes / perUnit));
}

/**
 * One document of about `bytes` UTF-8 bytes: a title, then the paragraphs of consecutive synthetic articles, each
 * paragraph once, as a long report or a page that concatenates many stories would read.
 */
export function longDocument(bytes: number, seed = DEFAULT_SEED): string {
  const names = loadNames();
  const parts = ["A long report on the region, compiled from many dispatches", ""];
  let size = Buffer.byteLength(parts[0] as string, "utf8");
  for (let i = 0; size < bytes; i++) {
    for (const line of makeArticle(i, seed, names).text.split("\n")) {
      if (line.split(" ").length < 8) continue; // titles, bylines and furniture lines: keep the prose
      parts.push(line, "");
      size += Buffer.byteLength(line, "utf8") + 2;
      if (size >= bytes) break;
    }
  }
  const text = parts.join("\n");
  return Buffer.from(text, "utf8")
    .subarray(0, bytes)
    .toString("utf8")
    .replace(/\uFFFD$/, "");
}
