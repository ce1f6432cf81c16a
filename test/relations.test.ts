// The relation stage on hand-built contexts. Every sentence here was written for these tests.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { extractRelations } from "../src/extract/relations/index.js";
import { assertEvidence, type MentionSpec, makeContext, relKeys } from "./extract-helpers.js";

const M: MentionSpec[] = [
  ["Turkmenistan", "country/TKM", "country"],
  ["Turkmen", "country/TKM", "country", "demonym"],
  ["Ashgabat", "country/TKM", "country", "metonym"],
  ["Uzbekistan", "country/UZB", "country"],
  ["Uzbek", "country/UZB", "country", "demonym"],
  ["Tajikistan", "country/TJK", "country"],
  ["Mongolia", "country/MNG", "country"],
  ["Mongolian", "country/MNG", "country", "demonym"],
  ["Japan", "country/JPN", "country"],
  ["Iran", "country/IRN", "country"],
  ["Armenia", "country/ARM", "country"],
  ["Belarus", "country/BLR", "country"],
  ["Turkey", "country/TUR", "country"],
  ["Russia", "country/RUS", "country"],
  ["Moscow", "country/RUS", "country", "metonym"],
  ["Russian", "country/RUS", "country", "demonym"],
  ["China", "country/CHN", "country"],
  ["Chinese", "country/CHN", "country", "demonym"],
  ["Beijing", "country/CHN", "country", "metonym"],
  ["India", "country/IND", "country"],
  ["Collective Security Treaty Organization", "org/csto", "organization"],
  ["CSTO", "org/csto", "organization", "acronym"],
  ["Eurasian Economic Union", "org/eaeu", "organization"],
  ["Organization of Turkic States", "org/ots", "organization"],
  ["Steppe Futures Institute", "org/sfi", "organization"],
  ["University of Ulaanbaatar", "org/uub", "organization"],
  ["Caspian Rail Corporation", "org/crc", "organization"],
  ["Ministry of Water Resources", "org/mwr", "organization"],
  ["Serdar Berdimuhamedov", "person/serdar", "person"],
  ["Aigerim Nurlanova", "person/aigerim", "person"],
  ["Bolor Erdene", "person/bolor", "person"],
  ["Dmitri Orlov", "person/orlov", "person"],
  ["Mary", "location/mary", "location"],
  ["Fergana Valley", "location/fergana", "location"],
  ["Khatlon", "location/khatlon", "location"],
  ["Gobi", "location/gobi", "location"],
  ["Caspian Sea", "location/caspian", "location"],
  ["Darkhan refinery", "facility/darkhan", "facility"],
  ["Trans-Caspian Railway", "facility/tcr", "facility"],
  ["Middle Corridor", "initiative/mc", "initiative"],
  ["Green Steppe Plan", "initiative/gsp", "initiative"],
  ["Karakum Front", "org/kf", "organization"],
  ["Altyn Oil", "org/altyn", "organization"],
  ["Abu Salim", "person/salim", "person"],
  ["Caspian Studies Institute", "org/csi", "organization"],
  ["Turkmen Embassy in Tashkent", "org/tkm-embassy", "organization"],
  ["Tashkent", "location/tashkent", "location"],
  ["Caspian Free Trade Agreement", "initiative/cfta", "initiative"],
];

const rels = (text: string) => {
  const ctx = makeContext(text, M);
  const facts = extractRelations(ctx);
  assertEvidence(ctx, facts);
  return relKeys(facts);
};

describe("relations: offices and affiliations", () => {
  it("reads a title between a state and a person", () => {
    assert.deepEqual(rels("Turkmen President Serdar Berdimuhamedov opened the session."), [
      "holds_position person/serdar country/TKM",
    ]);
    assert.deepEqual(rels("Mongolia's Foreign Minister Bolor Erdene flew home."), [
      "holds_position person/bolor country/MNG",
    ]);
  });

  it("keeps the role as an attribute", () => {
    const ctx = makeContext("Uzbek Deputy Prime Minister Aigerim Nurlanova arrived.", M);
    const [r] = extractRelations(ctx);
    assert.equal(r?.attrs.role, "deputy prime minister");
  });

  it("tells affiliation with a think tank from an office in a state body", () => {
    assert.deepEqual(rels("Aigerim Nurlanova, a senior fellow at the Steppe Futures Institute, disagreed."), [
      "affiliated_with person/aigerim org/sfi",
    ]);
    assert.deepEqual(rels("Dmitri Orlov, director of the Ministry of Water Resources, resigned."), [
      "holds_position person/orlov org/mwr",
    ]);
    // The director of a body's office in a state holds no office of that state.
    assert.deepEqual(
      rels("Dmitri Orlov, the director of the Mongolia office of the Steppe Futures Institute, left."),
      [],
    );
    assert.deepEqual(rels("Bolor Erdene, a University of Ulaanbaatar Gobi historian, was quoted."), [
      "affiliated_with person/bolor org/uub",
    ]);
  });
});

describe("relations: offices taken and groups' bases", () => {
  it("reads who became, was appointed or served as an officer of a body", () => {
    assert.deepEqual(rels("Dmitri Orlov, who became chairman of Altyn Oil in 2019, resigned."), [
      "holds_position person/orlov org/altyn",
    ]);
    assert.deepEqual(rels("Bolor Erdene was appointed as the Karakum Front's commander."), [
      "holds_position person/bolor org/kf",
    ]);
    assert.deepEqual(rels("Bolor Erdene served as president of Mongolia from 2009."), [
      "holds_position person/bolor country/MNG",
    ]);
    // An envoy posted in a state does not hold its office.
    assert.deepEqual(rels("Bolor Erdene served as ambassador in Japan."), []);
    assert.deepEqual(rels("Bolor Erdene met the president of Mongolia."), []);
  });

  it("reads a title after another name in brackets", () => {
    assert.deepEqual(rels("Dmitri Orlov (or Abu Salim), the long-standing leader of the Karakum Front, died."), [
      "holds_position person/orlov org/kf",
      "holds_position person/salim org/kf",
    ]);
    assert.deepEqual(
      rels("Dmitri Orlov, or Abu Salim, who has reportedly served as a deputy commander in the Karakum Front, fled."),
      ["holds_position person/orlov org/kf", "holds_position person/salim org/kf"],
    );
  });

  it("reads an armed group's bases and a company's home state", () => {
    assert.deepEqual(rels("The Karakum Front, which is reported to have bases in Tajikistan, denied it."), [
      "located_in org/kf country/TJK",
    ]);
    assert.deepEqual(rels("The Karakum Front attacked bases in Tajikistan."), []);
    assert.deepEqual(rels("Altyn Oil, Turkmenistan's largest oil company, signed."), [
      "located_in org/altyn country/TKM",
    ]);
    assert.deepEqual(rels("Altyn Oil, Turkmenistan's largest customer, signed."), []);
    assert.deepEqual(rels("The Karakum Front commands some 2,000 fighters in the remote Khatlon province."), [
      "located_in org/kf location/khatlon",
    ]);
    assert.deepEqual(rels("The Karakum Front had about 300 Uzbek fighters, gathered mainly in Khatlon."), [
      "located_in org/kf location/khatlon",
    ]);
    assert.deepEqual(rels("The Karakum Front has killed 300 fighters in Khatlon."), []);
    assert.deepEqual(rels("Bolor Erdene is a fellow at the Caspian Studies Institute, Turkmenistan."), [
      "affiliated_with person/bolor org/csi",
      "located_in org/csi country/TKM",
    ]);
    assert.deepEqual(rels("Bolor Erdene met the Caspian Studies Institute, Turkmenistan and Iran."), []);
  });
});

describe("relations: membership", () => {
  it("reads members, including negated ones", () => {
    assert.deepEqual(rels("The CSTO, which includes Armenia and Belarus but not Turkmenistan, met in June."), [
      "member_of country/ARM org/csto",
      "member_of country/BLR org/csto",
      "member_of country/TKM org/csto neg",
    ]);
    assert.deepEqual(rels("Turkmenistan is not a member of the Eurasian Economic Union."), [
      "member_of country/TKM org/eaeu neg",
    ]);
  });

  it("reads 'X, a member of Y', 'Y members X and Z' and 'X joined Y'", () => {
    assert.deepEqual(rels("Armenia, a founding member of the CSTO, complained."), ["member_of country/ARM org/csto"]);
    assert.deepEqual(rels("CSTO members Armenia and Belarus abstained."), [
      "member_of country/ARM org/csto",
      "member_of country/BLR org/csto",
    ]);
    assert.deepEqual(rels("Uzbekistan joined the Organization of Turkic States in 2019."), [
      "member_of country/UZB org/ots",
    ]);
  });

  it("reads 'Z, of which X is a member', 'X, which is a member of Z' and 'Z, whose members include X'", () => {
    assert.deepEqual(rels("The CSTO, of which Armenia is also a member, met in June."), [
      "member_of country/ARM org/csto",
    ]);
    assert.deepEqual(rels("Belarus, which is a founding member of the Eurasian Economic Union, objected."), [
      "member_of country/BLR org/eaeu",
    ]);
    assert.deepEqual(
      rels("Armenia and Belarus are bound tightly to the Russian market as members of the Eurasian Economic Union."),
      ["member_of country/ARM org/eaeu", "member_of country/BLR org/eaeu"],
    );
    assert.deepEqual(rels("Turkey and Iran signed a pact with Japan as members of the Eurasian Economic Union."), []);
    assert.deepEqual(rels("Iran, like Armenia, is a member of the CSTO."), [
      "member_of country/ARM org/csto",
      "member_of country/IRN org/csto",
    ]);
    assert.deepEqual(rels("The Organization of Turkic States, whose members include Turkey and Uzbekistan, met."), [
      "member_of country/TUR org/ots",
      "member_of country/UZB org/ots",
    ]);
    // A state that only deals with the bloc is no member of it.
    assert.deepEqual(rels("The CSTO, of which Iran is a critic, met in June."), []);
  });

  it("reads 'X, a Z member' and 'Z ally X'", () => {
    assert.deepEqual(rels("Armenia, a CSTO member, objected."), ["member_of country/ARM org/csto"]);
    assert.deepEqual(rels("Iran and Turkey, both Organization of Turkic States members, objected."), [
      "member_of country/IRN org/ots",
      "member_of country/TUR org/ots",
    ]);
    assert.deepEqual(rels("CSTO ally Belarus objected."), ["member_of country/BLR org/csto"]);
    assert.deepEqual(rels("Japan, a CSTO critic, objected."), []);
    // An ally of a think tank is no member of an alliance.
    assert.deepEqual(rels("Steppe Futures Institute ally Japan objected."), []);
  });

  it("reads a state that chairs a grouping, also through 'whose country chairs'", () => {
    assert.deepEqual(rels("Uzbekistan, which currently chairs the Organization of Turkic States, hosted talks."), [
      "member_of country/UZB org/ots",
    ]);
    assert.deepEqual(
      rels("Mongolian President Bolor Erdene, whose country chairs the Organization of Turkic States, spoke."),
      ["holds_position person/bolor country/MNG", "member_of country/MNG org/ots"],
    );
    // A state that chairs a think tank's board, or only criticises a grouping, is no member of it.
    assert.deepEqual(rels("Uzbekistan, which chairs the Steppe Futures Institute, spoke."), []);
    assert.deepEqual(rels("Japan, which criticised the Organization of Turkic States, objected."), []);
  });

  it("keeps a future member as prospective and drops a merely possible one", () => {
    const ctx = makeContext("The CSTO's growing membership, which will include Iran, alarms its neighbours.", M);
    const [r] = extractRelations(ctx);
    assert.equal(r?.type, "member_of");
    assert.equal(r?.attrs.status, "prospective");
    assert.deepEqual(rels("Iran could join the Eurasian Economic Union."), []);
  });
});

describe("relations: places and borders", () => {
  it("reads located_in from several phrasings", () => {
    assert.deepEqual(rels("Protesters gathered in the Turkmen city of Mary."), [
      "located_in location/mary country/TKM",
    ]);
    assert.deepEqual(rels("Water is scarce in Tajikistan's Khatlon province."), [
      "located_in location/khatlon country/TJK",
    ]);
    assert.deepEqual(rels("The Darkhan refinery in Mongolia was shut."), ["located_in facility/darkhan country/MNG"]);
  });

  it("never puts an intergovernmental body inside a state", () => {
    assert.ok(!rels("Troops from the CSTO in Armenia left.").some((r) => r.startsWith("located_in")));
  });

  it("reads borders, symmetric and negated", () => {
    assert.deepEqual(rels("Uzbekistan, which shares a long border with Tajikistan, sent water engineers."), [
      "borders country/UZB country/TJK",
    ]);
    assert.deepEqual(rels("Mongolia does not share a border with Japan."), ["borders country/MNG country/JPN neg"]);
    assert.deepEqual(rels("Tajikistan, on China's western border, is poor."), ["borders country/TJK country/CHN"]);
    assert.deepEqual(rels("Tajikistan is China's smallest neighbour."), ["borders country/CHN country/TJK"]);
    assert.deepEqual(rels("Tajikistan is China's smallest creditor."), []);
    assert.deepEqual(rels("With a long border with China and close ties to Russia, Mongolia is cautious."), [
      "borders country/MNG country/CHN",
    ]);
    assert.deepEqual(
      rels("Militants crossed into Tajikistan, and clashes spread to the country's southern Khatlon province."),
      ["located_in location/khatlon country/TJK"],
    );
    assert.deepEqual(rels("Clashes spread to the country's southern Khatlon province."), []);
  });
});

describe("relations: economy", () => {
  it("reads trade partners with their rank", () => {
    const ctx = makeContext("China is Mongolia's largest trading partner.", M);
    const [r] = extractRelations(ctx);
    assert.equal(`${r?.type} ${r?.subject} ${r?.object}`, "trade_partner country/CHN country/MNG");
    assert.equal(r?.attrs.rank, "largest trading partner");
  });

  it("reads an overtaken partner of 'the country' named before", () => {
    assert.deepEqual(
      rels("In Mongolia, with China overtaking Russia as the country's biggest trading partner, prices fell."),
      ["trade_partner country/CHN country/MNG", "trade_partner country/RUS country/MNG"],
    );
    assert.deepEqual(rels("With China overtaking Russia as the country's biggest trading partner, prices fell."), []);
  });

  it("reads who supplies what to whom", () => {
    const ctx = makeContext("China buys nearly 40% of its natural gas from Turkmenistan.", M);
    const [r] = extractRelations(ctx);
    assert.equal(`${r?.type} ${r?.subject} ${r?.object}`, "supplies country/TKM country/CHN");
    assert.equal(r?.attrs.commodity, "natural gas");
    assert.deepEqual(rels("Armenia imports most of its grain from Russia."), ["supplies country/RUS country/ARM"]);
    assert.deepEqual(rels("Armenia hears most of its news from Russia."), []);
    assert.deepEqual(rels("Belarus supplied Armenia with armoured vehicles."), ["supplies country/BLR country/ARM"]);
  });

  it("drops a supply that is only reported as possible", () => {
    assert.deepEqual(rels("Some reports suggest that Belarus supplied Armenia with rifles."), []);
  });

  it("reads investment", () => {
    assert.deepEqual(rels("Japan has invested about $2 billion in Mongolia since 2010."), [
      "invests_in country/JPN country/MNG",
    ]);
    assert.deepEqual(rels("Chinese investment in Tajikistan has doubled."), ["invests_in country/CHN country/TJK"]);
    assert.deepEqual(rels("Tajikistan seems ready to welcome and open up its economy to Chinese investment."), [
      "invests_in country/CHN country/TJK",
    ]);
  });
});

describe("relations: alliances, rivalries, operations, initiatives", () => {
  it("reads alliance and opposition", () => {
    assert.deepEqual(rels("Russia is a key ally of Belarus."), ["allied_with country/RUS country/BLR"]);
    assert.deepEqual(rels("The growing partnership between Turkey and Uzbekistan worries Moscow."), [
      "allied_with country/TUR country/UZB",
    ]);
    assert.deepEqual(rels("India's rivalry with China shapes the region."), ["opposes country/IND country/CHN"]);
    assert.deepEqual(rels("Armenia and Iran are locked in a bitter dispute with Turkey."), [
      "opposes country/ARM country/TUR",
      "opposes country/IRN country/TUR",
    ]);
    assert.deepEqual(rels("Armenia and Iran are locked in talks with Turkey."), []);
    assert.deepEqual(rels("The Karakum Front, an anti-Russia militia, grew."), ["opposes org/kf country/RUS"]);
    assert.deepEqual(rels("The anti-Russia Karakum Front grew."), ["opposes org/kf country/RUS"]);
    assert.deepEqual(rels("The Karakum Front, an anti-Russia voice, grew."), []);
    assert.deepEqual(rels("Armenia and Iran have no reason to clash with each other over Turkey."), [
      "opposes country/ARM country/IRN neg",
      "opposes country/IRN country/ARM neg",
    ]);
    assert.deepEqual(rels("Iran, keen to extend its reach in rivalry with Turkey, courted Armenia."), [
      "opposes country/IRN country/TUR",
    ]);
    assert.deepEqual(rels("Officials spoke in rivalry with Turkey."), []);
    assert.deepEqual(rels("The Karakum Front, which Turkmenistan blames for the bombings, denied it."), [
      "opposes country/TKM org/kf",
    ]);
    assert.deepEqual(rels("Turkmenistan blamed the Karakum Front for the attack."), ["opposes country/TKM org/kf"]);
    assert.deepEqual(rels("Turkmenistan blamed Iran for the delay."), []);
    assert.deepEqual(rels("The Karakum Front, which Turkmenistan praised for the truce, spoke."), []);
    assert.deepEqual(rels("Armenia and Iran, longtime allies, met."), ["allied_with country/ARM country/IRN"]);
    assert.deepEqual(rels("Armenia and Iran, longtime trading partners, met."), []);
    assert.deepEqual(rels("Armenia and Iran signed a defence pact."), ["allied_with country/ARM country/IRN"]);
    assert.deepEqual(rels("Armenia signed a security treaty with Iran and Belarus."), [
      "allied_with country/ARM country/BLR",
      "allied_with country/ARM country/IRN",
    ]);
    assert.deepEqual(rels("Armenia signed a trade pact with Iran."), []);
    assert.deepEqual(rels("Armenia may sign a defence pact with Iran."), []);
    assert.deepEqual(rels("India and China are bitter rivals."), [
      "opposes country/CHN country/IND",
      "opposes country/IND country/CHN",
    ]);
    assert.deepEqual(rels("India, China's main rival, objected."), [
      "opposes country/CHN country/IND",
      "opposes country/IND country/CHN",
    ]);
    assert.deepEqual(rels("India, China's main partner, objected."), ["allied_with country/IND country/CHN"]);
    // An economic partner is a trade partner, not an ally.
    assert.deepEqual(rels("Japan is an important economic partner of Mongolia."), [
      "trade_partner country/JPN country/MNG",
    ]);
  });

  it("reads the parties to an agreement signed with another state", () => {
    assert.deepEqual(
      rels(
        "Turkmenistan embraced the Middle Corridor, going so far as to sign a Caspian Free Trade Agreement with Iran.",
      ),
      [
        "participates_in country/IRN initiative/cfta",
        "participates_in country/TKM initiative/cfta",
        "participates_in country/TKM initiative/mc",
        "trade_partner country/TKM country/IRN",
      ],
    );
    // A plan is no agreement: only the signer's part in it is read.
    assert.deepEqual(rels("Turkmenistan signed the Green Steppe Plan with Iran."), [
      "participates_in country/TKM initiative/gsp",
    ]);
  });

  it("reads where a mission named after its seat is", () => {
    assert.deepEqual(rels("Police in Tashkent watched protesters outside the Turkmen Embassy in Tashkent."), [
      "located_in org/tkm-embassy location/tashkent",
    ]);
    // The seat is not in the sending state.
    assert.ok(
      !rels("Turkmenistan closed the Turkmen Embassy in Tashkent. Tashkent said little.").includes(
        "located_in location/tashkent country/TKM",
      ),
    );
  });

  it("reads who runs a facility", () => {
    assert.deepEqual(rels("The Trans-Caspian Railway is operated by the Caspian Rail Corporation."), [
      "operates org/crc facility/tcr",
    ]);
  });

  it("reads participation in and creation of initiatives", () => {
    assert.deepEqual(rels("Uzbekistan is an important link in the Middle Corridor."), [
      "participates_in country/UZB initiative/mc",
    ]);
    assert.deepEqual(rels("Bolor Erdene launched the Green Steppe Plan in 2021."), [
      "created person/bolor initiative/gsp",
    ]);
  });

  it("checks types against the ontology", () => {
    // A location cannot be a member of anything, nor can a facility trade.
    assert.deepEqual(rels("The Fergana Valley is a member of the CSTO."), []);
  });
});

describe("relations: reference knowledge the text presupposes", () => {
  // Keys here are knowledge-base ids, so the KB's reference facts apply.
  const K: MentionSpec[] = [
    ["Kazakhstan", "country/KAZ", "country"],
    ["Kazakh", "country/KAZ", "country", "demonym"],
    ["China", "country/CHN", "country"],
    ["Almaty", "loc/almaty", "location"],
    ["Beijing", "loc/beijing", "location"],
    ["Lake Balkhash", "loc/lake-balkhash", "location"],
    ["People's Liberation Army", "org/pla", "organization"],
    ["Kassym-Jomart Tokayev", "person/kassym-jomart-tokayev", "person"],
    ["India", "country/IND", "country"],
    ["Iran", "country/IRN", "country"],
    ["Shanghai Cooperation Organization", "org/sco", "organization"],
  ];
  const kb = (text: string) => {
    const ctx = makeContext(text, K);
    const facts = extractRelations(ctx);
    assertEvidence(ctx, facts);
    return relKeys(facts);
  };

  it("reads a city in its state when the document names both", () => {
    assert.deepEqual(kb("Traders in Almaty, Kazakhstan, cut prices on Monday."), ["located_in loc/almaty country/KAZ"]);
    assert.deepEqual(
      kb("Flights to Almaty resumed on Monday. Storms had closed roads across much of Kazakhstan for a week."),
      ["located_in loc/almaty country/KAZ"],
    );
    // A state the document never names is not presupposed.
    assert.deepEqual(kb("Flights to Almaty resumed on Monday."), []);
  });

  it("marks a presupposed tie as reference knowledge; one the sentence states is read from the text", () => {
    const basisOf = (text: string) =>
      extractRelations(makeContext(text, K)).map((r) => `${r.type} ${r.basis ?? "text"}`);
    assert.deepEqual(
      basisOf("Flights to Almaty resumed on Monday. Storms had closed roads across much of Kazakhstan for a week."),
      ["located_in reference"],
    );
    assert.ok(basisOf("Kazakhstan is a member of the Shanghai Cooperation Organization.").includes("member_of text"));
  });

  it("leaves out natural features and a capital that stands for its state", () => {
    assert.deepEqual(kb("Kazakhstan says Lake Balkhash is shrinking."), []);
    // Beijing as a place (in its own name) lies in China; where the document mostly means China by it, it does not.
    assert.deepEqual(kb("China sent envoys to a summit in Beijing."), ["located_in loc/beijing country/CHN"]);
    const metonym: MentionSpec[] = [
      ["China", "country/CHN", "country"],
      ["Beijing", "country/CHN", "country", "metonym"],
      ["Peking", "loc/beijing", "location"],
    ];
    const ctx = makeContext("Beijing warned Tokyo. Beijing said China was ready for talks in Peking.", metonym);
    assert.deepEqual(relKeys(extractRelations(ctx)), []);
  });

  it("reads a known office-holder's office and a state body's state anywhere in the document", () => {
    assert.deepEqual(kb("Tokayev spoke first. Kassym-Jomart Tokayev later thanked the crowd. Kazakhstan was calm."), [
      "holds_position person/kassym-jomart-tokayev country/KAZ",
    ]);
    assert.deepEqual(kb("The People's Liberation Army held drills. Officials in China said little."), [
      "located_in org/pla country/CHN",
    ]);
    // Without the state in the text, nothing is presupposed.
    assert.deepEqual(kb("Kassym-Jomart Tokayev thanked the crowd."), []);
  });

  it("reads no office taken only after the document was written", () => {
    // He was first a minister of Kazakhstan in 1994.
    const ctx = makeContext("Kassym-Jomart Tokayev visited Kazakhstan.", K, "1990-06-01");
    assert.deepEqual(relKeys(extractRelations(ctx)), []);
    const later = makeContext("Kassym-Jomart Tokayev visited Kazakhstan.", K, "2005-06-01");
    const [r] = extractRelations(later);
    assert.equal(r?.type, "holds_position");
    assert.equal(r?.attrs.status, "former");
  });

  it("reads a member of a small grouping of states named with it, as of the document's date", () => {
    // Published 2022-01-14: Iran joined the SCO in 2023.
    assert.deepEqual(kb("India, Iran and Kazakhstan sent envoys to the Shanghai Cooperation Organization summit."), [
      "member_of country/IND org/sco",
      "member_of country/KAZ org/sco",
    ]);
    assert.deepEqual(kb("India sent envoys. The Shanghai Cooperation Organization met in June."), []);
  });

  it("leaves a state that is named nowhere out", () => {
    assert.deepEqual(kb("Kassym-Jomart Tokayev thanked the crowd."), []);
  });
});

describe("relations: bad input", () => {
  it("survives a 5,000-word sentence and keeps exact evidence", () => {
    const filler = "and the delegates argued at length about quotas ".repeat(625);
    const text = `Turkmen President Serdar Berdimuhamedov spoke ${filler}while China is Mongolia's largest trading partner.`;
    assert.ok(text.split(/\s+/).length >= 5000);
    const ctx = makeContext(text, M);
    const facts = extractRelations(ctx);
    assertEvidence(ctx, facts);
    assert.ok(relKeys(facts).includes("holds_position person/serdar country/TKM"));
  });

  it("survives unbalanced quotes and nested quotes", () => {
    const text = `Uzbek officials said "the "Middle Corridor" matters, and Uzbekistan is an important link in the Middle Corridor.`;
    const ctx = makeContext(text, M);
    const facts = extractRelations(ctx);
    assertEvidence(ctx, facts);
  });

  it("gives nothing for a text without mentions", () => {
    assert.deepEqual(extractRelations(makeContext("Nothing happened here.", [])), []);
  });
});
