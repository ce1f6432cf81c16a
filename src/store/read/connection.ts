// Opening a store for reading: the schema brought up to date once, then a read-only connection with a statement cache.
import Database from "better-sqlite3";
import { MIGRATIONS } from "../schema.js";
import { SqliteStore } from "../sqlite.js";

type Db = Database.Database;

function schemaVersion(db: Db): number {
  try {
    const v = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get() as string | undefined;
    return v === undefined ? 0 : Number(v);
  } catch {
    return 0;
  }
}

/**
 * A read-only connection to a store of the current schema. The queries rely on what ingest keeps (counters,
 * per-document aggregates): a store written by an older Heartland is brought up to date first, once, through a
 * short-lived writable connection (the migration fills them in from what the store holds).
 */
function openForReading(path: string): Db {
  const open = () => {
    try {
      return new Database(path, { readonly: true, fileMustExist: true });
    } catch (err) {
      throw new Error(`cannot open database ${path}: ${(err as Error).message}`);
    }
  };
  const db = open();
  if (schemaVersion(db) >= MIGRATIONS.length) return db;
  db.close();
  new SqliteStore(path).db.close();
  return open();
}

/** A read-only connection and its prepared statements: every read view runs its SQL through one. */
export class ReadConnection {
  readonly db: Db;

  constructor(readonly path: string) {
    this.db = openForReading(path);
    this.db.pragma("busy_timeout = 5000");
    // A neighbourhood or a hub's dossier reads index pages all over a large store, and the reader lives as long as
    // the server: keep pages between calls (64 MiB cache) and read the first GiB of the file through a memory map
    // instead of a read() per page (the mapped pages are the OS page cache, shared, not private memory).
    this.db.pragma("cache_size = -65536");
    this.db.pragma("mmap_size = 1073741824");
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** A prepared statement for this SQL, compiled once per reader; always in row (not pluck) mode. */
  q(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt.reader ? stmt.pluck(false) : stmt;
  }
}
