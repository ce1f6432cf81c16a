// Full-text search input and output: what a user typed as a safe FTS5 expression, and matches marked in text.
import type { TextPart } from "./views.js";

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * Turns what a user typed into a safe FTS5 expression. Every term is quoted, so FTS5 syntax in the
 * input ("NEAR(", "*", ":", "^", stray quotes) is read as words. Supported: "exact phrases", word*
 * prefixes, and OR between terms; everything else is an implicit AND. Null when nothing searchable is left.
 */
export function ftsQuery(input: string): string | null {
  const groups: string[][] = [[]];
  const s = input.normalize("NFC");
  let i = 0;
  while (i < s.length) {
    const ch = s[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    let chunk: string;
    let phrase = false;
    if (ch === '"') {
      const close = s.indexOf('"', i + 1);
      const end = close < 0 ? s.length : close;
      chunk = s.slice(i + 1, end);
      phrase = true;
      i = end + 1;
      if (s[i] === "*") {
        chunk += "*";
        i++;
      }
    } else {
      let end = i;
      while (end < s.length && !/[\s"]/.test(s[end] as string)) end++;
      chunk = s.slice(i, end);
      i = end;
    }
    if (!phrase && chunk === "OR") {
      if ((groups.at(-1) as string[]).length) groups.push([]);
      continue;
    }
    const words = chunk.match(WORD);
    if (!words) continue;
    const prefix = chunk.endsWith("*") ? "*" : "";
    (groups.at(-1) as string[]).push(`"${words.join(" ")}"${prefix}`);
  }
  const parts = groups.filter((g) => g.length).map((g) => g.join(" "));
  if (!parts.length) return null;
  return parts.length === 1 ? (parts[0] as string) : parts.map((p) => `(${p})`).join(" OR ");
}

// Markers snippet()/highlight() put around matches; private-use characters never stored in text.
export const OPEN = "\uE000";
export const CLOSE = "\uE001";

export function markedParts(marked: string): TextPart[] {
  const parts: TextPart[] = [];
  let rest = marked;
  while (rest.length) {
    const open = rest.indexOf(OPEN);
    if (open < 0) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (open > 0) parts.push({ text: rest.slice(0, open), match: false });
    const close = rest.indexOf(CLOSE, open + 1);
    const end = close < 0 ? rest.length : close;
    parts.push({ text: rest.slice(open + 1, end), match: true });
    rest = rest.slice(end + 1);
  }
  return parts.filter((p) => p.text.length);
}
