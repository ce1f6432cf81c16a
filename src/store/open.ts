// Opens the store a user names: a SQLite file path (the embedded default).
import { statSync } from "node:fs";
import { SqliteStore } from "./sqlite.js";
import type { Store } from "./store.js";

export const DEFAULT_DB = "heartland.db";

export function resolveDbPath(option?: string): string {
  return option ?? process.env.HEARTLAND_DB ?? DEFAULT_DB;
}

/**
 * Why a command that only reads cannot use the store at `location`, or null when it can. Opening a SQLite path
 * that does not exist would create an empty store, so the commands that read (stats, export, serve) ask first.
 */
export function storeMissing(location: string): string | null {
  try {
    if (!statSync(location).isFile()) return `store ${location} is not a file`;
    return null;
  } catch {
    return `store ${location} does not exist: build one with "heartland ingest <files>" or "heartland demo" first`;
  }
}

export async function openStore(location: string): Promise<Store> {
  return new SqliteStore(location);
}
