// The statistical name typer: its features, its training, its shipped weights, and where the recogniser uses it.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { evaluate, examples, readGmb, train, weightsFile, writeOut } from "../scripts/train-ner.js";
import { recognise } from "../src/extract/entities/index.js";
import {
  capRuns,
  featuresAt,
  kbWords,
  modelFromFile,
  NER_LABELS,
  nameTagger,
  SpanTyper,
  scoreFeatures,
  WEIGHTS_FILE,
  type WeightsFile,
  wordShape,
} from "../src/extract/entities/name-tagger.js";
import { tokenView } from "../src/extract/entities/token-view.js";
import { knowledgeBase } from "../src/kb/knowledge-base.js";
import { annotate } from "../src/nlp/annotate.js";

const viewOf = (text: string) => tokenView(text, annotate(text));
const indexOf = (view: ReturnType<typeof viewOf>, word: string) => view.tokens.findIndex((t) => t.text === word);

describe("name tagger features", () => {
  it("writes a word's shape as runs of character classes", () => {
    assert.equal(wordShape("Almaty"), "Xx");
    assert.equal(wordShape("CSTO"), "X");
    assert.equal(wordShape("COVID-19"), "X-d");
    assert.equal(wordShape("McDonald"), "XxXx");
    assert.equal(wordShape("e.g."), "x.x.");
  });

  it("finds runs of capitalised words, joined by 'of' and hyphens", () => {
    const view = viewOf("Officials at the Bank of Central Asia met Anna Kowalska-Nowak in Osh.");
    const { runFirst, runLast } = capRuns(view);
    const bank = indexOf(view, "Bank");
    const asia = indexOf(view, "Asia");
    assert.equal(runFirst[asia], bank);
    assert.equal(runLast[bank], asia);
    const anna = indexOf(view, "Anna");
    assert.equal(runLast[anna], indexOf(view, "Nowak"));
    assert.equal(runFirst[indexOf(view, "met")], -1);
  });

  it("describes a token by its word, shape, neighbours, run and knowledge-base word lists", () => {
    const view = viewOf("Troops crossed into Kazakhstan near the Vostok Mining Company office.");
    const kb = knowledgeBase();
    const runs = capRuns(view);
    const f = featuresAt(view, indexOf(view, "Mining"), runs, kbWords(kb));
    assert.ok(f.includes("w=mining"));
    assert.ok(f.includes("head=company"), "the head word of the run");
    assert.ok(f.includes("lead=vostok"));
    assert.ok(f.includes("run=3I"), "inside a run of three");
    const k = featuresAt(view, indexOf(view, "Kazakhstan"), runs, kbWords(kb));
    assert.ok(
      k.some((x) => x.startsWith("kb=") && x.includes("C")),
      "a country word of the knowledge base",
    );
    assert.ok(k.includes("w-1=into"));
  });
});

describe("name tagger training", () => {
  const gmb = [
    "Maria\tNNP\tB-per",
    "Lopez\tNNP\tI-per",
    "visited\tVBD\tO",
    "Lima\tNNP\tB-geo",
    "with\tIN\tO",
    "Iranian\tJJ\tB-gpe",
    "officials\tNNS\tO",
    "on\tIN\tO",
    "Monday\tNNP\tB-tim",
    ".\t.\tO",
    "",
  ].join("\n");

  it("reads GMB tags as the tagger's classes (a gpe adjective is MISC, a time no name)", () => {
    const [s] = readGmb(gmb);
    assert.deepEqual(s?.labels, ["PER", "PER", "O", "LOC", "O", "MISC", "O", "O", "O", "O"]);
    const { text, spans } = writeOut(readGmb(gmb));
    assert.equal(text, "Maria Lopez visited Lima with Iranian officials on Monday.\n");
    assert.equal(text.slice(spans[3]?.start, spans[3]?.end), "Lima");
  });

  it("learns to separate classes, and the shipped file format keeps its decisions", () => {
    // Two made-up feature patterns per class: the perceptron must get all of them right after a few epochs.
    const data = [
      { features: ["b", "w=alpha", "s=Xx"], label: 1 },
      { features: ["b", "w=beta", "s=Xx"], label: 1 },
      { features: ["b", "w=gamma", "head=bank"], label: 2 },
      { features: ["b", "w=delta", "head=bank"], label: 2 },
      { features: ["b", "w=epsilon", "w-1=in"], label: 3 },
      { features: ["b", "w=zeta", "w-1=in"], label: 3 },
    ];
    const weights = train(data, 10);
    assert.equal(evaluate(weights, data).accuracy, 1);
    const file = weightsFile(weights, {});
    const model = modelFromFile(JSON.parse(JSON.stringify(file)) as WeightsFile);
    for (const ex of data) {
      const scores = new Float64Array(NER_LABELS.length);
      scoreFeatures(model, ex.features, scores);
      const best = scores.indexOf(Math.max(...scores));
      assert.equal(best, ex.label);
    }
  });

  it("labels only capitalised tokens, from the names covering them", () => {
    const ex = examples([{ text: "Maria Lopez visited Lima.", names: [{ start: 0, end: 11, label: "PER" }] }]);
    assert.deepEqual(
      ex.map((e) => NER_LABELS[e.label]),
      ["PER", "PER", "O"],
    );
  });
});

describe("the shipped name tagger", () => {
  it("ships weights that load, with the tagger's labels and a note of what they were trained on", () => {
    assert.ok(existsSync(WEIGHTS_FILE), `missing ${WEIGHTS_FILE}: run npm run train:ner`);
    const raw = JSON.parse(readFileSync(WEIGHTS_FILE, "utf8")) as WeightsFile;
    assert.deepEqual(raw.labels, [...NER_LABELS]);
    assert.ok(Array.isArray(raw.trained_on) && (raw.trained_on as string[]).some((s) => s.includes("Groningen")));
    const model = nameTagger();
    assert.ok(model && model.index.size > 10_000);
    assert.equal(model.weights.length, model.index.size * NER_LABELS.length);
  });

  it("types a made-up company after a speech-free sentence as an organisation", () => {
    const text = "Shares of Veltrano Holdings fell sharply after the company reported losses.";
    const view = viewOf(text);
    const model = nameTagger();
    assert.ok(model);
    const typer = new SpanTyper(view, model, kbWords(knowledgeBase()));
    const first = indexOf(view, "Veltrano");
    assert.equal(typer.typeSpan(first, first + 1).label, "ORG");
  });

  it("types a lone name no rule types as an organisation when the words around it say so", () => {
    // Without the tagger neither name is kept: no title, head word, speech verb or knowledge-base entry types them.
    for (const [text, name] of [
      ["Users of Quantrix complained that the site was slow.", "Quantrix"],
      ["He joined Microsoft in 2004 after leaving the army.", "Microsoft"],
    ] as const) {
      const { linked } = recognise(text, annotate(text));
      const found = linked.find((l) => text.slice(l.start, l.end) === name);
      assert.equal(found?.entity.type, "organization", `${name} in: ${text}`);
      assert.equal(found?.entity.key.startsWith("new/"), true);
    }
  });

  it("leaves a lone word the document names in full to linking, not to the tagger", () => {
    const text = "Minister Arman Dalmore said on Friday that talks would go on. Later Dalmore went home.";
    const { linked } = recognise(text, annotate(text));
    const short = linked.find((l) => text.slice(l.start, l.end) === "Dalmore");
    assert.equal(short?.entity.type, "person");
    assert.equal(short?.method, "coref");
  });
});
