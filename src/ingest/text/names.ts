// Author names: person-name shape, bylines ("By Jane Doe and John Roe"), bios ("Jane Doe is a fellow at ...").
import { englishLexicon, isKnownWord } from "./lexicon.js";

/** Name particles written in lower case inside a name ("Ursula von der Leyen"). */
const PARTICLES = new Set([
  "de",
  "del",
  "della",
  "der",
  "di",
  "da",
  "du",
  "van",
  "von",
  "bin",
  "binti",
  "al",
  "el",
  "la",
  "le",
  "ibn",
]);

/** Words that make a capitalised phrase an organisation, a heading or a role rather than a person. */
const NOT_A_NAME = new Set(
  (
    "the a an and or of for in on at to by with from about our your my his her its their this that these those " +
    "press news times post journal herald tribune review magazine daily weekly agency agencies reuters afp ap bbc cnn " +
    "staff editor editors editorial desk team service services media online bureau correspondent correspondents reporter " +
    "reporters writer writers contributor contributors newsroom wire wires network group institute university school " +
    "centre center council foundation forum initiative project society association ministry government office " +
    "international national global world asia africa europe america china russia india recent future related trends " +
    "outlook responses response authors author guest guests comments comment share image photo logo posts tagged archive " +
    "archives category province region city state republic party union summit analysis opinion explainer update live"
  ).split(" "),
);

/** A capitalised word with some lower case ("Jean-Luc", "O’Brien", "McDonald") or an initial ("J."). */
const NAME_WORD = /^(?:\p{Lu}(?=[\p{L}’'-]*\p{Ll})[\p{L}’'-]+|\p{Lu}\.|\p{Lu}\.\p{Lu}\.)$/u;

/** Does the phrase look like a personal name: 2 to 4 capitalised words, no organisation or heading words? */
export function isPersonName(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  let capitalised = 0;
  for (const [i, w] of words.entries()) {
    if (PARTICLES.has(w) && i > 0 && i < words.length - 1) continue;
    if (!NAME_WORD.test(w) || NOT_A_NAME.has(w.toLowerCase())) return false;
    capitalised++;
  }
  // The last word is a surname, not an initial.
  return capitalised >= 2 && !/\.$/.test(words[words.length - 1] ?? "");
}

/**
 * A line that is nothing but a personal name, as header blocks print their authors: 2 or 3 words (initials
 * aside) and not all of them common English words, so "River Talks Again" is a headline, not a name.
 */
export function isNameLine(line: string): boolean {
  const t = line.trim();
  if (!isPersonName(t)) return false;
  const words = t.split(/\s+/).filter((w) => !/^\p{Lu}\.(?:\p{Lu}\.)?$/u.test(w));
  if (words.length < 2 || words.length > 3) return false;
  const lex = englishLexicon();
  return !lex || !words.every((w) => isKnownWord(w.toLowerCase(), lex));
}

/** Names in a byline line ("By Jane Doe and John Roe", "Posted by Jane Doe | Reuters"); [] when not a byline. */
export function readByline(line: string): string[] {
  const m = /^(?:(?:written|posted|story|words|reporting|text|analysis|commentary)\s+)?by[:\s]\s*(.+)$/i.exec(
    line.trim(),
  );
  if (!m?.[1]) return [];
  const body = (m[1].split(/(?<!\s)(?:\s*[|•·]\s*|\s+[-–—]\s+|\s+on\s+|\s+in\s+)/)[0] ?? "").replace(/[.,;:]+$/, "");
  const names: string[] = [];
  for (const part of body.split(/(?<!\s)(?:\s*,\s*|\s+and\s+|\s*&\s*)/)) {
    const name = part.trim();
    if (isPersonName(name)) names.push(name);
  }
  return names;
}

/** Headers that introduce author bios ("About the author", "Guest Authors", "About the Authors"). */
export const ABOUT_AUTHOR =
  /^(?:about the (?:authors?|writers?|contributors?)|(?:guest |the )?(?:authors?|contributors?)|author bios?)\s*:?\s*$/i;

/** Role words of an author bio. */
const ROLE =
  /\b(?:fellow|professor|lecturer|analyst|researcher|research|scholar|candidate|student|journalist|correspondent|editor|columnist|writer|author|co-author|reporter|founder|director|associate|advis[eo]r|consultant|contributor|economist|historian|specialist|coordinator|expert|practitioner|diplomat)\b/i;
/** Institution words that anchor a bio outside an "About the author" section. */
const INSTITUTION =
  /\b(?:University|Institute|Institution|School|College|Centre|Center|Foundation|Council|Forum|Initiatives?|Programme|Program|Project|Society|Academy|Association|Endowment|Fund|Think tank|think tank|Times|Post|Journal|Review|Magazine|News|Press|LSE|RUSI|author of)\b/;

const BIO_START =
  /^(\p{Lu}[\p{L}’'.-]*(?:\s+(?:\p{Lu}[\p{L}’'.-]*|de|del|der|di|da|du|van|von|bin|al|el|la|le)){1,4})(?:,\s+(?:a|an|the)\s[^.]{3,200}?,)?\s+(?:is|was|has been|serves as|works as)\s/u;

/**
 * The author named by a bio paragraph ("Jane Doe is a research associate at the X Institute", "Jane Doe, a former
 * diplomat, is founder of Y"), or null. `inAboutSection` relaxes the need for an institution word.
 */
export function readBio(paragraph: string, inAboutSection: boolean): string | null {
  const text = paragraph.replace(/^about the authors?\s*:\s*/i, "").trim();
  const m = BIO_START.exec(text);
  const name = m?.[1];
  if (!name || !isPersonName(name)) return null;
  const words = text.match(/\S+/g)?.length ?? 0;
  if (words > 120 || !ROLE.test(text)) return null;
  return inAboutSection || INSTITUTION.test(text) ? name : null;
}
