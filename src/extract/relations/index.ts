// The relation stage: reads the ontology's thirteen relation types from each sentence.
// Reads: the document's sentences and tokens, the resolved entity mentions. Adds: RelationFacts, each
// with the sentence as evidence. Rules are regular expressions over the sentence with mentions masked
// as typed placeholders (masked.ts); subject and object types are checked against the ontology here,
// and the realis of the cue word negates a relation or drops a hypothetical one.
import { type EntityType, type RelationFact, type RelationType, SYMMETRIC_RELATIONS } from "../../types.js";
import { type ExtractContext, evidenceOf, mentionsIn } from "../context.js";
import { realisAt, sentenceTokens } from "../realis.js";
import { knownRelations } from "./kb-facts.js";
import { maskSentence, pieces } from "./masked.js";
import { missionSeats } from "./missions.js";
import { isNationalBody } from "./orgs.js";
import type { Hit, Rule } from "./rule.js";
import { GEO_RULES } from "./rules-geo.js";
import { GROUP_RULES } from "./rules-groups.js";
import { PEOPLE_RULES } from "./rules-people.js";
import { STANCE_RULES } from "./rules-stances.js";
import { TIES_RULES } from "./rules-ties.js";

/** Rules written for a demonym in a slot ("Mongolian President X", "Japanese investment in Y", "the Kenyan city of Z"). */
const DEMONYM_RULES = new Set([
  "title-before-name",
  "counterpart",
  "x-led-org",
  "org-a-x-led",
  "state-city-of",
  "demonym-body",
  "a-b-border",
  "near-x-border",
  "buys-from",
  "supplies-to",
  "supplies-with",
  "a-trades-with-b",
  "a-b-trade",
  "investment-in",
  "welcomes-investment",
  "demonym-war-with",
  "a-b-partnership",
  "whose-country-chairs",
]);

export const RELATION_RULES: Rule[] = [
  ...PEOPLE_RULES,
  ...GROUP_RULES,
  ...GEO_RULES,
  ...TIES_RULES,
  ...STANCE_RULES,
].map((r) => (DEMONYM_RULES.has(r.name) ? { ...r, demonyms: true } : r));

type Allowed = [subject: EntityType[], object: EntityType[]];
const C: EntityType = "country";
const O: EntityType = "organization";
const P: EntityType = "person";
const L: EntityType = "location";
const F: EntityType = "facility";
const I: EntityType = "initiative";

/** Subject and object types per relation (spec/ontology.md). */
export const RELATION_TYPES: Record<RelationType, Allowed> = {
  member_of: [[C, O], [O]],
  holds_position: [[P], [C, O]],
  affiliated_with: [[P], [O]],
  located_in: [
    [L, F, O],
    [L, C],
  ],
  borders: [
    [C, L],
    [C, L],
  ],
  trade_partner: [[C], [C]],
  supplies: [
    [C, O],
    [C, O],
  ],
  invests_in: [
    [C, O],
    [C, O, F],
  ],
  allied_with: [
    [C, O],
    [C, O],
  ],
  // "the West" and "Europe" are locations in the ontology, and rivalry with them is common.
  opposes: [
    [C, O, L],
    [C, O, L],
  ],
  operates: [
    [C, O],
    [F, L],
  ],
  participates_in: [[C, O], [I]],
  created: [
    [P, C, O],
    [I, O],
  ],
};

/** "... of (the) (up to three capitalised words) " right before a state's name at the end of a body's name. */
const OF_BEFORE_STATE = /\bof (?:the )?(?:[A-Z][a-z']+ ){0,3}$/;

/**
 * A state body named after its state: "Chinese Communist Party", "Korea Development Bank", "Bank of Japan",
 * "Ministry of Foreign Affairs of Mongolia". The name as written is the evidence; the sentence of its first
 * mention is the fact's evidence.
 */
function namedAfterState(ctx: ExtractContext): RelationFact[] {
  const forms = new Map<string, string>(); // surface -> country key
  for (const m of ctx.mentions)
    if (m.entity.type === "country" && m.text.length > 2) {
      forms.set(m.text, m.key);
      forms.set(m.entity.name, m.key);
    }
  if (!forms.size) return [];
  // Most documents name no national body: then there is no pattern to build.
  const bodies = ctx.mentions.filter((m) => m.entity.type === "organization" && isNationalBody(m.entity));
  if (!bodies.length) return [];
  // Longest forms first, as "South Korea" must win over "Korea". String tests, not one regular expression of every
  // form: building and running that per document cost more than the rest of the stage.
  const sorted = [...forms.keys()].sort((a, b) => b.length - a.length);
  const stateIn = (name: string): string | undefined => {
    const rest = name.startsWith("The ") || name.startsWith("the ") ? name.slice(4) : name;
    for (const f of sorted) {
      if (rest.startsWith(f) && /\s/.test(rest[f.length] ?? "")) return forms.get(f);
      if (rest !== name && name.startsWith(f) && /\s/.test(name[f.length] ?? "")) return forms.get(f); // "The Gambia"
    }
    for (const f of sorted) {
      if (name.length > f.length && name.endsWith(f) && OF_BEFORE_STATE.test(name.slice(0, name.length - f.length))) {
        return forms.get(f);
      }
    }
    return undefined;
  };
  const out: RelationFact[] = [];
  const done = new Set<string>();
  for (const m of bodies) {
    if (done.has(m.key)) continue;
    const state = stateIn(m.text) ?? stateIn(m.entity.name);
    const sentence = ctx.doc.sentences[m.sentence];
    if (!state || !sentence) continue;
    done.add(m.key);
    out.push({
      type: "located_in",
      subject: m.key,
      object: state,
      negated: false,
      attrs: {},
      confidence: 0.7,
      evidence: evidenceOf(ctx, sentence),
    });
  }
  return out;
}

/** Runs the relation rules over every sentence. */
export function extractRelations(ctx: ExtractContext, rules: Rule[] = RELATION_RULES): RelationFact[] {
  const out: RelationFact[] = [...namedAfterState(ctx), ...missionSeats(ctx)];
  for (const sentence of ctx.doc.sentences) {
    const mentions = mentionsIn(ctx, sentence);
    if (mentions.length < 2) continue;
    const masked = maskSentence(ctx, sentence, mentions);
    const tokens = sentenceTokens(ctx, sentence);
    const seen = new Map<string, RelationFact>();
    for (const piece of pieces(masked)) {
      for (const r of rules) {
        r.re.lastIndex = 0;
        for (let m = r.re.exec(piece.text); m; m = r.re.exec(piece.text)) {
          if (m[0].length === 0) r.re.lastIndex++;
          let hits: Hit[];
          try {
            hits = r.hits(m, { text: piece.text, mentions });
          } catch {
            hits = [];
          }
          for (const h of hits) {
            if (!r.demonyms && (mentions[h.subj]?.form === "demonym" || mentions[h.obj]?.form === "demonym")) continue;
            const fact = toFact(ctx, h, mentions, masked.offsets, piece.base, tokens, sentence);
            if (!fact) continue;
            const [a, b] =
              SYMMETRIC_RELATIONS.has(fact.type) && fact.object < fact.subject
                ? [fact.object, fact.subject]
                : [fact.subject, fact.object];
            const key = `${fact.type}|${a}|${b}|${fact.negated}`;
            const prev = seen.get(key);
            if (!prev || prev.confidence < fact.confidence) seen.set(key, fact);
          }
        }
      }
    }
    out.push(...seen.values());
  }
  // Reference knowledge fills in what the text presupposes, never against what it says.
  const read = new Set(out.map((r) => `${r.type}|${r.subject}|${r.object}`));
  for (const r of knownRelations(ctx)) if (!read.has(`${r.type}|${r.subject}|${r.object}`)) out.push(r);
  return out;
}

function toFact(
  ctx: ExtractContext,
  h: Hit,
  mentions: ReturnType<typeof mentionsIn>,
  offsets: number[],
  base: number,
  tokens: ReturnType<typeof sentenceTokens>,
  sentence: ExtractContext["doc"]["sentences"][number],
): RelationFact | null {
  const s = mentions[h.subj];
  const o = mentions[h.obj];
  if (!s || !o || s.key === o.key) return null;
  const [subjTypes, objTypes] = RELATION_TYPES[h.type];
  if (!subjTypes.includes(s.entity.type) || !objTypes.includes(o.entity.type)) return null;
  let negated = h.negated ?? false;
  let confidence = h.confidence;
  if (h.cue !== undefined) {
    const at = offsets[base + h.cue];
    if (at !== undefined) {
      const ti = tokens.findIndex((t) => t.end > at);
      if (ti >= 0) {
        const r = realisAt(tokens, ti);
        if (r.hypothetical && !h.keepHypothetical) return null;
        if (r.negated) negated = true;
        if (r.hypothetical) confidence = Math.min(confidence, 0.5);
      }
    }
  }
  // Pronoun and role mentions are resolved guesses: a relation built on one is less certain.
  if (s.form === "pronoun" || o.form === "pronoun") confidence *= 0.8;
  return {
    type: h.type,
    subject: s.key,
    object: o.key,
    negated,
    attrs: h.attrs ?? {},
    confidence: Math.round(confidence * 100) / 100,
    evidence: evidenceOf(ctx, sentence),
  };
}
