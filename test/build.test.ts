// The build runs once per `npm ci && npm test`: `prepare` builds on install, and the test command builds only
// what is out of date (scripts/build.mjs), so an up-to-date dist/ and web bundle are not built a second time.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import { ROOT, tempDir } from "./helpers.js";

const SCRIPT = join(ROOT, "scripts", "build.mjs");
const tmp = tempDir("heartland-build-");
after(() => tmp.cleanup());

const put = (rel: string, content: string) => {
  const p = join(tmp.dir, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, content);
};

/** Runs the build script on the temporary tree: which parts it finds out of date. */
function check(): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [SCRIPT, "--check", "--root", tmp.dir], { encoding: "utf8" });
  return { code: r.status, out: r.stdout + r.stderr };
}

test("package scripts: install builds, the test command builds only what is out of date", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const { prepare = "", build = "", test: testScript = "" } = pkg.scripts;
  assert.match(prepare, /^node scripts\/build\.mjs$/, "npm ci builds dist/ and the web bundle");
  assert.match(build, /^node scripts\/build\.mjs$/);
  assert.match(testScript, /node scripts\/build\.mjs --if-stale/);
  assert.doesNotMatch(testScript, /npm run build\b|tsc -p tsconfig\.build\.json|vite build/, "no unconditional build");
});

test("scripts/build.mjs --check tells an up-to-date build from a stale one, per part", () => {
  put("package.json", "{}\n");
  put("package-lock.json", "{}\n");
  put("tsconfig.json", "{}\n");
  put("tsconfig.build.json", "{}\n");
  put("src/cli/main.ts", "export const a = 1;\n");
  put("web/index.html", "<!doctype html>\n");
  put("web/src/main.ts", "export const b = 1;\n");
  put("web/vite.config.ts", "export default {};\n");

  let r = check();
  assert.equal(r.code, 1, r.out);
  assert.match(r.out, /server: out of date \(never built\)/);
  assert.match(r.out, /web: out of date \(never built\)/);

  // What a build leaves: the outputs and the stamps.
  put("dist/cli/main.js", "export const a = 1;\n");
  put("web/dist/index.html", "<!doctype html>\n");
  const stamp = spawnSync(process.execPath, [SCRIPT, "--stamp", "--root", tmp.dir], { encoding: "utf8" });
  assert.equal(stamp.status, 0, stamp.stderr);
  r = check();
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /server: up to date/);
  assert.match(r.out, /web: up to date/);

  // A web-only change rebuilds only the web bundle.
  put("web/src/main.ts", "export const b = 2;\n");
  r = check();
  assert.equal(r.code, 1, r.out);
  assert.match(r.out, /server: up to date/);
  assert.match(r.out, /web: out of date \(inputs changed\)/);

  // A source change rebuilds both (the web bundle imports from src/).
  spawnSync(process.execPath, [SCRIPT, "--stamp", "--root", tmp.dir]);
  put("src/cli/main.ts", "export const a = 2;\n");
  r = check();
  assert.equal(r.code, 1, r.out);
  assert.match(r.out, /server: out of date \(inputs changed\)/);
  assert.match(r.out, /web: out of date \(inputs changed\)/);

  // A missing output is out of date even when the stamp says otherwise.
  spawnSync(process.execPath, [SCRIPT, "--stamp", "--root", tmp.dir]);
  assert.equal(check().code, 0);
  rmSync(join(tmp.dir, "dist", "cli", "main.js"));
  r = check();
  assert.equal(r.code, 1, r.out);
  assert.match(r.out, /server: out of date \(dist\/cli\/main\.js missing\)/);
});
