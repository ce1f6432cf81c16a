// `heartland tag`: CoNLL-style tokens on standard input, `token<TAB>IOB2 tag` on standard output (PER, ORG, LOC,
// MISC), so the recogniser can be measured on newswire NER benchmarks. Each -DOCSTART- block is tagged as one
// document (short forms resolve within it); line structure is kept one for one. Running text given by mistake is
// refused with the expected format; `--text` tokenises running text instead. Standard input is bounded by
// --max-bytes as it arrives.
import type { Command } from "commander";
import { recognise } from "../extract/entities/index.js";
import { DEFAULT_MAX_BYTES } from "../ingest/run.js";
import { InputRefused, readStreamLimited } from "../ingest/sources.js";
import { knowledgeBase } from "../kb/knowledge-base.js";
import { type Annotation, annotate } from "../nlp/annotate.js";
import type { EntityType } from "../types.js";
import { positiveInt, UsageError } from "./common.js";

export type NerLabel = "PER" | "ORG" | "LOC" | "MISC";

export const LABEL_OF_TYPE: Record<EntityType, NerLabel> = {
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

/** What `tag` reads, shown when the input is not that. */
export const EXPECTED_FORMAT = [
  "expected: one token per line in the first column (further columns are ignored), a blank line between sentences,",
  "and -DOCSTART- lines passed through, e.g.",
  "  -DOCSTART- -X- -X- O",
  "",
  "  Kazakhstan NNP",
  "  borders VBZ",
  "  China NNP",
  "  . .",
  "to tag running text instead, use: heartland tag --text",
].join("\n");

/** A lowercase word, perhaps with punctuation attached: what prose is made of and tag columns are not. */
const PROSE_WORD = /^\p{Ll}[\p{Ll}'’-]*[,;:.!?"”’)]*$/u;

/**
 * A line of running text rather than a token and its columns: four or more fields, at least half of those after
 * the first lowercase words. CoNLL columns after the token are tags (NNP, B-NP, I-LOC, O), at most one a lemma.
 */
function looksLikeProse(line: string): boolean {
  const fields = line.trim().split(/[\t ]+/);
  if (fields.length < 4) return false;
  const words = fields.slice(1).filter((f) => PROSE_WORD.test(f)).length;
  return words * 2 >= fields.length - 1;
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
    if (looksLikeProse(line)) {
      const shown = line.length > 60 ? `${line.slice(0, 60)}…` : line;
      throw new UsageError(
        `line ${no} looks like running text, not one token per line: "${shown}"\n${EXPECTED_FORMAT}`,
      );
    }
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

interface Labelled {
  start: number;
  end: number;
  label: NerLabel;
}

/** The recogniser's names in a text, as labelled character spans in text order. */
function labelledSpans(text: string, annotation: Annotation): Labelled[] {
  const { linked, misc } = recognise(text, annotation, null, knowledgeBase());
  const labelled: Labelled[] = [];
  for (const l of linked) {
    if (l.form === "role" || l.form === "pronoun") continue;
    labelled.push({ start: l.start, end: l.end, label: l.form === "demonym" ? "MISC" : LABEL_OF_TYPE[l.entity.type] });
  }
  for (const m of misc) labelled.push({ ...m, label: "MISC" });
  labelled.sort((a, b) => a.start - b.start || b.end - a.end);
  return labelled;
}

/** IOB2 tags for rows of token spans (one row a sentence), from labelled spans in text order. */
function iob2(rows: readonly { start: number; end: number }[][], labelled: readonly Labelled[]): string[][] {
  const out: string[][] = [];
  let li = 0;
  for (const row of rows) {
    const tags: string[] = [];
    let open: Labelled | undefined;
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

/** Running text tokenised and tagged: `token<TAB>tag` lines, a blank line between sentences. */
export function tagText(text: string): string[] {
  const annotation = annotate(text);
  const rows: { start: number; end: number; text: string }[][] = [];
  for (const t of annotation.tokens) {
    if (!rows[t.sentence]) rows[t.sentence] = [];
    rows[t.sentence]?.push(t);
  }
  const sentences = rows.filter((r) => r && r.length > 0);
  const tags = iob2(sentences, labelledSpans(text, annotation));
  const out: string[] = [];
  sentences.forEach((row, s) => {
    if (s > 0) out.push("");
    // A token never holds white space in the output, which is one token a line with a tab before its tag.
    row.forEach((tok, i) => {
      out.push(`${tok.text.replace(/\s+/g, "_")}\t${tags[s]?.[i] ?? "O"}`);
    });
  });
  return out;
}

/**
 * Token rows written out as text, one row a line, the tokens joined as they would be written ("China 's" is
 * "China's"), with each token's character span, row by row.
 */
export function writeTokens(rows: readonly (readonly string[])[]): {
  text: string;
  spans: { start: number; end: number }[][];
} {
  const parts: string[] = [];
  const spans: { start: number; end: number }[][] = [];
  let at = 0;
  for (const tokens of rows) {
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
  return { text: parts.join(""), spans };
}

/** IOB2 tags for one document's sentences (each a list of tokens). */
export function tagSentences(sentences: string[][]): string[][] {
  const { text, spans } = writeTokens(sentences);
  return iob2(spans, labelledSpans(text, annotate(text)));
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

/** Standard input, at most `maxBytes` of it counted as it arrives: past that it stops reading and refuses. */
async function readStdin(maxBytes: number): Promise<Uint8Array> {
  try {
    return await readStreamLimited(process.stdin, maxBytes, "standard input");
  } catch (err) {
    if (err instanceof InputRefused) throw new UsageError(err.message);
    throw err;
  }
}

/** Running text from bytes: UTF-8 (a byte-order mark dropped), no control characters, lines ending in \n. */
export function decodeRunningText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UsageError("standard input is not UTF-8 text (binary input?)");
  }
  text = text.replace(/\r\n?/g, "\n");
  for (const line of text.split("\n")) {
    if (hasControl(line)) throw new UsageError("control character in standard input (binary input?)");
  }
  return text;
}

export function registerTag(program: Command): void {
  program
    .command("tag")
    .description(
      "tag CoNLL-style tokens from standard input (token in the first column, blank line between sentences) " +
        "with IOB2 PER/ORG/LOC/MISC; writes token<TAB>tag lines",
    )
    .option(
      "--text",
      "read running text instead: tokenise it and write one token<TAB>tag a line, a blank line between sentences",
    )
    .option(
      "--max-bytes <n>",
      `refuse standard input larger than this, counted as it arrives (default ${DEFAULT_MAX_BYTES})`,
      positiveInt("--max-bytes"),
    )
    .addHelpText(
      "after",
      `\n${EXPECTED_FORMAT.replace(/^expected: /, "Input without --text: ")}\n\n` +
        "Exit codes: 0 tagged, 2 malformed input (the message names the line), input over --max-bytes, or a usage error.",
    )
    .action(async (opts: { text?: boolean; maxBytes?: number }) => {
      const bytes = await readStdin(opts.maxBytes ?? DEFAULT_MAX_BYTES);
      const out = opts.text ? tagText(decodeRunningText(bytes)) : tagConll(parseConll(bytes));
      const text = out.length ? `${out.join("\n")}\n` : "";
      await new Promise<void>((resolve, reject) =>
        process.stdout.write(text, (err) => (err ? reject(err) : resolve())),
      );
    });
}
