// Runs an ingest over a list of inputs: plans them, processes each, and gathers one report.
import { extractFacts } from "../extract/index.js";
import type { Store } from "../store/store.js";
import { CpuPool } from "./cpu-pool.js";
import { IngestPipeline, type ItemOutcome, type Prepared, type StoredRef } from "./pipeline.js";
import { type InputFailure, planInputs, readStreamLimited } from "./sources.js";

export interface IngestReport {
  stored: StoredRef[];
  existing: StoredRef[];
  failed: InputFailure[];
}

export interface IngestRunOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Fetch from loopback and private addresses too: the command line's --allow-private, never the API. */
  allowPrivate?: boolean;
  /** Read only http(s) URLs; refuse every other input without touching the file system (the API's path). */
  urlsOnly?: boolean;
  /** The outlet of every document the run stores (--outlet, ?outlet=), over what a page or feed states. */
  outlet?: string;
  /**
   * Worker threads for annotation and extraction (0 or absent: all in this thread). Documents are still stored one
   * by one in input order, so the store ends as a run without workers leaves it.
   */
  workers?: number;
  /** Reads standard input, at most `maxBytes` of it (throws InputRefused past that). */
  readStdin?: (maxBytes: number) => Promise<Uint8Array>;
  /**
   * Keep a ref of each document stored or found already stored in the report (unless false). A caller that reports
   * counts only (the command line's text summary, the bench) counts them from `onItem` and keeps nothing per
   * document for the length of the run.
   */
  refs?: boolean;
  onPlanned?: (total: number) => void;
  onItem?: (input: string, outcome: ItemOutcome) => void;
}

/** Runs of fewer items than this read their short articles in the main thread, without starting workers. */
export const MIN_ITEMS_FOR_WORKERS = 4;

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;
/** The longest outlet name a user may give a run (--outlet, ?outlet=), counted after trimming. */
export const MAX_OUTLET_CHARS = 200;

/** Reads standard input as it arrives; once past `maxBytes` it stops reading and throws InputRefused. */
export function readAllStdin(maxBytes: number): Promise<Uint8Array> {
  return readStreamLimited(process.stdin, maxBytes, "standard input");
}

export async function runIngest(store: Store, inputs: string[], opts: IngestRunOptions): Promise<IngestReport> {
  const report: IngestReport = { stored: [], existing: [], failed: [] };
  const fetchOpts = { timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes, allowPrivate: opts.allowPrivate === true };
  const tasks = await planInputs(inputs, {
    ...fetchOpts,
    urlsOnly: opts.urlsOnly === true,
    readStdin: opts.readStdin ?? readAllStdin,
  });
  opts.onPlanned?.(tasks.length);
  const workers = opts.workers ?? 0;
  // Workers start when first needed: at once for a run of several items, else only for a long document's sections
  // (one short article is read faster than worker threads start).
  let pool: CpuPool | undefined;
  const everyArticle = workers > 0 && tasks.length >= MIN_ITEMS_FOR_WORKERS;
  const pipeline = new IngestPipeline(store, {
    ...fetchOpts,
    extract: extractFacts,
    outlet: opts.outlet,
    workers: workers > 0 ? { pool: () => (pool ??= new CpuPool(workers)), everyArticle } : undefined,
  });
  // With workers for every article, items are read and analysed a few ahead of the one being stored, so the
  // workers never wait for the writer; otherwise one at a time.
  const ahead = everyArticle ? workers * 2 : 1;
  const inFlight: Promise<{ input: string; prepared: Prepared | ItemOutcome }>[] = [];
  let next = 0;
  const startNext = () => {
    const task = tasks[next++];
    if (task) inFlight.push(prepareTask(task, pipeline, opts.maxBytes));
  };
  try {
    // One bulk load: documents commit in batches, the last one before the report is returned.
    await store.bulk(async () => {
      while (inFlight.length < ahead && next < tasks.length) startNext();
      while (inFlight.length > 0) {
        const { input, prepared } = await (inFlight.shift() as (typeof inFlight)[number]);
        let outcome: ItemOutcome;
        if ("kind" in prepared) {
          try {
            outcome = await pipeline.commit(prepared);
          } catch (err) {
            outcome = internalError(input, err);
          }
        } else outcome = prepared;
        if (opts.refs !== false) {
          report.stored.push(...outcome.stored);
          report.existing.push(...outcome.existing);
        }
        report.failed.push(...outcome.failed);
        opts.onItem?.(input, outcome);
        startNext();
      }
    });
  } finally {
    await pool?.close();
  }
  return report;
}

/** An unexpected fault in one item must not lose the batch: it is reported and the run goes on. */
function internalError(input: string, err: unknown): ItemOutcome {
  return { stored: [], existing: [], failed: [{ input, reason: `internal error: ${(err as Error).message}` }] };
}

/** Reads one planned input and prepares it; a failure comes back as the item's outcome, never as a rejection. */
async function prepareTask(
  task: Awaited<ReturnType<typeof planInputs>>[number],
  pipeline: IngestPipeline,
  maxBytes: number,
): Promise<{ input: string; prepared: Prepared | ItemOutcome }> {
  const input = task.input;
  try {
    const read = await task.read();
    if (!read.ok) return { input, prepared: { stored: [], existing: [], failed: [read.failure] } };
    if (read.item.bytes.length > maxBytes) {
      const reason = `input is ${read.item.bytes.length} bytes, over the ${maxBytes}-byte limit (--max-bytes)`;
      return { input, prepared: { stored: [], existing: [], failed: [{ input, reason }] } };
    }
    return { input, prepared: await pipeline.prepare(read.item, input) };
  } catch (err) {
    return { input, prepared: internalError(input, err) };
  }
}
