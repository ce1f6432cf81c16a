// Quotes: every attribution form, scare quotes, titles, unbalanced and nested marks, a very long sentence.
// Every text here is written for the test.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ExtractContext } from "../src/extract/context.js";
import { extractQuotes } from "../src/extract/quotes/index.js";
import { quoteSpans, quoteText } from "../src/extract/quotes/marks.js";
import type { QuoteFact } from "../src/types.js";
import { assertEvidence, makeContext as contextOf, type MentionSpec } from "./extract-helpers.js";

const PEOPLE: MentionSpec[] = [
  ["Aigerim Nurlanova", "person/aigerim-nurlanova", "person", "name", "female"],
  ["Nurlanova", "person/aigerim-nurlanova", "person", "short", "female"],
  ["Daniyar Seitkali", "person/daniyar-seitkali", "person", "name", "male"],
  ["Seitkali", "person/daniyar-seitkali", "person", "short", "male"],
  ["Li Qiang", "person/li-qiang", "person"],
  ["Kazakhstan", "country/KAZ", "country"],
  ["Kazakh", "country/KAZ", "country", "demonym"],
  ["China", "country/CHN", "country"],
  ["Chinese", "country/CHN", "country", "demonym"],
  ["Beijing", "country/CHN", "country", "metonym"],
  ["Steppe Daily", "org/steppe-daily", "organization"],
  ["Ministry of Energy", "org/kaz-energy", "organization"],
  ["Caspian Policy Forum", "org/caspian-policy-forum", "organization"],
];

function run(text: string, specs: MentionSpec[] = PEOPLE): { ctx: ExtractContext; quotes: QuoteFact[] } {
  const ctx = contextOf(text, specs);
  const quotes = extractQuotes(ctx);
  assertEvidence(ctx, quotes);
  return { ctx, quotes };
}

function pairs(quotes: QuoteFact[]): [string, string][] {
  return quotes.map((q) => [q.speaker, q.text]);
}

describe("quote forms", () => {
  it('X said, "..."', () => {
    const { quotes } = run('Daniyar Seitkali said, "The new line will carry grain to the coast by spring."');
    assert.deepEqual(pairs(quotes), [
      ["person/daniyar-seitkali", "The new line will carry grain to the coast by spring."],
    ]);
  });

  it('"...," said X (with an appositive)', () => {
    const { quotes } = run(
      '"We expect the border crossings to reopen within weeks," said Aigerim Nurlanova, a trade analyst in Almaty.',
    );
    assert.deepEqual(pairs(quotes), [
      ["person/aigerim-nurlanova", "We expect the border crossings to reopen within weeks"],
    ]);
  });

  it('"...," X said, with a title before the name', () => {
    const { quotes } = run('"Nobody here wants another price shock," Kazakh energy analyst Daniyar Seitkali said.');
    assert.deepEqual(pairs(quotes), [["person/daniyar-seitkali", "Nobody here wants another price shock"]]);
  });

  it('"...," he/she said resolves to the last named person of that gender', () => {
    const text =
      "Aigerim Nurlanova met Daniyar Seitkali in Astana on Monday. " +
      "“The pipeline talks are far from over,” she said. “Both sides still disagree on the tariff,” he added.";
    const { quotes } = run(text);
    assert.deepEqual(pairs(quotes), [
      ["person/aigerim-nurlanova", "The pipeline talks are far from over"],
      ["person/daniyar-seitkali", "Both sides still disagree on the tariff"],
    ]);
  });

  it("a pronoun with no gender known takes the most recent person named", () => {
    const text = "Li Qiang spoke after the meeting. “We will keep the trains running through the winter,” he said.";
    const { quotes } = run(text);
    assert.deepEqual(pairs(quotes), [["person/li-qiang", "We will keep the trains running through the winter"]]);
  });

  it("according to X", () => {
    const { quotes } = run(
      "According to the Caspian Policy Forum, “freight volumes on the southern route doubled in a single year.”",
    );
    assert.deepEqual(pairs(quotes), [
      ["org/caspian-policy-forum", "freight volumes on the southern route doubled in a single year."],
    ]);
  });

  it("a quotation split around its cue is one quote", () => {
    const { quotes } = run(
      "“We are ready to talk,” Aigerim Nurlanova said, “but not while the border stays closed to our lorries.”",
    );
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0]?.speaker, "person/aigerim-nurlanova");
    assert.equal(quotes[0]?.text, "We are ready to talk but not while the border stays closed to our lorries.");
  });

  it("colon form: X told reporters: “...”", () => {
    const { quotes } = run("Daniyar Seitkali told reporters: “The ministry has no plans to raise fuel prices again.”");
    assert.deepEqual(pairs(quotes), [
      ["person/daniyar-seitkali", "The ministry has no plans to raise fuel prices again."],
    ]);
  });

  it("a quotation over several sentences, and one continued in the next paragraph", () => {
    const text =
      "Li Qiang said: “The corridor is open. Trucks are moving again. We expect more next month.”\n\n" +
      "Aigerim Nurlanova wrote: “The first problem is the customs queue at the border.\n\n" +
      "“The second problem is the price of diesel in the western regions.”\n\nOther news followed.";
    const { quotes, ctx } = run(text);
    assert.equal(quotes.length, 2);
    assert.equal(quotes[0]?.text, "The corridor is open. Trucks are moving again. We expect more next month.");
    assert.equal(quotes[1]?.speaker, "person/aigerim-nurlanova");
    assert.equal(
      quotes[1]?.text,
      "The first problem is the customs queue at the border. The second problem is the price of diesel in the western regions.",
    );
    assert.ok(quotes[1]?.evidence.text.includes("diesel"));
    assert.equal(ctx.doc.text.slice(quotes[1]?.evidence.start, quotes[1]?.evidence.end), quotes[1]?.evidence.text);
  });

  it("a whole-sentence quotation right after an attributed one keeps its speaker", () => {
    const text =
      "“Our exports of wheat rose sharply this season,” Daniyar Seitkali said. “Most of it went east by rail to China.”";
    const { quotes } = run(text);
    assert.deepEqual(pairs(quotes), [
      ["person/daniyar-seitkali", "Our exports of wheat rose sharply this season"],
      ["person/daniyar-seitkali", "Most of it went east by rail to China."],
    ]);
  });

  it("straight marks, and marks mixed straight and curly", () => {
    const { quotes } = run(
      'Li Qiang said the two sides would "deepen cooperation on water and power in the border regions.” ' +
        '“We signed the deal on the first day of the visit," Daniyar Seitkali said.',
    );
    assert.deepEqual(pairs(quotes), [
      ["person/li-qiang", "deepen cooperation on water and power in the border regions."],
      ["person/daniyar-seitkali", "We signed the deal on the first day of the visit"],
    ]);
  });

  it("British single quotes, with apostrophes and plural possessives around them", () => {
    const text =
      "Aigerim Nurlanova stated the neighbours’ concerns about China’s plans as ‘a matter of water security for the whole region’. " +
      "Daniyar Seitkali said the countries’ leaders had ‘agreed on the route but not on who pays for it’.";
    const { quotes } = run(text);
    assert.deepEqual(pairs(quotes), [
      ["person/aigerim-nurlanova", "a matter of water security for the whole region"],
      ["person/daniyar-seitkali", "agreed on the route but not on who pays for it"],
    ]);
  });

  it("an organisation or a body named earlier can be the speaker", () => {
    const text =
      "Steppe Daily opined it was “time for Astana to settle the tariff dispute before the harvest.” " +
      "The Ministry of Energy published its figures on Friday. " +
      "“Output from the western fields fell for the third month running,” the ministry said.";
    const { quotes } = run(text);
    assert.deepEqual(pairs(quotes), [
      ["org/steppe-daily", "time for Astana to settle the tariff dispute before the harvest."],
      ["org/kaz-energy", "Output from the western fields fell for the third month running"],
    ]);
  });
});

describe("what is not a quote", () => {
  it("scare quotes around a short term are not quotes", () => {
    const text =
      "Beijing warned against “foreign meddling” in the region. " +
      "Officials in Kazakhstan like to call the new railway a ‘golden bridge’ to the sea. " +
      "Li Qiang praised the “strategic” ties with Kazakhstan.";
    const { quotes } = run(text);
    assert.deepEqual(quotes, []);
  });

  it("a short quoted term governed by a speech verb is a quote", () => {
    const text =
      "Aigerim Nurlanova described the new tariff as “unfair”, while the Ministry of Energy voiced ‘alarm’ over prices.";
    const { quotes } = run(text);
    assert.deepEqual(pairs(quotes), [
      ["person/aigerim-nurlanova", "unfair"],
      ["org/kaz-energy", "alarm"],
    ]);
  });

  it("a short term that is the subject of the next verb is a scare quote", () => {
    const { quotes } = run("Li Qiang said how “hostile groups” were plotting to cause trouble.");
    assert.deepEqual(quotes, []);
  });

  it("long quoted words with no speech cue or no named speaker are not quotes", () => {
    const text =
      "The report was titled “A Long Road Through the Steppe and the Mountains Beyond”. " +
      "Analysts said the deal was “a turning point for the whole of the regional economy.” " +
      "Nurlanova is the author of “Grain, Rail and Rivers of the Great Steppe.”";
    const { quotes } = run(text);
    assert.deepEqual(quotes, []);
  });

  it("citation lines with article titles are not quotes", () => {
    const text =
      "12 Daniyar Seitkali, “Kazakhstan Opens a New Border Crossing With China,” Steppe Daily, March 3, 2021.\n" +
      "13 “China Signs Grain Deal With Kazakh Traders,” Steppe Daily, May 1, 2021.";
    const { quotes } = run(text);
    assert.deepEqual(quotes, []);
  });
});

describe("bad input", () => {
  it("an unbalanced mark neither crashes nor swallows the document", () => {
    const text =
      "Li Qiang said “the talks went well and the new line is ready.\n\n" +
      "Daniyar Seitkali said, “Trade with China grew strongly in the spring.”\n\n" +
      "A stray closing mark” sits here. And an opening one “ here, unclosed.";
    const { quotes } = run(text);
    assert.deepEqual(pairs(quotes), [["person/daniyar-seitkali", "Trade with China grew strongly in the spring."]]);
  });

  it("nested quotations stay inside their parent", () => {
    const text =
      "Aigerim Nurlanova said: “The minister called it a ‘historic step’ for the region, and we agree with him.” " +
      "Daniyar Seitkali wrote that the plan would ‘end what critics call “the transit trap” for good’.";
    const { quotes } = run(text);
    assert.deepEqual(pairs(quotes), [
      ["person/aigerim-nurlanova", "The minister called it a ‘historic step’ for the region, and we agree with him."],
      ["person/daniyar-seitkali", "end what critics call “the transit trap” for good"],
    ]);
  });

  it("marks alone, empty quotations and odd characters", () => {
    for (const text of [
      "“",
      "”",
      '"',
      "“”",
      '""',
      "‘’",
      "'",
      "“ ”",
      "Li Qiang said “”.",
      "Li Qiang said ‘",
      "’’’“““”””",
    ]) {
      assert.doesNotThrow(() => run(text));
      for (const q of quoteSpans(text)) assert.ok(quoteText(text, q).length >= 0);
    }
  });

  it("a 5,000-word sentence with quotes in it", () => {
    const filler = Array.from({ length: 5000 }, (_, i) => (i % 13 === 0 ? "China" : "word")).join(" ");
    const text = `Li Qiang said “the plan will take years to finish” and ${filler} and “then it will be done” he said.`;
    const started = performance.now();
    const { quotes } = run(text);
    assert.ok(performance.now() - started < 10_000);
    assert.ok(quotes.length <= 2);
    assert.equal(quotes[0]?.speaker, "person/li-qiang");
  });

  it("many unbalanced marks in a long paragraph", () => {
    const text = `Li Qiang said ${Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? "“word" : "word")).join(" ")}.`;
    const { quotes } = run(text);
    for (const q of quotes) assert.ok(q.text.length < 6000);
  });
});

describe("more attribution forms", () => {
  it("“...,” according to X; X was quoted as saying; a name and a colon", () => {
    const text =
      "“Freight through the port will double by the end of the decade,” according to the Caspian Policy Forum. " +
      "“We never asked for foreign troops,” Daniyar Seitkali was quoted as saying by Steppe Daily.\n" +
      "Li Qiang: “The railway will be finished on time and within its budget.”";
    const { quotes } = run(text);
    assert.deepEqual(pairs(quotes), [
      ["org/caspian-policy-forum", "Freight through the port will double by the end of the decade"],
      ["person/daniyar-seitkali", "We never asked for foreign troops"],
      ["person/li-qiang", "The railway will be finished on time and within its budget."],
    ]);
  });

  it("quoted words naming a thing are not a quote, nor is a cue in the next statement", () => {
    const text =
      "Li Qiang announced the “clean roads and honest borders” campaign in the border regions. " +
      "Such groups are known as “the long road brigades.” According to Steppe Daily, the groups moved east.";
    const { quotes } = run(text);
    assert.deepEqual(quotes, []);
  });
});
