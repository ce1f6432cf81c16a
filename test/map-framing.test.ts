// The map's framing (which countries "zoom to involved" frames) and its historical states.
import assert from "node:assert/strict";
import { test } from "node:test";
import { withSuccessors } from "../src/api/historical-states.js";
import { knowledgeBase } from "../src/kb/knowledge-base.js";
import type { CountryInvolvement } from "../src/store/sqlite-read.js";
import { pointsThatMatter } from "../web/src/map/framing.js";

const at = (name: string, lon: number, lat: number, weight: number) => ({ name, lon, lat, weight });

test("a far country of little weight is left out of the frame; near or heavy ones stay", () => {
  const centralAsia = [at("Kazakhstan", 67, 48, 30), at("Uzbekistan", 64, 41, 12), at("Kyrgyzstan", 74, 41, 8)];
  const near = [at("China", 104, 35, 20), at("Russia", 99, 61, 25)];
  const { framed, left } = pointsThatMatter([...centralAsia, ...near, at("Brazil", -53, -10, 1)]);
  assert.deepEqual(
    left.map((p) => p.name),
    ["Brazil"],
  );
  assert.equal(framed.length, 5);
  const heavy = pointsThatMatter([...centralAsia, at("United States", -98, 39, 25)]);
  assert.deepEqual(heavy.left, [], "a far country that weighs as much as the rest is framed");
  const kept = pointsThatMatter([...centralAsia, ...near, { ...at("Brazil", -53, -10, 1), keep: true }]);
  assert.deepEqual(kept.left, [], "the chosen entity is always framed");
});

test("a world-wide spread keeps everything: nothing is an outlier when nothing is near", () => {
  const spread = [at("Brazil", -53, -10, 1), at("Japan", 138, 36, 1), at("Kenya", 38, 0, 1), at("Canada", -100, 60, 1)];
  assert.equal(pointsThatMatter(spread).left.length, 0);
});

test("historical states carry the present-day states on their territory; others carry none", () => {
  const country = (key: string, name: string): CountryInvolvement =>
    ({
      id: 1,
      key,
      type: "country",
      name,
      qid: null,
      mentions: 1,
      documents: 1,
      events: 0,
      relations: 0,
      shared: 0,
    }) as CountryInvolvement;
  const [soviet, kazakhstan] = withSuccessors([
    country("country/SUN", "Soviet Union"),
    country("country/KAZ", "Kazakhstan"),
  ]);
  assert.ok(soviet?.successors?.includes("country/KAZ"));
  assert.equal(soviet?.successors?.length, 15);
  assert.equal(kazakhstan?.successors, undefined);
  const kb = knowledgeBase();
  for (const e of kb.entries.filter((x) => x.subtype === "historical-state")) {
    assert.ok(e.successors?.length, `${e.name} names its successors`);
    for (const s of e.successors ?? []) assert.equal(kb.get(s)?.type, "country", `${e.name}: ${s} is a country`);
  }
});
