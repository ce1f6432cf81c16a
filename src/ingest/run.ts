// Runs an ingest over a list of inputs: plans them, processes each, and gathers one report.
import { extractFacts } from "../extract/index.js";
import type { Store } from "../store/store.js";
import { IngestPipeline, type ItemOutcome, type StoredRef } from "./pipeline.js";
import { type InputFailure, planInputs } from "./sources.js";

export interface IngestReport {
  stored: StoredRef[];
  existing: StoredRef[];
  failed: InputFailure[];
}

export interface IngestRunOptions {
  timeoutMs: number;
  maxBytes: number;
  readStdin?: () => Promise<Uint8Array>;
  onPlanned?: (total: number) => void;
  onItem?: (input: string, outcome: ItemOutcome) => void;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;

export async function readAllStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function runIngest(store: Store, inputs: string[], opts: IngestRunOptions): Promise<IngestReport> {
  const report: IngestReport = { stored: [], existing: [], failed: [] };
  const fetchOpts = { timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes };
  const tasks = await planInputs(inputs, { ...fetchOpts, readStdin: opts.readStdin ?? readAllStdin });
  opts.onPlanned?.(tasks.length);
  const pipeline = new IngestPipeline(store, { ...fetchOpts, extract: extractFacts });
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
