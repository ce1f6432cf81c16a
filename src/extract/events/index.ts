// The event stage: who did what to whom, when and where, coded to CAMEO root codes.
// Reads: sentences, tokens (POS), resolved mentions, the relations of the same document (to add the state
// a named office-holder acts for). Adds: EventFacts with actors, targets, date, location and realis flags,
// each with its sentence as evidence.
//
// A trigger is a verb, phrase or event noun from the lexicon (lexicon.ts). Its actors are the entities
// of the subject noun phrase (verbs: left of the verb in the clause, or after "by" in a passive; nouns: the
// possessor, a name modifying the noun, "by X", "between X and Y", or the subject of a support verb:
// "imposed sanctions"); its targets are the object and prepositional objects. Realis comes from realis.ts.
// The complement of an appeal, offer, demand or threat ("urged X to withdraw") is part of that event, not a
// new one. Events of a document that share a code, actors and targets are unified so they count once.
//
// The parts, in the order a sentence goes through them:
//   triggers.ts     where a sentence names an event (the cues themselves are lexicon data: lexicon.ts)
//   phrases.ts      noun phrases as the mentions they hold
//   subjects.ts     who does it: subjects, possessors of intent nouns, reporters, pronoun antecedents
//   verb-targets.ts to whom a verb's act is done, and where
//   noun-roles.ts   actors, targets and places of an event noun
//   complements.ts  triggers that are the content of another event ("urged X to withdraw")
//   coding.ts       intents, threats, reciprocal acts and which roots need a target
//   merge.ts        one event per sentence, root and actor; unification across the document
//   words.ts        closed-class word sets that several parts read
// This file runs them: sentenceEvents for one sentence, extractEvents for a document.

import { readDateline } from "../../ingest/text/dates.js";
import { knowledgeBase } from "../../kb/knowledge-base.js";
import { roleHoldsOn } from "../../kb/roles.js";
import type { Token } from "../../nlp/annotate.js";
import type { EntityType, EventFact, RelationFact, Sentence } from "../../types.js";
import { lastStartingBefore } from "../../util/spans.js";
import { type ExtractContext, evidenceOf, mentionsIn, type ResolvedMention } from "../context.js";
import { nearestDate } from "../dates/index.js";
import { clauseOf, norm, realisAt, sentenceTokens } from "../realis.js";
import {
  ANNOUNCED_THREAT_ROOTS,
  announced,
  COOPERATIVE_ROOTS,
  committed,
  conditionalThreat,
  intentBefore,
  intentCode,
  isReciprocal,
  needsTarget,
  THREAT_ROOTS,
  threatCode,
} from "./coding.js";
import { complementTargets, demandedBefore, governed } from "./complements.js";
import { cameoType, type Lexicon, lexicon } from "./lexicon.js";
import { type Draft, mergeInSentence, unify, unique } from "./merge.js";
import { nounRoles } from "./noun-roles.js";
import { appositionSpeaker, mentionMap, npStartingAt } from "./phrases.js";
import {
  armedGroupDemonym,
  holdersOfPatients,
  organSubject,
  pronounBefore,
  reporterOf,
  subjectOf,
} from "./subjects.js";
import { findTriggers, type Trigger } from "./triggers.js";
import { verbTargets } from "./verb-targets.js";
import { BE, MODAL_OR_AUX } from "./words.js";

export interface EventOptions {
  /** Relations of the same document: holds_position tells which state a person acts for. */
  relations?: RelationFact[];
}

/** Entity types that may be an event's actor, its target, and its place. */
const ACTOR_TYPES = new Set<EntityType>(["country", "person", "organization", "location"]);
const TARGET_TYPES = new Set<EntityType>(["country", "person", "organization", "location", "facility"]);
const PLACE_TYPES = new Set<EntityType>(["country", "location"]);

/** Verbs of saying that may follow their quote: '"...," said X'. */
const SPEECH_VERBS = new Set([
  "say",
  "add",
  "tell",
  "note",
  "write",
  "explain",
  "insist",
  "argue",
  "claim",
  "state",
  "warn",
  "stress",
  "emphasize",
  "emphasise",
]);

/** Statement verbs whose direct object is a hearer ("told Tokayev", "assured Kazakhstan"). */
const HEARER_VERBS = new Set(["tell", "inform", "assure", "reassure", "remind", "brief", "notify", "warn", "promise"]);

/** Phrases of talking to someone, which need a named hearer to be a consultation. */
const TALK_PHRASE = /^(?:talk|talked|talking|talks|speak|speaks|speaking|spoke|spoken) (?:to|with)$/;

/** Armed forces, as the head of a subject ("Russian troops arrived"). */
const FORCES = new Set([
  "troops",
  "forces",
  "soldiers",
  "army",
  "warships",
  "warship",
  "battalion",
  "battalions",
  "paratroopers",
  "marines",
  "units",
  "contingent",
]);

/** Words of an attack, which an armed group makes as an assault (18) and a state as fighting (19). */
const ATTACK_WORDS = new Set(["attack", "attacks", "attacked", "attacking"]);

/** Text before a mention that makes it an object: a preposition, then at most a few title words. */
const OBJECT_BEFORE =
  /\b(?:with|to|by|from|for|of|on|against|between|and|than|as)\s+(?:(?:the|[A-Z][\w.'’-]*)\s+){0,4}$/;

/** A footnote or reference line. */
// A leading number alone is not enough: body sentences often start with the footnote mark of the one before
// ("... organisation.693 United Nations reporting confirms ..."). A note names a quoted title, or an author and then
// one ("699 Jane Roe and John Doe, “Title,” Outlet").
const CITATION =
  /^\s*\d{1,4}\s+(?:[“"]|[A-Z][^,.“”"]{0,80},\s*[“"‘]|Ibid\b)|https?:\/\/|\bwww\.|\bAccessed\b|\bRetrieved\b/;

/** Roots of the use or show of force, whose place is their target. */
const FORCE_ROOTS = new Set(["15", "18", "19", "20"]);

/** The first country among places: where force is used is its target ("troops in X"). */
function forcePlace(places: number[], mentions: ResolvedMention[]): number[] {
  const place = places.find((p) => (mentions[p] as ResolvedMention).entity.type === "country");
  return place === undefined ? [] : [place];
}

/** Events of one sentence, before document-level unification. */
function sentenceEvents(
  ctx: ExtractContext,
  sentence: Sentence,
  lex: Lexicon,
): { drafts: Draft[]; mentions: ResolvedMention[] } {
  const mentions = mentionsIn(ctx, sentence);
  // A numbered note or a reference ("699 Author, “Title,” Outlet, 2021, https://...") reports no event itself.
  if (!mentions.length || CITATION.test(sentence.text)) return { drafts: [], mentions };
  const tokens = sentenceTokens(ctx, sentence);
  const inMention = mentionMap(tokens, mentions);
  const triggers = findTriggers(tokens, inMention, mentions, lex, ctx.doc.text);
  const triggerAt = new Set<number>();
  for (const t of triggers) for (let k = t.i; k <= t.j; k++) triggerAt.add(k);
  const drafts: Draft[] = [];
  // Token index of the "must" of a demand told as a statement ("X said Y must leave"): what follows is its content.
  let demandedAt = -1;
  for (const found of triggers) {
    const clause = clauseOf(tokens, found.i);
    // The content of a demand is part of it: "X demanded that Y withdraw", "X said Y must withdraw".
    if (demandedAt >= 0 && found.i > demandedAt && clause.from <= demandedAt) continue;
    if (demandedBefore(tokens, triggers, found)) continue;
    // "Russian troops arrived in X": forces arriving are a deployment (15), peacekeepers peacekeeping (074); only
    // people arriving make a visit.
    let trig = found;
    if (found.lemma === "arrive" && !found.fromPattern) {
      const subject = tokens.slice(clause.from, found.i).map(norm);
      if (subject.some((w) => /^peace-?keep/.test(w))) trig = { ...found, code: "074" };
      else if (subject.some((w) => FORCES.has(w))) trig = { ...found, code: "150" };
    }
    // "X said (that) Y must/should withdraw": a statement that another must act is a demand (10) on them.
    if (found.kind === "verb" && SPEECH_VERBS.has(found.lemma ?? "")) {
      const at = norm(tokens[found.j + 1]) === "that" ? found.j + 2 : found.j + 1;
      const np = npStartingAt(tokens, inMention, at, Math.min(tokens.length - 1, at + 12));
      const m = norm(tokens[np.end + 1]);
      const obliged = m === "must" || m === "should" || (/^(?:has|have)$/.test(m) && norm(tokens[np.end + 2]) === "to");
      if (np.ids.length && (inMention[at] ?? -1) !== -1 && obliged) {
        trig = { ...found, code: "100" };
        demandedAt = np.end + 1;
      }
    }
    const root = trig.code.slice(0, 2);
    // The complement of an appeal, offer, demand or threat is part of that event.
    if (governed(tokens, triggers, trig, clause.from)) continue;
    let actors: number[] = [];
    let targets: number[] = [];
    let places: number[] = [];
    let splitActors = false;
    let placeActors = false;
    if (trig.kind === "verb") {
      // "recognize that ..." is realising, not recognition.
      if (root === "05" && norm(tokens[trig.j + 1]) === "that") continue;
      let subj = subjectOf(tokens, inMention, trig.i, clause.from);
      // A participle without "be" ("..., calling on X to", "sent a message opposing ...") takes the subject of
      // the verb before it.
      const w = norm(tokens[trig.i]);
      // "was actively calling for": an adverb between the auxiliary and the participle does not detach it.
      let pv = trig.i - 1;
      while (pv > clause.from && tokens[pv]?.pos === "ADV" && (inMention[pv] ?? -1) === -1) pv--;
      const prevWord = norm(tokens[pv]);
      if (w.endsWith("ing") && !BE.has(prevWord) && !MODAL_OR_AUX.has(prevWord) && prevWord !== "to") {
        subj = { ids: [], passive: false };
        for (let v = trig.i - 1; v >= 0; v--) {
          const t = tokens[v] as Token;
          if ((inMention[v] ?? -1) === -1 && t.pos === "VERB" && !norm(t).endsWith("ing")) {
            subj = subjectOf(tokens, inMention, v, clauseOf(tokens, v).from);
            break;
          }
        }
      }
      const takeObject = root !== "01" || HEARER_VERBS.has(trig.lemma ?? "");
      const right = verbTargets(tokens, inMention, trig, clause.to, takeObject);
      places = right.places;
      if (subj.passive) {
        actors = right.byActors;
        targets = [...subj.ids, ...right.targets];
        // "Uyghurs in Tajikistan were deported", "protesters in Armenia were arrested": with no agent, coercion of
        // people in a country is that country's own doing, one event per country.
        if (!actors.length && root === "17") {
          const where = holdersOfPatients(tokens, inMention, mentions, trig.i, clause.from);
          if (where.length) {
            actors = where;
            targets = right.targets.filter((t) => !where.includes(t));
            splitActors = true;
          }
        }
      } else {
        actors = subj.ids;
        // "a court in Moscow sentenced", "police detained 40 people in Dakar": an unnamed state organ acts for the
        // state of the place it sits in, or for coercion, of the place where it acts; unnamed protesters likewise.
        if (!actors.length) {
          const organ = organSubject(tokens, inMention, trig.i, clause.from, root === "14");
          if (organ) {
            actors = organ.length ? organ : root === "17" || root === "14" ? places : [];
            placeActors = actors.length > 0;
          }
        }
        // "rejected calls by X", "welcomed the decision by X": the author of the object is a target.
        targets = root === "01" ? right.targets : [...right.targets, ...right.byActors];
        // "refused to send troops to X", "is willing to withdraw from X": the complement names the target.
        if (!targets.length) {
          const c = complementTargets(tokens, inMention, triggers, trig, clause.to);
          targets = c.targets.length ? c.targets : forcePlace(c.places, mentions);
        }
        // "abstained in the Security Council vote", "spoke at the SCO": a body after "in" or "at" is no place but
        // the one the act is done in front of.
        if (!targets.length && root !== "01" && !FORCE_ROOTS.has(root))
          targets = places.filter((p) => (mentions[p] as ResolvedMention).entity.type === "organization");
      }
      // '"...," said X', "according to X": the speaker follows the verb.
      if (root === "01") {
        let after = npStartingAt(tokens, inMention, trig.j + 1, Math.min(clause.to, trig.j + 4));
        if (trig.text === "according to" && !after.ids.length) {
          // "according to a 2019 study by the Lowy Institute"
          for (let q = trig.j + 1; q <= Math.min(clause.to, trig.j + 8); q++) {
            if (/^(?:by|from|of)$/.test(norm(tokens[q]))) {
              after = npStartingAt(tokens, inMention, q + 1, clause.to);
              break;
            }
          }
        }
        const left = norm(tokens[trig.i - 1]);
        // "Tokayev, the Kazakh president, said Russia would leave": the comma closes a description of the speaker.
        const described = left === "," ? appositionSpeaker(tokens, inMention, mentions, trig.i - 1) : -1;
        const inverted =
          (left === "," && described === -1) ||
          left === '"' ||
          left === "”" ||
          left === "'" ||
          trig.text === "according to";
        if (described >= 0 && SPEECH_VERBS.has(trig.lemma ?? "")) {
          actors = [described];
          targets = [];
        } else if (
          after.ids.length &&
          inverted &&
          (SPEECH_VERBS.has(trig.lemma ?? "") || trig.text === "according to")
        ) {
          actors = after.ids.slice(0, 1);
          targets = [];
        }
        // A statement is about what it names: the rest of the sentence gives its targets.
        for (let k = trig.j + 1; k < tokens.length; k++) {
          const mi = inMention[k] ?? -1;
          if (mi !== -1 && !actors.includes(mi)) targets.push(mi);
        }
      }
      // "Taiwan, which China threatens to invade": the antecedent of the relative clause is the object.
      const opener = norm(tokens[clause.from]);
      if (
        (opener === "which" || opener === "whom" || opener === "that") &&
        !right.targets.length &&
        norm(tokens[clause.from - 1]) === "," &&
        (inMention[clause.from - 2] ?? -1) !== -1 &&
        actors.length
      )
        targets.push(inMention[clause.from - 2] as number);
    } else {
      const roles = nounRoles(tokens, inMention, trig, clause, lex, triggerAt);
      actors = roles.actors;
      targets = roles.targets;
      places = roles.places;
    }
    // "Russia's war in Ukraine", "deployed troops in Tajikistan": the country where force is used is its target.
    if (!targets.length && (FORCE_ROOTS.has(root) || trig.code === "074")) targets = forcePlace(places, mentions);
    // "X arrived in Amman", "X travelled to Y": a visit with no one named as its host is to the place.
    if (!targets.length && trig.code === "042") {
      const place = places.find((p) => PLACE_TYPES.has((mentions[p] as ResolvedMention).entity.type));
      if (place !== undefined) targets.push(place);
    }
    // "He also said ...", "its intervention": a pronoun stands for the last person, or the last state or
    // organisation, named before it.
    const extraActors: string[] = [];
    // "Norway said it would send aid", "X announced that they will withdraw": the pronoun subject of a reported
    // clause is the one who reports it.
    if (!actors.length && trig.kind === "verb") actors = reporterOf(tokens, inMention, trig.i);
    if (!actors.length) {
      const ref = pronounBefore(tokens, trig);
      if (ref) {
        const at = tokens[trig.i]?.start ?? sentence.start;
        const wanted: string[] = ref.types;
        const earliest = Math.max(0, sentence.index - ref.back);
        // "When Mr Xi met Putin, he said": a person who is a subject earlier in the same sentence comes first.
        const subjectPerson = wanted.includes("person")
          ? mentions.find(
              (m) =>
                m.entity.type === "person" &&
                m.start < at &&
                m.form !== "pronoun" &&
                !OBJECT_BEFORE.test(ctx.doc.text.slice(Math.max(sentence.start, m.start - 60), m.start)),
            )
          : undefined;
        if (subjectPerson) extraActors.push(subjectPerson.key);
        // From the last mention before the trigger backwards (a search, not a walk from the document's end). "It"
        // or "the country" opening a sentence names again the subject of the one before: its first such mention
        // that no preposition governs ("Uganda criticised Kenya. It ..." is Uganda).
        let fallback: ResolvedMention | undefined;
        for (let q = lastStartingBefore(ctx.mentions, at); q >= 0 && !subjectPerson; q--) {
          const m = ctx.mentions[q] as ResolvedMention;
          if (m.sentence < earliest) break;
          if (!wanted.includes(m.entity.type) || m.form === "demonym" || m.form === "pronoun") continue;
          if (m.sentence === sentence.index || ref.back === 0 || wanted.includes("person")) {
            fallback = m;
            break;
          }
          const from = ctx.doc.sentences[m.sentence]?.start ?? 0;
          if (!OBJECT_BEFORE.test(ctx.doc.text.slice(Math.max(from, m.start - 60), m.start))) fallback = m;
          else fallback ??= m;
        }
        if (fallback) extraActors.push(fallback.key);
      }
    }
    actors = unique(actors).filter((a) => ACTOR_TYPES.has((mentions[a] as ResolvedMention).entity.type));
    // Beside a person, a demonym only describes them ("Chinese security expert Li Wei"); the state a person acts
    // for comes from holds_position relations instead.
    if (actors.some((a) => (mentions[a] as ResolvedMention).entity.type === "person"))
      actors = actors.filter((a) => (mentions[a] as ResolvedMention).form !== "demonym");
    const actorKeys = new Set(actors.map((a) => (mentions[a] as ResolvedMention).key));
    targets = unique(targets).filter((t) => {
      const m = mentions[t] as ResolvedMention;
      return TARGET_TYPES.has(m.entity.type) && !actorKeys.has(m.key);
    });
    if (!actors.length && !extraActors.length) continue;
    // "was shown talking to a group of students": talking or speaking to no one named is no consultation.
    if (trig.kind === "verb" && TALK_PHRASE.test(trig.text) && !targets.length) continue;
    // A place acts as the people or bloc it names ("the West", "Central Asia called for ..."), not as a city.
    if (
      actors.length &&
      !placeActors &&
      actors.every((a) => (mentions[a] as ResolvedMention).entity.type === "location") &&
      !["14", "02", "12", "11", "16"].includes(root)
    )
      continue;
    // An attack by an armed group, not a state, is an assault (18), not conventional fighting (19).
    let trigger = trig;
    if (
      root === "19" &&
      actors.length &&
      actors.every((a) => (mentions[a] as ResolvedMention).entity.type === "organization") &&
      tokens.slice(trig.i, trig.j + 5).some((t) => ATTACK_WORDS.has(norm(t)))
    )
      trigger = { ...trig, code: "180" };
    // "was attacked by Armenian militiamen", "Georgian rebels attacked a convoy": a demonym naming an irregular armed
    // group, not the state's forces, makes the attack an assault (18), which needs no named target.
    if (
      root === "19" &&
      actors.length &&
      actors.every((a) => armedGroupDemonym(tokens, inMention, mentions, a)) &&
      tokens.slice(Math.max(0, trig.i - 2), trig.j + 5).some((t) => ATTACK_WORDS.has(norm(t)))
    )
      trigger = { ...trig, code: "180" };
    const realis = realisAt(tokens, trig.i);
    // "X's refusal to condemn", "X's offer to mediate": the noun the infinitive completes says whether it happened.
    const intent = intentBefore(tokens, trig.i);
    if (intent === "negated") realis.negated = true;
    else if (intent === "hypothetical") realis.hypothetical = true;
    // "X will provide aid to Y", "X is ready to host talks", "X's pledge to send peacekeepers": a cooperative act
    // its actor commits to is an expression of intent (03), as the CAMEO codebook codes cooperative actions
    // reported in the future tense. (A refused one stays the act, negated, as the gold guidelines code it.)
    if (
      COOPERATIVE_ROOTS.has(root) &&
      realis.hypothetical &&
      !realis.negated &&
      committed(tokens, trig.i, realis.cues)
    ) {
      trigger = { ...trigger, code: intentCode(trigger.code) };
      realis.hypothetical = false;
    }
    // "X will withdraw its troops unless Y ...": a conflictual or yielding-back act its actor makes conditional on
    // another's conduct is a threat (13; with force, 138).
    if (realis.hypothetical && !realis.negated && THREAT_ROOTS.has(root) && conditionalThreat(tokens, trig.j)) {
      trigger = { ...trigger, code: ["15", "17", "18", "19", "20"].includes(root) ? "138" : "130" };
      realis.hypothetical = false;
    }
    // "X said it would blockade the capital", "X vowed to attack": a conflictual act its actor announces it will do is
    // a threat (CAMEO 13: with force 138, protest 133, sanctions or boycott 1312, repression 137).
    if (
      trig.kind === "verb" &&
      ANNOUNCED_THREAT_ROOTS.has(root) &&
      realis.hypothetical &&
      !realis.negated &&
      announced(tokens, trig.i, realis.cues)
    ) {
      trigger = { ...trigger, code: threatCode(trigger.code) };
      realis.hypothetical = false;
    }
    // "X and Y agreed to ...", "X and Y signed a treaty", "X and Y clashed": an act the coordinated subjects do to
    // one another needs no other target; joint exercises are military cooperation (062).
    const reciprocal = isReciprocal(trig, tokens, inMention, actors, mentions);
    if (
      reciprocal &&
      root === "15" &&
      tokens.slice(trig.i, trig.j + 5).some((t) => /^(?:exercises?|drills?|manoeuvres|maneuvers|games)$/.test(norm(t)))
    )
      trigger = { ...trigger, code: "062" };
    // '"China may send troops," said X': the modality belongs to the quoted words, not to the saying.
    if (root === "01" && [",", '"', "”", "'"].includes(norm(tokens[trig.i - 1]))) realis.hypothetical = false;
    const location = places.find((p) => PLACE_TYPES.has((mentions[p] as ResolvedMention).entity.type)) ?? null;
    let confidence = trig.kind === "verb" ? 0.7 : 0.6;
    if (trig.fromPattern) confidence += 0.1;
    if (targets.length) confidence += 0.05;
    if (realis.hypothetical) confidence *= 0.8;
    if (actors.some((a) => ["pronoun", "role"].includes((mentions[a] as ResolvedMention).form))) confidence *= 0.85;
    for (const group of splitActors ? actors.map((a) => [a]) : [actors]) {
      drafts.push({
        trigger,
        actors: group,
        extraActors,
        targets,
        location,
        negated: realis.negated,
        hypothetical: realis.hypothetical,
        confidence: Math.min(0.95, splitActors ? confidence * 0.9 : confidence),
        reciprocal: reciprocal && !splitActors,
        placeActors,
      });
    }
  }
  return { drafts: mergeInSentence(drafts, mentions), mentions };
}

/** Runs the event stage over a document. */
export function extractEvents(ctx: ExtractContext, opts: EventOptions = {}): EventFact[] {
  const lex = lexicon();
  // The state a person holds office in, from this document's own relations.
  const stateOf = new Map<string, string>();
  for (const r of opts.relations ?? []) {
    if (r.type !== "holds_position" || r.negated) continue;
    if (ctx.entities.get(r.object)?.type === "country" && !stateOf.has(r.subject)) stateOf.set(r.subject, r.object);
  }
  // An office-holder the knowledge base knows acts for the state whose office they hold on the document's date
  // ("Mr Xi" for China), when the document names that state and its own relations say nothing.
  const published = ctx.doc.published;
  for (const key of ctx.entities.keys()) {
    if (stateOf.has(key) || ctx.entities.get(key)?.type !== "person") continue;
    const offices = (knowledgeBase().get(key)?.roles ?? []).filter(
      (r) =>
        ctx.entities.get(r.of)?.type === "country" &&
        !NOT_OFFICES_OF_STATE.test(r.role) &&
        (published ? roleHoldsOn(r, published) : !r.end),
    );
    const states = new Set(offices.map((r) => r.of));
    if (states.size === 1) stateOf.set(key, [...states][0] as string);
  }
  // A state organ or state company the knowledge base knows ("the Russian military", "the Kazakh foreign ministry")
  // acts for its state, when the document names that state.
  for (const [key, ent] of ctx.entities) {
    if (stateOf.has(key) || ent.type !== "organization") continue;
    const kb = knowledgeBase().get(key);
    if (kb?.country && STATE_ORGANS.has(kb.subtype ?? "") && ctx.entities.get(kb.country)?.type === "country")
      stateOf.set(key, kb.country);
  }
  // The state a place lies in, also from this document's relations ("protests in Zhanaozen" are Kazakhstan's).
  const countryOf = new Map<string, string>();
  for (const r of opts.relations ?? []) {
    if (r.type !== "located_in" || r.negated) continue;
    if (ctx.entities.get(r.subject)?.type === "location" && ctx.entities.get(r.object)?.type === "country")
      countryOf.set(r.subject, r.object);
  }
  // ... or from the knowledge base ("arrived in Amman" visits Jordan), when the document names that state.
  for (const [key, ent] of ctx.entities) {
    if (countryOf.has(key) || ent.type !== "location") continue;
    const country = knowledgeBase().get(key)?.country;
    if (country && ctx.entities.get(country)?.type === "country") countryOf.set(key, country);
  }
  // Commentators: persons the document ties to a research body, newsroom or firm (affiliated_with) and to no office.
  // What they say is quoted (the quotes stage keeps it), not a statement of a party to the matter (CAMEO 01).
  const affiliations = new Map<string, Set<string>>();
  const officeHolders = new Set<string>();
  for (const r of opts.relations ?? []) {
    if (r.negated || ctx.entities.get(r.subject)?.type !== "person") continue;
    if (r.type === "holds_position") officeHolders.add(r.subject);
    if (r.type !== "affiliated_with") continue;
    const set = affiliations.get(r.subject) ?? new Set<string>();
    set.add(r.object);
    affiliations.set(r.subject, set);
  }
  const described = describedCommentators(ctx);
  const kbOffice = (k: string) => (knowledgeBase().get(k)?.roles ?? []).length > 0;
  const isCommentator = (k: string) =>
    (described.has(k) && !kbOffice(k)) || (affiliations.has(k) && !officeHolders.has(k) && !stateOf.has(k));
  const expand = (keys: string[], places = false) => {
    const out = [...keys];
    for (const k of keys) {
      const s = stateOf.get(k) ?? (places ? countryOf.get(k) : undefined);
      if (s && !out.includes(s)) out.push(s);
    }
    return out;
  };
  const events: EventFact[] = [];
  // An event the text places nowhere takes the place of the story's dateline ("ALMATY (Reuters) -"), as a reader would.
  const datelinePlace = placeOfDateline(ctx);
  // An event the text does not date takes its document's publication date (as a day, month or year), marked
  // "published": a report is written on or after what it reports, so that is the nearest date the source gives.
  const reported = /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(ctx.doc.published?.trim() ?? "")?.[0] ?? null;
  // Acts of coordinated actors to one another ("X and Y agreed"), which need no other target.
  const reciprocal = new Set<EventFact>();
  for (const sentence of ctx.doc.sentences) {
    const { drafts, mentions } = sentenceEvents(ctx, sentence, lex);
    for (const d of drafts) {
      const key = (i: number) => (mentions[i] as ResolvedMention).key;
      let actors = [...new Set(expand([...d.actors.map(key), ...d.extraActors], d.trigger.code.startsWith("14")))];
      if (d.placeActors)
        actors = [...new Set(expand(actors, true))].filter((a) => ctx.entities.get(a)?.type === "country");
      if (!actors.length) continue;
      let targets = [...new Set(expand(d.targets.map(key), true))].filter((t) => !actors.includes(t));
      if (d.trigger.code.startsWith("01")) {
        const speakers = [...d.actors.map(key), ...d.extraActors];
        const employers = new Set(speakers.flatMap((k) => [...(affiliations.get(k) ?? [])]));
        // A commentator's remark, alone or with their employer, is a quote, not an event.
        const theirStates = new Set(speakers.filter(isCommentator).map((k) => stateOf.get(k)));
        if (
          speakers.some(isCommentator) &&
          actors.every(
            (a) =>
              isCommentator(a) || employers.has(a) || theirStates.has(a) || ctx.entities.get(a)?.type === "location",
          )
        )
          continue;
        // A statement is directed at parties, not at the places it names or the speaker's own employer.
        targets = targets.filter((t) => ctx.entities.get(t)?.type !== "location" && !employers.has(t));
      }
      const tokens = sentenceTokens(ctx, sentence);
      const at = tokens[d.trigger.i]?.start ?? sentence.start;
      const stated = dateOf(ctx, sentence, tokens, d.trigger);
      const date = stated ?? reported;
      const event: EventFact = {
        type: cameoType(d.trigger.code),
        actors,
        targets,
        date,
        ...(date ? { dateSource: stated ? ("text" as const) : ("published" as const) } : {}),
        location: d.location === null ? datelinePlace : key(d.location),
        negated: d.negated,
        hypothetical: d.hypothetical,
        trigger: ctx.doc.text.slice(at, tokens[d.trigger.j]?.end ?? at),
        confidence: Math.round(d.confidence * 100) / 100,
        evidence: evidenceOf(ctx, sentence),
      };
      events.push(event);
      // Two sides at least: "Mr Xi and China" is one side, "Mr Xi and Mr Putin" two.
      const sides = new Set(d.actors.map((a) => stateOf.get(key(a)) ?? key(a)));
      if (d.reciprocal && sides.size >= 2) reciprocal.add(event);
    }
  }
  // Appeals, offers, praise, aid, yielding, demands, criticism, rejection, sanctions and fighting are done to
  // someone: without a target the event is incomplete, and is left out rather than guessed.
  return unify(events).filter(
    (e) => e.targets.length > 0 || reciprocal.has(e) || !needsTarget(e.type.replace(".", "")),
  );
}

/** How many lines from the top of the text a story's dateline may stand on (a headline and a byline before it). */
const DATELINE_LINES = 4;

/**
 * The place a story's dateline names ("TASHKENT, 14 March 2025 —", "MOSCOW (Reuters) -"): the location or country
 * mention that opens one of the text's first lines when that line reads as a dateline. Null when there is none.
 */
function placeOfDateline(ctx: ExtractContext): string | null {
  const text = ctx.doc.text;
  let at = 0;
  for (let n = 0; n < DATELINE_LINES && at < text.length; n++) {
    const end = text.indexOf("\n", at);
    const line = text.slice(at, end < 0 ? text.length : end);
    const lead = line.length - line.trimStart().length;
    if (line.trim() && readDateline(line)) {
      const m = ctx.mentions.find((x) => x.start === at + lead);
      const type = m?.entity.type;
      return m && (type === "location" || type === "country") ? m.key : null;
    }
    if (end < 0) break;
    at = end + 1;
  }
  return null;
}

/** Words that describe a commentator rather than a party: "X, a senior fellow at ...", "economist X". */
const COMMENTATOR_NOUNS =
  /^(?:analysts?|fellows?|researchers?|economists?|experts?|specialists?|scholars?|professors?|lecturers?|academics?|commentators?|historians?|journalists?|editors?|consultants?|strategists?|observers?)$/;

/**
 * Persons the document describes as commentators: a commentator noun in the apposition after their name (", a
 * security researcher at ...", ", who follows energy markets at ...") or right before it ("economist X").
 */
function describedCommentators(ctx: ExtractContext): Set<string> {
  const out = new Set<string>();
  const tokens = ctx.annotation.tokens;
  for (const m of ctx.mentions) {
    if (m.entity.type !== "person" || out.has(m.key)) continue;
    const last = lastStartingBefore(tokens, m.end);
    let i = last;
    const before = norm(tokens[lastStartingBefore(tokens, m.start)]);
    if (COMMENTATOR_NOUNS.test(before)) {
      out.add(m.key);
      continue;
    }
    if (norm(tokens[i + 1]) !== ",") continue;
    if (/^(?:follows|studies|researches|teaches|tracks|covers|writes)$/.test(norm(tokens[i + 3]))) {
      out.add(m.key); // ", who follows energy markets at ..."
      continue;
    }
    for (i += 2; i < tokens.length && i <= last + 9; i++) {
      const w = norm(tokens[i]);
      if (w === "," || w === "." || w === "said" || w === "says") break;
      if (COMMENTATOR_NOUNS.test(w)) {
        out.add(m.key);
        break;
      }
    }
  }
  return out;
}

/** Organisation subtypes (data/kb) whose acts are their state's. */
const STATE_ORGANS = new Set([
  "ministry",
  "military",
  "military-body",
  "intelligence-agency",
  "government-body",
  "law-enforcement",
  "paramilitary",
  "state-company",
  "central-bank",
]);

/** Offices held "of" a country that do not make their holder act for its state. */
const NOT_OFFICES_OF_STATE = /\b(?:opposition|candidate|dissident)\b/i;

/** The date of an event: a date expression in the trigger's clause, else one close to the trigger. */
function dateOf(ctx: ExtractContext, sentence: Sentence, tokens: Token[], trig: Trigger): string | null {
  const at = tokens[trig.i]?.start ?? sentence.start;
  const d = nearestDate(ctx, sentence, at);
  if (!d) return null;
  const clause = clauseOf(tokens, trig.i);
  const from = tokens[clause.from]?.start ?? sentence.start;
  const to = tokens[clause.to]?.end ?? sentence.end;
  const dist = Math.min(Math.abs(d.start - at), Math.abs(d.end - at));
  const inClause = d.start >= from && d.end <= to;
  return dist <= 60 || (inClause && dist <= 120) ? d.value : null;
}
