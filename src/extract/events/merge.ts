// From triggers to counted events: the Draft of one trigger's event, merging the drafts of a sentence that share
// a root and an actor, and unifying across a document an event told without a target with the one told with it.

import type { EventFact } from "../../types.js";
import type { ResolvedMention } from "../context.js";
import { needsTarget } from "./coding.js";
import type { Trigger } from "./triggers.js";

export interface Draft {
  trigger: Trigger;
  actors: number[];
  /** Actors resolved from a pronoun ("he said"), as entity keys. */
  extraActors: string[];
  targets: number[];
  location: number | null;
  negated: boolean;
  hypothetical: boolean;
  confidence: number;
  /** Coordinated actors doing a symmetric act to one another ("X and Y agreed"): needs no other target. */
  reciprocal: boolean;
  /** Actors that are where an unnamed state organ sits ("police in X"): they stand for the state of that place. */
  placeActors?: boolean;
}

/** The distinct mention indices of xs, in first-seen order. */
export const unique = (xs: number[]) => [...new Set(xs)];

/**
 * One event per code root and actor set in a sentence. A plain statement (01) by actors who also do something
 * more specific in the sentence (appeal, praise, condemn...) is that act, as the CAMEO codebook says.
 */
export function mergeInSentence(drafts: Draft[], mentions: ResolvedMention[]): Draft[] {
  const out: Draft[] = [];
  const keyOf = (i: number) => (mentions[i] as ResolvedMention).key;
  const specific = drafts.filter(
    (d) =>
      !d.trigger.code.startsWith("01") &&
      !d.hypothetical &&
      (d.targets.length > 0 || d.reciprocal || !needsTarget(d.trigger.code)),
  );
  for (const d of drafts) {
    // Only what the statement goes on to say counts: "issued a statement calling on X", "said it would send".
    if (
      d.trigger.code.startsWith("01") &&
      specific.some(
        (o) => o.trigger.i > d.trigger.j && o.actors.some((a) => d.actors.some((b) => keyOf(a) === keyOf(b))),
      )
    )
      continue;
    const root = d.trigger.code.slice(0, 2);
    const same = out.find(
      (o) =>
        o.trigger.code.slice(0, 2) === root &&
        o.negated === d.negated &&
        o.hypothetical === d.hypothetical &&
        o.actors.some((a) => d.actors.some((b) => keyOf(a) === keyOf(b))),
    );
    if (same) {
      same.actors = unique([...same.actors, ...d.actors]);
      same.targets = unique([...same.targets, ...d.targets]);
      same.location ??= d.location;
      same.confidence = Math.max(same.confidence, d.confidence);
      same.reciprocal ||= d.reciprocal;
      continue;
    }
    out.push({ ...d });
  }
  return out;
}

/**
 * An event told without a target ("the CSTO deployment") is the event of the same root, realis and actor that
 * the document tells with one ("the CSTO deployed troops to Kazakhstan"): it takes that event's actors and
 * targets, so the store and the scorer count it once while it keeps its own evidence. Events with different
 * targets stay apart.
 */
export function unify(events: EventFact[]): EventFact[] {
  const clusters: {
    root: string;
    neg: boolean;
    hyp: boolean;
    actors: Set<string>;
    targets: Set<string>;
    members: EventFact[];
  }[] = [];
  // The first cluster of a root, polarity and realis that holds an actor, by "root|neg|hyp|actor": one lookup per
  // actor instead of a scan of every cluster, which made a long document's events quadratic.
  const firstWith = new Map<string, number>();
  const note = (ci: number, actor: string) => {
    const c = clusters[ci] as (typeof clusters)[number];
    const key = `${c.root}|${c.neg}|${c.hyp}|${actor}`;
    const at = firstWith.get(key);
    if (at === undefined || ci < at) firstWith.set(key, ci);
  };
  // Events with targets first: a later mention without one ("the CSTO deployment") joins the event it refers to.
  const ordered = [...events.filter((e) => e.targets.length), ...events.filter((e) => !e.targets.length)];
  for (const e of ordered) {
    const root = e.type.slice(0, 2);
    let found: number | undefined;
    if (e.targets.length === 0) {
      for (const a of e.actors) {
        const at = firstWith.get(`${root}|${e.negated}|${e.hypothetical}|${a}`);
        if (at !== undefined && (found === undefined || at < found)) found = at;
      }
    }
    const c = found === undefined ? undefined : clusters[found];
    if (c && found !== undefined) {
      // A later mention never turns the cluster's target into one of its actors.
      for (const a of e.actors) {
        if (c.targets.has(a) || c.actors.has(a)) continue;
        c.actors.add(a);
        note(found, a);
      }
      for (const t of e.targets) c.targets.add(t);
      c.members.push(e);
    } else {
      clusters.push({
        root,
        neg: e.negated,
        hyp: e.hypothetical,
        actors: new Set(e.actors),
        targets: new Set(e.targets),
        members: [e],
      });
      for (const a of e.actors) note(clusters.length - 1, a);
    }
  }
  for (const c of clusters) {
    const actors = [...c.actors];
    const targets = [...c.targets].filter((t) => !c.actors.has(t));
    for (const m of c.members) {
      m.actors = actors;
      m.targets = targets;
    }
  }
  return events;
}
