// Inputs that are data, not articles: JSON, JSON Lines (Heartland's own export among them), CSV/TSV tables, and
// files named for formats ingest does not read (PDF, spreadsheets, archives, images). Stored as prose they would
// fill the store with "sentences" made of keys and cells, so they are refused with what they are.
// Content sniffing is deliberately narrow: only what cannot be prose is refused (a text that starts like a JSON
// object, lines with the same number of delimited fields under a header of short names and no blank line).

/** What the refusal says ingest reads instead. */
export const READS = "ingest reads articles as .txt, .md or .html files and RSS/Atom feeds";

/** The `kind`s of the interchange format (docs/interchange.md): the mark of a Heartland export. */
const INTERCHANGE_KINDS = new Set(["document", "entity", "relation", "event", "quote", "quantity"]);

const HEARTLAND_EXPORT =
  "a Heartland JSON Lines export (docs/interchange.md); no command imports one: " +
  "query the store it was exported from with --db, or ingest the articles it was built from";

/** File name endings that are never articles, with what they are. */
export const NOT_ARTICLE_EXTENSIONS: Record<string, string> = {
  ".json": "JSON data",
  ".geojson": "JSON data",
  ".jsonl": "JSON Lines data",
  ".ndjson": "JSON Lines data",
  ".csv": "a CSV table",
  ".tsv": "a TSV table",
  ".xls": "a spreadsheet",
  ".xlsx": "a spreadsheet",
  ".ods": "a spreadsheet",
  ".pdf": "a PDF (save its text as .txt to ingest it)",
  ".doc": "a word-processor document (save it as .txt or .html to ingest it)",
  ".docx": "a word-processor document (save it as .txt or .html to ingest it)",
  ".odt": "a word-processor document (save it as .txt or .html to ingest it)",
  ".rtf": "a word-processor document (save it as .txt or .html to ingest it)",
  ".zip": "an archive (unpack it and ingest the folder)",
  ".gz": "an archive (unpack it and ingest the folder)",
  ".tgz": "an archive (unpack it and ingest the folder)",
  ".tar": "an archive (unpack it and ingest the folder)",
  ".7z": "an archive (unpack it and ingest the folder)",
  ".png": "an image",
  ".jpg": "an image",
  ".jpeg": "an image",
  ".gif": "an image",
  ".webp": "an image",
  ".db": "a database file (a Heartland store is read with --db, not ingested)",
  ".sqlite": "a database file (a Heartland store is read with --db, not ingested)",
  ".sqlite3": "a database file (a Heartland store is read with --db, not ingested)",
};

/** Extensions whose refusal is worth reading the content for (the columns, a Heartland export). */
const SNIFFED_EXTENSIONS = new Set([".json", ".geojson", ".jsonl", ".ndjson", ".csv", ".tsv"]);

export const needsContent = (ext: string) => SNIFFED_EXTENSIONS.has(ext);

/** The failure reason for an input that is `what`. */
export function notAnArticle(what: string): string {
  return what === HEARTLAND_EXPORT ? `not an article: ${what}` : `not an article: ${what}; ${READS}`;
}

/** The first `n` non-blank lines of `text`, trimmed, read without splitting the whole text. */
function firstLines(text: string, n: number): string[] {
  const out: string[] = [];
  let from = 0;
  while (out.length < n && from < text.length) {
    let nl = text.indexOf("\n", from);
    if (nl < 0) nl = text.length;
    const line = text.slice(from, nl).trim();
    if (line) out.push(line);
    from = nl + 1;
  }
  return out;
}

const isContainer = (v: unknown): v is object => typeof v === "object" && v !== null;

const isInterchange = (v: unknown) =>
  isContainer(v) && !Array.isArray(v) && INTERCHANGE_KINDS.has((v as { kind?: unknown }).kind as string);

function shape(v: object): string {
  if (Array.isArray(v)) return `an array of ${v.length} item${v.length === 1 ? "" : "s"}`;
  const keys = Object.keys(v);
  if (keys.length === 0) return "an empty object";
  return `an object with keys ${keys.slice(0, 5).join(", ")}${keys.length > 5 ? ", ..." : ""}`;
}

function tryParse(s: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(s) };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

/** What a text that starts like JSON is; null when it does not (prose never starts with `{"key":`). */
function sniffJson(text: string): string | null {
  const head = text.slice(0, 4096).trimStart();
  if (head[0] !== "{" && head[0] !== "[") return null;
  // JSON Lines: every one of the first lines is a JSON object or array on its own (stops at the first that is not).
  const lines = firstLines(text, 20);
  if (lines.length >= 2) {
    let first: object | undefined;
    for (const line of lines) {
      const p = tryParse(line);
      if (!p.ok || !isContainer(p.value)) {
        first = undefined;
        break;
      }
      first ??= p.value;
    }
    if (first) return isInterchange(first) ? HEARTLAND_EXPORT : `JSON Lines data (first line: ${shape(first)})`;
  }
  const whole = tryParse(text);
  if (whole.ok) {
    if (!isContainer(whole.value)) return null;
    if (isInterchange(whole.value)) return HEARTLAND_EXPORT;
    return `JSON data (${shape(whole.value)})`;
  }
  // Cut short or broken, but unmistakably JSON: an object key right after the opening bracket.
  if (/^(?:\[\s*)?\{\s*"[^"\n]{0,200}"\s*:/.test(head)) return `JSON data (malformed: ${whole.error})`;
  return null;
}

/** Splits one delimited line, honouring double quotes; null when a quote is left open. */
function splitFields(line: string, delimiter: string): string[] | null {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (c === delimiter) {
      fields.push(field);
      field = "";
    } else field += c;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

const DELIMITERS: { d: string; name: string }[] = [
  { d: "\t", name: "a TSV table" },
  { d: ",", name: "a CSV table" },
  { d: ";", name: "a CSV table (semicolon-separated)" },
];

/** How much of a text the table sniff reads: the first lines of a table show what it is. */
const TABLE_SAMPLE_CHARS = 64 * 1024;
const TABLE_SAMPLE_LINES = 50;

/**
 * What a text laid out as a delimited table is, or null. Strict unless `lenient` (a file named .csv/.tsv): at
 * least three lines and no blank line among them, the same number of fields on every line, a header of short
 * names none of which ends a sentence, fewer than half the lines ending like a sentence, and three columns or
 * five lines. Prose has blank lines between paragraphs, a varying number of commas, and sentence ends.
 */
function sniffTable(text: string, lenient: boolean, delimiters = DELIMITERS): string | null {
  if (/^\s*</.test(text)) return null; // markup: HTML, XML
  let sample = text.slice(0, TABLE_SAMPLE_CHARS);
  if (sample.length < text.length) sample = sample.slice(0, Math.max(0, sample.lastIndexOf("\n")));
  const lines = sample.replace(/\s+$/, "").split("\n").slice(0, TABLE_SAMPLE_LINES);
  if (lines.length === 0 || lines.some((l) => l.trim() === "")) return null;
  if (!lenient && lines.length < 3) return null;
  for (const { d, name } of delimiters) {
    const header = splitFields(lines[0] as string, d)?.map((f) => f.trim());
    if (!header || header.length < 2) continue;
    const columns = `${header.length} columns: ${header.slice(0, 5).join(", ")}${header.length > 5 ? ", ..." : ""}`;
    if (lenient) return `${name} (${columns})`;
    if (header.some((f) => f === "" || f.length > 40 || /[.!?]$/.test(f))) continue;
    if (!lines.every((l) => splitFields(l, d)?.length === header.length)) continue;
    const sentenceEnds = lines.filter((l) => /[.!?]["'”’)]?\s*$/.test(l)).length;
    if (sentenceEnds * 2 >= lines.length) continue;
    if (header.length < 3 && lines.length < 5) continue;
    return `${name} (${columns})`;
  }
  return null;
}

/** What a decoded text is when it is data rather than an article (JSON, JSON Lines, a table), or null. */
export function describeStructured(text: string): string | null {
  return sniffJson(text) ?? sniffTable(text, false);
}

/** What a file named with one of NOT_ARTICLE_EXTENSIONS is; `text` (when read) makes the answer precise. */
export function describeByExtension(ext: string, text: string | null): string {
  const generic = NOT_ARTICLE_EXTENSIONS[ext] ?? `a ${ext} file`;
  if (text === null) return generic;
  if (ext === ".csv" || ext === ".tsv") {
    const tab = ext === ".tsv";
    return (
      sniffTable(
        text,
        true,
        DELIMITERS.filter((x) => (x.d === "\t") === tab),
      ) ?? generic
    );
  }
  return sniffJson(text) ?? generic;
}
