// The World Factbook import (scripts/build-factbook-kb.ts): the office-holder and administrative-division parsers on
// hand-written strings, the shipped people and places files through the KB loader, and the shipped reference facts. Only the shipped repo files are read,
// except the last test, which runs the script on ../shared/data/factbook and skips when that folder is missing.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import {
  FACTBOOK_DIR,
  isoDate,
  main,
  parseDivisionItem,
  parseDivisions,
  parseName,
  parseOfficeholder,
} from "../scripts/build-factbook-kb.js";
import { KB_DIR, loadKbFiles } from "../src/kb/load.js";
import { normalizeName } from "../src/kb/normalize.js";
import { FACTBOOK_FACTS_FILE, referenceFactsAbout } from "../src/kb/reference-facts.js";
import { tempDir } from "./helpers.js";

const officeholder = (s: string, familyFirst = false) => {
  const o = parseOfficeholder(s, familyFirst);
  assert.ok(typeof o !== "string", `${s}: ${o}`);
  return o;
};

describe("Factbook office-holder strings", () => {
  test("title, name in capitals, since-date", () => {
    const o = officeholder("President Kassym-Jomart TOKAYEV (since 20 March 2019)");
    assert.equal(o.name, "Kassym-Jomart Tokayev");
    assert.deepEqual(o.roles, ["president"]);
    assert.equal(o.start, "2019-03-20");
    assert.equal(officeholder("Prime Minister Olzhas BEKTENOV (since February 2024)").start, "2024-02");
    assert.equal(officeholder("President Paul BIYA (since 1982)").start, "1982");
    assert.equal(isoDate("6 February 2024"), "2024-02-06");
    assert.equal(isoDate("soon"), undefined);
  });

  test("titles: compound, modified, without a role in the vocabulary", () => {
    assert.deepEqual(officeholder("King and Prime Minister Jane DOE-SMITH (since 2001)").roles, [
      "king",
      "prime minister",
    ]);
    const oman = officeholder("Sultan and Prime Minister HAITHAM bin Tarik Al Said (since 11 January 2020)");
    assert.deepEqual(oman.roles, ["prime minister"], "Sultan has no role in src/kb/roles.ts; Prime Minister does");
    assert.equal(oman.name, "Haitham bin Tarik Al Said");
    assert.deepEqual(officeholder("Interim President Gen. Juan PEREZ (since 2024)").roles, ["president"]);
    assert.deepEqual(officeholder("Premier LI Qiang (since 11 March 2023)", true).roles, ["prime minister"]);
    assert.equal(officeholder("Premier LI Qiang (since 11 March 2023)", true).name, "Li Qiang");
    const bahrain = officeholder("Prime Minister Crown Prince SALMAN bin Hamad Al-Khalifa (since 11 November 2020)");
    assert.deepEqual(bahrain.roles, ["prime minister", "crown prince"]);
    assert.deepEqual(officeholder("Governor General Sam MOSTYN (since 1 July 2024)").roles, [], "no role: not written");
    assert.equal(
      typeof parseOfficeholder("Mayor Jo BLOGGS (since 2020)"),
      "string",
      "an unknown title is no statement",
    );
    assert.equal(
      typeof parseOfficeholder("President of the National Council for the Safeguard of the Homeland Gen. Abdou TIANI"),
      "string",
      "a title the table does not hold is never taken for a name",
    );
  });

  test("names in normal case: Mc, Mac, O', particles, regnal numbers, second family names", () => {
    const name = (s: string, familyFirst = false) => parseName(s, familyFirst)?.name;
    assert.equal(name("Sean MCCARTHY"), "Sean McCarthy");
    assert.equal(name("Emmanuel MACRON"), "Emmanuel Macron", "Mac is a prefix only in names known to have one");
    assert.equal(name("Ian MACDONALD"), "Ian MacDonald");
    assert.equal(name("Sinead O'NEILL"), "Sinead O'Neill");
    assert.equal(name("Luiz Inacio LULA DA SILVA"), "Luiz Inacio Lula da Silva");
    assert.equal(name("Luiz Inacio LULA da Silva"), "Luiz Inacio Lula da Silva", "a particle keeps the family name");
    assert.equal(name("Alexander VAN DER BELLEN"), "Alexander Van der Bellen");
    assert.equal(name("MUHAMMAD BIN SALMAN bin Abd al-Aziz Al Saud"), "Muhammad bin Salman bin Abd al-Aziz Al Saud");
    assert.equal(name("CHARLES III"), "Charles III");
    assert.equal(name("XI Jinping", true), "Xi Jinping", "XI is a family name here, not a numeral");
    assert.equal(name("Denis SASSOU-Nguesso"), "Denis Sassou-Nguesso");
    assert.equal(name("Abd-al-Fattah al-BURHAN"), "Abd-al-Fattah al-Burhan");
    const petro = parseName("Gustavo Francisco PETRO Urrego");
    assert.equal(petro?.name, "Gustavo Francisco Petro", "a second family name after the capitalised one is dropped");
    assert.equal(petro?.short, "Gustavo Petro");
    assert.equal(parseName("Pedro SANCHEZ PEREZ-CASTEJON")?.short, "Pedro Sanchez");
    assert.equal(parseName('Ferdinand "BongBong" MARCOS, Jr.')?.name, "Ferdinand Marcos");
    assert.equal(parseName("of the Homeland Abdou TIANI"), undefined);
    assert.equal(parseName("Manuel Osa Nsue"), undefined, "no word in capitals: not read");
  });
});

describe("Factbook administrative divisions", () => {
  const names = (html: string) => parseDivisions(html).divisions.map((d) => d.name);

  test("count and kinds, then a comma list: stars mark a second kind", () => {
    const p = parseDivisions("3 states and 1 district*; Alpha Land, Beta Coast, District of Gamma*, Delta Hills");
    assert.deepEqual(
      p.divisions.map((d) => `${d.name}:${d.subtype}`),
      ["Alpha Land:state", "Beta Coast:state", "District of Gamma:region", "Delta Hills:state"],
    );
    assert.deepEqual(p.unparsed, []);
    const kinds = parseDivisions("2 states and 1 union territory*; Upper Mandir, Lower Mandir, Chandrapur*").divisions;
    assert.equal(kinds.find((d) => d.name === "Chandrapur")?.subtype, "union-territory");
  });

  test("<em> local terms and ';' inside parentheses do not end the head; the parenthesis is no alias", () => {
    const p = parseDivisions(
      "2 provinces (<em>oblystar</em>, singular - <em>oblys</em>; <em>oblasti</em> in Russian) and 1 city* (<em>qala</em>); " +
        "Abayskaya (Semeyburg), Batys Qazaqstan [West Kazakhstan] (Oralsk), Ortaqala*",
    );
    assert.deepEqual(
      p.divisions.map((d) => [d.name, d.aliases, d.subtype]),
      [
        ["Abayskaya", [], "province"],
        ["West Kazakhstan", ["Batys Qazaqstan"], "province"],
        ["Ortaqala", [], "region"],
      ],
      "the administrative centre in parentheses is dropped; the English name in brackets is the name",
    );
  });

  test("blocks headed <strong>kind:</strong>, with a note or pointer ending a list", () => {
    const html =
      "2 provinces (<em>sheng</em>) and 1 autonomous region <br><br><strong>provinces:</strong> Anxi, Fuzhen; " +
      "(see note on Taiwan) <br><br><strong>autonomous regions:</strong> Nei Menggu (Inner Menggu)";
    assert.deepEqual(
      parseDivisions(html).divisions.map((d) => `${d.name}:${d.subtype}`),
      ["Anxi:province", "Fuzhen:province", "Nei Menggu:autonomous-region"],
    );
    assert.deepEqual(names("1 region <br><br><strong>regions:</strong> Kartlia; note - the breakaway Kartlia"), [
      "Kartlia",
    ]);
  });

  test("what is not read is reported, never guessed", () => {
    assert.deepEqual(
      names("no first-order administrative divisions as defined by the US government, but 3 islands"),
      [],
    );
    assert.deepEqual(names("3 administrative precincts (<em>circonscriptions</em>) Alo, Sigave, Uvea"), [], "no list");
    const uk = "<strong>England:</strong> 2 counties <br><br><em>counties:</em> Kentshire, Surreyshire";
    assert.deepEqual(parseDivisions(uk).unparsed, ["nested layout"]);
    const p = parseDivisions(
      "3 regions; Couva/Tabaquite, Trentino (South Tyrol) or Trentino-Suedtirol (German), Ostia",
    );
    assert.deepEqual(
      p.divisions.map((d) => d.name),
      ["Ostia"],
    );
    assert.equal(p.unparsed.length, 2);
    assert.equal(typeof parseDivisionItem("the territory west of the berm falls under"), "string");
    const item = parseDivisionItem("Provence-Alpes-C&ocirc;te d'Azur*");
    assert.ok(typeof item !== "string");
    assert.equal(item.name, "Provence-Alpes-Côte d'Azur");
    assert.equal(item.marker, "*");
  });
});

describe("shipped people file (data/kb/people-factbook.json)", () => {
  const kb = loadKbFiles(KB_DIR);
  const file = JSON.parse(readFileSync(join(KB_DIR, "people-factbook.json"), "utf8")) as {
    id: string;
    name: string;
    aliases: string[];
    roles: { role: string; of: string; start?: string }[];
    source: string;
  }[];
  const ids = new Map(kb.entries.map((e) => [e.id, e]));

  test("loads through the KB loader with no problems and no duplicate ids", () => {
    assert.ok(file.length > 100, `${file.length} people`);
    assert.deepEqual(
      kb.problems.filter((p) => p.startsWith("people-factbook.json") || /duplicate id/.test(p)),
      [],
    );
    for (const p of file) assert.equal(ids.get(p.id)?.name, p.name, `${p.id} is loaded as written`);
  });

  test("every role names a known country; every entry cites the Factbook", () => {
    for (const p of file) {
      assert.ok(p.roles.length > 0, p.id);
      for (const r of p.roles) {
        assert.equal(ids.get(r.of)?.type, "country", `${p.id}: ${r.of}`);
        assert.ok(!r.start || /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(r.start), `${p.id}: ${r.start}`);
      }
      assert.match(p.source, /^CIA World Factbook \(public domain\), .*\d{4}.*, field Government > Executive branch/);
    }
  });

  test("no person the hand-written files already hold", () => {
    const held = new Set<string>();
    for (const e of kb.entries) {
      if (e.type !== "person" || e.source?.startsWith("CIA World Factbook")) continue;
      for (const f of [e.name, ...e.aliases]) held.add(normalizeName(f));
    }
    for (const p of file) {
      for (const f of [p.name, ...p.aliases]) assert.ok(!held.has(normalizeName(f)), `${p.id}: ${f} is already held`);
    }
  });
});

describe("shipped places file (data/kb/places-factbook.json)", () => {
  const kb = loadKbFiles(KB_DIR);
  const file = JSON.parse(readFileSync(join(KB_DIR, "places-factbook.json"), "utf8")) as {
    id: string;
    type: string;
    name: string;
    aliases: string[];
    country: string;
    subtype: string;
    source: string;
  }[];
  const ids = new Map(kb.entries.map((e) => [e.id, e]));

  test("loads through the KB loader with no problems, no duplicate ids, only known countries", () => {
    assert.ok(file.length > 1000, `${file.length} divisions`);
    assert.deepEqual(
      kb.problems.filter((p) => p.startsWith("places-factbook.json") || /duplicate id/.test(p)),
      [],
    );
    for (const e of file) {
      assert.equal(ids.get(e.id)?.name, e.name, `${e.id} is loaded as written`);
      assert.equal(e.type, "location");
      assert.match(e.id, /^loc\/[a-z0-9-]+$/);
      assert.equal(ids.get(e.country)?.type, "country", `${e.id}: ${e.country}`);
      assert.ok(e.subtype, e.id);
      assert.match(
        e.source,
        /^CIA World Factbook \(public domain\), .*\d{4}.*, field Government > Administrative divisions$/,
      );
    }
    assert.deepEqual(
      file.map((e) => e.id),
      [...file.map((e) => e.id)].sort((a, b) => a.localeCompare(b)),
      "sorted",
    );
  });

  test("no name or alias that another KB entry has, or that two divisions share", () => {
    const others = new Set<string>();
    for (const e of kb.entries) {
      if (e.source?.includes("Administrative divisions")) continue;
      for (const f of [e.name, ...e.aliases, ...(e.metonyms ?? []), ...(e.demonyms ?? [])])
        others.add(normalizeName(f));
    }
    const seen = new Set<string>();
    for (const e of file) {
      for (const f of [e.name, ...e.aliases]) {
        const k = normalizeName(f);
        assert.ok(!others.has(k), `${e.id}: ${f} names another KB entry`);
        assert.ok(!seen.has(k), `${e.id}: ${f} is shared`);
        seen.add(k);
      }
    }
    for (const gone of ["Georgia", "Washington", "Almaty", "Delta", "Plateau", "Edo"]) {
      assert.ok(!file.some((e) => e.name === gone), `${gone} is left out`);
    }
    assert.ok(
      file.some((e) => e.country === "country/RUS" && e.subtype === "republic"),
      "Russia's republics are read",
    );
    assert.ok(
      file.some((e) => e.name === "West Kazakhstan" && e.aliases.includes("Batys Qazaqstan")),
      "the bracketed English name is the name, the local one an alias",
    );
  });
});

describe("shipped reference facts (data/reference/factbook-facts.json)", () => {
  const data = JSON.parse(readFileSync(FACTBOOK_FACTS_FILE, "utf8")) as {
    source: string;
    edition: string;
    generated: string;
    facts: { subject: string; relation: string; object: string; value?: number; unit?: string; field: string }[];
  };
  const ids = new Set(loadKbFiles(KB_DIR).entries.map((e) => e.id));

  test("every subject and object is a KB id; relations are the ontology's", () => {
    assert.match(data.source, /World Factbook/);
    assert.match(data.generated, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(data.facts.length > 1000);
    const relations = new Set(["member_of", "borders", "trade_partner", "located_in"]);
    for (const f of data.facts) {
      assert.ok(ids.has(f.subject), `unknown subject ${f.subject}`);
      assert.ok(ids.has(f.object), `unknown object ${f.object}`);
      assert.ok(relations.has(f.relation), f.relation);
      assert.ok(f.field, "every fact names its Factbook field");
    }
    const sorted = [...data.facts].sort(
      (a, b) =>
        a.subject.localeCompare(b.subject) || a.relation.localeCompare(b.relation) || a.object.localeCompare(b.object),
    );
    assert.deepEqual(
      data.facts.map((f) => `${f.subject} ${f.relation} ${f.object}`),
      sorted.map((f) => `${f.subject} ${f.relation} ${f.object}`),
      "sorted, so a regeneration diffs cleanly",
    );
  });

  test("referenceFactsAbout: the facts an entity is subject or object of, with their source", () => {
    const kaz = referenceFactsAbout("country/KAZ");
    const csto = kaz.find((f) => f.relation === "member_of" && f.object === "org/csto");
    assert.ok(csto);
    assert.match(csto.source, /World Factbook/);
    assert.equal(csto.edition, data.edition);
    const border = kaz.find((f) => f.relation === "borders" && f.object === "country/CHN");
    assert.equal(border?.unit, "km");
    assert.ok(
      kaz.some((f) => f.object === "country/KAZ"),
      "facts where Kazakhstan is the object are listed too",
    );
    assert.deepEqual(referenceFactsAbout("person/nobody"), []);
  });
});

describe("the script", () => {
  test("a missing Factbook folder is a clear error naming the path", () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (...a: unknown[]) => errors.push(a.join(" "));
    try {
      assert.equal(main("/nonexistent/factbook"), 1);
    } finally {
      console.error = original;
    }
    assert.match(errors.join("\n"), /\/nonexistent\/factbook/);
  });

  test("builds the three files from ../shared/data/factbook, identically twice", (t) => {
    if (!existsSync(FACTBOOK_DIR)) {
      t.skip(`the World Factbook data is not at ${FACTBOOK_DIR}`);
      return;
    }
    const tmp = tempDir("heartland-factbook-");
    const log = console.log;
    console.log = () => {};
    try {
      const out = {
        people: join(tmp.dir, "people.json"),
        facts: join(tmp.dir, "facts.json"),
        places: join(tmp.dir, "places.json"),
      };
      const read = () => [out.people, out.facts, out.places].map((f) => readFileSync(f, "utf8"));
      assert.equal(main(FACTBOOK_DIR, out), 0);
      const first = read();
      assert.equal(main(FACTBOOK_DIR, out), 0);
      assert.deepEqual(read(), first);
      assert.ok((JSON.parse(first[0] as string) as unknown[]).length > 100);
      assert.ok((JSON.parse(first[2] as string) as unknown[]).length > 1000);
    } finally {
      console.log = log;
      tmp.cleanup();
    }
  });
});
