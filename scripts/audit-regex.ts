// Audits every regular-expression literal in src/ for super-linear matching on long hostile input (issue:
// a quadratic e-mail pattern froze ingest). Each literal is run, as match/matchAll would, over runs of a few
// dozen character units at two lengths; a pattern whose time grows far faster than its input is listed with
// the unit that shows it. Run: node --import tsx scripts/audit-regex.ts [--size N] [--json]
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import ts from "typescript";

interface Found {
  file: string;
  line: number;
  source: string;
  re: RegExp;
}

const ROOT = join(import.meta.dirname, "..");

function* sourceFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* sourceFiles(p);
    else if (e.name.endsWith(".ts")) yield p;
  }
}

function literals(file: string): Found[] {
  const text = readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Found[] = [];
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const lit = node.getText(sf);
      const slash = lit.lastIndexOf("/");
      const flags = lit.slice(slash + 1).replace(/[gy]/g, "");
      try {
        const re = new RegExp(lit.slice(1, slash), `${flags}g`);
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        out.push({ file: relative(ROOT, file), line, source: lit, re });
      } catch {}
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Units repeated into hostile input: letters, digits, punctuation and the pairs that alternate word and gap. */
const PUNCTUATION = [..."!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"];
const UNITS = [
  ...PUNCTUATION,
  ...["a", "A", "1", " ", "\n", "\t", "\u00a0", "é", "’", "“", "—"],
  ...["a ", "A ", "A.", "a.", "1,", "1.", "a-", "Aa", "a\n", "A a", "1 ", "a,", ". ", "<a", "a'", "Aa ", "a@"],
  ...["a\u00a0", "![", "](", "**", "# ", "#\n", " #", "a #", "\n ", " \n", "$1", "1 %"],
];

function timeRun(re: RegExp, input: string): number {
  const t0 = performance.now();
  re.lastIndex = 0;
  let n = 0;
  for (let m = re.exec(input); m && n < 1_000_000; m = re.exec(input)) {
    if (m[0] === "") re.lastIndex++;
    n++;
  }
  return performance.now() - t0;
}

const args = process.argv.slice(2);
const size = Number(args[args.indexOf("--size") + 1]) || 8_000;
const found = [...sourceFiles(join(ROOT, "src"))].flatMap(literals);
const json = args.includes("--json");
if (!json) console.log(`${found.length} regular-expression literals, hostile runs of ${size} characters`);
const slow: { at: string; source: string; unit: string; ms: number; growth: number }[] = [];
for (const f of found) {
  for (const unit of UNITS) {
    const one = unit.repeat(Math.ceil(size / unit.length));
    const small = timeRun(f.re, one.slice(0, size / 2));
    if (small < 2) continue; // linear patterns take well under a millisecond here
    const big = timeRun(f.re, one);
    const growth = big / small;
    if (growth < 3) continue;
    const hit = { at: `${f.file}:${f.line}`, source: f.source, unit: JSON.stringify(unit), ms: big, growth };
    slow.push(hit);
    if (!json) {
      console.log(`${hit.at}  ${hit.source.slice(0, 100)}`);
      console.log(`    unit ${hit.unit}: ${hit.ms.toFixed(0)} ms, x${hit.growth.toFixed(1)} for twice the input`);
    }
  }
}
if (json) console.log(JSON.stringify({ patterns: found.length, size, slow }, null, 2));
else if (slow.length === 0) console.log("none grows faster than linearly");
