#!/usr/bin/env node
// Builds the two outputs: dist/ (the TypeScript sources, `npm run build:server`) and the web bundle (web/dist,
// `npm run build:web`). Each output records a hash of its inputs when built, so `--if-stale` builds only a part
// whose inputs changed since (or whose output is missing): `npm ci` builds once through `prepare`, and `npm test`
// then finds both parts up to date instead of building them a second time.
//
//   node scripts/build.mjs              build both parts
//   node scripts/build.mjs --if-stale   build only the parts that are out of date
//   node scripts/build.mjs --check      say which parts are out of date (exit 1 if any), build nothing
//   node scripts/build.mjs --stamp      record the current inputs as built, build nothing
//   --root DIR                          work on the project in DIR (default: this repository)
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** Files every part depends on: compiler settings and the dependency versions. */
const SHARED_INPUTS = ["tsconfig.json", "package.json", "package-lock.json"];

/** Where each part records the hash of the inputs it was built from. */
const STAMP = ".build-inputs";

const PARTS = [
  {
    name: "server",
    script: "build:server",
    inputs: ["src", "tsconfig.build.json", ...SHARED_INPUTS],
    exclude: [],
    outDir: "dist",
    outputs: ["dist/cli/main.js"],
  },
  {
    // The web UI imports the API's types from src/, so a change there rebuilds it too.
    name: "web",
    script: "build:web",
    inputs: ["web", "src", ...SHARED_INPUTS],
    exclude: ["web/dist"],
    outDir: "web/dist",
    outputs: ["web/dist/index.html"],
  },
];

function parseArgs(argv) {
  const args = { mode: "build", root: fileURLToPath(new URL("..", import.meta.url)) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--if-stale") args.mode = "if-stale";
    else if (a === "--check") args.mode = "check";
    else if (a === "--stamp") args.mode = "stamp";
    else if (a === "--root" && argv[i + 1]) args.root = argv[++i];
    else {
      process.stderr.write(`build: unknown argument ${a}\n`);
      process.exit(2);
    }
  }
  return args;
}

/** Every file under the inputs, relative to root with "/" separators, sorted; dot-files and node_modules skipped. */
function inputFiles(root, part) {
  const files = [];
  const excluded = new Set(part.exclude);
  const visit = (rel) => {
    if (excluded.has(rel)) return;
    const abs = join(root, rel);
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs)) {
        if (name.startsWith(".") || name === "node_modules") continue;
        visit(rel ? `${rel}/${name}` : name);
      }
    } else files.push(rel);
  };
  for (const input of part.inputs) visit(input);
  return [...new Set(files)].sort();
}

/** A hash of the part's input files: their paths and contents. */
function inputsHash(root, part) {
  const hash = createHash("sha256");
  for (const rel of inputFiles(root, part)) {
    hash.update(rel);
    hash.update("\0");
    hash.update(
      createHash("sha256")
        .update(readFileSync(join(root, rel)))
        .digest(),
    );
  }
  return hash.digest("hex");
}

/** Why the part must be built, or null when its outputs are there and were built from these inputs. */
function staleness(root, part, hash) {
  const stampFile = join(root, part.outDir, STAMP);
  if (!existsSync(stampFile)) return "never built";
  for (const out of part.outputs) if (!existsSync(join(root, out))) return `${out} missing`;
  if (readFileSync(stampFile, "utf8").trim() !== hash) return "inputs changed";
  return null;
}

function stamp(root, part, hash) {
  writeFileSync(join(root, part.outDir, STAMP), `${hash}\n`);
}

function runScript(root, script) {
  // Under npm, npm_execpath is the npm that is running; otherwise the one on PATH.
  const npmCli = process.env.npm_execpath;
  const [cmd, args] = npmCli ? [process.execPath, [npmCli, "run", script]] : ["npm", ["run", script]];
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) {
    process.stderr.write(`build: npm run ${script} failed\n`);
    process.exit(r.status ?? 1);
  }
}

const args = parseArgs(process.argv.slice(2));
const shown = relative(process.cwd(), args.root).split(sep).join("/") || ".";
let stale = 0;
for (const part of PARTS) {
  const hash = inputsHash(args.root, part);
  const why = staleness(args.root, part, hash);
  if (args.mode === "check") {
    process.stdout.write(`${part.name}: ${why ? `out of date (${why})` : "up to date"}\n`);
    if (why) stale++;
    continue;
  }
  if (args.mode === "stamp") {
    stamp(args.root, part, hash);
    continue;
  }
  if (args.mode === "if-stale" && !why) {
    process.stdout.write(`build: ${part.name} is up to date in ${shown} (${part.outDir}/), not rebuilt\n`);
    continue;
  }
  runScript(args.root, part.script);
  if (!existsSync(join(args.root, part.outDir))) {
    process.stderr.write(`build: npm run ${part.script} left no ${part.outDir}/\n`);
    process.exit(1);
  }
  stamp(args.root, part, hash);
}
if (args.mode === "check" && stale) process.exit(1);
