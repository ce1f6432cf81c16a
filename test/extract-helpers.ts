// Builds an ExtractContext by hand: a text plus the mentions the entity stage would resolve, so the
// fact stages (relations, events, quotes, quantities, dates) can be tested on their own. Texts in tests are
// written for the tests.
import assert from "node:assert/strict";
import type { ExtractContext, ResolvedMention } from "../src/extract/context.js";
import { annotate } from "../src/nlp/annotate.js";
import type { Document, EntityRef, EntityType, EventFact, Evidence, RelationFact } from "../src/types.js";

/** [surface, key, type, form?, gender?]: every whole-word occurrence of `surface` becomes a mention. */
export type MentionSpec = [string, string, EntityType, ResolvedMention["form"]?, ("male" | "female")?];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function makeContext(
  text: string,
  specs: MentionSpec[],
  published: string | null = "2022-01-14",
): ExtractContext {
  const annotation = annotate(text);
  const doc: Document = {
    id: "doc-test",
    source: "test.txt",
    contentType: "text/plain",
    text,
    flags: [],
    duplicateOf: null,
    contentHash: "test",
    signature: [],
    sentences: annotation.sentences,
    title: null,
    authors: [],
    outlet: null,
    published,
  };
  const entities = new Map<string, EntityRef>();
  const taken: [number, number][] = [];
  const mentions: ResolvedMention[] = [];
  // Longest surfaces first, so "Kazakh Foreign Minister" never splits "Kazakhstan".
  const ordered = [...specs].sort((a, b) => b[0].length - a[0].length);
  for (const [surface, key, type, form, gender] of ordered) {
    // The longest surface of an entity stands in for its canonical name.
    if (!entities.has(key)) {
      const entity: EntityRef & { gender?: string } = { key, type, name: surface };
      if (gender) entity.gender = gender;
      entities.set(key, entity);
    }
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(surface)}(?![\\p{L}\\p{N}])`, "gu");
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      taken.push([start, end]);
      const sentence = annotation.sentences.find((s) => start >= s.start && end <= s.end)?.index ?? -1;
      const entity = entities.get(key) as EntityRef;
      mentions.push({ start, end, key, text: m[0], method: "test", entity, sentence, form: form ?? "name" });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { doc, annotation, mentions, entities };
}

/** Every fact's evidence is the exact slice of the document text it names. */
export function assertEvidence(ctx: ExtractContext, facts: { evidence: Evidence; confidence: number }[]): void {
  for (const f of facts) {
    assert.equal(f.evidence.doc, ctx.doc.id);
    assert.equal(f.evidence.text, ctx.doc.text.slice(f.evidence.start, f.evidence.end));
    assert.ok(f.confidence > 0 && f.confidence <= 1, `confidence ${f.confidence}`);
  }
}

/** A compact view of relations for assertions: "type subject object [neg]". */
export function relKeys(facts: RelationFact[]): string[] {
  return facts.map((r) => `${r.type} ${r.subject} ${r.object}${r.negated ? " neg" : ""}`).sort();
}

/** A compact view of events: "code actors -> targets [neg] [hyp]". */
export function eventKeys(facts: EventFact[]): string[] {
  return facts
    .map(
      (e) =>
        `${e.type.slice(0, 2)} ${[...e.actors].sort().join("+")} -> ${[...e.targets].sort().join("+")}` +
        `${e.negated ? " neg" : ""}${e.hypothetical ? " hyp" : ""}`,
    )
    .sort();
}
