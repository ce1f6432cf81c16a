// `heartland stats`: what the store holds.
import type { Command } from "commander";
import { cameoName } from "../api/labels.js";
import type { StoreStats } from "../store/store.js";
import { jsonWithSortedKeys, withStore } from "./common.js";

/** Event counts one CAMEO root a line, in code order, each with its name. */
function eventLines(events: Record<string, number>): string[] {
  const codes = Object.keys(events).sort();
  const names = codes.map((c) => cameoName(c));
  const nameWidth = Math.max(0, ...names.map((n) => n.length));
  const countWidth = Math.max(0, ...codes.map((c) => String(events[c]).length));
  return codes.map(
    (c, i) => `  ${c} ${(names[i] as string).padEnd(nameWidth)}  ${String(events[c]).padStart(countWidth)}`,
  );
}

export function formatStats(s: StoreStats): string {
  const kv = (o: Record<string, number>) =>
    Object.entries(o)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ") || "none";
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  return [
    `documents   ${s.documents} from ${s.sources} source(s), ${s.words} words, ${s.sentences} sentences`,
    `near-copies ${s.duplicates}`,
    `flags       ${kv(s.flags as Record<string, number>)}`,
    `entities    ${sum(s.entities)} (${kv(s.entities)}), ${s.mentions} mentions`,
    `relations   ${sum(s.relations)} (${kv(s.relations)})`,
    `events      ${sum(s.events)}`,
    ...eventLines(s.events),
    `quotes      ${s.quotes}`,
    `quantities  ${s.quantities}`,
  ].join("\n");
}

export function registerStats(program: Command): void {
  program
    .command("stats")
    .description("count what the store holds: documents, sources, flags, and each kind of fact")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const stats = await withStore(cmd, (store) => store.stats());
      // Event roots in code order: "01" before "10".
      if (opts.json) process.stdout.write(`${jsonWithSortedKeys(stats, new Set(["events"]))}\n`);
      else process.stdout.write(`${formatStats(stats)}\n`);
    });
}
