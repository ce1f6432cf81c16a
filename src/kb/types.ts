// The shape of a knowledge-base entry as data/kb/*.json writes it (data/kb/README.md).
import type { EntityType } from "../types.js";

/** An office a person held: `of` names the entity (a KB id) the role is held in; dates are ISO, open when absent. */
export interface KbRole {
  role: string;
  of: string;
  start?: string;
  end?: string;
}

export interface KbEntry {
  /** Stable identity: "country/CHN", "person/xi-jinping", ... */
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  /** Names that stand for this entity as an actor: a capital or seat ("Beijing" for China). */
  metonyms?: string[];
  /** Adjectives and nouns of nationality or origin ("Chinese", "Kazakh"). */
  demonyms?: string[];
  qid?: string | null;
  /** KB id of the country the entity belongs to or lies in. */
  country?: string;
  subtype?: string;
  /** For a historical state: KB ids of the present-day states on its former territory. */
  successors?: string[];
  roles?: KbRole[];
  gender?: string;
  source?: string;
}
