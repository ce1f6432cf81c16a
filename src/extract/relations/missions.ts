// Diplomatic missions named after their seat: "the Chinese Embassy in Bishkek", "the Consulate General of Peru
// in Arica". The name itself says where the mission is (located_in the city), and nothing else: the city does
// not lie in the sending state. The evidence is the sentence of the mission's first mention.
import type { RelationFact } from "../../types.js";
import { type ExtractContext, evidenceOf } from "../context.js";

const MISSION =
  /\b(?:Embassy|Consulate(?:[- ]General)?|High Commission|Permanent Mission|Mission|Representative Office|Liaison Office|Trade Office)\b.*?\b(?:in|to) (.+)$/;

export function missionSeats(ctx: ExtractContext): RelationFact[] {
  const out: RelationFact[] = [];
  const done = new Set<string>();
  // Places and states by every form the document names them with.
  const places = new Map<string, string>();
  for (const m of ctx.mentions)
    if ((m.entity.type === "location" || m.entity.type === "country") && m.form !== "demonym" && m.form !== "pronoun") {
      places.set(m.text, m.key);
      places.set(m.entity.name, m.key);
    }
  for (const m of ctx.mentions) {
    if (m.entity.type !== "organization" || done.has(m.key)) continue;
    const seat = MISSION.exec(m.entity.name) ?? MISSION.exec(m.text);
    const place = seat?.[1] ? places.get(seat[1].replace(/^the /, "")) : undefined;
    const sentence = ctx.doc.sentences[m.sentence];
    if (!place || !sentence || place === m.key) continue;
    done.add(m.key);
    out.push({
      type: "located_in",
      subject: m.key,
      object: place,
      negated: false,
      attrs: {},
      confidence: 0.75,
      evidence: evidenceOf(ctx, sentence),
    });
  }
  return out;
}
