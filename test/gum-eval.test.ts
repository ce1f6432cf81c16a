// scripts/eval-gum.ts: the CoNLL-U conversion and the scoring on a hand-written snippet, and one real run on a GUM
// news document when ../shared is present.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import {
  countLinks,
  countMatches,
  type GoldName,
  GUM_DIR,
  goldNames,
  kbIdForTitle,
  type NameSpan,
  parseConllu,
  parseEntityValue,
  prf,
  type SystemName,
  titleIndex,
} from "../scripts/eval-gum.js";

// Two sentences written for this test: nested mentions (a place inside an organisation, a person inside an
// unnamed organisation), a multiword token ("Lopez's", "didn't") and a title before a name.
const SNIPPET = [
  "# newdoc id = test_doc",
  "# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity",
  "# text = Maria Lopez visited the Bank of Spain in Madrid.",
  "1\tMaria\tMaria\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=(1-person-new-sssss-cf1-1,2-coref-Maria_Lopez",
  "2\tLopez\tLopez\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)",
  "3\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_",
  "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\tEntity=(2-organization-new-sssss-cf2-2-sgl-Bank_of_Spain",
  "5\tBank\tBank\tPROPN\tNNP\t_\t3\tobj\t_\t_",
  "6\tof\tof\tADP\tIN\t_\t7\tcase\t_\t_",
  "7\tSpain\tSpain\tPROPN\tNNP\t_\t5\tnmod\t_\tEntity=(3-place-new-sssss-cf3-1-coref-Spain)2)",
  "8\tin\tin\tADP\tIN\t_\t9\tcase\t_\t_",
  "9\tMadrid\tMadrid\tPROPN\tNNP\t_\t3\tobl\t_\tEntity=(4-place-new-sssss-cf4-1-sgl-Madrid)|SpaceAfter=No",
  "10\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_",
  "",
  "# text = Lopez's bank didn't call President Obama.",
  "1-2\tLopez's\t_\t_\t_\t_\t_\t_\t_\t_",
  "1\tLopez\tLopez\tPROPN\tNNP\t_\t3\tnmod:poss\t_\tEntity=(5-organization-new-nnnnn-cf5-3-sgl(1-person-giv:act-nnnnn-cf1-1-coref-Maria_Lopez)",
  "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_",
  "3\tbank\tbank\tNOUN\tNN\t_\t6\tnsubj\t_\tEntity=5)",
  "4-5\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_",
  "4\tdid\tdo\tAUX\tVBD\t_\t6\taux\t_\t_",
  "5\tn't\tnot\tPART\tRB\t_\t6\tadvmod\t_\t_",
  "6\tcall\tcall\tVERB\tVB\t_\t0\troot\t_\t_",
  "7\tPresident\tPresident\tPROPN\tNNP\t_\t8\tcompound\t_\tEntity=(6-person-new-nnnnn-cf6-2-coref-Barack_Obama",
  "8\tObama\tObama\tPROPN\tNNP\t_\t6\tobj\t_\tEntity=6)|SpaceAfter=No",
  "9\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_",
  "",
].join("\n");

const TEXT = "Maria Lopez visited the Bank of Spain in Madrid.\nLopez's bank didn't call President Obama.";

/** A span of TEXT by its words (the first occurrence from `from`). */
function span(words: string, label: NameSpan["label"], from = 0): NameSpan {
  const start = TEXT.indexOf(words, from);
  assert.ok(start >= 0, words);
  return { start, end: start + words.length, label, text: words };
}

describe("GUM conversion", () => {
  test("Entity= values: openers, same-word closers and closers in order", () => {
    assert.deepEqual(parseEntityValue("(3-place-new-sssss-cf3-1-coref-Spain)2)"), [
      { kind: "open", fields: ["3", "place", "new", "sssss", "cf3", "1", "coref", "Spain"], closes: true },
      { kind: "close", id: "2" },
    ]);
  });

  test("text is the sentences joined by newlines; every word, multiword parts included, has its span", () => {
    const [doc] = parseConllu(SNIPPET);
    assert.ok(doc);
    assert.equal(doc.id, "test_doc");
    assert.equal(doc.text, TEXT);
    for (const w of doc.words) assert.equal(doc.text.slice(w.start, w.end), w.form, w.form);
    const lopez = doc.words[10];
    assert.deepEqual([lopez?.form, lopez?.start, lopez?.head], ["Lopez", 49, 12]);
    assert.equal(doc.mentions.length, 7);
  });

  test("gold names: nested mentions kept, unnamed mentions dropped, titles off, identities decoded", () => {
    const [doc] = parseConllu(SNIPPET);
    assert.ok(doc);
    const gold = goldNames(doc);
    assert.deepEqual(
      gold.map((g) => [g.text, g.label, g.identity]),
      [
        ["Maria Lopez", "PER", "Maria_Lopez"],
        ["Bank of Spain", "ORG", "Bank_of_Spain"],
        ["Spain", "LOC", "Spain"],
        ["Madrid", "LOC", "Madrid"],
        ["Lopez", "PER", "Maria_Lopez"],
        ["Obama", "PER", "Barack_Obama"],
      ],
    );
    assert.deepEqual(
      gold.map((g) => g.start),
      [0, 24, 32, 41, 49, TEXT.indexOf("Obama")],
    );
  });

  test("percent-escaped identities are decoded", () => {
    const conllu = SNIPPET.replace("coref-Spain)", "coref-Spain_%28country%29)");
    const [doc] = parseConllu(conllu);
    assert.ok(doc);
    assert.equal(goldNames(doc).find((g) => g.text === "Spain")?.identity, "Spain_(country)");
  });
});

describe("GUM scores", () => {
  const [doc] = parseConllu(SNIPPET);
  const gold = goldNames(doc as NonNullable<typeof doc>);
  const system: SystemName[] = [
    { ...span("Maria Lopez", "PER"), kbId: null }, // right
    { ...span("Bank of Spain", "LOC"), kbId: null }, // right span, wrong type
    { ...span("Madrid", "LOC"), kbId: "loc/madrid" }, // right, linked right
    { ...span("Obama", "PER"), kbId: "person/someone-else" }, // right, linked wrong
    { ...span("President Obama", "PER"), kbId: null }, // spurious
  ];

  test("precision, recall and F1 with type, per type and untyped", () => {
    const c = countMatches(gold, system);
    const all = prf(c.all);
    assert.deepEqual([all.tp, all.system, all.gold], [3, 5, 6]);
    assert.equal(all.precision, 0.6);
    assert.equal(all.recall, 0.5);
    assert.ok(Math.abs(all.f1 - 6 / 11) < 1e-12);
    const per = prf(c.PER);
    assert.deepEqual([per.tp, per.system, per.gold], [2, 3, 3]);
    assert.ok(Math.abs(per.f1 - 2 / 3) < 1e-12);
    assert.deepEqual(prf(c.ORG), { precision: 0, recall: 0, f1: 0, tp: 0, system: 0, gold: 1 });
    assert.deepEqual(prf(c.LOC), { precision: 0.5, recall: 0.5, f1: 0.5, tp: 1, system: 2, gold: 2 });
    const untyped = prf(c.untyped);
    assert.deepEqual([untyped.tp, untyped.system, untyped.gold], [4, 5, 6]);
    assert.equal(untyped.precision, 0.8);
  });

  test("titles map to one KB entry by name or alias, folded, disambiguator dropped only when unambiguous", () => {
    const index = titleIndex([
      { id: "country/ESP", name: "España", aliases: ["Kingdom of Spain"] },
      { id: "person/obama", name: "Barack Obama", aliases: [] },
      { id: "loc/madrid", name: "Madrid", aliases: [] },
      { id: "country/GEO", name: "Georgia", aliases: [] },
      { id: "loc/georgia-us", name: "State of Georgia", aliases: ["georgia"] },
    ]);
    assert.equal(kbIdForTitle("Kingdom_of_Spain", index), "country/ESP");
    assert.equal(kbIdForTitle("Espana", index), "country/ESP");
    assert.equal(kbIdForTitle("Madrid_(city)", index), "loc/madrid");
    assert.equal(kbIdForTitle("Georgia_(country)", index), undefined);
    assert.equal(kbIdForTitle("Maria_Lopez", index), undefined);
  });

  test("linking: correct, wrong and missing links among the KB-held gold names", () => {
    const index = titleIndex([
      { id: "country/ESP", name: "Spain", aliases: [] },
      { id: "person/obama", name: "Barack Obama", aliases: ["Obama"] },
      { id: "loc/madrid", name: "Madrid", aliases: [] },
    ]);
    const misses: { text: string; expected: string; got: string | null }[] = [];
    const c = countLinks(gold as GoldName[], system, index, misses);
    assert.deepEqual(c, { withIdentity: 6, inKb: 3, correct: 1, wrong: 1 });
    assert.deepEqual(misses, [
      { text: "Spain", expected: "country/ESP", got: null },
      { text: "Obama", expected: "person/obama", got: "person/someone-else" },
    ]);
  });
});

const SCRIPT = fileURLToPath(new URL("../scripts/eval-gum.ts", import.meta.url));
const NEWS_DOC = "GUM_news_iodine";
const gumMissing = existsSync(join(GUM_DIR, "conllu", `${NEWS_DOC}.conllu`))
  ? false
  : `GUM corpus not found at ${GUM_DIR} (../shared beside the repository): the real run is skipped`;

test("eval:gum on one GUM news document prints the scores as JSON", { skip: gumMissing }, () => {
  const run = spawnSync(process.execPath, ["--import", "tsx", SCRIPT, "--json", "--doc", NEWS_DOC], {
    encoding: "utf8",
    timeout: 120_000,
  });
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout);
  for (const part of [out.news, out.total]) {
    assert.equal(part.documents, 1);
    for (const k of ["PER", "ORG", "LOC", "all", "untyped"]) {
      for (const m of ["precision", "recall", "f1"]) {
        const v = part.recognition[k][m];
        assert.ok(typeof v === "number" && v >= 0 && v <= 1, `${k} ${m} = ${v}`);
      }
    }
    assert.ok(part.recognition.all.gold > 0);
    assert.ok(part.linking.accuracy >= 0 && part.linking.accuracy <= 1);
    assert.ok(part.linking.inKb <= part.linking.withIdentity);
  }
});
