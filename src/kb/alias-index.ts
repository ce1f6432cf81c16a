// The gazetteer: every surface form of every KB entry, keyed by its first word, so a matcher looks up only the
// forms that can start at a token (a Map of first word -> candidate forms, never a regex per alias).
// Case: the text must be at least as capitalised as the form ("US" never matches "us", "China" matches "CHINA"
// but not "china"); accents and curly quotes are folded.
import { foldLower } from "./normalize.js";
import type { KbEntry } from "./types.js";

export type AliasKind = "name" | "alias" | "metonym" | "demonym";

export interface AliasForm {
  entry: KbEntry;
  kind: AliasKind;
  /** The form as the KB writes it (without a leading "The"). */
  surface: string;
  /** foldLower(surface): compared against the folded document text. */
  lower: string;
  /** Offsets into `lower` where the text must have an upper-case letter. */
  upperAt: number[];
  /** The form has no lower-case letter (an acronym: "SCO", "U.S."). */
  acronym: boolean;
  /** The KB form began with "The": the text must have "the" before it ("The Diplomat"). */
  afterThe: boolean;
}

/**
 * First run of letters/digits of a folded string: the key a form is filed under. `to` bounds the scan, so looking up
 * every token of a long run without spaces stays linear (see AliasIndex.keyBound).
 */
export function firstWord(lower: string, from = 0, to = lower.length): string {
  let end = from;
  while (end < to && isKeyChar(lower.charCodeAt(end), lower[end] as string)) end++;
  return lower.slice(from, end);
}

function isKeyChar(code: number, ch: string): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return /[\p{L}\p{N}]/u.test(ch);
}

const KIND_RANK: Record<AliasKind, number> = { name: 0, alias: 1, demonym: 2, metonym: 3 };

/** Plural of a demonym used as a noun ("Kazakhs"); none for forms that take no -s ("Chinese", "British"). */
function demonymPlural(d: string): string | undefined {
  if (/(?:ese|sh|ch|s|x|z|i)$/i.test(d) || d.includes(" ")) return undefined;
  return `${d}s`;
}

export class AliasIndex {
  private readonly byFirst = new Map<string, AliasForm[]>();
  /** The longest key: a run of letters longer than this files no form, so a scan may stop one past it. */
  private longestKey = 0;
  /** Forms too ambiguous to index, with the reason (for diagnostics). */
  readonly skipped: string[] = [];

  constructor(entries: readonly KbEntry[]) {
    for (const entry of entries) {
      this.add(entry, entry.name, "name");
      for (const a of entry.aliases) this.add(entry, a, "alias");
      for (const m of entry.metonyms ?? []) this.add(entry, m, "metonym");
      for (const d of entry.demonyms ?? []) {
        this.add(entry, d, "demonym");
        const plural = demonymPlural(d);
        if (plural) this.add(entry, plural, "demonym");
      }
    }
    for (const list of this.byFirst.values()) {
      list.sort((a, b) => b.lower.length - a.lower.length || KIND_RANK[a.kind] - KIND_RANK[b.kind]);
    }
  }

  private add(entry: KbEntry, raw: string, kind: AliasKind): void {
    let surface = raw.normalize("NFC").trim().replace(/\s+/g, " ");
    let afterThe = false;
    if (/^the\s/i.test(surface)) {
      // "The Diplomat", "the West": matched without the article, and only where the text has it.
      surface = surface.slice(4);
      afterThe = true;
    }
    if (surface.length < 2) {
      this.skipped.push(`${entry.id}: form "${raw}" too short`);
      return;
    }
    const lower = foldLower(surface);
    const key = firstWord(lower);
    if (!key) {
      this.skipped.push(`${entry.id}: form "${raw}" has no word`);
      return;
    }
    const upperAt: number[] = [];
    let hasLower = false;
    for (let i = 0; i < surface.length; i++) {
      const ch = surface[i] as string;
      if (ch !== ch.toLowerCase()) upperAt.push(i);
      else if (ch !== ch.toUpperCase()) hasLower = true;
    }
    this.longestKey = Math.max(this.longestKey, key.length);
    const list = this.byFirst.get(key) ?? [];
    if (list.some((f) => f.entry === entry && f.lower === lower && f.afterThe === afterThe)) return;
    list.push({ entry, kind, surface, lower, upperAt, acronym: !hasLower, afterThe });
    this.byFirst.set(key, list);
  }

  /** Forms filed under a first word (folded, lower case), longest first. */
  /**
   * Where a key read from `from` may stop: one character past the longest key, so a longer run reads as a key no
   * form has, as the whole run would (a word the tokenizer splits, "Kalın" as "Kal", "ı", "n", still reads whole).
   */
  keyBound(lower: string, from: number): number {
    return Math.min(lower.length, from + this.longestKey + 1);
  }

  candidates(key: string): readonly AliasForm[] | undefined {
    return this.byFirst.get(key);
  }

  get size(): number {
    let n = 0;
    for (const l of this.byFirst.values()) n += l.length;
    return n;
  }
}
