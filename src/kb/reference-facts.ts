// Reference facts shipped in data/reference/ (memberships, borders, trade partners and capitals from the CIA World
// Factbook): loaded on first use, each with its own source and edition, and kept apart from the facts read from
// articles. They are never written into the store's evidence tables; the API lists them beside a dossier.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { KB_DIR } from "./load.js";

/** data/reference/ beside data/kb/ (the same relative path from src/kb and dist/kb). */
export const REFERENCE_DIR = join(KB_DIR, "..", "reference");
export const FACTBOOK_FACTS_FILE = join(REFERENCE_DIR, "factbook-facts.json");

export interface ReferenceFact {
  /** KB ids: "country/KAZ" member_of "org/sco". */
  subject: string;
  /** An ontology relation type: member_of, borders, trade_partner, located_in. */
  relation: string;
  object: string;
  value?: number;
  unit?: string;
  /** "export partner", "observer", "capital", ... */
  detail?: string;
  rank?: number;
  year?: string;
  /** The source field the fact was read from. */
  field: string;
}

/** A reference fact with where it comes from. */
export interface SourcedReferenceFact extends ReferenceFact {
  source: string;
  edition: string;
}

interface ReferenceSet {
  source: string;
  edition: string;
  facts: ReferenceFact[];
  /** KB id -> indexes of the facts it is subject or object of. */
  byEntity: Map<string, number[]>;
}

let loaded: ReferenceSet | null | undefined;

function load(file: string): ReferenceSet | null {
  if (!existsSync(file)) return null;
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as { source?: unknown; edition?: unknown; facts?: unknown };
    const facts = (Array.isArray(data.facts) ? data.facts : []).filter(
      (f): f is ReferenceFact =>
        !!f &&
        typeof f === "object" &&
        typeof (f as ReferenceFact).subject === "string" &&
        typeof (f as ReferenceFact).relation === "string" &&
        typeof (f as ReferenceFact).object === "string",
    );
    const byEntity = new Map<string, number[]>();
    facts.forEach((f, i) => {
      for (const id of new Set([f.subject, f.object])) {
        const list = byEntity.get(id) ?? [];
        list.push(i);
        byEntity.set(id, list);
      }
    });
    return {
      source: typeof data.source === "string" ? data.source : "unknown source",
      edition: typeof data.edition === "string" ? data.edition : "",
      facts,
      byEntity,
    };
  } catch {
    return null;
  }
}

/** Every reference fact whose subject or object is this KB id, each with its source (empty when none or no file). */
export function referenceFactsAbout(kbId: string): SourcedReferenceFact[] {
  if (loaded === undefined) loaded = load(FACTBOOK_FACTS_FILE);
  if (!loaded) return [];
  const { source, edition, facts } = loaded;
  return (loaded.byEntity.get(kbId) ?? []).map((i) => ({ ...(facts[i] as ReferenceFact), source, edition }));
}

/** Drops the cached facts (tests that edit the data file). */
export function resetReferenceFacts(): void {
  loaded = undefined;
}
