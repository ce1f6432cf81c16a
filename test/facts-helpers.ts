// Test helper for the fact stages: an ExtractContext built by hand from a text and its mentions,
// so quotes, quantities and dates can be tested without the entity stage.
import type { ExtractContext, ResolvedMention } from "../src/extract/context.js";
import { annotate } from "../src/nlp/annotate.js";
import type { Document, EntityRef, EntityType, Evidence } from "../src/types.js";

type Form = ResolvedMention["form"];
/** [surface, key, type, form?, gender?]: every word-bounded occurrence of `surface` becomes a mention. */
export type MentionSpec = [string, string, EntityType, Form?, ("male" | "female")?];

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function contextOf(text: string, specs: MentionSpec[], published: string | null = "2022-01-14"): ExtractContext {
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
  const taken: boolean[] = new Array(text.length).fill(false);
  const mentions: ResolvedMention[] = [];
  // longest surfaces first, so "Xi Jinping" wins over "Xi"
  const ordered = [...specs].sort((a, b) => b[0].length - a[0].length);
  for (const [surface, key, type, form = "name", gender] of ordered) {
    let entity = entities.get(key);
    if (!entity) {
      entity = { key, type, name: surface };
      if (gender) (entity as EntityRef & { gender?: string }).gender = gender;
      entities.set(key, entity);
    } else if (form === "name" && entity.name.length < surface.length) entity.name = surface;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(surface)}(?![\\p{L}\\p{N}])`, "gu");
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + surface.length;
      if (taken.slice(start, end).some(Boolean)) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      const sentence = annotation.sentences.find((s) => s.start <= start && end <= s.end)?.index ?? -1;
      mentions.push({ start, end, key, text: surface, method: "test", entity, sentence, form });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { doc, annotation, mentions, entities };
}

/** Every fact's evidence must be the exact slice of the document text. */
export function assertEvidence(ctx: ExtractContext, facts: { evidence: Evidence }[]): void {
  for (const f of facts) {
    const { start, end, text, doc } = f.evidence;
    if (doc !== ctx.doc.id) throw new Error(`evidence names document ${doc}`);
    if (ctx.doc.text.slice(start, end) !== text) throw new Error(`evidence text is not the slice [${start}, ${end})`);
  }
}
