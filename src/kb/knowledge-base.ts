// The knowledge base the pipeline starts with: entries from data/kb, their gazetteer, the persons by surname and
// the office-holders by role. Built once per process on first use.
import type { EntityType } from "../types.js";
import { AliasIndex } from "./alias-index.js";
import { KB_DIR, loadKbFiles } from "./load.js";
import { familyNameIndex, isCommonGivenName } from "./names.js";
import { foldLower } from "./normalize.js";
import { canonicalRole, roleHoldsOn } from "./roles.js";
import { translitNameKey } from "./translit.js";
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
  /** Folded first names of persons whose name puts the given name first ("nursultan", "kassym-jomart"). */
  private readonly givenNames = new Set<string>();
  /** Country id -> its armed forces (the military entry of that country that the KB names "<demonym> military"). */
  private readonly militaries = new Map<string, KbEntry>();

  constructor(
    readonly entries: readonly KbEntry[],
    readonly problems: readonly string[] = [],
  ) {
    for (const e of entries) this.byId.set(e.id, e);
    this.aliases = new AliasIndex(entries);
    this.buildMilitaries();
    for (const e of entries) {
      if (e.type !== "person") continue;
      const given = givenNameOf(e);
      if (given) this.givenNames.add(given);
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

  /** Is this word a person's given name (a common one, or the first name of a KB person)? */
  isGivenName(word: string): boolean {
    const w = foldLower(word);
    return isCommonGivenName(w) || this.givenNames.has(w);
  }

  /** A country's armed forces, when the KB has them ("country/RUS" -> Russian Armed Forces). */
  militaryOf(country: string): KbEntry | undefined {
    return this.militaries.get(country);
  }

  /**
   * The military of a country: its "military" entry that the KB itself calls "<demonym> military" (or army), else
   * the one named "<demonym> Armed Forces" or "Armed Forces of <country>". Branches and staffs are never chosen.
   */
  private buildMilitaries(): void {
    const rank = new Map<string, number>();
    for (const e of this.entries) {
      if (e.type !== "organization" || e.subtype !== "military" || !e.country) continue;
      const demonyms = (this.byId.get(e.country)?.demonyms ?? []).map((d) => foldLower(d));
      let best = 3;
      for (const f of [e.name, ...e.aliases].map((x) => foldLower(x))) {
        if (demonyms.some((d) => f === `${d} military` || f === `${d} army`)) best = Math.min(best, 0);
        else if (/^(?:[\p{L}.]+ )?armed forces(?: of [\p{L} ]+)?$/u.test(f)) best = Math.min(best, 1);
      }
      if (best < (rank.get(e.country) ?? 3)) {
        rank.set(e.country, best);
        this.militaries.set(e.country, e);
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

  private translitIndex: Map<string, KbEntry[]> | undefined;

  /**
   * KB persons whose name, or an alias of two words or more, has this transliteration key (src/kb/translit.ts):
   * "Kasym-Zhomart Tokaev" finds Kassym-Jomart Tokayev. Built on first use.
   */
  personsByTranslit(name: string): readonly KbEntry[] {
    if (!this.translitIndex) {
      const index = new Map<string, KbEntry[]>();
      for (const e of this.entries) {
        if (e.type !== "person") continue;
        for (const form of [e.name, ...e.aliases]) {
          if (form.split(/[\s-]+/).filter(Boolean).length < 2) continue;
          const key = translitNameKey(form);
          const list = index.get(key) ?? [];
          if (!list.includes(e)) list.push(e);
          index.set(key, list);
        }
      }
      this.translitIndex = index;
    }
    return this.translitIndex.get(translitNameKey(name)) ?? [];
  }

  /** Type of an entry (or undefined when the id is unknown). */
  typeOf(id: string): EntityType | undefined {
    return this.byId.get(id)?.type;
  }
}

/** Does this person's country put the family name first? */
export function familyNameFirst(e: Pick<KbEntry, "country">): boolean {
  return !!e.country && FAMILY_NAME_FIRST.has(e.country);
}

/**
 * The words a person's name may be shortened to: the family name only. That is the last word, or for a name in
 * Chinese, Korean or Vietnamese order the first ("Li Xi" is "Li", never "Xi"; "Nur Bekri" is "Bekri").
 */
export function surnamesOf(e: KbEntry): string[] {
  const out = new Set<string>();
  const familyFirst = familyNameFirst(e);
  for (const name of [e.name, ...e.aliases]) {
    const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
    if (words.length < 2) continue;
    out.add(foldLower(words[familyNameIndex(words, familyFirst)] as string));
  }
  return [...out];
}

/** The given name a person's canonical name starts with, when it is written given name first. */
function givenNameOf(e: KbEntry): string | undefined {
  const words = e.name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  if (words.length < 2 || familyNameIndex(words, familyNameFirst(e)) === 0) return undefined;
  const w = foldLower(words[0] as string);
  return /^\p{L}{2,}(?:-\p{L}+)?$/u.test(w) ? w : undefined;
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
