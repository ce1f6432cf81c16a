// `heartland tag`: CoNLL in, token<TAB>IOB2 out, malformed input refused with its line number (the built CLI).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { feedEndlessly, runCli } from "./helpers.js";

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

  test("plain text instead of one token per line is refused, with the expected format shown", async () => {
    const input = "Kazakh President Kassym-Jomart Tokayev told reporters in Astana that Russia would help.\n";
    const r = await runCli(["tag"], { input });
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /line 1 .*running text, not one token per line/);
    assert.match(r.stderr, /expected: one token per line/);
    assert.match(r.stderr, /\n\s+Kazakhstan\s+NNP\n\s+borders\s+VBZ\n/, "shows an example");
    assert.match(r.stderr, /--text/, "points at --text");
    const later = await runCli(["tag"], {
      input: `China NNP\nspoke VBD\n\nThen Russia said that it would help China.\n`,
    });
    assert.equal(later.code, 2);
    assert.match(later.stderr, /line 4 /);
  });

  test("--text tokenises plain text: one token a line, a blank line between sentences", async () => {
    const input =
      "Kazakh President Kassym-Jomart Tokayev told reporters in Astana that Russia would help.\n\n" +
      "Chinese firms were welcome, he said.\n";
    const r = await runCli(["tag", "--text"], { input });
    assert.equal(r.code, 0, r.stderr);
    const sentences = r.stdout.trimEnd().split("\n\n");
    assert.equal(sentences.length, 2, r.stdout);
    const tags = new Map(tagsOf(r.stdout));
    assert.equal(tags.get("Kazakh"), "B-MISC");
    assert.equal(tags.get("Kassym"), "B-PER", "the tokeniser splits at the hyphen; the name stays one span");
    assert.equal(tags.get("Jomart"), "I-PER");
    assert.equal(tags.get("Tokayev"), "I-PER");
    assert.equal(tags.get("Astana"), "B-LOC");
    assert.equal(tags.get("Russia"), "B-LOC");
    assert.equal(tags.get("Chinese"), "B-MISC");
    assert.equal(tags.get("help"), "O");
    assert.deepEqual(
      tagsOf(sentences[1] as string).map(([tok]) => tok),
      ["Chinese", "firms", "were", "welcome", ",", "he", "said", "."],
    );
    const empty = await runCli(["tag", "--text"], { input: "" });
    assert.equal(empty.code, 0, empty.stderr);
    assert.equal(empty.stdout, "");
  });

  test("standard input is bounded by --max-bytes, counted as it arrives", { timeout: 60_000 }, async () => {
    const small = await runCli(["tag", "--max-bytes", "100"], { input: "China NNP\n".repeat(50) });
    assert.equal(small.code, 2);
    assert.match(small.stderr, /standard input is over the 100-byte limit \(--max-bytes\)/);
    assert.equal(small.stdout, "");
    const bad = await runCli(["tag", "--max-bytes", "none"], { input: "" });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--max-bytes must be a positive whole number/);
    // An endless writer: the command stops reading once past the limit instead of reading it all.
    const r = await feedEndlessly(["tag", "--max-bytes", "1000"], Buffer.from("China NNP\n".repeat(6554)));
    assert.equal(r.killed, false, `tag kept reading (${r.written} bytes written)`);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /over the 1000-byte limit/);
  });
});
