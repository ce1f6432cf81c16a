// Helpers shared by the subcommands: the store a command works on, output and progress.
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { MAX_OUTLET_CHARS } from "../ingest/run.js";
import { openStore, resolveDbPath, storeMissing } from "../store/open.js";
import type { Store } from "../store/store.js";

/** Exit codes: 0 all good, 1 some inputs failed (the rest stored) or the command could not run, 2 usage error. */
export const EXIT = { ok: 0, partial: 1, failed: 1, usage: 2 } as const;

/** An error in what the user typed: reported with exit code 2. */
export class UsageError extends Error {}

/** The command could not do its work (the store it reads does not exist): reported with exit code 1. */
export class CommandFailed extends Error {}

/** A positive whole-number option (--max-bytes, --timeout); anything else is a usage error naming the option. */
export function positiveInt(name: string) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} must be a positive whole number, got "${v}"`);
    return n;
  };
}

/** A worker-thread count (--workers): a whole number from 0, or "auto" for one per core. */
export function workerCount(name: string) {
  return (v: string): number | "auto" => {
    if (v === "auto") return "auto";
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 64)
      throw new UsageError(`${name} must be "auto" or a whole number from 0 to 64, got "${v}"`);
    return n;
  };
}

/** An outlet name (--outlet), trimmed: empty or over MAX_OUTLET_CHARS characters is a usage error. */
export function outletName(name: string) {
  return (v: string) => {
    const outlet = v.trim();
    if (!outlet) throw new UsageError(`${name} must name the outlet, got an empty string`);
    if (outlet.length > MAX_OUTLET_CHARS)
      throw new UsageError(`${name} must be at most ${MAX_OUTLET_CHARS} characters, got ${outlet.length}`);
    return outlet;
  };
}

/** The store a read-only command works on, which must exist: a missing one fails instead of being created. */
export function existingStorePath(cmd: Command): string {
  const db = dbOption(cmd);
  const missing = storeMissing(db);
  if (missing) throw new CommandFailed(missing);
  return db;
}

export function dbOption(cmd: Command): string {
  const opts = cmd.optsWithGlobals() as { db?: string };
  return resolveDbPath(opts.db);
}

/**
 * Runs `fn` on the command's store. Only `create: true` (ingest) may create a new store; for any other command a
 * store that does not exist is a failure naming its path (exit 1).
 */
export async function withStore<T>(
  cmd: Command,
  fn: (store: Store) => Promise<T>,
  opts: { create?: boolean } = {},
): Promise<T> {
  const store = await openStore(opts.create ? dbOption(cmd) : existingStorePath(cmd));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export interface Progress {
  setTotal(n: number): void;
  tick(label: string): void;
  stop(): void;
}

/** A progress bar on a terminal; silent elsewhere (pipes, CI, --json). */
export function progress(enabled: boolean, total: number): Progress {
  if (!enabled || !process.stderr.isTTY) return { setTotal() {}, tick() {}, stop() {} };
  const bar = new SingleBar({
    format: "{bar} {value}/{total} {label}",
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0, { label: "" });
  return {
    setTotal: (n) => bar.setTotal(n),
    tick: (label) => bar.increment({ label: label.length > 50 ? `…${label.slice(-49)}` : label }),
    stop: () => bar.stop(),
  };
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * JSON as printJson writes it, but the objects under the keys in `sortedKeys` list their keys in string order: a
 * JavaScript object lists integer-like keys ("10") before others ("01"), so CAMEO roots would print 10-20 first.
 */
export function jsonWithSortedKeys(value: unknown, sortedKeys: ReadonlySet<string>, indent = "", sort = false): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (!value.length) return "[]";
    return `[\n${value.map((v) => inner + jsonWithSortedKeys(v, sortedKeys, inner)).join(",\n")}\n${indent}]`;
  }
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (sort) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (!entries.length) return "{}";
  const body = entries.map(
    ([k, v]) => `${inner}${JSON.stringify(k)}: ${jsonWithSortedKeys(v, sortedKeys, inner, sortedKeys.has(k))}`,
  );
  return `{\n${body.join(",\n")}\n${indent}}`;
}
