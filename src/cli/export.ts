// `heartland export`: the store as JSON Lines (docs/interchange.md, from spec/ontology.md) or CSV, one table per kind.
import { createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Writable } from "node:stream";
import type { Command } from "commander";
import { CSV_COLUMNS, csvLine, csvRow } from "../export/csv.js";
import { INTERCHANGE_KINDS, type InterchangeKind } from "../export/interchange.js";
import type { Store } from "../store/store.js";
import { UsageError, withStore } from "./common.js";

async function write(out: Writable, s: string): Promise<void> {
  if (!out.write(s)) await new Promise<void>((r) => out.once("drain", () => r()));
}

async function end(out: Writable): Promise<void> {
  if (out === process.stdout) return;
  await new Promise<void>((resolve, reject) => {
    out.once("error", reject);
    out.end(() => resolve());
  });
}

function parseKinds(v: string | undefined): Set<InterchangeKind> {
  if (!v) return new Set(INTERCHANGE_KINDS);
  const kinds = v.split(",").map((k) => k.trim());
  for (const k of kinds) {
    if (!INTERCHANGE_KINDS.includes(k as InterchangeKind)) {
      throw new UsageError(`--kinds: unknown kind "${k}" (one of ${INTERCHANGE_KINDS.join(", ")})`);
    }
  }
  return new Set(kinds as InterchangeKind[]);
}

export async function exportJsonl(store: Store, out: Writable, kinds: Set<InterchangeKind>): Promise<number> {
  let n = 0;
  for await (const line of store.exportLines(kinds)) {
    await write(out, `${JSON.stringify(line)}\n`);
    n++;
  }
  return n;
}

/** CSV file name per kind: the plural of the kind. */
const TABLE_NAMES: Record<InterchangeKind, string> = {
  document: "documents",
  entity: "entities",
  relation: "relations",
  event: "events",
  quote: "quotes",
  quantity: "quantities",
};

export async function exportCsv(store: Store, dir: string, kinds: Set<InterchangeKind>): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const names = new Map<string, string>();
  for await (const l of store.exportLines(new Set(["entity"]))) if (l.kind === "entity") names.set(l.id, l.name);
  const files: string[] = [];
  for (const kind of INTERCHANGE_KINDS.filter((k) => kinds.has(k))) {
    const file = join(dir, `${TABLE_NAMES[kind]}.csv`);
    const out = createWriteStream(file);
    await write(out, csvRow(CSV_COLUMNS[kind]));
    for await (const line of store.exportLines(new Set([kind]))) await write(out, csvLine(line, names));
    await end(out);
    files.push(file);
  }
  return files;
}

export function registerExport(program: Command): void {
  program
    .command("export")
    .description("write the store out: JSON Lines as docs/interchange.md describes, or CSV with one table per kind")
    .option("--format <format>", "jsonl or csv", "jsonl")
    .option("--out <path>", "file for jsonl (default: standard output); folder for csv (required)")
    .option("--kinds <list>", `comma-separated kinds to export (default: all of ${INTERCHANGE_KINDS.join(",")})`)
    .action(async (opts: { format: string; out?: string; kinds?: string }, cmd: Command) => {
      const kinds = parseKinds(opts.kinds);
      if (opts.format !== "jsonl" && opts.format !== "csv") {
        throw new UsageError(`--format must be jsonl or csv, got "${opts.format}"`);
      }
      if (opts.format === "csv" && !opts.out) throw new UsageError("--format csv needs --out <folder> for its tables");
      await withStore(cmd, async (store) => {
        if (opts.format === "csv") {
          const files = await exportCsv(store, opts.out as string, kinds);
          process.stderr.write(`wrote ${files.join(", ")}\n`);
          return;
        }
        const out = opts.out ? createWriteStream(opts.out) : process.stdout;
        const n = await exportJsonl(store, out, kinds);
        await end(out);
        if (opts.out) process.stderr.write(`wrote ${n} lines to ${opts.out}\n`);
      });
    });
}
