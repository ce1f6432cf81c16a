// The event stage on hand-built contexts. Every sentence here was written for these tests.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { extractEvents } from "../src/extract/events/index.js";
import { cameoType, lexicon } from "../src/extract/events/lexicon.js";
import { extractRelations } from "../src/extract/relations/index.js";
import { assertEvidence, eventKeys, type MentionSpec, makeContext } from "./extract-helpers.js";
import { ROOT } from "./helpers.js";

const M: MentionSpec[] = [
  ["Armenia", "country/ARM", "country"],
  ["Armenian", "country/ARM", "country", "demonym"],
  ["Yerevan", "country/ARM", "country", "metonym"],
  ["Azerbaijan", "country/AZE", "country"],
  ["Baku", "country/AZE", "country", "metonym"],
  ["Georgia", "country/GEO", "country"],
  ["Turkey", "country/TUR", "country"],
  ["Ankara", "country/TUR", "country", "metonym"],
  ["Iran", "country/IRN", "country"],
  ["Russia", "country/RUS", "country"],
  ["Russian", "country/RUS", "country", "demonym"],
  ["Moscow", "country/RUS", "country", "metonym"],
  ["European Union", "org/eu", "organization"],
  ["OSCE", "org/osce", "organization", "acronym"],
  ["Nikol Vardanyan", "person/vardanyan", "person"],
  ["Leyla Huseynova", "person/huseynova", "person"],
  ["Gyumri", "location/gyumri", "location"],
  ["Tbilisi", "location/tbilisi", "location"],
];

function events(text: string, published: string | null = "2023-05-20") {
  const ctx = makeContext(text, M, published);
  const facts = extractEvents(ctx, { relations: extractRelations(ctx) });
  assertEvidence(ctx, facts);
  return { ctx, facts, keys: eventKeys(facts) };
}

describe("events: codes, actors and targets", () => {
  it("codes consultations, appeals, offers and support", () => {
    assert.deepEqual(events("Nikol Vardanyan met Leyla Huseynova in Tbilisi.").keys, [
      "04 person/vardanyan -> person/huseynova",
    ]);
    assert.deepEqual(events("Armenia urged the European Union to send monitors.").keys, ["02 country/ARM -> org/eu"]);
    assert.deepEqual(events("Turkey offered to mediate between Armenia and Azerbaijan.").keys, [
      "03 country/TUR -> country/ARM+country/AZE",
    ]);
    assert.deepEqual(events("Iran praised Armenia for its restraint.").keys, ["05 country/IRN -> country/ARM"]);
  });

  it("codes criticism, rejection, threats, force and fighting", () => {
    assert.deepEqual(events("Baku accused Yerevan of shelling border villages.").keys, [
      "11 country/AZE -> country/ARM",
    ]);
    assert.deepEqual(events("Georgia rejected the Russian proposal.").keys, ["12 country/GEO -> country/RUS"]);
    assert.deepEqual(events("Moscow threatened Georgia with a gas cut-off.").keys, ["13 country/RUS -> country/GEO"]);
    assert.deepEqual(events("Russia deployed troops to Armenia last week.").keys, ["15 country/RUS -> country/ARM"]);
    assert.deepEqual(events("Russia's invasion of Georgia shocked the region.").keys, [
      "19 country/RUS -> country/GEO",
    ]);
  });

  it("uses finer codes from patterns when sure", () => {
    const { facts } = events("The European Union imposed sanctions on Iran.");
    assert.equal(facts[0]?.type, "16.3");
    assert.equal(cameoType("042"), "04.2");
    assert.equal(cameoType("040"), "04");
    assert.equal(cameoType("1822"), "18.22");
  });

  it("finds the agent of a passive and of an event noun", () => {
    assert.deepEqual(events("Armenia was criticised by the European Union.").keys, ["11 org/eu -> country/ARM"]);
    assert.deepEqual(events("The dispatch of 300 observers by the OSCE to Georgia was welcomed.").keys.slice(0, 1), [
      "15 org/osce -> country/GEO",
    ]);
  });

  it("reads statements, including a speaker after the quote", () => {
    assert.deepEqual(events('"We will not be intimidated," said Nikol Vardanyan.').keys, ["01 person/vardanyan -> "]);
    assert.deepEqual(events("Leyla Huseynova said Azerbaijan wanted a lasting peace.").keys, [
      "01 person/huseynova -> country/AZE",
    ]);
  });

  it("adds the state a named office-holder acts for", () => {
    const { facts } = events("Armenian Prime Minister Nikol Vardanyan met Leyla Huseynova.");
    assert.deepEqual([...(facts[0]?.actors ?? [])].sort(), ["country/ARM", "person/vardanyan"]);
  });

  it("does not code the content of an appeal as an event of its own", () => {
    const { keys } = events("Armenia called on Russia to withdraw its troops from Gyumri.");
    assert.deepEqual(keys, ["02 country/ARM -> country/RUS"]);
  });

  it("needs an actor, and a target for dyadic codes", () => {
    assert.deepEqual(events("Troops were deployed near the border.").keys, []);
    assert.deepEqual(events("Georgia condemned the decision.").keys, []);
    assert.deepEqual(events("Protests broke out in Armenia.").keys, ["14 country/ARM -> "]);
  });
});

describe("events: realis, dates, places", () => {
  it("flags negated and hypothetical events instead of dropping them", () => {
    assert.deepEqual(events("Turkey did not send troops to Azerbaijan.").keys, ["15 country/TUR -> country/AZE neg"]);
    assert.deepEqual(events("Turkey could send troops to Azerbaijan.").keys, ["15 country/TUR -> country/AZE hyp"]);
    // The refusal takes its target from what it refuses; the refused recognition is kept, negated.
    assert.deepEqual(events("Georgia refused to recognise the breakaway region of Gyumri.").keys, [
      "05 country/GEO -> location/gyumri neg",
      "12 country/GEO -> location/gyumri",
    ]);
  });

  it("dates an event from its clause and places it", () => {
    const { facts } = events("On 3 May, Russia deployed troops to Armenia.");
    assert.equal(facts[0]?.date, "2023-05-03");
    const other = events("Protests erupted in Gyumri in 2021.");
    assert.equal(other.facts[0]?.date, "2021");
    assert.equal(other.facts[0]?.location, "location/gyumri");
  });

  it("dates an event the text does not date by its document's publication date, marked as such", () => {
    const undated = events("Russia deployed troops to Armenia.", "2023-05-20").facts[0];
    assert.equal(undated?.date, "2023-05-20");
    assert.equal(undated?.dateSource, "published");
    const stated = events("On 5 January 2022, Russia deployed troops to Armenia.", "2023-05-20").facts[0];
    assert.equal(stated?.date, "2022-01-05");
    assert.equal(stated?.dateSource, "text");
    // A relative date resolves against the publication date and is the text's: 20 May 2023 was a Saturday.
    const relative = events("Russia deployed troops to Armenia on Thursday.", "2023-05-20").facts[0];
    assert.equal(relative?.date, "2023-05-18");
    assert.equal(relative?.dateSource, "text");
    // No publication date either: no date, and no source.
    const none = events("Russia deployed troops to Armenia.", null).facts[0];
    assert.equal(none?.date, null);
    assert.equal(none?.dateSource, undefined);
  });

  it("counts one event told twice once", () => {
    const { facts } = events("Russia deployed troops to Armenia. The Russian deployment alarmed Baku.");
    const deployments = facts.filter((f) => f.type.startsWith("15"));
    assert.ok(deployments.length >= 1);
    const keys = new Set(deployments.map((f) => `${[...f.actors].sort()}|${[...f.targets].sort()}`));
    assert.equal(keys.size, 1);
  });
});

describe("events: bad input", () => {
  it("survives a 5,000-word sentence", () => {
    const filler = "and the delegates argued at length about quotas ".repeat(625);
    const { facts } = events(`Armenia urged the European Union ${filler}while Russia deployed troops to Armenia.`);
    assert.ok(facts.length >= 1);
  });

  it("survives unbalanced and nested quotes", () => {
    events(`Leyla Huseynova said "Baku "will not" yield, and Russia deployed troops to Armenia.`);
    events(`"Nikol Vardanyan met Leyla Huseynova.`);
  });
});

describe("events: lexicon", () => {
  it("runs from the committed lexicon, with its attribution", () => {
    const file = `${ROOT}data/lexicon/cameo-verbs.json`;
    assert.ok(existsSync(file));
    const raw = JSON.parse(readFileSync(file, "utf8")) as { about: string; license: string };
    assert.match(raw.about, /PETRARCH2/);
    assert.equal(raw.license, "MIT");
    const lex = lexicon();
    assert.equal(lex.verbs.get("condemn")?.slice(0, 2), "11");
    assert.equal(lex.nouns.get("invasion")?.slice(0, 2), "19");
  });

  it("codes a verb by its longest matching pattern: a state of emergency is not a comment on an emergency", () => {
    const declared = events("Armenia declared a state of emergency in Gyumri on Monday.").facts;
    assert.deepEqual(
      declared.map((e) => e.type),
      ["17.24"],
    );
    const curfew = events("Georgia introduced a curfew in Tbilisi after the riots.").facts;
    assert.deepEqual(
      curfew.map((e) => e.type),
      ["17.23"],
    );
    assert.deepEqual(
      events("Armenia imposed martial law.").facts.map((e) => e.type),
      ["17.24"],
    );
  });

  it("codes a conversation by telephone as a consultation", () => {
    assert.deepEqual(events("Nikol Vardanyan spoke by telephone with Leyla Huseynova on Friday.").keys, [
      "04 person/vardanyan -> person/huseynova",
    ]);
    assert.deepEqual(
      events("Nikol Vardanyan talked over the phone with Leyla Huseynova.").facts.map((e) => e.type),
      ["04.1"],
    );
    // Speaking without a telephone stays a statement, or nothing.
    assert.ok(!events("Nikol Vardanyan spoke at the forum in Tbilisi.").facts.some((e) => e.type.startsWith("04")));
  });
});

describe("events: nominal cues, subjects and roles", () => {
  const M2: MentionSpec[] = [
    ...M,
    ["Islamic Front of Gyumri", "org/ifg", "organization"],
    ["IFG", "org/ifg", "organization", "acronym"],
    ["Xi Jinping", "person/xi-jinping", "person"],
    ["China", "country/CHN", "country"],
  ];
  const ev = (text: string, published: string | null = "2023-05-20") => {
    const ctx = makeContext(text, M2, published);
    const facts = extractEvents(ctx, { relations: extractRelations(ctx) });
    assertEvidence(ctx, facts);
    return { facts, keys: eventKeys(facts) };
  };

  it("reads a call between one side and his counterpart", () => {
    assert.deepEqual(
      ev("During an earlier call between Nikol Vardanyan and his counterpart Leyla Huseynova, nothing changed.").keys,
      ["04 person/vardanyan -> person/huseynova"],
    );
  });

  it("finds a subject before a bracketed acronym, and codes an armed group's attack as an assault", () => {
    assert.deepEqual(ev("The Islamic Front of Gyumri (IFG) carried out a bombing in Tbilisi.").keys, [
      "18 org/ifg -> ",
    ]);
    assert.deepEqual(ev("The Islamic Front of Gyumri (IFG) recently launched an attack.").keys, ["18 org/ifg -> "]);
    // A state's attack stays fighting, which needs a target.
    assert.deepEqual(ev("Russia launched an attack on Armenia.").keys, ["19 country/RUS -> country/ARM"]);
    assert.deepEqual(ev("Russia launched an attack.").keys, []);
  });

  it("adds the state a knowledge-base office-holder serves on the document's date", () => {
    const now = ev("Xi Jinping met Nikol Vardanyan in Tbilisi. China welcomed the talks.", "2023-05-20");
    assert.ok(now.facts[0]?.actors.includes("country/CHN"));
    // Before he held a national office, he acts for no state.
    const before = ev("Xi Jinping met Nikol Vardanyan in Tbilisi. China welcomed the talks.", "2005-01-01");
    assert.ok(!before.facts[0]?.actors.includes("country/CHN"));
  });

  it("reads body sentences that start with a footnote mark, but not the notes", () => {
    assert.deepEqual(ev("12 Russia deployed troops to Armenia.").keys, ["15 country/RUS -> country/ARM"]);
    assert.deepEqual(ev("13 Anna Petrosyan, “How Russia deployed troops to Armenia,” Some Review, 2021.").keys, []);
  });

  it("gives an infinitive after an intent noun to the noun's possessor, with the noun's realis", () => {
    assert.deepEqual(ev("Armenia's decision to cede two villages to Azerbaijan angered many.").keys, [
      "08 country/ARM -> country/AZE",
    ]);
    assert.deepEqual(ev("Turkey's refusal to condemn Russia surprised nobody.").keys, [
      "11 country/TUR -> country/RUS neg",
    ]);
    assert.deepEqual(ev("Iran's plan to attack Azerbaijan leaked.").keys, ["19 country/IRN -> country/AZE hyp"]);
    assert.deepEqual(ev("Turkey has not shown any interest in deploying troops to Azerbaijan.").keys, [
      "15 country/TUR -> country/AZE neg",
    ]);
    assert.deepEqual(ev("Turkey has shown an interest in deploying troops to Azerbaijan.").keys, [
      "15 country/TUR -> country/AZE hyp",
    ]);
    assert.deepEqual(ev("Leyla Huseynova's trip to Tbilisi to meet Nikol Vardanyan ended early.").keys, [
      "04 person/huseynova -> person/vardanyan",
    ]);
  });

  it("gives agentless coercion of people in a country to that country, once per country", () => {
    assert.deepEqual(ev("Last year 300 refugees in Armenia and 200 refugees in Georgia were deported.").keys, [
      "17 country/ARM -> ",
      "17 country/GEO -> ",
    ]);
    // An agent named with "by" wins.
    assert.deepEqual(ev("Refugees in Armenia were deported by Russia.").keys, ["17 country/RUS -> "]);
  });

  it("finds the giver after 'received ... from' and the actor of a support verb with a particle", () => {
    assert.deepEqual(ev("Armenia received loans from Russia.").keys, ["07 country/RUS -> country/ARM"]);
    assert.deepEqual(ev("Georgia carried out arrests in Tbilisi.").keys, ["17 country/GEO -> "]);
    assert.deepEqual(ev("Armenia and Georgia participated in the deportation of refugees.").keys, [
      "17 country/ARM+country/GEO -> ",
    ]);
  });

  it("resolves he and his to a person who is a subject before them", () => {
    assert.deepEqual(ev("When Nikol Vardanyan met with Leyla Huseynova in Tbilisi, he praised Armenia.").keys, [
      "04 person/vardanyan -> person/huseynova",
      "05 person/vardanyan -> country/ARM",
    ]);
    assert.deepEqual(ev("Leyla Huseynova smiled during her visit to Armenia.").keys, [
      "04 person/huseynova -> country/ARM",
    ]);
  });

  it("keeps subjects and objects around plain noun phrases, quantifiers and dates", () => {
    assert.deepEqual(
      ev("The European Union and some diplomats insist that Russia broke the truce.").keys[0],
      ["01 org/eu -> country/RUS"][0],
    );
    assert.deepEqual(ev("Turkey spent a week visiting all of the Armenian border towns.").keys, [
      "04 country/TUR -> country/ARM",
    ]);
    assert.deepEqual(ev("By spring 2021 Georgia formalised an agreement with Turkey.").keys, [
      "05 country/GEO -> country/TUR",
    ]);
    assert.deepEqual(ev("Prices rose, with Russian firms having sold missiles to Armenia.").keys, [
      "06 country/RUS -> country/ARM",
    ]);
    assert.deepEqual(ev("Azerbaijan has quietly sought a closer relationship with Ankara.").keys, [
      "03 country/AZE -> country/TUR",
    ]);
  });

  it("codes pressure to act as a demand, with named members of the object as targets, and informing as a statement", () => {
    assert.deepEqual(ev("Ankara pressured regional bodies, including the OSCE, to drop the inquiry.").keys, [
      "10 country/TUR -> org/osce",
    ]);
    assert.deepEqual(ev("Nikol Vardanyan informed Leyla Huseynova of the decision.").keys, [
      "01 person/vardanyan -> person/huseynova",
    ]);
    // "whether" leaves it open.
    assert.deepEqual(ev("Nobody knows whether Nikol Vardanyan informed Leyla Huseynova before the vote.").keys, [
      "01 person/vardanyan -> person/huseynova hyp",
    ]);
  });

  it("reads talks to a named hearer, raising past a passive, and adverbs before a participle", () => {
    assert.deepEqual(ev("Nikol Vardanyan was expected to talk to Leyla Huseynova soon.").keys, [
      "04 person/vardanyan -> person/huseynova hyp",
    ]);
    assert.deepEqual(ev("Leyla Huseynova was filmed talking to a crowd of students.").keys, []);
    assert.deepEqual(ev("Armenia was actively calling on Russia to act.").keys, ["02 country/ARM -> country/RUS"]);
  });

  it("lets a state organ the knowledge base knows act for its state", () => {
    const ctx = makeContext(
      "Troops gathered in Russia. The Russian military deployed troops to Armenia.",
      [...M, ["Russian military", "org/russian-armed-forces", "organization"]],
      "2023-05-20",
    );
    assert.deepEqual(eventKeys(extractEvents(ctx)), ["15 country/RUS+org/russian-armed-forces -> country/ARM"]);
  });
});

describe("events: coordinated actors, commitments, visits and arrivals", () => {
  const M3: MentionSpec[] = [
    ...M,
    ["Georgian", "country/GEO", "country", "demonym"],
    ["Iranian", "country/IRN", "country", "demonym"],
    ["Tabriz", "loc/tabriz", "location"],
    ["Sevan", "location/sevan", "location"],
  ];
  const ev = (text: string) => {
    const ctx = makeContext(text, M3, "2023-05-20");
    const facts = extractEvents(ctx, { relations: extractRelations(ctx) });
    assertEvidence(ctx, facts);
    return { facts, keys: eventKeys(facts) };
  };

  it("codes a symmetric act of coordinated subjects without another target", () => {
    assert.deepEqual(ev("Georgia and Azerbaijan agreed to build a new railway.").keys, [
      "03 country/AZE+country/GEO -> ",
    ]);
    assert.deepEqual(ev("Senior Georgian and Iranian officials agreed on Tuesday that trade should grow.").keys, [
      "03 country/GEO+country/IRN -> ",
    ]);
    assert.deepEqual(ev("Turkey and Georgia signed a treaty on water rights.").keys, [
      "05 country/GEO+country/TUR -> ",
    ]);
    assert.deepEqual(ev("Iran and Turkey reached a deal on gas prices.").keys, ["03 country/IRN+country/TUR -> "]);
    assert.deepEqual(ev("Georgian and Iranian warships launched naval exercises in the Caspian.").keys, [
      "06 country/GEO+country/IRN -> ",
    ]);
    // One actor alone still needs a target; "agreed with Y" names it.
    assert.deepEqual(ev("Georgia agreed to build a new railway.").keys, []);
    assert.deepEqual(ev("Georgia agreed with Turkey on a new tariff.").keys, ["03 country/GEO -> country/TUR"]);
    // A person and the state they serve are one side, not two.
    assert.deepEqual(ev("Russia offered support. Nikol Vardanyan and Armenia offered help.").keys, []);
  });

  it("codes a cooperative act its actor commits to as an intent (03)", () => {
    assert.deepEqual(ev("Turkey will provide food aid to Armenia.").keys, ["03 country/TUR -> country/ARM"]);
    assert.deepEqual(ev("Iran is ready to send humanitarian aid to Azerbaijan.").keys, [
      "03 country/IRN -> country/AZE",
    ]);
    assert.deepEqual(ev("Russia said it would deliver weapons to Armenia.").keys, ["03 country/RUS -> country/ARM"]);
    // Delivered aid stays aid; a conditional or a mere possibility stays hypothetical.
    assert.deepEqual(ev("Turkey provided food aid to Armenia.").keys, ["07 country/TUR -> country/ARM"]);
    assert.deepEqual(ev("Turkey could provide food aid to Armenia.").keys, ["07 country/TUR -> country/ARM hyp"]);
    assert.deepEqual(ev("Turkey will provide food aid to Armenia if the border opens.").keys, [
      "07 country/TUR -> country/ARM hyp",
    ]);
    // A threat of force said of the future is not an intent to cooperate.
    assert.deepEqual(ev("Russia will send troops to Armenia.").keys, ["15 country/RUS -> country/ARM hyp"]);
    // A refused one stays the act, negated, as the gold guidelines say; the refusal is a rejection (12) of its target.
    assert.deepEqual(ev("Georgia refused to provide aid to Armenia.").keys, [
      "07 country/GEO -> country/ARM neg",
      "12 country/GEO -> country/ARM",
    ]);
  });

  it("codes arrivals as visits to the place, or as deployments when forces arrive", () => {
    assert.deepEqual(ev("Nikol Vardanyan arrived in Sevan on Monday.").keys, ["04 person/vardanyan -> location/sevan"]);
    // The knowledge base puts the city in a state the document names.
    assert.deepEqual(ev("Iran waited. Leyla Huseynova arrived in Tabriz for a visit.").keys, [
      "04 person/huseynova -> country/IRN+loc/tabriz",
    ]);
    assert.deepEqual(ev("Russian troops arrived in Armenia on Friday.").keys, ["15 country/RUS -> country/ARM"]);
    assert.deepEqual(ev("Russian peacekeepers arrived in Armenia on Friday.").keys, ["07 country/RUS -> country/ARM"]);
  });

  it("codes demands told as 'demanded that X ...' or 'said X must ...', with X as the target", () => {
    // A demand is 10 in the codebook; the demand verb's patterns no longer reach past "that" into its content.
    assert.deepEqual(ev("Armenia demanded that Azerbaijan withdraw its troops.").keys, [
      "10 country/ARM -> country/AZE",
    ]);
    assert.deepEqual(ev("Georgia said Russia must return the seized trucks.").keys, ["10 country/GEO -> country/RUS"]);
    assert.deepEqual(ev("Georgia said that Russia should release the detained students.").keys, [
      "10 country/GEO -> country/RUS",
    ]);
    // A plain report of what another did stays a statement.
    assert.deepEqual(ev("Georgia said Russia returned the seized trucks.").keys, ["01 country/GEO -> country/RUS"]);
  });

  it("finds the author of a rejected call or appeal as the target", () => {
    assert.deepEqual(ev("Georgia rejected recent calls by Russia for a referendum.").keys, [
      "12 country/GEO -> country/RUS",
    ]);
    assert.deepEqual(ev("Armenia rejected proposed Iranian changes to the route.").keys, [
      "12 country/ARM -> country/IRN",
    ]);
    // Abstaining from a vote at a body is not a rejection of that body.
    assert.deepEqual(ev("Armenia abstained from the European Union vote.").keys, []);
  });

  it("codes a conditional withdrawal or use of force as a threat, and finds a reporter across a time", () => {
    assert.deepEqual(ev("Georgia said it will recall its ambassador from Russia unless Moscow apologizes.").keys, [
      "13 country/GEO -> country/RUS",
    ]);
    assert.deepEqual(ev("Russia will send troops to Armenia unless Baku stops.").keys, [
      "13 country/RUS -> country/ARM",
    ]);
    // Without the condition it stays a hypothetical act.
    assert.deepEqual(ev("Russia will send troops to Armenia.").keys, ["15 country/RUS -> country/ARM hyp"]);
    assert.deepEqual(ev("Georgia said on Monday it had expelled two Russian diplomats.").keys, [
      "16 country/GEO -> country/RUS",
    ]);
  });
});

describe("events: reporting verbs, yielding alone, protest and complaints", () => {
  const M4: MentionSpec[] = [...M, ["Georgian", "country/GEO", "country", "demonym"]];
  const ev = (text: string) => {
    const ctx = makeContext(text, M4, "2023-05-20");
    const facts = extractEvents(ctx, { relations: extractRelations(ctx) });
    assertEvidence(ctx, facts);
    return { facts, keys: eventKeys(facts) };
  };

  it("does not code a word of the reported clause by the verb of saying", () => {
    // "support" and "release" far from "stated"/"said" no longer make the saying an intent or a release.
    const stated = ev("Nikol Vardanyan stated Armenia's full support for the OSCE mission.");
    assert.deepEqual(
      stated.facts.filter((f) => f.trigger === "stated").map((f) => f.type),
      ["01"],
    );
    const said = ev("Georgia said the talks on the release of the detained students had stalled.");
    assert.ok(
      said.facts.every((f) => !f.type.startsWith("08")),
      said.keys.join("; "),
    );
    // A pattern does not reach into the reported clause: the clause codes itself.
    const announced = ev("Armenia announced that it will withdraw its observers from Georgia.");
    assert.ok(
      !announced.facts.some((f) => f.trigger === "announced" && f.type.startsWith("08")),
      announced.keys.join("; "),
    );
  });

  it("codes yieldings that need no counterpart: resigning, surrendering, lifting a curfew", () => {
    assert.deepEqual(
      ev("Nikol Vardanyan resigned on Tuesday.").facts.map((f) => f.type),
      ["08.31"],
    );
    assert.deepEqual(ev("Georgian rebels surrendered after a week.").keys, ["08 country/GEO -> "]);
    assert.deepEqual(
      ev("Armenia lifted the state of emergency in Gyumri.").facts.map((f) => f.type),
      ["08.14"],
    );
    // Other yieldings still need someone yielded to.
    assert.deepEqual(ev("Armenia yielded.").keys, []);
  });

  it("codes protest told without the word: hunger strikes, strikes, blocked roads", () => {
    assert.deepEqual(
      ev("Armenian students began a hunger strike in Gyumri.").facts.map((f) => f.type),
      ["14.2"],
    );
    assert.deepEqual(
      ev("Georgian miners went on strike over unpaid wages.").facts.map((f) => f.type),
      ["14.3"],
    );
    assert.deepEqual(
      ev("Armenian farmers blocked the main road to Gyumri.").facts.map((f) => f.type),
      ["14.4"],
    );
  });

  it("codes a conflictual act its actor announces as a threat, not a prediction", () => {
    assert.deepEqual(ev("Armenia said it would boycott all talks with Azerbaijan.").keys, [
      "13 country/ARM -> country/AZE",
    ]);
    assert.deepEqual(
      ev("Georgia vowed to attack the rebel positions near Gyumri.").facts.map((f) => f.type),
      ["13.8"],
    );
    // A prediction nobody announces, or a condition with "if", stays a hypothetical act.
    assert.deepEqual(ev("Russia will boycott the talks with Georgia.").keys, ["16 country/RUS -> country/GEO hyp"]);
    assert.ok(
      ev("Armenia said it would boycott the talks with Azerbaijan if they were held.").facts.every(
        (f) => !f.type.startsWith("13"),
      ),
    );
  });

  it("codes an attack by a demonym's irregular armed group as an assault", () => {
    assert.deepEqual(ev("A border post was attacked by Armenian militiamen on Sunday.").keys, ["18 country/ARM -> "]);
    // The state's own forces attacking with no named target stay unreported.
    assert.deepEqual(ev("A border post was attacked by Armenian soldiers on Sunday.").keys, []);
  });

  it("codes a summoned envoy and a lodged protest as disapproval, a dismissed appeal as rejection", () => {
    assert.deepEqual(ev("Georgia summoned the Russian ambassador over the border incident.").keys, [
      "11 country/GEO -> country/RUS",
    ]);
    assert.deepEqual(ev("Azerbaijan lodged a formal protest with Armenia.").keys, ["11 country/AZE -> country/ARM"]);
    assert.deepEqual(ev("Armenia dismissed an appeal from the European Union.").keys, ["12 country/ARM -> org/eu"]);
  });
});

describe("events: targets in complements, antecedents, courts and police (issue 10 item 4)", () => {
  it("reads the target of a refusal, offer or appeal from its 'to'-complement", () => {
    assert.deepEqual(events("Georgia refused to send troops to Armenia.").keys, [
      "12 country/GEO -> country/ARM",
      "15 country/GEO -> country/ARM neg",
    ]);
    assert.deepEqual(events("Turkey is willing to withdraw its soldiers from Azerbaijan.").keys, [
      "03 country/TUR -> country/AZE",
    ]);
    // A complement that names no one leaves the refusal without a target, so it is not told.
    assert.deepEqual(events("Iran declined to join the monitoring mission.").keys, []);
    // An object of the verb itself stays the target.
    assert.deepEqual(events("Armenia urged the European Union to send monitors to Gyumri.").keys, [
      "02 country/ARM -> org/eu",
    ]);
  });

  it("finds a state named again as 'it' or 'the country' at the start of the next sentence", () => {
    assert.deepEqual(
      events("Georgia hosted the talks in May. It later sent troops to Armenia.").keys.filter((k) =>
        k.startsWith("15"),
      ),
      ["15 country/GEO -> country/ARM"],
    );
    // The subject of the sentence before, not its object.
    assert.deepEqual(
      events("Iran criticised Turkey on Monday. The country then sent troops to Armenia.").keys.filter((k) =>
        k.startsWith("15"),
      ),
      ["15 country/IRN -> country/ARM"],
    );
    // A passive "it", and an "it" that is an object, are not the actor.
    assert.deepEqual(
      events("Iran criticised Turkey on Monday. It was then attacked near Gyumri.").keys.filter((k) =>
        k.startsWith("1"),
      ),
      ["11 country/IRN -> country/TUR"],
    );
    assert.deepEqual(
      events("Iran criticised Turkey on Monday. Officials urged it to send troops to Armenia.").keys.filter((k) =>
        k.startsWith("15"),
      ),
      [],
    );
  });

  it("codes court sentences, fines and police action, with an unnamed organ acting for its state", () => {
    assert.deepEqual(events("A court in Armenia sentenced two activists to five years in prison.").keys, [
      "17 country/ARM -> ",
    ]);
    assert.deepEqual(events("Georgia fined the mining company for polluting the river.").keys, ["17 country/GEO -> "]);
    assert.deepEqual(
      events("Police in Georgia clashed with protesters on Friday.").facts.map((f) => f.type),
      ["17.5"],
    );
    assert.deepEqual(events("Police dispersed the demonstrators in Armenia with tear gas.").keys, [
      "17 country/ARM -> ",
    ]);
    // Protesters clashing with the police protest violently; where they are is whose protest it is.
    assert.deepEqual(
      events("Protesters in Armenia clashed with police on Friday.").facts.map((f) => f.type),
      ["14.5"],
    );
    // A city whose state the text does not name gives no actor; a court that only may act is hypothetical.
    assert.deepEqual(events("Police in Gyumri detained 40 students.").keys, []);
    assert.deepEqual(events("A court in Georgia could sentence the activists to prison.").keys, [
      "17 country/GEO ->  hyp",
    ]);
    // A named subject stays the actor; a fine line is no fine.
    assert.deepEqual(events("Russia detained 40 students in Armenia.").keys, ["17 country/RUS -> "]);
    assert.deepEqual(events("Armenia walks a fine line between Russia and the European Union.").keys, []);
  });

  it("codes aid told as a noun that its giver commits to as an intent (03)", () => {
    assert.deepEqual(events("Russia will continue its aid to Armenia.").keys, ["03 country/RUS -> country/ARM"]);
    // Only possible aid stays hypothetical aid.
    assert.deepEqual(events("Russia could continue its aid to Armenia.").keys, ["07 country/RUS -> country/ARM hyp"]);
  });

  it("finds a body after 'in' as the target, and the target of an offer of aid", () => {
    assert.deepEqual(events("Armenia abstained in the OSCE vote on the border mission.").keys, [
      "12 country/ARM -> org/osce",
    ]);
    assert.deepEqual(events("Turkey's offer of assistance to Georgia came late.").keys, [
      "03 country/TUR -> country/GEO",
    ]);
    // A place after "in" stays a place; a statement names no body as its target by "in".
    assert.deepEqual(events("Armenia abstained in Tbilisi.").keys, []);
  });

  it("reads targets past a hyphenated participle, but not past a verb of another clause", () => {
    assert.deepEqual(events("Turkey launched its long-awaited offensive against the militias in Armenia.").keys, [
      "19 country/TUR -> country/ARM",
    ]);
    assert.deepEqual(events("Turkey launched an offensive, which worried Armenia.").keys, []);
  });

  it("finds a subject before 'along with' or 'together with' a plain noun phrase", () => {
    assert.deepEqual(events("Armenia along with its allies demanded that Azerbaijan withdraw its troops.").keys, [
      "10 country/ARM -> country/AZE",
    ]);
    // A name inside the "with" phrase is not the subject either.
    assert.deepEqual(events("The monitors along with their Russian escorts criticised Georgia.").keys, []);
  });
});

describe("events: statements by parties, not commentary", () => {
  const C: MentionSpec[] = [
    ["Armenia", "country/ARM", "country"],
    ["Azerbaijan", "country/AZE", "country"],
    ["Nikol Vardanyan", "person/vardanyan", "person"],
    ["Vardanyan", "person/vardanyan", "person"],
    ["Lilit Sargsyan", "person/sargsyan", "person"],
    ["Caucasus Policy Institute", "org/cpi", "organization"],
    ["Gyumri", "location/gyumri", "location"],
  ];
  const run = (text: string) => {
    const ctx = makeContext(text, C);
    const facts = extractEvents(ctx, { relations: extractRelations(ctx) });
    assertEvidence(ctx, facts);
    return eventKeys(facts);
  };

  it("an analyst's remark is a quote, not a public statement of a party", () => {
    assert.deepEqual(
      run(
        "Lilit Sargsyan, a senior fellow at the Caucasus Policy Institute, said the ceasefire between Armenia and Azerbaijan looked fragile.",
      ),
      [],
    );
  });

  it("a person described as an analyst, and what they say later as 'he said', gives no statement event", () => {
    const text =
      "Armenia and Azerbaijan traded accusations. " +
      '"Both sides want a deal," said Lilit Sargsyan, an energy analyst in Gyumri. ' +
      '"Armenia needs the gas," she said.';
    assert.deepEqual(
      run(text).filter((k) => k.startsWith("01")),
      [],
    );
  });

  it("'X, a description, said ...' has X as the speaker, not the first name after the verb", () => {
    const keys = run("Nikol Vardanyan, the Armenian foreign minister, said Azerbaijan had shelled Gyumri.");
    const statement = keys.find((k) => k.startsWith("01"));
    assert.ok(statement?.includes("person/vardanyan ->"), `events: ${keys}`);
    assert.ok(statement?.includes("-> country/AZE"), statement);
    // A description whose phrase names nobody leaves no speaker to guess: no statement by Azerbaijan.
    const unnamed = run("The foreign ministry, which oversees the talks, said Azerbaijan had shelled Gyumri.");
    assert.ok(!unnamed.some((k) => k.startsWith("01 country/AZE")), `events: ${unnamed}`);
    // Inverted reported speech keeps the speaker after the verb.
    const inverted = run("The talks went well, said Nikol Vardanyan.");
    assert.ok(
      inverted.some((k) => k.startsWith("01 person/vardanyan")),
      `events: ${inverted}`,
    );
  });

  it("an official's statement stays an event, directed at parties and not at the places it names", () => {
    const keys = run("Armenian Foreign Minister Nikol Vardanyan said Azerbaijan had shelled Gyumri.");
    const statement = keys.find((k) => k.startsWith("01"));
    assert.ok(statement, `events: ${keys}`);
    assert.ok(!statement.includes("location/gyumri"), statement);
  });
});

describe("events: the dateline's place", () => {
  const D: MentionSpec[] = [
    ["TBILISI", "location/tbilisi", "location"],
    ["Georgia", "country/GEO", "country"],
    ["Russia", "country/RUS", "country"],
    ["Gyumri", "location/gyumri", "location"],
  ];
  const run = (text: string) => {
    const ctx = makeContext(text, D);
    const facts = extractEvents(ctx, { relations: extractRelations(ctx) });
    assertEvidence(ctx, facts);
    return facts;
  };

  it("places an event the text places nowhere where the story is filed from", () => {
    const facts = run("TBILISI, 14 March 2025 — Georgia accused Russia of moving border markers overnight.");
    assert.deepEqual(
      facts.map((e) => [e.type.slice(0, 2), e.location]),
      [["11", "location/tbilisi"]],
    );
  });

  it("keeps a place the sentence names, and reads no dateline in the middle of a story", () => {
    const named = run("TBILISI (Reuters) - Georgia met Russia in Gyumri on Monday.");
    assert.ok(
      named.every((e) => e.location !== "location/tbilisi"),
      JSON.stringify(named.map((e) => e.location)),
    );
    const none = run("Georgia accused Russia of moving border markers.\nTBILISI was calm on Monday.");
    assert.ok(
      none.every((e) => e.location === null),
      JSON.stringify(none.map((e) => e.location)),
    );
  });
});
