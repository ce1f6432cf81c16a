// One more article for the view tests: far-off and former states, a facility, and a crowd of busier people.
//  - Brazil, once, as the target of one event: a far country of little weight that "zoom to involved" leaves out;
//  - the Soviet Union, a historical state the map outlines over its successors;
//  - the Khorgos Gateway, a facility named once, and ENVOYS people named twice each, who would crowd it (and the
//    Belt and Road Initiative, named once in the base fixture) out of a store-wide "most mentioned" list.
import { SqliteStore } from "../../src/store/sqlite.js";
import type { DocFacts, EntityRef, Mention } from "../../src/types.js";
import { buildArticle, ENTITIES } from "./fixture.js";

export const ENVOYS = 45;

export const WIDE = {
  BRA: { key: "country/BRA", type: "country", name: "Brazil" },
  SUN: { key: "country/SUN", type: "country", name: "Soviet Union" },
  GATEWAY: { key: "facility/khorgos-gateway", type: "facility", name: "Khorgos Gateway" },
} satisfies Record<string, EntityRef>;

const envoy = (i: number): EntityRef => ({ key: `person/envoy-${i}`, type: "person", name: `Envoy Number${i}` });

export async function storeWideWorldArticle(dbPath: string): Promise<void> {
  const lines = [
    "Kazakhstan hosts envoys from afar at the Khorgos Gateway",
    "Kazakhstan invited Brazil to send traders to the Khorgos Gateway next spring.",
    "The Soviet Union laid the first rails across the steppe.",
    ...Array.from({ length: ENVOYS }, (_, i) => `${envoy(i).name} arrived, and ${envoy(i).name} spoke.`),
  ];
  const { doc, facts } = buildArticle({
    source: "fixtures/steppe-ledger/wide-world.txt",
    title: lines[0] as string,
    outlet: "Steppe Ledger",
    published: "2024-08-01",
    text: lines.join("\n\n"),
    names: { KAZ: ["Kazakhstan"] },
  });
  const mentionsOf = (e: EntityRef, form = e.name): Mention[] => {
    const out: Mention[] = [];
    for (let at = doc.text.indexOf(form); at >= 0; at = doc.text.indexOf(form, at + form.length)) {
      out.push({ key: e.key, start: at, end: at + form.length, text: form, method: "new-name" });
    }
    return out;
  };
  const people = Array.from({ length: ENVOYS }, (_, i) => envoy(i));
  const invited = doc.sentences.find((s) => s.text.includes("invited Brazil"));
  if (!invited) throw new Error("wide-world fixture: no sentence inviting Brazil");
  const more: DocFacts = {
    ...facts,
    entities: [...facts.entities, WIDE.BRA, WIDE.SUN, WIDE.GATEWAY, ...people],
    mentions: [
      ...facts.mentions,
      ...mentionsOf(WIDE.BRA),
      ...mentionsOf(WIDE.SUN),
      ...mentionsOf(WIDE.GATEWAY).slice(0, 1),
      ...people.flatMap((p) => mentionsOf(p)),
    ],
    events: [
      {
        type: "02",
        actors: [ENTITIES.KAZ.key],
        targets: [WIDE.BRA.key],
        date: "2024-07",
        location: null,
        negated: false,
        hypothetical: false,
        confidence: 0.7,
        evidence: { doc: doc.id, start: invited.start, end: invited.end, text: invited.text },
      },
    ],
  };
  const store = new SqliteStore(dbPath);
  try {
    await store.saveDocument({ uri: doc.source, contentType: "text/plain", raw: Buffer.from(doc.text) }, doc, [], more);
  } finally {
    await store.close();
  }
}
