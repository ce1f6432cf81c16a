// Runs an ingest over a list of inputs: plans them, processes each, and gathers one report.
import { extractFacts } from "../extract/index.js";
import type { Store } from "../store/store.js";
import { IngestPipeline, type ItemOutcome, type StoredRef } from "./pipeline.js";
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
  /** Reads standard input, at most `maxBytes` of it (throws InputRefused past that). */
  readStdin?: (maxBytes: number) => Promise<Uint8Array>;
  onPlanned?: (total: number) => void;
  onItem?: (input: string, outcome: ItemOutcome) => void;
}

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
  const pipeline = new IngestPipeline(store, { ...fetchOpts, extract: extractFacts, outlet: opts.outlet });
  for (const task of tasks) {
    let outcome: ItemOutcome;
    const read = await task.read();
    if (!read.ok) outcome = { stored: [], existing: [], failed: [read.failure] };
    else if (read.item.bytes.length > opts.maxBytes) {
      outcome = {
        stored: [],
        existing: [],
        failed: [
          {
            input: task.input,
            reason: `input is ${read.item.bytes.length} bytes, over the ${opts.maxBytes}-byte limit (--max-bytes)`,
          },
        ],
      };
    } else {
      try {
        outcome = await pipeline.process(read.item, task.input);
      } catch (err) {
        // An unexpected fault in one item must not lose the batch: report it and go on.
        outcome = {
          stored: [],
          existing: [],
          failed: [{ input: task.input, reason: `internal error: ${(err as Error).message}` }],
        };
      }
    }
    report.stored.push(...outcome.stored);
    report.existing.push(...outcome.existing);
    report.failed.push(...outcome.failed);
    opts.onItem?.(task.input, outcome);
  }
  return report;
}
