// `npm run eval:gum`: measures the name recogniser and entity linking on text nobody here wrote, the GUM corpus
// in ../shared/data/gum/ (read at evaluation time only; the product never reads ../shared).
// Usage: npm run eval:gum [-- --genres news,interview] [-- --doc GUM_news_iodine,...] [-- --json] [-- --misses]
//
// What it measures
// - Recognition: the real recogniser (annotate(), then recognise() from src/extract/entities with the shipped
//   knowledge base, mapped to PER/ORG/LOC as `heartland tag` maps it) against GUM's gold names, exact character
//   span and type; precision, recall and F1 per type and micro-averaged over PER+ORG+LOC, plus an untyped
//   (span-only) F1. Per genre and in total. The default genres (news, interview) are the check set.
// - Linking: of the gold names with a Wikipedia identity, those whose identity is in the knowledge base (exactly
//   one KB entry); the share of them the system links to that KB entry (a linked system mention overlapping the
//   gold span and pointing at the entry counts), and how many it links to a different KB entry (wrong links).
//
// Conversion rule (GUM CoNLL-U -> text and gold name spans)
// - Text: each document's sentences' `# text = ...` comments joined with "\n". Every word is mapped to its
//   character span by searching its form forward from a running cursor in its sentence's text; a word not found
//   within a short gap of punctuation or white space keeps no span (mentions touching it are skipped). A multiword
//   token line (`3-4 Trump's`) is located by its surface form; its parts (`Trump`, `'s`) get their own sub-spans
//   when their forms are found in order inside the surface, else the whole surface span. Empty nodes (`3.1`) are
//   ignored.
// - Mentions: the `Entity=` value in column 10 (MISC) opens a mention with `(id-etype-...-identity` (fields as the
//   `# global.Entity` header names them; percent-escapes in the identity decoded) and closes it with `id)`; an
//   opener ending in `)` closes on the same word. Nested mentions are kept.
// - Which mentions are names: etype person -> PER, organization -> ORG, place -> LOC (other types are not scored),
//   and named: it has a Wikipedia identity, or its head word is a proper noun. The head is the first word of the
//   mention whose dependency head lies outside the mention; a proper noun is UPOS PROPN or Penn tag NNP/NNPS
//   (GUM tags "New" in "New York" ADJ/NNP).
// - Skipped: a mention holding a shorter mention of the same type that contains its head word (coordinations and
//   appositions, "Ben Chan and Leung Che-cheung": the inner mentions give the names); a person mention headed by a
//   plural proper noun ("Americans", "Democrats": groups, MISC in CoNLL terms).
// - The name span, first rule that applies:
//   1. the mention has an identity whose title (disambiguator "_(...)" dropped, case, accents, spaces and "_"
//      ignored) is spelt by consecutive words of the mention: those words, less a leading lower-case "the"
//      ("U.S. President Donald Trump", Donald_Trump -> "Donald Trump");
//   2. the head is a proper noun: the maximal run of proper nouns around it, clamped to the mention, where "of",
//      "the", "and", "&" and "-" may join two proper nouns ("Bank of Spain") but never start or end the run (for
//      persons only "-" joins);
//   3. the head is not a proper noun but the mention has an identity: the longest such run inside the mention
//      among words outside its nested mentions ("the US government"), the first of equal length;
//   then for persons the words up to the last title or honorific are dropped ("Prime Minister John Key" ->
//   "John Key"; a run of titles only, "Mr. President", is no name), and with an identity the run's edge words not
//   in the title are trimmed ("President Obama", Barack_Obama -> "Obama"). No run left: the mention is skipped.
// - Identical spans are kept once: a span from rules 1-2 wins over one from rule 3, then the shorter (innermost)
//   mention's type and identity win.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { LABEL_OF_TYPE } from "../src/cli/tag.js";
import { recognise } from "../src/extract/entities/index.js";
import { knowledgeBase } from "../src/kb/knowledge-base.js";
import { foldLower } from "../src/kb/normalize.js";
import type { KbEntry } from "../src/kb/types.js";
import { annotate } from "../src/nlp/annotate.js";

export const GUM_DIR = fileURLToPath(new URL("../../shared/data/gum/", import.meta.url));
export const DEFAULT_GENRES = ["news", "interview"];

export type Label = "PER" | "ORG" | "LOC";
export const LABELS: readonly Label[] = ["PER", "ORG", "LOC"];
const LABEL_OF_ETYPE: Record<string, Label> = { person: "PER", organization: "ORG", place: "LOC" };

/** One syntactic word of a CoNLL-U file, with its span in the rebuilt text (start -1: not found). */
export interface Word {
  form: string;
  upos: string;
  /** Penn tag (NNP, NNPS, ...): GUM tags "New" in "New York" ADJ but NNP. */
  xpos: string;
  /** Document index of the word's dependency head; -1 for the root. */
  head: number;
  start: number;
  end: number;
}

/** One GUM entity mention: document word indices, inclusive. */
export interface Mention {
  etype: string;
  identity: string | null;
  first: number;
  last: number;
}

export interface GumDocument {
  id: string;
  text: string;
  words: Word[];
  mentions: Mention[];
}

export interface NameSpan {
  start: number;
  end: number;
  label: Label;
  text: string;
}
export interface GoldName extends NameSpan {
  identity: string | null;
}
export interface SystemName extends NameSpan {
  /** The KB entry linked, null when the mention is a new entity. */
  kbId: string | null;
}

// ---------------------------------------------------------------------------------------------------------------
// CoNLL-U -> text, words and mentions

/** Where a form lies from `cursor` on: only white space or a little punctuation may be skipped first. */
function locate(text: string, form: string, cursor: number): number {
  const at = text.indexOf(form, cursor);
  if (at < 0) return -1;
  const gap = text.slice(cursor, at);
  return /^\s*$/.test(gap) || (gap.length <= 3 && /^[\s\p{P}\p{S}]*$/u.test(gap)) ? at : -1;
}

/** Parses an `Entity=` value into openers (fields) and closers (ids), in order. */
export function parseEntityValue(
  value: string,
): ({ kind: "open"; fields: string[]; closes: boolean } | { kind: "close"; id: string })[] {
  const out: ({ kind: "open"; fields: string[]; closes: boolean } | { kind: "close"; id: string })[] = [];
  const re = /\(([^()]+)(\)?)|([^()]+)\)/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    if (m[1] !== undefined) out.push({ kind: "open", fields: m[1].split("-"), closes: m[2] === ")" });
    else out.push({ kind: "close", id: m[3] as string });
  }
  return out;
}

/** The field positions of a `# global.Entity = GRP-etype-...-identity` header. */
function entityFields(header: string): { id: number; etype: number; identity: number; count: number } {
  const names = header.split("-");
  const idx = (n: string, fallback: number) => (names.indexOf(n) >= 0 ? names.indexOf(n) : fallback);
  return { id: 0, etype: idx("etype", 1), identity: idx("identity", 7), count: names.length };
}

function decodeIdentity(raw: string | undefined): string | null {
  if (!raw || raw === "_") return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Reads the documents of one CoNLL-U file (usually one; `# newdoc id` starts each). */
export function parseConllu(source: string, fallbackId = "doc"): GumDocument[] {
  const docs: GumDocument[] = [];
  let doc: GumDocument | undefined;
  let fields = entityFields("GRP-etype-infstat-salience-centering-minspan-link-identity");
  const parts: string[] = [];
  let sentenceText = "";
  let sentenceAt = 0; // offset of the current sentence in the document text
  let sentenceBase = 0; // document index of the current sentence's first word
  let cursor = 0;
  let multiword: { to: number; start: number; end: number; next: number } | undefined; // the open `3-4` line
  const open = new Map<string, Mention[]>();

  const startDoc = (id: string) => {
    finishDoc();
    doc = { id, text: "", words: [], mentions: [] };
    parts.length = 0;
    open.clear();
  };
  const finishDoc = () => {
    if (!doc) return;
    doc.text = parts.join("\n");
    docs.push(doc);
    doc = undefined;
  };

  for (const line of source.split(/\r?\n/)) {
    if (line.startsWith("#")) {
      const m = /^#\s*([^=]+?)\s*=\s?(.*)$/.exec(line);
      if (!m) continue;
      const [, key, value = ""] = m;
      if (key === "newdoc id") startDoc(value.trim());
      else if (key === "global.Entity") fields = entityFields(value.trim());
      else if (key === "text") {
        if (!doc) startDoc(fallbackId);
        sentenceAt = parts.reduce((n, p) => n + p.length + 1, 0);
        sentenceText = value;
        parts.push(value);
        sentenceBase = doc?.words.length ?? 0;
        cursor = 0;
        multiword = undefined;
      }
      continue;
    }
    const cols = line.split("\t");
    if (cols.length < 10 || !doc) continue;
    const [id = "", form = "", , upos = "", xpos = "", , head = "0", , , misc = ""] = cols;
    if (id.includes(".")) continue; // empty node
    const range = /^(\d+)-(\d+)$/.exec(id);
    if (range) {
      const at = locate(sentenceText, form, cursor);
      multiword = undefined;
      if (at >= 0) {
        cursor = at + form.length;
        multiword = { to: Number(range[2]), start: at, end: cursor, next: at };
      }
      continue;
    }
    const n = Number(id);
    let [start, end] = [-1, -1];
    if (multiword && n <= multiword.to) {
      // A part of a multiword token: its own sub-span when its form comes next inside the surface, else the surface.
      const at = locate(sentenceText, form, multiword.next);
      if (at >= 0 && at + form.length <= multiword.end) [start, end] = [at, at + form.length];
      else [start, end] = [multiword.start, multiword.end];
      multiword.next = end;
      if (n === multiword.to) multiword = undefined;
    } else {
      const at = locate(sentenceText, form, cursor);
      if (at >= 0) {
        [start, end] = [at, at + form.length];
        cursor = end;
      }
    }
    const index = doc.words.length;
    const headNo = Number(head);
    doc.words.push({
      form,
      upos,
      xpos,
      head: headNo > 0 ? sentenceBase + headNo - 1 : -1,
      start: start >= 0 ? sentenceAt + start : -1,
      end: start >= 0 ? sentenceAt + end : -1,
    });
    readEntities(misc, index, fields, open, doc.mentions);
  }
  finishDoc();
  return docs;
}

/** Applies one word's `Entity=` annotation: opens and closes mentions at word `index`. */
function readEntities(
  misc: string,
  index: number,
  fields: ReturnType<typeof entityFields>,
  open: Map<string, Mention[]>,
  done: Mention[],
): void {
  const entity = misc.split("|").find((f) => f.startsWith("Entity="));
  if (!entity) return;
  for (const item of parseEntityValue(entity.slice("Entity=".length))) {
    if (item.kind === "open") {
      const f = item.fields;
      // An identity may itself hold "-" (escaped as %2D in GUM, but be safe): it takes the remaining fields.
      const identity = f.length > fields.identity ? f.slice(fields.identity).join("-") : undefined;
      const mention: Mention = {
        etype: f[fields.etype] ?? "",
        identity: decodeIdentity(identity),
        first: index,
        last: index,
      };
      const id = f[fields.id] ?? "";
      if (item.closes) done.push(mention);
      else open.set(id, [...(open.get(id) ?? []), mention]);
    } else {
      const stack = open.get(item.id);
      const mention = stack?.pop();
      if (!mention) continue;
      mention.last = index;
      done.push(mention);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Gold name spans

const JOINERS = new Set(["of", "the", "and", "&", "-"]);
/** Capitalised titles and honorifics that come before a person's name and are no part of it in the gold. */
const TITLES = new Set(
  (
    "mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady president vice senator sen. representative rep. " +
    "minister prime chancellor secretary governor gov. mayor king queen prince princess pope general gen. " +
    "colonel col. captain capt. judge justice chairman chairwoman chief director professor"
  ).split(" "),
);
const isPropn = (w: Word | undefined) => w?.upos === "PROPN" || !!w?.xpos.startsWith("NNP");
const isJoiner = (w: Word | undefined, label: Label) =>
  !!w && (label === "PER" ? w.form === "-" : JOINERS.has(w.form.toLowerCase()));
const isTitle = (w: Word | undefined) => !!w && TITLES.has(w.form.toLowerCase());
const squash = (s: string) => foldLower(s).replace(/[\s_]+/g, "");

/** The head of words first..last: the first whose dependency head lies outside them. */
export function headOf(words: readonly Word[], first: number, last: number): number {
  for (let i = first; i <= last; i++) {
    const h = words[i]?.head ?? -1;
    if (h < first || h > last) return i;
  }
  return last;
}

/** The maximal PROPN run (joiners allowed between PROPN words) around `at`, within lo..hi. */
export function propnRun(words: readonly Word[], at: number, lo: number, hi: number, label: Label): [number, number] {
  let first = at;
  let last = at;
  for (let j = first - 1; j >= lo; j--) {
    if (isPropn(words[j])) first = j;
    else if (!isJoiner(words[j], label)) break;
  }
  for (let j = last + 1; j <= hi; j++) {
    if (isPropn(words[j])) last = j;
    else if (!isJoiner(words[j], label)) break;
  }
  return [first, last];
}

/** The longest PROPN run inside mention `m` outside its nested mentions (the first of equal length), or undefined. */
function longestPropnRun(doc: GumDocument, m: Mention, label: Label): [number, number] | undefined {
  const { words } = doc;
  const [lo, hi] = [m.first, m.last];
  const nested = doc.mentions.filter((o) => o !== m && o.first >= lo && o.last <= hi && o.last - o.first < hi - lo);
  let best: [number, number] | undefined;
  for (let i = lo; i <= hi; i++) {
    if (!isPropn(words[i]) || nested.some((o) => o.first <= i && i <= o.last)) continue;
    const run = propnRun(words, i, lo, hi, label);
    if (!best || run[1] - run[0] > best[1] - best[0]) best = run;
    i = run[1];
  }
  return best;
}

/** Where the identity's title ("Bank_of_Spain", disambiguator dropped) is written word for word in the mention. */
export function titleInMention(doc: GumDocument, m: Mention): [number, number] | undefined {
  if (!m.identity || m.last - m.first > 40) return undefined;
  const title = squash(m.identity.replace(/_\([^)]*\)$/, ""));
  if (!title) return undefined;
  for (let i = m.first; i <= m.last; i++) {
    let joined = "";
    for (let j = i; j <= m.last; j++) {
      joined += squash(doc.words[j]?.form ?? "");
      if (joined === title) return [i, j];
      if (!title.startsWith(joined)) break;
    }
  }
  return undefined;
}

/** Is another, shorter mention of the same type inside `m` holding its head word? Then that one names it. */
function wrapsSameHead(doc: GumDocument, m: Mention, head: number): boolean {
  return doc.mentions.some(
    (o) =>
      o !== m &&
      o.etype === m.etype &&
      o.first >= m.first &&
      o.last <= m.last &&
      o.last - o.first < m.last - m.first &&
      o.first <= head &&
      head <= o.last,
  );
}

/** A person's run without the titles before the name ("Prime Minister John Key" -> "John Key"); none if all title. */
function dropTitles(words: readonly Word[], run: [number, number]): [number, number] | undefined {
  let first = run[0];
  for (let i = run[0]; i <= run[1]; i++) if (isTitle(words[i])) first = i + 1;
  return first <= run[1] ? [first, run[1]] : undefined;
}

/** A run trimmed at its edges to words of the identity's title ("President Obama", Barack_Obama -> "Obama"). */
function trimToTitle(words: readonly Word[], run: [number, number], identity: string): [number, number] {
  const titleWords = new Set(identity.split(/[_\s]+/).map((w) => foldLower(w)));
  const inTitle = (i: number) => titleWords.has(foldLower(words[i]?.form ?? ""));
  let [first, last] = run;
  while (first <= last && !inTitle(first)) first++;
  while (last >= first && !inTitle(last)) last--;
  return first <= last ? [first, last] : run;
}

/** The words that name mention `m`, by the conversion rule in the header, or undefined when it is no name. */
export function nameWords(
  doc: GumDocument,
  m: Mention,
  label: Label,
): { run: [number, number]; direct: boolean } | undefined {
  const words = doc.words;
  const head = headOf(words, m.first, m.last);
  const direct = isPropn(words[head]);
  if (!direct && !m.identity) return undefined;
  if (wrapsSameHead(doc, m, head)) return undefined;
  if (label === "PER" && direct && words[head]?.xpos === "NNPS") return undefined; // "Americans", "Democrats"
  const titled = titleInMention(doc, m);
  if (titled) {
    if (titled[0] < titled[1] && words[titled[0]]?.form === "the") titled[0]++; // "the New Zealand Herald"
    return { run: titled, direct: true };
  }
  let run = direct ? propnRun(words, head, m.first, m.last, label) : longestPropnRun(doc, m, label);
  if (run && label === "PER") run = dropTitles(words, run);
  if (run && m.identity) run = trimToTitle(words, run, m.identity);
  return run ? { run, direct } : undefined;
}

/** The gold names of a document, by the conversion rule in the header, in text order. */
export function goldNames(doc: GumDocument): GoldName[] {
  const chosen = new Map<string, { name: GoldName; direct: boolean; width: number }>();
  for (const m of doc.mentions) {
    const label = LABEL_OF_ETYPE[m.etype];
    if (!label) continue;
    const found = nameWords(doc, m, label);
    if (!found) continue;
    const { run, direct } = found;
    const start = doc.words[run[0]]?.start ?? -1;
    const end = doc.words[run[1]]?.end ?? -1;
    if (start < 0 || end < 0) continue;
    const name: GoldName = { start, end, label, text: doc.text.slice(start, end), identity: m.identity };
    const key = `${start}:${end}`;
    const width = m.last - m.first;
    const prior = chosen.get(key);
    if (!prior || (direct && !prior.direct) || (direct === prior.direct && width < prior.width)) {
      chosen.set(key, { name, direct, width });
    }
  }
  return [...chosen.values()].map((c) => c.name).sort((a, b) => a.start - b.start || a.end - b.end);
}

// ---------------------------------------------------------------------------------------------------------------
// System names

/** The recogniser's PER/ORG/LOC names in a text, as `heartland tag` labels them (roles, pronouns, MISC left out). */
export function systemNames(text: string): SystemName[] {
  const { linked } = recognise(text, annotate(text), null, knowledgeBase());
  const out = new Map<string, SystemName>();
  for (const l of linked) {
    if (l.form === "role" || l.form === "pronoun" || l.form === "demonym") continue;
    const label = LABEL_OF_TYPE[l.entity.type];
    if (label === "MISC") continue;
    const key = `${l.start}:${l.end}:${label}`;
    if (out.has(key)) continue;
    const kbId = l.entity.key.startsWith("new/") ? null : l.entity.key;
    out.set(key, { start: l.start, end: l.end, label, text: text.slice(l.start, l.end), kbId });
  }
  return [...out.values()];
}

// ---------------------------------------------------------------------------------------------------------------
// Scores

export interface Counts {
  tp: number;
  system: number;
  gold: number;
}
export type CountTable = Record<Label | "all" | "untyped", Counts>;
export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  system: number;
  gold: number;
}

export function emptyCounts(): CountTable {
  const z = () => ({ tp: 0, system: 0, gold: 0 });
  return { PER: z(), ORG: z(), LOC: z(), all: z(), untyped: z() };
}

/** Exact-span matches with type (per label and overall) and without type (untyped). */
export function countMatches(gold: readonly NameSpan[], system: readonly NameSpan[]): CountTable {
  const t = emptyCounts();
  const typed = (s: NameSpan) => `${s.start}:${s.end}:${s.label}`;
  const bare = (s: NameSpan) => `${s.start}:${s.end}`;
  const goldTyped = new Set(gold.map(typed));
  for (const g of new Map(gold.map((s) => [typed(s), s])).values()) {
    t[g.label].gold++;
    t.all.gold++;
  }
  for (const s of new Map(system.map((x) => [typed(x), x])).values()) {
    t[s.label].system++;
    t.all.system++;
    if (goldTyped.has(typed(s))) {
      t[s.label].tp++;
      t.all.tp++;
    }
  }
  const goldBare = new Set(gold.map(bare));
  const sysBare = new Set(system.map(bare));
  t.untyped = { tp: [...sysBare].filter((k) => goldBare.has(k)).length, system: sysBare.size, gold: goldBare.size };
  return t;
}

export function addCounts(into: CountTable, more: CountTable): CountTable {
  for (const k of Object.keys(into) as (keyof CountTable)[]) {
    into[k].tp += more[k].tp;
    into[k].system += more[k].system;
    into[k].gold += more[k].gold;
  }
  return into;
}

export function prf(c: Counts): Prf {
  const precision = c.system ? c.tp / c.system : 0;
  const recall = c.gold ? c.tp / c.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp: c.tp, system: c.system, gold: c.gold };
}

// ---------------------------------------------------------------------------------------------------------------
// Linking

/** Folded name -> KB ids bearing it as name or alias (case and accents folded, white space collapsed). */
export function titleIndex(entries: readonly Pick<KbEntry, "id" | "name" | "aliases">[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const e of entries) {
    for (const n of new Set([e.name, ...e.aliases].map(foldName))) {
      const ids = index.get(n) ?? [];
      if (!ids.includes(e.id)) ids.push(e.id);
      index.set(n, ids);
    }
  }
  return index;
}

function foldName(name: string): string {
  return foldLower(name.normalize("NFC")).replace(/\s+/g, " ").trim();
}

/**
 * The KB entry a Wikipedia title stands for: the one entry whose name or alias is the title (underscores read as
 * spaces); failing that, the one entry for the title without its "_(disambiguator)". Undefined when none or several.
 */
export function kbIdForTitle(title: string, index: Map<string, string[]>): string | undefined {
  const plain = title.replace(/_/g, " ");
  const exact = index.get(foldName(plain)) ?? [];
  if (exact.length === 1) return exact[0];
  if (exact.length > 1) return undefined;
  const bare = plain.replace(/\s*\([^)]*\)\s*$/, "");
  if (bare === plain) return undefined;
  const loose = index.get(foldName(bare)) ?? [];
  return loose.length === 1 ? loose[0] : undefined;
}

export interface LinkCounts {
  /** Gold names with a Wikipedia identity. */
  withIdentity: number;
  /** Of those, the ones whose identity maps to exactly one KB entry (they count for linking). */
  inKb: number;
  /** Linked to that entry by a system mention overlapping the gold span. */
  correct: number;
  /** Not correct, but a system mention overlapping the span links it to another KB entry. */
  wrong: number;
}

export function emptyLinkCounts(): LinkCounts {
  return { withIdentity: 0, inKb: 0, correct: 0, wrong: 0 };
}

/** Linking counts for one document; `misses` collects the KB-held names not linked to their entry. */
export function countLinks(
  gold: readonly GoldName[],
  system: readonly SystemName[],
  index: Map<string, string[]>,
  misses?: { text: string; expected: string; got: string | null }[],
): LinkCounts {
  const c = emptyLinkCounts();
  for (const g of gold) {
    if (!g.identity) continue;
    c.withIdentity++;
    const expected = kbIdForTitle(g.identity, index);
    if (!expected) continue;
    c.inKb++;
    const overlapping = system.filter((s) => s.start < g.end && s.end > g.start);
    if (overlapping.some((s) => s.kbId === expected)) {
      c.correct++;
      continue;
    }
    const other = overlapping.find((s) => s.kbId !== null);
    if (other) c.wrong++;
    misses?.push({ text: g.text, expected, got: other?.kbId ?? null });
  }
  return c;
}

function addLinkCounts(into: LinkCounts, more: LinkCounts): LinkCounts {
  into.withIdentity += more.withIdentity;
  into.inKb += more.inKb;
  into.correct += more.correct;
  into.wrong += more.wrong;
  return into;
}

// ---------------------------------------------------------------------------------------------------------------
// Running it

export interface DocResult {
  id: string;
  genre: string;
  counts: CountTable;
  links: LinkCounts;
  missed: { text: string; label: Label }[];
  spurious: { text: string; label: Label }[];
  linkMisses: { text: string; expected: string; got: string | null }[];
}

/** Scores one GUM document. */
export function evaluateDocument(doc: GumDocument, genre: string, index: Map<string, string[]>): DocResult {
  const gold = goldNames(doc);
  const system = systemNames(doc.text);
  const key = (s: NameSpan) => `${s.start}:${s.end}:${s.label}`;
  const goldKeys = new Set(gold.map(key));
  const sysKeys = new Set(system.map(key));
  const linkMisses: DocResult["linkMisses"] = [];
  return {
    id: doc.id,
    genre,
    counts: countMatches(gold, system),
    links: countLinks(gold, system, index, linkMisses),
    missed: gold.filter((g) => !sysKeys.has(key(g))).map((g) => ({ text: g.text, label: g.label })),
    spurious: system.filter((s) => !goldKeys.has(key(s))).map((s) => ({ text: s.text, label: s.label })),
    linkMisses,
  };
}

export interface Summary {
  documents: number;
  recognition: Record<Label | "all" | "untyped", Prf>;
  linking: LinkCounts & { accuracy: number };
}

export function summarise(results: readonly DocResult[]): Summary {
  const counts = emptyCounts();
  const links = emptyLinkCounts();
  for (const r of results) {
    addCounts(counts, r.counts);
    addLinkCounts(links, r.links);
  }
  return {
    documents: results.length,
    recognition: {
      PER: prf(counts.PER),
      ORG: prf(counts.ORG),
      LOC: prf(counts.LOC),
      all: prf(counts.all),
      untyped: prf(counts.untyped),
    },
    linking: { ...links, accuracy: links.inKb ? links.correct / links.inKb : 0 },
  };
}

function genreOf(file: string): string {
  return /^GUM_([a-z]+)_/.exec(basename(file))?.[1] ?? "other";
}

/** The CoNLL-U files of the chosen genres (or named documents) under the GUM folder. */
function gumFiles(dir: string, genres: readonly string[], docs: readonly string[]): string[] {
  const conllu = join(dir, "conllu");
  return readdirSync(conllu)
    .filter((f) => f.endsWith(".conllu"))
    .filter((f) => (docs.length ? docs.includes(f.replace(/\.conllu$/, "")) : genres.includes(genreOf(f))))
    .sort()
    .map((f) => join(conllu, f));
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

function formatSummary(name: string, s: Summary): string[] {
  const row = (label: string, p: Prf) =>
    `  ${label.padEnd(8)} P ${pct(p.precision)}  R ${pct(p.recall)}  F1 ${pct(p.f1)}   (${p.tp} of ${p.system} system, ${p.gold} gold)`;
  const l = s.linking;
  return [
    `${name} (${s.documents} document${s.documents === 1 ? "" : "s"})`,
    row("PER", s.recognition.PER),
    row("ORG", s.recognition.ORG),
    row("LOC", s.recognition.LOC),
    row("all", s.recognition.all),
    row("untyped", s.recognition.untyped),
    `  linking  ${l.withIdentity} gold names with a Wikipedia identity, ${l.inKb} held by the KB: ` +
      `accuracy ${pct(l.accuracy).trim()}% (${l.correct} of ${l.inKb}), ${l.wrong} linked to another KB entity`,
  ];
}

function formatMisses(r: DocResult): string[] {
  const list = (xs: { text: string; label: Label }[]) => xs.map((x) => `${x.text} (${x.label})`).join("; ") || "-";
  const out = [`${r.id}`, `  missed:   ${list(r.missed)}`, `  spurious: ${list(r.spurious)}`];
  if (r.linkMisses.length) {
    out.push(
      `  links:    ${r.linkMisses.map((m) => `${m.text} -> ${m.got ?? "none"} (want ${m.expected})`).join("; ")}`,
    );
  }
  return out;
}

function listArg(args: readonly string[], flag: string): string[] | undefined {
  const at = args.indexOf(flag);
  if (at < 0) return undefined;
  return (args[at + 1] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export function main(args: readonly string[]): number {
  if (!existsSync(join(GUM_DIR, "conllu"))) {
    process.stderr.write(
      `eval:gum: the GUM corpus is missing (${GUM_DIR}); ../shared must sit beside the repository\n`,
    );
    return 2;
  }
  const genres = listArg(args, "--genres") ?? DEFAULT_GENRES;
  const docs = listArg(args, "--doc") ?? [];
  const files = gumFiles(GUM_DIR, genres, docs);
  if (files.length === 0) {
    process.stderr.write(`eval:gum: no GUM documents for ${docs.length ? docs.join(",") : genres.join(",")}\n`);
    return 2;
  }
  const started = performance.now();
  const index = titleIndex(knowledgeBase().entries);
  const results: DocResult[] = [];
  for (const file of files) {
    const fallback = basename(file, ".conllu");
    for (const doc of parseConllu(readFileSync(file, "utf8"), fallback)) {
      results.push(evaluateDocument(doc, genreOf(file), index));
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const byGenre = [...new Set(results.map((r) => r.genre))];
  const summaries: Record<string, Summary> = {};
  for (const g of byGenre) summaries[g] = summarise(results.filter((r) => r.genre === g));
  summaries.total = summarise(results);
  if (args.includes("--json")) {
    const json: Record<string, unknown> = { seconds: Number(seconds.toFixed(2)), ...summaries };
    if (args.includes("--misses")) {
      json.misses = results.map((r) => ({
        id: r.id,
        missed: r.missed,
        spurious: r.spurious,
        linkMisses: r.linkMisses,
      }));
    }
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  const out: string[] = [];
  if (args.includes("--misses")) for (const r of results) out.push(...formatMisses(r));
  for (const [name, s] of Object.entries(summaries)) out.push(...formatSummary(name, s));
  out.push(`${results.length} document(s) in ${seconds.toFixed(1)} s`);
  process.stdout.write(`${out.join("\n")}\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv.slice(2));
}
