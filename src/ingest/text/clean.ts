// Cleans an article's plain text: drops page furniture, repeated header blocks and bullets; tidies whitespace.
import { isFurnitureLine, normaliseSpaces, stripInlineFurniture, tidyLine } from "./furniture.js";

interface Line {
  text: string;
  /** The line opens a paragraph (it followed a blank or removed line). */
  opens: boolean;
}

/** The longest block of lines a scrape is assumed to repeat back to back (title, byline, date, ...). */
const MAX_REPEATED_BLOCK = 10;

/**
 * Returns the text without furniture lines, with each kept line trimmed and stripped of its bullet,
 * paragraphs separated by exactly one blank line and lines within a paragraph by one newline.
 * Non-breaking and zero-width characters are normalised; a block of lines repeated back to back is kept once.
 */
export function cleanText(text: string): string {
  const lines: Line[] = [];
  let opens = true;
  for (const raw of normaliseSpaces(text).split("\n")) {
    const tidy = tidyLine(raw);
    if (tidy === "" || isFurnitureLine(tidy)) {
      opens = true;
      continue;
    }
    const kept = stripInlineFurniture(tidy);
    if (kept === "" || isFurnitureLine(kept)) {
      opens = true;
      continue;
    }
    lines.push({ text: kept, opens });
    opens = false;
  }
  dropRepeatedBlocks(lines);
  let out = "";
  for (const [i, line] of lines.entries()) {
    if (i > 0) out += line.opens ? "\n\n" : "\n";
    out += line.text;
  }
  return out;
}

/** Removes the second copy of any block of up to MAX_REPEATED_BLOCK lines that follows itself directly. */
function dropRepeatedBlocks(lines: Line[]): void {
  let i = 0;
  while (i < lines.length) {
    let removed = false;
    const longest = Math.min(MAX_REPEATED_BLOCK, Math.floor((lines.length - i) / 2));
    for (let k = longest; k >= 1; k--) {
      let same = true;
      for (let j = 0; j < k && same; j++) same = lines[i + j]?.text === lines[i + k + j]?.text;
      if (same) {
        lines.splice(i + k, k);
        removed = true;
        break;
      }
    }
    if (!removed) i++;
  }
}
