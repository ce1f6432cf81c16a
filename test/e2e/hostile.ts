// Hostile articles for the security test: every payload sets window.__pwned (or opens a dialog) if it ever runs.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { SqliteStore } from "../../src/store/sqlite.js";
import type { DocFacts } from "../../src/types.js";
import { buildArticle, ENTITIES } from "./fixture.js";

export const PAYLOAD_LINES = [
  'Hostile markup test <script>window.__pwned = "script"</script> in the first line.',
  "Officials in Kazakhstan said a statement was posted with <img src=x onerror=\"window.__pwned='img'\"> inside it.",
  "Readers were urged to <a href=\"javascript:window.__pwned='link'\">click here</a> for details.",
  "An <svg onload=\"window.__pwned='svg'\"></svg> and an <iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe> were found.",
  "The last line breaks out: \"><script>alert('xss')</script><b onmouseover=\"window.__pwned='hover'\">hover here</b>.",
  "Plain javascript:window.__pwned='bare' and data:text/html,<script>alert(1)</script> links end it.",
];

export const HOSTILE_TEXT = PAYLOAD_LINES.join("\n\n");
export const HOSTILE_ENTITY_NAME = "<img src=x onerror=\"window.__pwned='entity'\">Evil Org";

/** Stores a hostile article whose text, title, outlet, source, entity name and quote all carry payloads. */
export async function storeHostileArticle(dbPath: string): Promise<{ doc: string; entity: number }> {
  const { doc, facts } = buildArticle({
    source: "javascript:window.__pwned='source'",
    title: '<script>window.__pwned="title"</script>Hostile markup',
    outlet: "<img src=x onerror=\"window.__pwned='outlet'\">",
    published: "2024-03-01",
    text: HOSTILE_TEXT,
    names: { KAZ: ["Kazakhstan"] },
  });
  doc.authors = ["<svg onload=\"window.__pwned='author'\">"];
  const evil = { key: "new/organization/evil-org", type: "organization" as const, name: HOSTILE_ENTITY_NAME };
  const sentence = (phrase: string) => {
    const s = doc.sentences.find((x) => x.text.includes(phrase));
    if (!s) throw new Error(`hostile fixture: no sentence with ${phrase}`);
    return { doc: doc.id, start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) };
  };
  const at = HOSTILE_TEXT.indexOf("Readers");
  const more: DocFacts = {
    ...facts,
    entities: [...facts.entities, evil],
    mentions: [
      ...facts.mentions,
      { key: evil.key, start: at, end: at + "Readers".length, text: "Readers", method: "new-name" },
    ],
    relations: [
      {
        type: "located_in",
        subject: evil.key,
        object: ENTITIES.KAZ.key,
        negated: false,
        attrs: { note: "<script>window.__pwned='attr'</script>" },
        confidence: 0.5,
        evidence: sentence("Officials in"),
      },
    ],
    quotes: [
      {
        speaker: evil.key,
        text: "<b onmouseover=\"window.__pwned='quote'\">hover</b>",
        confidence: 0.5,
        evidence: sentence("breaks out"),
      },
    ],
    events: [
      {
        type: "11",
        actors: [evil.key],
        targets: [ENTITIES.KAZ.key],
        date: "2024-03",
        location: null,
        negated: false,
        hypothetical: false,
        confidence: 0.5,
        evidence: sentence("click here"),
      },
    ],
  };
  const store = new SqliteStore(dbPath);
  try {
    await store.saveDocument({ uri: doc.source, contentType: "text/plain", raw: Buffer.from(doc.text) }, doc, [], more);
    const id = store.db.prepare("SELECT id FROM entities WHERE key = ?").pluck().get(evil.key) as number;
    return { doc: doc.id, entity: id };
  } finally {
    await store.close();
  }
}

/** The same payloads as files for `heartland ingest`: plain text, Markdown and HTML. */
export function writeHostileFiles(dir: string): string[] {
  const txt = join(dir, "hostile.txt");
  const md = join(dir, "hostile.md");
  const html = join(dir, "hostile.html");
  writeFileSync(txt, `Hostile plain text, filed for the reader test\n\n${HOSTILE_TEXT}\n`);
  writeFileSync(
    md,
    `# Hostile Markdown for the reader test\n\n${HOSTILE_TEXT.replace("Hostile markup", "Markdown markup")}\n`,
  );
  writeFileSync(
    html,
    `<!doctype html><html><head><title>Hostile HTML for the reader test</title>
<script>window.__pwned = "html-head"</script></head>
<body onload="window.__pwned='body'"><article><h1>Hostile HTML for the reader test</h1>
${PAYLOAD_LINES.map((l) => `<p>${l.replace("Hostile markup", "HTML markup")}</p>`).join("\n")}
<p>Officials in Kazakhstan reviewed the page, which carried <a href="javascript:window.__pwned='html-link'">a scripted link</a>.</p>
</article></body></html>`,
  );
  return [txt, md, html];
}
