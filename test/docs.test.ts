// The README points a reader of the repository at documents the repository ships: the interchange format the
// exports follow is copied into docs/ from the shared contract, and the copy stays the same as its source.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, SHARED } from "./helpers.js";

const INTERCHANGE = join(ROOT, "docs", "interchange.md");
const ONTOLOGY = join(SHARED, "spec", "ontology.md");

/** A Markdown section from its `## ` heading up to the next one. */
function section(md: string, heading: string): string {
  const at = md.indexOf(`## ${heading}`);
  assert.ok(at >= 0, `section "${heading}" found`);
  const next = md.indexOf("\n## ", at + 3);
  return md.slice(at, next < 0 ? undefined : next + 1).trim();
}

test("every local link in the README names a file the repository has", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const links = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1] as string);
  for (const link of links.filter((l) => !/^[a-z]+:/.test(l))) {
    assert.ok(existsSync(join(ROOT, link)), `README links ${link}, which is not in the repository`);
  }
  assert.ok(links.includes("docs/interchange.md"), "the README links the interchange format");
  assert.doesNotMatch(readme, /\(spec\/ontology\.md\)/, "no pointer to a spec the repository does not ship");
});

test("docs/interchange.md is the shared contract's interchange section, saying where it comes from", (t) => {
  const doc = readFileSync(INTERCHANGE, "utf8");
  assert.match(doc, /spec\/ontology\.md/, "names its source");
  if (!existsSync(ONTOLOGY)) {
    t.skip(`${ONTOLOGY} not found: the copy is not compared with its source`);
    return;
  }
  const source = section(readFileSync(ONTOLOGY, "utf8"), "Interchange format (JSON Lines)");
  assert.ok(doc.includes(source), "the copy is word for word the source section (update docs/ when it changes)");
});
