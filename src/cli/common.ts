// Helpers shared by the subcommands: the store a command works on, output and progress.
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { openStore, resolveDbPath } from "../store/open.js";
import type { Store } from "../store/store.js";

/** Exit codes: 0 all good, 1 some inputs failed (the rest stored), 2 usage error. */
export const EXIT = { ok: 0, partial: 1, usage: 2 } as const;

/** An error in what the user typed: reported with exit code 2. */
export class UsageError extends Error {}

export function dbOption(cmd: Command): string {
  const opts = cmd.optsWithGlobals() as { db?: string };
  return resolveDbPath(opts.db);
}

export async function withStore<T>(cmd: Command, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(dbOption(cmd));
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
