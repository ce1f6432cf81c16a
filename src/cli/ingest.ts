// `heartland ingest`: files, folders, standard input, URLs and feeds into the store.
import type { Command } from "commander";
import { autoWorkers } from "../ingest/cpu-pool.js";
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  type IngestReport,
  type IngestRunOptions,
  runIngest,
} from "../ingest/run.js";
import type { RowMarks, Store } from "../store/store.js";
import { EXIT, outletName, positiveInt, printJson, progress, withStore, workerCount } from "./common.js";

/**
 * What an ingest added to the store, kind by kind: the difference of the store's row marks. Entities are the ones new
 * to the store (one already known, such as a country, is not counted again); quantities are the figures.
 */
export type AddedCounts = RowMarks;

/** The report of one ingest run with what it added to the store. */
export interface IngestSummary extends IngestReport {
  added: AddedCounts;
}

/** Documents stored (near-copies among them) and found already stored, counted as the run goes. */
export interface IngestCounts {
  stored: number;
  nearCopies: number;
  existing: number;
}

/**
 * Runs an ingest and measures what it added: the store's row marks before and after the run (one index lookup per
 * kind, not a count of whole tables, so the summary costs nothing on a large store). Read from the store, so a
 * re-ingested or failed input adds nothing, an entity already known (a country named again) is not new, and a
 * relation found again is merged into the one stored. The store is this process's own for the run (the server
 * writes only through its own ingest route).
 */
export async function ingestWithSummary(
  store: Store,
  inputs: string[],
  opts: IngestRunOptions,
): Promise<{ summary: IngestSummary; counts: IngestCounts }> {
  const counts: IngestCounts = { stored: 0, nearCopies: 0, existing: 0 };
  const before = await store.rowMarks();
  const report = await runIngest(store, inputs, {
    ...opts,
    onItem: (input, outcome) => {
      counts.stored += outcome.stored.length;
      counts.nearCopies += outcome.stored.filter((s) => s.duplicateOf).length;
      counts.existing += outcome.existing.length;
      opts.onItem?.(input, outcome);
    },
  });
  const after = await store.rowMarks();
  const added = Object.fromEntries(
    Object.entries(after).map(([k, v]) => [k, v - before[k as keyof AddedCounts]]),
  ) as unknown as AddedCounts;
  return { summary: { ...report, added }, counts };
}

/** The closing line: what the run added to the store, and how many inputs failed. */
export function formatAdded(a: AddedCounts, failed: number): string {
  return (
    `added to the store: ${a.documents} document(s), ${a.entities} new entities (${a.mentions} mentions), ` +
    `${a.relations} relations, ${a.events} events, ${a.quotes} quotes, ${a.quantities} figures; ` +
    `${failed} input${failed === 1 ? "" : "s"} failed`
  );
}

export function printIngestReport(report: IngestSummary, counts: IngestCounts): void {
  const dups = counts.nearCopies;
  const lines = [
    `stored ${counts.stored} document(s)${dups ? ` (${dups} near-copy/copies linked to an earlier document)` : ""}`,
  ];
  if (counts.existing) lines.push(`${counts.existing} already stored (unchanged)`);
  if (report.failed.length) {
    lines.push(`${report.failed.length} input(s) failed:`);
    for (const f of report.failed) lines.push(`  ${f.input}: ${f.reason}`);
  }
  lines.push(formatAdded(report.added, report.failed.length));
  process.stdout.write(`${lines.join("\n")}\n`);
}

/**
 * The worker threads a run starts: the user's number, one per core for "auto", none by default. On the 2-core
 * machine the benchmarks run on, two workers read a 4 MB document no faster than one thread (20.0 s against 18.1 s,
 * with 48 % more CPU), so threads are opt-in until they pay off there.
 */
export function resolveWorkers(w: number | "auto" | undefined): number {
  return w === undefined ? 0 : w === "auto" ? autoWorkers() : w;
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
    .option(
      "--outlet <name>",
      "the outlet of every document this run stores (files, URLs, standard input, every item of a feed), over the one a page or feed states; a document already stored keeps its own",
      outletName("--outlet"),
    )
    .option(
      "--workers <n>",
      "worker threads that annotate and extract while this one reads and stores: a number, or auto for one per core (default 0: all in one thread; workers pay off with cores to spare)",
      workerCount("--workers"),
    )
    .addHelpText(
      "after",
      "\nEnds with what the run added to the store (documents, new entities, relations, events, quotes, figures)\n" +
        'and how many inputs failed; with --json, "added" holds the same counts.\n' +
        "Exit codes: 0 every input stored, 1 some inputs failed (the rest are stored), 2 usage error.",
    )
    .action(
      async (
        inputs: string[],
        opts: {
          json?: boolean;
          maxBytes?: number;
          timeout?: number;
          allowPrivate?: boolean;
          outlet?: string;
          workers?: number | "auto";
        },
        cmd: Command,
      ) => {
        const { summary, counts } = await withStore(
          cmd,
          async (store) => {
            const bar = progress(!opts.json, inputs.length);
            try {
              return await ingestWithSummary(store, inputs, {
                maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
                timeoutMs: (opts.timeout ?? DEFAULT_TIMEOUT_MS / 1000) * 1000,
                allowPrivate: opts.allowPrivate === true,
                outlet: opts.outlet,
                workers: resolveWorkers(opts.workers),
                // The text summary prints counts: nothing per document is kept for the length of the run.
                refs: opts.json === true,
                onPlanned: (n) => bar.setTotal(n),
                onItem: (input) => bar.tick(input),
              });
            } finally {
              bar.stop();
            }
          },
          { create: true },
        );
        if (opts.json) printJson(summary);
        else printIngestReport(summary, counts);
        process.exitCode = summary.failed.length ? EXIT.partial : EXIT.ok;
      },
    );
}
