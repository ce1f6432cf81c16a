// The benchmark's corpus generator: the same seed gives the same articles, and the articles read as articles
// (title, byline, date, several paragraphs; near-copies found as such). No timings here: the benchmark reports them.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadNames, makeArticle, wordCount } from "../bench/corpus.js";
import { readArticles } from "../src/ingest/text/article.js";

const names = loadNames();

describe("bench corpus generator", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    for (const i of [0, 1, 17, 999, 54_321]) {
      assert.equal(makeArticle(i, 42, names).text, makeArticle(i, 42, names).text);
    }
    assert.notEqual(makeArticle(5, 42, names).text, makeArticle(5, 43, names).text);
    assert.notEqual(makeArticle(5, 42, names).text, makeArticle(6, 42, names).text);
  });

  it("writes articles the ingest reads: a title, a date, authors and several paragraphs", () => {
    let withDate = 0;
    let withAuthors = 0;
    for (let i = 0; i < 200; i++) {
      const a = makeArticle(i, 7, names);
      const words = wordCount(a.text);
      assert.ok(words > 150 && words < 2000, `article ${i} has ${words} words`);
      const read = readArticles(a.text);
      assert.equal(read.length, 1, `article ${i} reads as ${read.length} articles`);
      const article = read[0];
      assert.ok(article?.title, `article ${i} has no title`);
      assert.ok((article?.text.split("\n\n").length ?? 0) >= 6, `article ${i} has too few paragraphs`);
      assert.doesNotMatch(article?.text ?? "", /^Advertisement$/m, `article ${i} kept its furniture`);
      if (article?.published) withDate++;
      if (article?.authors.length) withAuthors++;
    }
    assert.ok(withDate >= 180, `only ${withDate} of 200 articles have a date`);
    assert.ok(withAuthors >= 150, `only ${withAuthors} of 200 articles have authors`);
  });

  it("makes about 3 % syndicated near-copies of recent articles", () => {
    let copies = 0;
    for (let i = 0; i < 2000; i++) {
      const a = makeArticle(i, 11, names);
      if (a.copyOf === null) continue;
      copies++;
      assert.ok(a.copyOf < i && a.copyOf >= i - 50);
      assert.notEqual(a.text, makeArticle(a.copyOf, 11, names).text);
    }
    assert.ok(copies >= 30 && copies <= 100, `${copies} copies in 2000`);
  });
});
