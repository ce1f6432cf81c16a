// Realis: negation and modality scoped to the clause of a trigger. Sentences written for these tests.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { clauseOf, realisAt } from "../src/extract/realis.js";
import { annotate } from "../src/nlp/annotate.js";

/** Realis of the first token equal to `word` in the first sentence of `text`. */
function realisOf(text: string, word: string) {
  const a = annotate(text);
  const tokens = a.tokens.filter((t) => t.sentence === 0);
  const i = tokens.findIndex((t) => t.text === word);
  assert.ok(i >= 0, `"${word}" not found in "${text}"`);
  return realisAt(tokens, i);
}

describe("realis: negation", () => {
  it("reads did not, didn't, never, no and neither ... nor", () => {
    assert.equal(realisOf("Ankara did not send observers to the talks.", "send").negated, true);
    assert.equal(realisOf("Ankara didn't send observers to the talks.", "send").negated, true);
    assert.equal(realisOf("Tehran has never recognised the breakaway region.", "recognised").negated, true);
    assert.equal(realisOf("There were no protests in the capital.", "protests").negated, true);
    assert.equal(realisOf("Neither Baku nor Yerevan signed the accord.", "signed").negated, true);
  });

  it("treats refused to and failed to as negating their complement", () => {
    assert.equal(realisOf("The council refused to condemn the raid.", "condemn").negated, true);
    assert.equal(realisOf("The envoy failed to secure a ceasefire.", "secure").negated, true);
    // The refusal itself happened.
    assert.equal(realisOf("The council refused to condemn the raid.", "refused").negated, false);
  });

  it("keeps negation in its own clause", () => {
    const r = realisOf("Moscow sent troops, but Beijing did not.", "sent");
    assert.equal(r.negated, false);
    assert.equal(realisOf("Although Beijing did not object, Moscow sent troops.", "sent").negated, false);
  });

  it("does not read 'not only' or a negated preposition's head as negation of the trigger", () => {
    assert.equal(realisOf("Minsk not only praised the deal but signed it.", "praised").negated, false);
    assert.equal(realisOf("Ankara was not involved in the deployment of troops.", "deployment").negated, false);
  });
});

describe("realis: modality", () => {
  it("reads modal verbs and intention cues", () => {
    for (const [text, word] of [
      ["Tashkent could close the border next month.", "close"],
      ["Tashkent may close the border.", "close"],
      ["Tashkent might close the border.", "close"],
      ["Tashkent would close the border if pressed.", "close"],
      ["Tashkent will close the border.", "close"],
      ["Tashkent plans to close the border.", "close"],
      ["Tashkent is expected to close the border.", "close"],
      ["Tashkent is likely to close the border.", "close"],
      ["The minister called for sanctions against the cartel.", "sanctions"],
      ["The report proposed closing the border.", "closing"],
      ["If Tashkent closes the border, trade will suffer.", "closes"],
      ["Analysts said the move could potentially trigger protests.", "protests"],
    ] as const) {
      assert.equal(realisOf(text, word).hypothetical, true, text);
    }
  });

  it("leaves plain past events real", () => {
    const r = realisOf("Tashkent closed the border on Monday.", "closed");
    assert.deepEqual([r.negated, r.hypothetical], [false, false]);
  });

  it("lets a cue reach across 'that' only when it is long-scope", () => {
    assert.equal(
      realisOf("Some reports suggest that Minsk supplied the rebels with rifles.", "supplied").hypothetical,
      true,
    );
    assert.equal(
      realisOf("Officials confirmed that Minsk supplied the rebels with rifles.", "supplied").hypothetical,
      false,
    );
  });
});

describe("realis: clauses", () => {
  it("bounds a clause at semicolons, dashes and clause openers", () => {
    const a = annotate("Riga protested; Vilnius, which had warned of this, stayed silent.");
    const tokens = a.tokens.filter((t) => t.sentence === 0);
    const stayed = tokens.findIndex((t) => t.text === "stayed");
    const c = clauseOf(tokens, stayed);
    assert.ok((tokens[c.from]?.text ?? "") !== "Riga");
  });

  it("copes with a very long sentence and unbalanced quotes", () => {
    const long = `${"The delegates argued and ".repeat(1200)}finally the council did not vote "on the motion.`;
    const a = annotate(long);
    const tokens = a.tokens.filter((t) => t.sentence === a.tokens.at(-1)?.sentence);
    const i = tokens.findIndex((t) => t.text === "vote");
    assert.ok(i >= 0);
    assert.equal(realisAt(tokens, i).negated, true);
  });
});
