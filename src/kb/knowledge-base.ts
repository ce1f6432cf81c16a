// The knowledge base the pipeline starts with: entries from data/kb, their gazetteer, the persons by surname and
// the office-holders by role. Built once per process on first use.
import type { EntityType } from "../types.js";
import { AliasIndex } from "./alias-index.js";
import { KB_DIR, loadKbFiles } from "./load.js";
import { foldLower } from "./normalize.js";
import { canonicalRole, roleHoldsOn } from "./roles.js";
import type { KbEntry, KbRole } from "./types.js";

/** Countries whose people put the family name first ("Xi Jinping" -> "Xi"). */
const FAMILY_NAME_FIRST = new Set(["country/CHN", "country/TWN", "country/KOR", "country/PRK", "country/VNM"]);

export interface Office {
  person: KbEntry;
  role: KbRole;
}

export class KnowledgeBase {
  readonly byId = new Map<string, KbEntry>();
  readonly aliases: AliasIndex;
  /** Folded lower-case surname -> persons who bear it. */
  private readonly surnames = new Map<string, KbEntry[]>();
  /** "role|of" (canonical role) -> offices held. */
  private readonly offices = new Map<string, Office[]>();

  constructor(
    readonly entries: readonly KbEntry[],
    readonly problems: readonly string[] = [],
  ) {
    for (const e of entries) this.byId.set(e.id, e);
    this.aliases = new AliasIndex(entries);
    for (const e of entries) {
      if (e.type !== "person") continue;
      for (const s of surnamesOf(e)) {
        const list = this.surnames.get(s) ?? [];
        if (!list.includes(e)) list.push(e);
        this.surnames.set(s, list);
      }
      for (const r of e.roles ?? []) {
        const role = canonicalRole(r.role) ?? r.role.toLowerCase();
        const key = `${role}|${r.of}`;
        const list = this.offices.get(key) ?? [];
        list.push({ person: e, role: r });
        this.offices.set(key, list);
      }
    }
  }

  get(id: string): KbEntry | undefined {
    return this.byId.get(id);
  }

  /** KB persons whose surname (or, for family-name-first names, family name) is this word. */
  personsBySurname(word: string): readonly KbEntry[] {
    return this.surnames.get(foldLower(word)) ?? [];
  }

  /** Who held `role` (canonical) of `of` (a KB id) on `date`; latest start first. */
  holders(role: string, of: string, date: string): KbEntry[] {
    const list = (this.offices.get(`${role}|${of}`) ?? []).filter((o) => roleHoldsOn(o.role, date));
    list.sort((a, b) => (b.role.start ?? "").localeCompare(a.role.start ?? ""));
    return [...new Set(list.map((o) => o.person))];
  }

  /** Type of an entry (or undefined when the id is unknown). */
  typeOf(id: string): EntityType | undefined {
    return this.byId.get(id)?.type;
  }
}

/** The words a person's name may be shortened to: the last word, or the first for family-name-first names. */
export function surnamesOf(e: KbEntry): string[] {
  const out = new Set<string>();
  for (const name of [e.name, ...e.aliases]) {
    const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
    if (words.length < 2) continue;
    const last = words[words.length - 1] as string;
    out.add(foldLower(last));
    if (e.country && FAMILY_NAME_FIRST.has(e.country)) out.add(foldLower(words[0] as string));
  }
  return [...out];
}

let shared: KnowledgeBase | undefined;

/** The process-wide knowledge base from data/kb (loaded on first call). */
export function knowledgeBase(): KnowledgeBase {
  if (!shared) {
    const loaded = loadKbFiles(KB_DIR);
    shared = new KnowledgeBase(loaded.entries, loaded.problems);
  }
  return shared;
}

/** Drops the cached knowledge base (tests that edit data files). */
export function resetKnowledgeBase(): void {
  shared = undefined;
}
