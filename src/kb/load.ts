// Reads the knowledge-base data files (data/kb/*.json) shipped with the package. Each file holds an array of
// entries (or an object with an `entries` array); a malformed entry is skipped and reported, never fatal.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ENTITY_TYPES, type EntityType } from "../types.js";
import type { KbEntry, KbRole } from "./types.js";

/** data/kb/ beside the package: the same relative path works from src/kb and dist/kb. */
export const KB_DIR = fileURLToPath(new URL("../../data/kb/", import.meta.url));

export interface LoadedKb {
  entries: KbEntry[];
  /** Files read, in order. */
  files: string[];
  /** What was skipped and why ("people.json #12: no name"). */
  problems: string[];
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === "string" && s.trim() !== "") : [];

function roles(v: unknown): KbRole[] {
  if (!Array.isArray(v)) return [];
  const out: KbRole[] = [];
  for (const r of v) {
    if (!r || typeof r !== "object") continue;
    const { role, of, start, end } = r as Record<string, unknown>;
    if (typeof role !== "string" || typeof of !== "string") continue;
    out.push({
      role,
      of,
      ...(typeof start === "string" ? { start } : {}),
      ...(typeof end === "string" ? { end } : {}),
    });
  }
  return out;
}

/** One raw record as an entry, or the reason it cannot be one. */
export function toEntry(raw: unknown): KbEntry | string {
  if (!raw || typeof raw !== "object") return "not an object";
  const o = raw as Record<string, unknown>;
  if (typeof o.id !== "string" || !o.id) return "no id";
  if (typeof o.name !== "string" || !o.name.trim()) return `${o.id}: no name`;
  if (!ENTITY_TYPES.includes(o.type as EntityType)) return `${o.id}: unknown type ${JSON.stringify(o.type)}`;
  const entry: KbEntry = { id: o.id, type: o.type as EntityType, name: o.name.trim(), aliases: strings(o.aliases) };
  const metonyms = strings(o.metonyms);
  const demonyms = strings(o.demonyms);
  if (metonyms.length) entry.metonyms = metonyms;
  if (demonyms.length) entry.demonyms = demonyms;
  if (typeof o.qid === "string" && /^Q\d+$/.test(o.qid)) entry.qid = o.qid;
  if (typeof o.country === "string") entry.country = o.country;
  if (typeof o.subtype === "string") entry.subtype = o.subtype;
  const successors = strings(o.successors);
  if (successors.length) entry.successors = successors;
  if (typeof o.gender === "string") entry.gender = o.gender;
  if (typeof o.source === "string") entry.source = o.source;
  const rs = roles(o.roles);
  if (rs.length) entry.roles = rs;
  return entry;
}

/** Reads every *.json file of `dir` (sorted by name). A missing folder gives an empty KB with a problem noted. */
export function loadKbFiles(dir: string = KB_DIR): LoadedKb {
  const out: LoadedKb = { entries: [], files: [], problems: [] };
  if (!existsSync(dir)) {
    out.problems.push(`knowledge base folder not found: ${dir}`);
    return out;
  }
  const seen = new Set<string>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(`${dir}/${file}`, "utf8"));
    } catch (err) {
      out.problems.push(`${file}: ${(err as Error).message}`);
      continue;
    }
    const list = Array.isArray(data) ? data : (data as { entries?: unknown })?.entries;
    if (!Array.isArray(list)) {
      out.problems.push(`${file}: expected an array of entries`);
      continue;
    }
    out.files.push(file);
    list.forEach((raw, i) => {
      const entry = toEntry(raw);
      if (typeof entry === "string") out.problems.push(`${file} #${i}: ${entry}`);
      else if (seen.has(entry.id)) out.problems.push(`${file} #${i}: duplicate id ${entry.id}`);
      else {
        seen.add(entry.id);
        out.entries.push(entry);
      }
    });
  }
  return out;
}
