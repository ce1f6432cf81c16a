// Date resolution: chrono-node plus the bare-year parser and the past-bias refiner.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { datesIn, datesInSentence, nearestDate, resolveDate } from "../src/extract/dates/index.js";
import { makeContext as contextOf } from "./extract-helpers.js";

const PUB = "2022-01-14"; // a Friday

describe("resolveDate against a publication date", () => {
  const cases: [string, string | null][] = [
    ["Troops arrived last week.", "2022-01-07"],
    ["On 7th January, the ministry spoke.", "2022-01-07"],
    ["Trade grew in 2020.", "2020"],
    ["The programme has run since 2013.", "2013"],
    ["Earlier this year the talks resumed.", "2022"],
    ["Protests broke out this month.", "2022-01"],
    ["The ministers met on Monday.", "2022-01-10"],
    ["The deal was signed in March 2021.", "2021-03"],
    ["Between 2016 and 2018, thousands left.", "2016"],
    ["The 2016-2018 campaign ended.", "2016"],
    ["the 1950-53 war", "1950"],
    ["Between January and September 2021 imports rose.", "2021-01"],
    ["Last year the pipeline opened.", "2021"],
    ["The rebels took the city in December.", "2021-12"],
    ["On 5 January 2021 the border closed.", "2021-01-05"],
    ["In late 2019 the project stalled.", "2019"],
    ["Yesterday the envoy left.", "2022-01-13"],
    ["According to a 2019 survey, support fell.", "2019"],
    ["It was first proposed in 2015, six years after the treaty.", "2015"],
    ["The talks will resume next Monday.", "2022-01-17"],
    ["Nothing happened here.", null],
    ["The 1990s were hard.", null],
  ];
  for (const [text, want] of cases) {
    it(`${JSON.stringify(text)} -> ${want}`, () => assert.equal(resolveDate(text, PUB), want));
  }

  it("reads day-first dates (en.GB)", () => assert.equal(resolveDate("on 03/04/2021", PUB), "2021-04-03"));

  it("weekdays and day-months without a year fall in the past", () => {
    assert.equal(resolveDate("They spoke on Thursday.", PUB), "2022-01-13");
    assert.equal(resolveDate("On 20 January they met.", PUB), "2021-01-20");
    assert.equal(resolveDate("They will meet on 20 January.", PUB), "2022-01-20");
  });

  it("relative dates need a publication date", () => {
    assert.equal(resolveDate("last week", null), null);
    assert.equal(resolveDate("this month", null), null);
    assert.equal(resolveDate("on 7th January", null), null);
    assert.equal(resolveDate("in 2020", null), "2020");
    assert.equal(resolveDate("in March 2021", null), "2021-03");
  });

  it("cuts relative dates to the precision of a month or year publication date", () => {
    assert.equal(resolveDate("this month", "2022-01"), "2022-01");
    assert.equal(resolveDate("last week", "2022-01"), "2022-01");
    assert.equal(resolveDate("last year", "2022"), "2021");
    assert.equal(resolveDate("on 5 January 2021", "2022"), "2021-01-05");
  });

  it("does not read counts, money or percentages as years", () => {
    for (const text of [
      "2,500 troops were sent.",
      "1700 troops arrived.",
      "the 2000 soldiers",
      "worth $2020 million",
      "a 2015% rise",
      "1,100 square kilometres",
      "It rose 20 per cent.",
      "30 years ago",
    ]) {
      const got = datesIn(text, PUB).filter((d) => !d.relative);
      assert.deepEqual(got, [], text);
    }
  });

  it("ranges keep their end", () => {
    const [d] = datesIn("between 2016 and 2018", PUB);
    assert.equal(d?.value, "2016");
    assert.equal(d?.endValue, "2018");
    assert.equal(datesIn("2016–18", PUB)[0]?.endValue, "2018");
  });

  it("never throws on odd input", () => {
    for (const text of ["", " ", "2016-2018-2020", "in 99999", "\u0000", "on 31 February 2021", "x".repeat(20_000)]) {
      assert.doesNotThrow(() => resolveDate(text, PUB));
      assert.doesNotThrow(() => resolveDate(text, "not a date"));
    }
  });
});

describe("datesInSentence", () => {
  it("gives document offsets and values", () => {
    const text = "Background first. In 2019 the plan was drafted and last week it was signed.";
    const ctx = contextOf(text, [], PUB);
    const sentence = ctx.annotation.sentences[1];
    assert.ok(sentence);
    const dates = datesInSentence(ctx, sentence);
    assert.deepEqual(
      dates.map((d) => [text.slice(d.start, d.end), d.value]),
      [
        ["In 2019", "2019"],
        ["last week", "2022-01-07"],
      ],
    );
    const signed = text.indexOf("signed");
    assert.equal(nearestDate(ctx, sentence, signed)?.value, "2022-01-07");
    assert.equal(nearestDate(ctx, sentence, text.indexOf("plan"))?.value, "2019");
  });
});
