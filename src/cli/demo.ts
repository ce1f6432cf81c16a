// `heartland demo`: the main job on the embedded default. Builds a knowledge base from the sample
// corpus shipped with Heartland, prints what it holds, then serves the web UI over it (unless --no-serve).
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { DEFAULT_HOST, DEFAULT_PORT, type RunningServer, startApiServer } from "../api/server.js";
import { openStore } from "../store/open.js";
import { EXIT, printJson, progress } from "./common.js";
import { ingestWithSummary, printIngestReport } from "./ingest.js";
import { describeServer, portNumber, serveUntilSignal } from "./serve.js";
import { formatStats } from "./stats.js";

export const DEMO_CORPUS = fileURLToPath(new URL("../../corpus/demo/", import.meta.url));

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("build a knowledge base from the sample corpus shipped with Heartland and show what it holds")
    .option("--json", "print a JSON summary")
    .option("--no-serve", "stop after building the store instead of serving the web UI over it")
    .option("--port <n>", `port for the web UI (default ${DEFAULT_PORT}, or a free one when that is taken)`, portNumber)
    .addHelpText("after", "\nThe demo store is ./heartland-demo.db unless --db or HEARTLAND_DB names another.")
    .action(async (opts: { json?: boolean; serve: boolean; port?: number }, cmd: Command) => {
      const db = (cmd.optsWithGlobals() as { db?: string }).db ?? process.env.HEARTLAND_DB ?? "heartland-demo.db";
      const store = await openStore(db);
      try {
        const bar = progress(!opts.json, 1);
        const { summary: report, counts } = await ingestWithSummary(store, [DEMO_CORPUS], {
          maxBytes: 20 * 1024 * 1024,
          timeoutMs: 15_000,
          onPlanned: (n) => bar.setTotal(n),
          onItem: (input) => bar.tick(input),
        });
        bar.stop();
        const stats = await store.stats();
        if (opts.json) {
          printJson({ db, corpus: DEMO_CORPUS, report, stats });
        } else {
          process.stdout.write(`Heartland demo: ${DEMO_CORPUS} -> ${db}\n`);
          printIngestReport(report, counts);
          process.stdout.write(`\n${formatStats(stats)}\n`);
          const docs = await store.documents();
          process.stdout.write("\ndocuments:\n");
          for (const d of docs) {
            process.stdout.write(
              `  ${d.id}  ${d.published ?? "----------"}  ${d.title ?? "(untitled)"}${d.duplicateOf ? `  [near-copy of ${d.duplicateOf}]` : ""}\n`,
            );
          }
        }
        process.exitCode = report.failed.length ? EXIT.partial : EXIT.ok;
      } finally {
        await store.close();
      }
      if (opts.serve) await serveDemo(db, opts.port, Boolean(opts.json));
    });
}

/** Serves the demo store; the default port falls back to a free one when something else holds it. */
async function serveDemo(db: string, port: number | undefined, json: boolean): Promise<void> {
  const start = (p: number) => startApiServer({ db, host: DEFAULT_HOST, port: p, token: process.env.HEARTLAND_TOKEN });
  let server: RunningServer;
  try {
    server = await start(port ?? DEFAULT_PORT);
  } catch (err) {
    if (port !== undefined || !/in use/.test((err as Error).message)) throw err;
    server = await start(0);
  }
  // With --json the summary keeps stdout to itself; the address goes to stderr.
  const out = json ? process.stderr : process.stdout;
  out.write(`\n${describeServer(server, db)}\n`);
  await serveUntilSignal(server);
}
