// The JSON Lines interchange records of spec/ontology.md (v1), as TypeScript types.
import type { EntityType } from "../types.js";

export interface EvidenceOut {
  doc: string;
  start: number;
  end: number;
  text: string;
  /** Present, "reference", when the fact comes from reference knowledge the document presupposes (docs/interchange.md). */
  basis?: "reference";
}

export interface DocumentLine {
  kind: "document";
  id: string;
  source: string;
  title: string | null;
  outlet: string | null;
  authors: string[];
  published: string | null;
  flags: string[];
  duplicate_of: string | null;
  text: string;
}

export interface EntityLine {
  kind: "entity";
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  wikidata: string | null;
  mentions: { doc: string; start: number; end: number }[];
}

interface FactLine {
  id: string;
  confidence: number;
  /** Independent sources behind the fact: syndicated copies count once. */
  sources: number;
  evidence: EvidenceOut[];
}

export interface RelationLine extends FactLine {
  kind: "relation";
  type: string;
  subject: string;
  object: string;
  negated: boolean;
  attrs: Record<string, string>;
}

export interface EventLine extends FactLine {
  kind: "event";
  type: string;
  actors: string[];
  targets: string[];
  date: string | null;
  /** The contract's optional field: "text" (the sentence states the date) or "published" (the document's publication date). Absent when undated. */
  date_source?: "text" | "published";
  location: string | null;
  negated: boolean;
  hypothetical: boolean;
}

export interface QuoteLine extends FactLine {
  kind: "quote";
  speaker: string;
  text: string;
}

export interface QuantityLine extends FactLine {
  kind: "quantity";
  value: number;
  unit: string;
  measure: string;
  subjects: string[];
  time: string | null;
}

export type InterchangeLine = DocumentLine | EntityLine | RelationLine | EventLine | QuoteLine | QuantityLine;
export type InterchangeKind = InterchangeLine["kind"];
export const INTERCHANGE_KINDS: readonly InterchangeKind[] = [
  "document",
  "entity",
  "relation",
  "event",
  "quote",
  "quantity",
];

/** Confidence of a fact read from several independent sources: 1 - Π(1 - c). */
export function combinedConfidence(perSource: number[]): number {
  const p = perSource.reduce((acc, c) => acc * (1 - Math.min(0.99, Math.max(0, c))), 1);
  return Math.round((1 - p) * 1000) / 1000;
}
