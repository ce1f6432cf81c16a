// `heartland tag`: CoNLL in, token<TAB>IOB2 out, malformed input refused with its line number (the built CLI).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { runCli } from "./helpers.js";

const conll = (sentences: string[][], docstart = true) =>
  `${docstart ? "-DOCSTART- -X- -X- O\n\n" : ""}${sentences.map((s) => s.map((t) => `${t} NNP O`).join("\n")).join("\n\n")}\n`;

function tagsOf(stdout: string): [string, string][] {
  return stdout
    .split("\n")
    .filter((l) => l.includes("\t"))
    .map((l) => l.split("\t") as [string, string]);
}

describe("heartland tag", () => {
  test("tags persons, organisations, places and nationalities in IOB2", async () => {
    const input = conll([
      "Kazakh President Kassym-Jomart Tokayev told reporters in Astana that Russia would help .".split(" "),
      "The Zhetysu Institute of Water Policy said on Monday that Marat Seitkaliyev would lead it .".split(" "),
      "Seitkaliyev , a hydrologist , said Chinese firms were welcome .".split(" "),
    ]);
    const r = await runCli(["tag"], { input });
    assert.equal(r.code, 0, r.stderr);
    const tags = new Map<string, string[]>();
    for (const [tok, tag] of tagsOf(r.stdout)) tags.set(tok, [...(tags.get(tok) ?? []), tag]);
    assert.deepEqual(tags.get("Kazakh"), ["B-MISC"]);
    assert.deepEqual(tags.get("President"), ["O"]);
    assert.deepEqual(tags.get("Kassym-Jomart"), ["B-PER"]);
    assert.deepEqual(tags.get("Tokayev"), ["I-PER"]);
    assert.deepEqual(tags.get("Astana"), ["B-LOC"]);
    assert.deepEqual(tags.get("Russia"), ["B-LOC"]);
    assert.deepEqual(tags.get("Zhetysu"), ["B-ORG"]);
    assert.deepEqual(tags.get("Policy"), ["I-ORG"]);
    assert.deepEqual(tags.get("Marat"), ["B-PER"]);
    assert.deepEqual(tags.get("Seitkaliyev"), ["I-PER", "B-PER"]);
    assert.deepEqual(tags.get("Chinese"), ["B-MISC"]);
    assert.deepEqual(tags.get("Monday"), ["O"]);
  });

  test("keeps the line structure: -DOCSTART- passed through, a blank line between sentences", async () => {
    const input =
      "-DOCSTART- -X- -X- O\n\nChina NNP\nspoke VBD\n\nRussia NNP\nlistened VBD\n.\n\n-DOCSTART- -X- -X- O\n\nUS\n";
    const r = await runCli(["tag"], { input });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      "-DOCSTART- -X- -X- O\n\nChina\tB-LOC\nspoke\tO\n\nRussia\tB-LOC\nlistened\tO\n.\tO\n\n-DOCSTART- -X- -X- O\n\nUS\tB-LOC\n",
    );
  });

  test("reads tab-separated columns and input without -DOCSTART-", async () => {
    const r = await runCli(["tag"], { input: "Kazakhstan\tNNP\tB-LOC\nborders\tVBZ\tO\nChina\tNNP\tB-LOC\n" });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, "Kazakhstan\tB-LOC\nborders\tO\nChina\tB-LOC\n");
  });

  test("empty input gives empty output", async () => {
    const r = await runCli(["tag"], { input: "" });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, "");
  });

  test("a line with an empty first column is refused with its line number", async () => {
    const r = await runCli(["tag"], { input: "China NNP\nspoke VBD\n\tNNP O\n" });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /line 3/);
    assert.equal(r.stdout, "");
  });

  test("binary input is refused with its line number", async () => {
    const bytes = Buffer.concat([Buffer.from("China NNP\n"), Buffer.from([0x00, 0xff, 0xfe, 0x01, 0x0a])]);
    const r = await runCli(["tag"], { input: bytes });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /line 2/);
    const bad = await runCli(["tag"], { input: Buffer.from([0x43, 0xc3, 0x28, 0x0a]) });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /line 1/);
  });
});
