// `heartland ingest`: files, folders, standard input, URLs and feeds into the store.
import type { Command } from "commander";
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, type IngestReport, runIngest } from "../ingest/run.js";
import { EXIT, printJson, progress, UsageError, withStore } from "./common.js";

function positiveInt(name: string) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} must be a positive whole number, got "${v}"`);
    return n;
  };
}

export function printIngestReport(report: IngestReport): void {
  const dups = report.stored.filter((s) => s.duplicateOf).length;
  const lines = [
    `stored ${report.stored.length} document(s)${dups ? ` (${dups} near-copy/copies linked to an earlier document)` : ""}`,
  ];
  if (report.existing.length) lines.push(`${report.existing.length} already stored (unchanged)`);
  if (report.failed.length) {
    lines.push(`${report.failed.length} input(s) failed:`);
    for (const f of report.failed) lines.push(`  ${f.input}: ${f.reason}`);
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

export function registerIngest(program: Command): void {
  program
    .command("ingest")
    .description(
      "read articles (.txt, .md, .html files, folders, '-' for standard input, URLs, RSS/Atom feeds) into the store",
    )
    .argument("<inputs...>", "paths, folders, URLs or '-'")
    .option("--json", "print a JSON summary instead of text")
    .option(
      "--max-bytes <n>",
      `refuse inputs larger than this, counted as they are read, standard input included (default ${DEFAULT_MAX_BYTES})`,
      positiveInt("--max-bytes"),
    )
    .option(
      "--allow-private",
      "also fetch URLs (and feed links, redirects) on this machine or a private network: loopback, private, link-local and other non-public addresses, refused by default",
    )
    .option(
      "--timeout <seconds>",
      `give up on a URL after this long (default ${DEFAULT_TIMEOUT_MS / 1000})`,
      positiveInt("--timeout"),
    )
    .addHelpText(
      "after",
      "\nExit codes: 0 every input stored, 1 some inputs failed (the rest are stored), 2 usage error.",
    )
    .action(
      async (
        inputs: string[],
        opts: { json?: boolean; maxBytes?: number; timeout?: number; allowPrivate?: boolean },
        cmd: Command,
      ) => {
        const report = await withStore(cmd, async (store) => {
          const bar = progress(!opts.json, inputs.length);
          try {
            return await runIngest(store, inputs, {
              maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
              timeoutMs: (opts.timeout ?? DEFAULT_TIMEOUT_MS / 1000) * 1000,
              allowPrivate: opts.allowPrivate === true,
              onPlanned: (n) => bar.setTotal(n),
              onItem: (input) => bar.tick(input),
            });
          } finally {
            bar.stop();
          }
        });
        if (opts.json) printJson(report);
        else printIngestReport(report);
        process.exitCode = report.failed.length ? EXIT.partial : EXIT.ok;
      },
    );
}
