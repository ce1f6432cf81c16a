// Source comparison for an entity: which documents and outlets assert which of its facts.
import type { Dossier, FactDocuments, FactKind, SourceDocument } from "../store/sqlite-read.js";
import { factLabel } from "./labels.js";

export interface ComparedFact {
  kind: FactKind;
  id: number;
  label: string;
  confidence: number;
  /** Independent sources (syndicated copies count once). */
  sources: number;
  /** Ids of the documents that assert it. */
  documents: string[];
}

export interface OutletColumn {
  /** The outlet's name, or null for documents without one. */
  outlet: string | null;
  documents: string[];
  facts: number;
}

export interface SourceComparison {
  entity: Dossier["entity"];
  /** The dossier's counts (see Dossier): every fact, not only the compared ones. */
  counts: { facts: number; independentSources: number; documents: number };
  documents: SourceDocument[];
  outlets: OutletColumn[];
  facts: ComparedFact[];
  /** Facts only one independent source asserts. */
  singleSourced: number;
}

/**
 * The entity's facts (Dossier totals.facts: quotes by others about it are theirs, not compared), at most the
 * dossier's limit of each kind. `factDocuments`: every document behind each fact (the dossier's facts carry only
 * their first few sentences).
 */
export function compareSources(d: Dossier, factDocuments: FactDocuments): SourceComparison {
  const all = [
    ...d.relations.flatMap((g) => g.items),
    ...d.events.asActor,
    ...d.events.asTarget.filter((e) => !d.events.asActor.some((a) => a.id === e.id)),
    ...d.quotes.by,
    ...d.quantities,
  ];
  const facts: ComparedFact[] = all.map((f) => ({
    kind: f.kind,
    id: f.id,
    label: factLabel(f),
    confidence: f.confidence,
    sources: f.sources,
    documents: (factDocuments.get(`${f.kind}:${f.id}`) ?? []).map((doc) => doc.id),
  }));
  facts.sort(
    (a, b) => b.sources - a.sources || b.documents.length - a.documents.length || a.label.localeCompare(b.label),
  );
  const asserting = new Set(facts.flatMap((f) => f.documents));
  const documents = d.sources.filter((s) => asserting.has(s.id));
  const byOutlet = new Map<string | null, OutletColumn>();
  for (const doc of documents) {
    const col = byOutlet.get(doc.outlet) ?? { outlet: doc.outlet, documents: [], facts: 0 };
    col.documents.push(doc.id);
    byOutlet.set(doc.outlet, col);
  }
  for (const col of byOutlet.values()) {
    col.facts = facts.filter((f) => f.documents.some((id) => col.documents.includes(id))).length;
  }
  return {
    entity: d.entity,
    counts: { facts: d.totals.facts, independentSources: d.independentSources, documents: d.totals.factDocuments },
    documents,
    outlets: [...byOutlet.values()].sort(
      (a, b) => b.facts - a.facts || (a.outlet ?? "~").localeCompare(b.outlet ?? "~"),
    ),
    facts,
    singleSourced: facts.filter((f) => f.sources <= 1).length,
  };
}
