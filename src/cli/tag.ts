// `heartland tag`: CoNLL-style tokens on standard input, `token<TAB>IOB2 tag` on standard output (PER, ORG, LOC,
// MISC), so the recogniser can be measured on newswire NER benchmarks. Each -DOCSTART- block is tagged as one
// document (short forms resolve within it); line structure is kept one for one.
import type { Command } from "commander";
import { recognise } from "../extract/entities/index.js";
import { knowledgeBase } from "../kb/knowledge-base.js";
import { annotate } from "../nlp/annotate.js";
import type { EntityType } from "../types.js";
import { UsageError } from "./common.js";

export type NerLabel = "PER" | "ORG" | "LOC" | "MISC";

const LABEL_OF_TYPE: Record<EntityType, NerLabel> = {
  person: "PER",
  organization: "ORG",
  country: "LOC",
  location: "LOC",
  facility: "LOC",
  initiative: "MISC",
};

/** One input line: a token (with its line number), a sentence break, or a line passed through. */
type Line = { kind: "token"; token: string; no: number } | { kind: "blank" } | { kind: "docstart"; raw: string };

/** A control character other than tab and carriage return: the mark of binary input. */
function hasControl(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 13) || c === 127) return true;
  }
  return false;
}

/** Reads CoNLL lines; throws a UsageError naming the first malformed line. */
export function parseConll(bytes: Uint8Array): Line[] {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const lines: Line[] = [];
  let from = 0;
  let no = 0;
  while (from <= bytes.length) {
    let nl = bytes.indexOf(10, from);
    if (nl < 0) nl = bytes.length;
    no++;
    const chunk = bytes.subarray(from, nl);
    from = nl + 1;
    if (nl === bytes.length && chunk.length === 0) break;
    let line: string;
    try {
      line = decoder.decode(chunk);
    } catch {
      throw new UsageError(`line ${no}: not UTF-8 text (binary input?)`);
    }
    line = line.replace(/\r$/, "");
    if (hasControl(line)) throw new UsageError(`line ${no}: control character in input (binary input?)`);
    if (line.trim() === "") {
      lines.push({ kind: "blank" });
      continue;
    }
    if (/^\s/.test(line)) throw new UsageError(`line ${no}: empty first column (expected a token)`);
    const token = line.split(/[\t ]/, 1)[0] as string;
    if (token === "-DOCSTART-") lines.push({ kind: "docstart", raw: line });
    else lines.push({ kind: "token", token, no });
  }
  return lines;
}

/** Tokens that attach to the token before them ("China 's" is written "China's"). */
const ATTACH_BEFORE = new Set([
  ",",
  ".",
  ";",
  ":",
  "!",
  "?",
  ")",
  "]",
  "}",
  "%",
  "'s",
  "'S",
  "n't",
  "'re",
  "'ve",
  "'ll",
  "'d",
  "'m",
]);
const ATTACH_AFTER = new Set(["(", "[", "{", "$"]);

/** IOB2 tags for one document's sentences (each a list of tokens). */
export function tagSentences(sentences: string[][]): string[][] {
  // Rebuild the text: one sentence a line, tokens joined as they would be written; remember each token's span.
  const parts: string[] = [];
  const spans: { start: number; end: number }[][] = [];
  let at = 0;
  for (const tokens of sentences) {
    const row: { start: number; end: number }[] = [];
    tokens.forEach((tok, i) => {
      if (i > 0 && !ATTACH_BEFORE.has(tok) && !ATTACH_AFTER.has(tokens[i - 1] as string)) {
        parts.push(" ");
        at++;
      }
      row.push({ start: at, end: at + tok.length });
      parts.push(tok);
      at += tok.length;
    });
    spans.push(row);
    parts.push("\n");
    at++;
  }
  const text = parts.join("");
  const { linked, misc } = recognise(text, annotate(text), null, knowledgeBase());
  const labelled: { start: number; end: number; label: NerLabel }[] = [];
  for (const l of linked) {
    if (l.form === "role" || l.form === "pronoun") continue;
    labelled.push({ start: l.start, end: l.end, label: l.form === "demonym" ? "MISC" : LABEL_OF_TYPE[l.entity.type] });
  }
  for (const m of misc) labelled.push({ ...m, label: "MISC" });
  labelled.sort((a, b) => a.start - b.start || b.end - a.end);

  const out: string[][] = [];
  let li = 0;
  for (const row of spans) {
    const tags: string[] = [];
    let open: { end: number; label: NerLabel; start: number } | undefined;
    for (const tok of row) {
      while (li < labelled.length && (labelled[li]?.end ?? 0) <= tok.start) li++;
      const hit = labelled[li];
      if (hit && hit.start < tok.end && hit.end > tok.start) {
        const continues = open && open.start === hit.start && open.end === hit.end;
        tags.push(`${continues ? "I" : "B"}-${hit.label}`);
        open = hit;
      } else {
        tags.push("O");
        open = undefined;
      }
    }
    out.push(tags);
  }
  return out;
}

/** Tags a whole CoNLL input: the output lines, in input order. */
export function tagConll(lines: readonly Line[]): string[] {
  const out: string[] = [];
  let doc: Line[] = [];
  const flush = () => {
    if (doc.length === 0) return;
    const sentences: string[][] = [];
    let current: string[] = [];
    for (const l of doc) {
      if (l.kind === "token") current.push(l.token);
      else if (current.length) {
        sentences.push(current);
        current = [];
      }
    }
    if (current.length) sentences.push(current);
    const tags = tagSentences(sentences);
    let s = 0;
    let t = 0;
    for (const l of doc) {
      if (l.kind === "token") {
        out.push(`${l.token}\t${tags[s]?.[t] ?? "O"}`);
        t++;
      } else {
        if (t > 0) {
          s++;
          t = 0;
        }
        out.push(l.kind === "docstart" ? l.raw : "");
      }
    }
    doc = [];
  };
  for (const l of lines) {
    if (l.kind === "docstart") {
      flush();
      out.push(l.raw);
    } else doc.push(l);
  }
  flush();
  return out;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function registerTag(program: Command): void {
  program
    .command("tag")
    .description(
      "tag CoNLL-style tokens from standard input (token in the first column, blank line between sentences) " +
        "with IOB2 PER/ORG/LOC/MISC; writes token<TAB>tag lines",
    )
    .addHelpText("after", "\nExit codes: 0 tagged, 2 malformed input (the message names the line).")
    .action(async () => {
      const lines = parseConll(await readStdin());
      const out = tagConll(lines);
      const text = out.length ? `${out.join("\n")}\n` : "";
      await new Promise<void>((resolve, reject) =>
        process.stdout.write(text, (err) => (err ? reject(err) : resolve())),
      );
    });
}
