// Relations a document presupposes through reference knowledge. When an article names a city and the state it
// lies in ("protests in Zhanaozen" in a piece about Kazakhstan), a state body and its state, a known office-holder
// and the state or body of their office, or a small grouping of states and one of its members (memberships.ts),
// a reader takes the tie as given. The knowledge base (data/kb) holds only reference facts (where a place lies,
// whose organ a body is, which offices a person held), never what some article says, so these hold whatever the
// article. Only pairs the document itself names both ends of are read; a place must be a city, province or region
// (not a lake or a mountain range, nor a capital that stands for its state), and a member must be named in one
// sentence with its grouping. The evidence is the first sentence naming both, or else the first naming the
// subject, and confidence is lower than for a rule reading the words.
import { knowledgeBase } from "../../kb/knowledge-base.js";
import { roleHoldsOn } from "../../kb/roles.js";
import type { KbEntry } from "../../kb/types.js";
import type { RelationFact, RelationType } from "../../types.js";
import { type ExtractContext, evidenceOf } from "../context.js";
import { MEMBERSHIPS } from "./memberships.js";

/** Organisation kinds that belong to one state (its organs, companies, universities, think tanks). */
const HOME_ORGS = new Set([
  "ministry",
  "military",
  "military-body",
  "intelligence-agency",
  "legislature",
  "party",
  "party-body",
  "government-body",
  "central-bank",
  "paramilitary",
  "law-enforcement",
  "state-company",
  "company",
  "bank",
  "university",
  "think-tank",
  "research-organization",
  "sovereign-wealth-fund",
  "investment-fund",
  "private-military-company",
]);
/** Facilities at one spot (a pipeline or railway's KB country is only where its route starts). */
const SITE_FACILITIES = new Set([
  "port",
  "dry-port",
  "base",
  "field",
  "dam",
  "power-plant",
  "cosmodrome",
  "lng-plant",
  "mine",
]);
/** Administrative places and settlements (a lake, a mountain range or "Siberia" is rarely recorded as in a state). */
const ADMIN_PLACES = new Set([
  "city",
  "capital",
  "region",
  "province",
  "autonomous-region",
  "autonomous-republic",
  "republic",
  "state",
  "prefecture",
  "territory",
  "union-territory",
  "special-administrative-region",
  "separatist-entity",
  "border-town",
  "exclave",
]);
interface Pair {
  type: RelationType;
  subject: string;
  object: string;
  attrs?: Record<string, string>;
}

/**
 * The date the document speaks as of: its publication date, or for an undated one the latest past year its text
 * names (a text naming 2021 was written in 2021 or later, so only what held by then is certain).
 */
function asOf(ctx: ExtractContext): string | null {
  if (ctx.doc.published) return ctx.doc.published;
  const now = new Date().getUTCFullYear();
  const years = [...ctx.doc.text.matchAll(/\b(?:19|20)\d\d\b/g)].map((m) => Number(m[0])).filter((y) => y <= now);
  return years.length ? String(Math.max(...years)) : null;
}

/**
 * Does this document mostly use a capital's name for its state ("Beijing said")? Then a reader takes the name
 * as the state, and the few times it is a place ("a summit in Beijing") are not a tie between two entities.
 */
function standsForState(ctx: ExtractContext, key: string, kb: KbEntry): boolean {
  let asState = 0;
  let asPlace = 0;
  for (const m of ctx.mentions) {
    if (m.key === key) asPlace++;
    else if (m.key === kb.country && m.text === kb.name) asState++;
  }
  return asState >= asPlace;
}

function pairsOf(ctx: ExtractContext, key: string, kb: KbEntry): Pair[] {
  const named = (id: string | undefined, type: string) => !!id && id !== key && ctx.entities.get(id)?.type === type;
  const out: Pair[] = [];
  const home = kb.country && named(kb.country, "country") ? kb.country : undefined;
  const subtype = kb.subtype ?? "";
  if (home && kb.type === "location" && ADMIN_PLACES.has(subtype)) {
    // A capital that stands for its state ("Beijing") is that state's name, not a place in it.
    const state = knowledgeBase().get(home);
    if (!state?.metonyms?.includes(kb.name) || !standsForState(ctx, key, kb))
      out.push({ type: "located_in", subject: key, object: home });
  }
  if (
    home &&
    ((kb.type === "organization" && HOME_ORGS.has(subtype)) || (kb.type === "facility" && SITE_FACILITIES.has(subtype)))
  )
    out.push({ type: "located_in", subject: key, object: home });
  if (kb.type === "organization" && MEMBERSHIPS[key]) {
    const date = asOf(ctx);
    for (const ms of MEMBERSHIPS[key] ?? [])
      if (named(ms.member, "country") && (date ? roleHoldsOn(ms, date) : !ms.end))
        out.push({ type: "member_of", subject: ms.member, object: key });
  }
  if (kb.type === "person") {
    const published = ctx.doc.published;
    const seen = new Set<string>();
    for (const r of kb.roles ?? []) {
      const of = ctx.entities.get(r.of);
      if (seen.has(r.of) || !of || (of.type !== "country" && of.type !== "organization")) continue;
      // An office taken only after the document was written is no tie the document presupposes.
      if (published && r.start && !roleHoldsOn({ start: r.start }, published)) continue;
      const former = !!r.end && (!published || !roleHoldsOn(r, published));
      // A past post in a body ("once a UN envoy") is biography, not the person's standing in the story.
      if (of.type === "organization" && former) continue;
      seen.add(r.of);
      const attrs: Record<string, string> = { role: r.role };
      if (former) attrs.status = "former";
      out.push({ type: "holds_position", subject: key, object: r.of, attrs });
    }
  }
  return out;
}

/** Relations between entities of the document that the knowledge base states as reference facts. */
export function knownRelations(ctx: ExtractContext): RelationFact[] {
  const kb = knowledgeBase();
  // Sentences each entity is named in, in text order.
  const sentencesOf = new Map<string, number[]>();
  // ... and those it is named in by a name, not only an adjective ("the Russian market").
  const namedIn = new Map<string, Set<number>>();
  for (const m of ctx.mentions) {
    if (m.form === "pronoun") continue;
    const list = sentencesOf.get(m.key) ?? [];
    if (list.at(-1) !== m.sentence) list.push(m.sentence);
    sentencesOf.set(m.key, list);
    if (m.form !== "demonym") namedIn.set(m.key, (namedIn.get(m.key) ?? new Set()).add(m.sentence));
  }
  const out: RelationFact[] = [];
  for (const key of ctx.entities.keys()) {
    const entry = kb.get(key);
    if (!entry) continue;
    for (const p of pairsOf(ctx, key, entry)) {
      const subj = sentencesOf.get(p.subject) ?? [];
      const obj = new Set(sentencesOf.get(p.object) ?? []);
      if (!subj.length || !obj.size) continue;
      // A member is taken as given only where a sentence names it, not by an adjective, with the grouping.
      const member = p.type === "member_of";
      const both = subj.find((s) => obj.has(s) && (!member || namedIn.get(p.subject)?.has(s)));
      if (member && both === undefined) continue;
      const sentence = ctx.doc.sentences[both ?? (subj[0] as number)];
      if (!sentence) continue;
      out.push({
        type: p.type,
        subject: p.subject,
        object: p.object,
        negated: false,
        attrs: p.attrs ?? {},
        basis: "reference",
        confidence: both !== undefined ? 0.6 : 0.5,
        evidence: evidenceOf(ctx, sentence),
      });
    }
  }
  return out;
}
