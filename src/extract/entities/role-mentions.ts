// Role descriptions: "the Kazakh president", "China's foreign minister", "the Chinese leader" name a person: the one
// the document itself gave that title ("Kazakh President Kassym-Jomart Tokayev"), else the KB's office-holder on
// the document's publication date. Without either, the description stays unlinked.
import type { KnowledgeBase } from "../../kb/knowledge-base.js";
import { roleAlternatives } from "../../kb/roles.js";
import type { EntityRef } from "../../types.js";
import { isNameWord } from "./chunks.js";
import { titleBefore } from "./context-types.js";
import { kbRef, type LinkedSpan } from "./link.js";
import { titleAt } from "./titles.js";
import type { TokenView } from "./token-view.js";

/** Mentions for role descriptions, given the names already linked (in text order). */
export function roleMentions(
  view: TokenView,
  linked: readonly LinkedSpan[],
  kb: KnowledgeBase,
  published: string | null,
): LinkedSpan[] {
  const byLast = new Map<number, LinkedSpan>();
  for (const l of linked) byLast.set(l.last, l);
  const countryBefore = (i: number): LinkedSpan | undefined => {
    const direct = byLast.get(i);
    const c = direct ?? (view.low[i] === "'s" || view.low[i] === "'" ? byLast.get(i - 1) : undefined);
    return c?.entity.type === "country" ? c : undefined;
  };

  // Titles the document gives persons: "Kazakh President X", "China's Foreign Minister Y".
  const given = new Map<string, EntityRef>();
  for (const l of linked) {
    if (l.entity.type !== "person") continue;
    const t = titleBefore(view, l.first);
    const country = t?.role ? countryBefore(t.first - 1) : undefined;
    if (t?.role && country) given.set(`${t.role}|${country.entity.key}`, l.entity);
  }

  const out: LinkedSpan[] = [];
  for (const c of linked) {
    if (c.entity.type !== "country" || !c.entity.key.startsWith("country/")) continue;
    let j = c.last + 1;
    if (view.low[j] === "'s" || view.low[j] === "'") j++;
    const t = titleAt(view, j);
    if (!t?.role || t.first !== j || isNameWord(view, t.last + 1)) continue;
    if (view.tokens[t.last]?.sentence !== view.tokens[c.first]?.sentence) continue;
    let person: EntityRef | undefined;
    for (const role of roleAlternatives(t.role)) {
      person = given.get(`${role}|${c.entity.key}`);
      if (person) break;
      const holder = published ? kb.holders(role, c.entity.key, published)[0] : undefined;
      if (holder) {
        person = kbRef(holder);
        break;
      }
    }
    if (!person) continue;
    const end = view.tokens[t.last]?.end ?? c.end;
    out.push({ first: c.first, last: t.last, start: c.start, end, entity: person, form: "role", method: "role" });
  }
  return out;
}
