// `npm run eval`: ingests the seed corpus into a temporary store through the real pipeline, exports it as
// JSON Lines and prints the shared scorer's verdict against the seed gold.
// Usage: npm run eval [-- --misses] [-- --json] [-- --keep]   (--keep leaves the export and store in place)
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { exportJsonl } from "../src/cli/export.js";
import { INTERCHANGE_KINDS } from "../src/export/interchange.js";
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, runIngest } from "../src/ingest/run.js";
import { SqliteStore } from "../src/store/sqlite.js";

const SHARED = fileURLToPath(new URL("../../shared/", import.meta.url));
const SEEDS = join(SHARED, "corpus", "seeds");
const GOLD = join(SHARED, "gold");
const SCORER = join(SHARED, "eval", "score.mjs");

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  for (const [path, what] of [
    [SEEDS, "seed corpus"],
    [GOLD, "gold files"],
    [SCORER, "scorer"],
  ] as const) {
    if (!existsSync(path)) {
      process.stderr.write(`eval: the ${what} is missing (${path}); ../shared must sit beside the repository\n`);
      return 2;
    }
  }
  const dir = mkdtempSync(join(tmpdir(), "heartland-eval-"));
  const keep = args.includes("--keep");
  try {
    const store = new SqliteStore(join(dir, "eval.db"));
    const exportFile = join(dir, "export.jsonl");
    try {
      const started = performance.now();
      const report = await runIngest(store, [SEEDS], { maxBytes: DEFAULT_MAX_BYTES, timeoutMs: DEFAULT_TIMEOUT_MS });
      const seconds = (performance.now() - started) / 1000;
      for (const f of report.failed) process.stderr.write(`eval: ingest failed for ${f.input}: ${f.reason}\n`);
      if (!args.includes("--json")) {
        process.stdout.write(`ingested ${report.stored.length} document(s) in ${seconds.toFixed(2)} s\n`);
      }
      const out = createWriteStream(exportFile);
      await exportJsonl(store, out, new Set(INTERCHANGE_KINDS));
      await new Promise<void>((resolve, reject) => {
        out.once("error", reject);
        out.end(() => resolve());
      });
    } finally {
      await store.close();
    }
    const pass: string[] = args.filter((a) => a === "--misses" || a === "--json");
    const docAt = args.indexOf("--doc");
    if (docAt >= 0 && args[docAt + 1]) pass.push("--doc", args[docAt + 1] as string);
    const scored = spawnSync(process.execPath, [SCORER, "--export", exportFile, "--gold", GOLD, ...pass], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    process.stdout.write(scored.stdout ?? "");
    process.stderr.write(scored.stderr ?? "");
    if (keep) process.stderr.write(`eval: kept ${dir}\n`);
    return scored.status ?? 1;
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`eval: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
