// Opens the store a user names: a SQLite file path (the embedded default).
import { SqliteStore } from "./sqlite.js";
import type { Store } from "./store.js";

export const DEFAULT_DB = "heartland.db";

export function resolveDbPath(option?: string): string {
  return option ?? process.env.HEARTLAND_DB ?? DEFAULT_DB;
}

export async function openStore(location: string): Promise<Store> {
  return new SqliteStore(location);
}
