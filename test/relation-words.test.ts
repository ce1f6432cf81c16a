// Relations read as sentences, in the dossier, the graph's side panel and the API's plain-text labels.
import assert from "node:assert/strict";
import { test } from "node:test";
import { relationText } from "../src/api/relation-words.js";

const say = (type: string, attrs: Record<string, string> = {}, negated = false) =>
  relationText("S", { type, attrs, negated }, "O");

test("an office, a membership and an affiliation read with their role and status", () => {
  assert.equal(say("holds_position", { role: "president" }), "S is president of O");
  assert.equal(say("holds_position", { role: "president", status: "former" }), "S was president of O");
  assert.equal(say("holds_position"), "S holds a position in O");
  assert.equal(say("affiliated_with", { role: "energy analyst" }), "S is an energy analyst at O");
  assert.equal(say("member_of", {}, true), "S is not a member of O");
  assert.equal(say("member_of", { role: "leading member" }), "S is a leading member of O");
  assert.equal(say("member_of", { status: "prospective" }), "S is set to join O");
});

test("the other relations read as verbs, negated with 'does not'; unsaid attributes follow in brackets", () => {
  assert.equal(say("borders"), "S borders O");
  assert.equal(say("trade_partner", {}, true), "S does not trade with O");
  assert.equal(say("trade_partner", { rank: "largest trading partner" }), "S trades with O (largest trading partner)");
  assert.equal(say("supplies", { commodity: "gas" }), "S supplies gas to O");
  assert.equal(say("located_in"), "S is in O");
  assert.equal(say("participates_in"), "S takes part in O");
  assert.equal(say("created", {}, true), "S did not create O");
  assert.equal(say("opposes", { since: "2022" }), "S opposes O (since: 2022)");
});
