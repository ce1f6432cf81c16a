// Quotes: words inside quotation marks, with the person or body that said them.
//
// Forms read (every one needs a cue outside the marks; words inside a quotation never count as a cue):
//   X said, "..."            X told reporters: "..."        X said his country would "..."
//   "...," said X            "...," X said                 "...," he/she said (the last person named before)
//   according to X, "..."    X issued a statement praising "..."  As the study points out, "..." (the last body named)
//   "part one," she said, "part two."  -> one quote
//   a quotation that is a whole sentence right after an attributed one  -> the same speaker
// Scare quotes are not quotes: a quotation under four words needs a speech verb that governs it directly
// ("described the deal as “unfair”", "voiced ‘alarm’ over"), or a "..., X said" cue; titles of
// articles and books (Title Case, no speech cue) are skipped, as are quotations with no named speaker.
import type { Token } from "../../nlp/annotate.js";
import type { QuoteFact, Sentence } from "../../types.js";
import { lastStartingBefore } from "../../util/spans.js";
import { type ExtractContext, evidenceOf, type ResolvedMention } from "../context.js";
import { type QuoteSpan, quoteSpans, quoteText } from "./marks.js";

/** Verbs of saying, in every written form we expect. */
const SPEECH_VERB =
  /^(?:say|says|said|saying|state|states|stated|stating|tell|tells|told|telling|add|adds|added|adding|note|notes|noted|noting|explain|explains|explained|explaining|argue|argues|argued|arguing|write|writes|wrote|writing|declare|declares|declared|declaring|announce|announces|announced|announcing|insist|insists|insisted|insisting|emphasi[sz]e|emphasi[sz]es|emphasi[sz]ed|emphasi[sz]ing|stress|stresses|stressed|stressing|warn|warns|warned|warning|claim|claims|claimed|claiming|opine|opines|opined|assert|asserts|asserted|asserting|remark|remarks|remarked|observe|observes|observed|comment|comments|commented|commenting|describe|describes|described|describing|call|calls|called|calling|urge|urges|urged|urging|affirm|affirms|affirmed|reaffirmed|reiterate|reiterates|reiterated|reiterating|reply|replies|replied|respond|responds|responded|acknowledge|acknowledges|acknowledged|admit|admits|admitted|conclude|concludes|concluded|suggest|suggests|suggested|suggesting|promise|promises|promised|pledge|pledges|pledged|vow|vows|vowed|express|expresses|expressed|expressing|voice|voices|voiced|accuse|accuses|accused|accusing|criticise|criticises|criticised|criticising|criticize|criticizes|criticized|criticizing|praise|praises|praised|praising|laud|lauds|lauded|lauding|hail|hails|hailed|hailing|condemn|condemns|condemned|condemning|tweet|tweets|tweeted|tweeting|mention|mentions|mentioned|mentioning|recall|recalls|recalled|predict|predicts|predicted|ask|asks|asked|asking|continue|continues|continued|quip|quipped|joke|joked|boast|boasted|complain|complained|complains|reply|proclaim|proclaimed|confirm|confirms|confirmed|deny|denies|denied|demand|demands|demanded|threaten|threatens|threatened|quoted)$/;
/** "points out", "pointed to": a speech verb only with its particle. */
const POINT_VERB = /^(?:point|points|pointed|pointing)$/;
/** Speech verbs that may govern a short quoted term directly ("described it as “neutral”"). */
const SHORT_CUE =
  /^(?:describe|describes|described|describing|call|calls|called|calling|term|terms|termed|label(?:l)?ed|labels|brand|branded|brands|express|expresses|expressed|expressing|voice|voiced|voices|declare|declares|declared|declaring|say|says|said|state|states|stated|insist|insisted|insists|claim|claimed|claims|dub|dubbed|dubs)$/;
/** Nouns that carry words (a quotation after one needs a named source). */
const SPEECH_NOUN =
  /^(?:statement|statements|message|messages|remarks|speech|letter|interview|communiqu[eé]|report|article|op-ed|editorial|post|tweet|briefing|address|declaration|blog|comments|commentary|announcement|note|readout)$/;
/** Definite descriptions that stand for a source named earlier: "the report says", "the ministry said". */
const SOURCE_BODY =
  /^(?:report|study|survey|paper|statement|ministry|agency|government|newspaper|paper|outlet|institute|embassy|organisation|organization|group|party|company|firm|bank|council|committee|commission|office|website|channel|broadcaster|daily|tabloid|communiqu[eé])$/;
const SOURCE_PERSON =
  /^(?:spokesman|spokeswoman|spokesperson|minister|president|ambassador|envoy|official|leader|premier|chairman|chairwoman|chair|commander|general|director|analyst|expert|professor|author|diplomat|secretary|governor|mayor|senator|chief|head|ruler|king|emperor|prince)$/;
const PRONOUN: Record<string, "male" | "female" | "body"> = { he: "male", she: "female", it: "body" };
/** Words skipped when walking back from a verb to its subject. */
const SKIP_BACK =
  /^(?:also|further|then|later|previously|recently|once|again|repeatedly|publicly|reportedly|separately|earlier|has|have|had|did|does|do|was|were|is|are|would|will|had|to|,|just|even|only|similarly|likewise|already|first|last|clearly|explicitly|openly|directly|privately|once|also)$/i;
const COPULA =
  /^(?:was|is|were|are|be|been|being|it|he|she|they|that|as|a|an|the|its|his|her|their|this|these|those|position|stance|situation|move|decision|policy|them|him|us|we|i|you)$/i;
const DETERMINER = /^(?:the|a|an|its|their|his|her|our|this|that|these|those|'s|’s)$/i;
const SPEAKER_TYPES = new Set(["person", "organization", "country"]);
/** How far before a quotation (in tokens) a cue may sit. */
const CUE_WINDOW = 60;

class Reader {
  readonly ctx: ExtractContext;
  readonly text: string;
  readonly tokens: Token[];
  readonly quotes: QuoteSpan[];
  readonly speakers: ResolvedMention[];

  constructor(ctx: ExtractContext, quotes: QuoteSpan[]) {
    this.ctx = ctx;
    this.text = ctx.doc.text;
    this.tokens = ctx.annotation.tokens;
    this.quotes = quotes;
    this.speakers = ctx.mentions
      .filter((m) => SPEAKER_TYPES.has(m.entity.type) && !this.inQuote(m.start))
      .sort((a, b) => a.start - b.start);
  }

  /** Is a character offset inside a quotation (marks included)? */
  inQuote(at: number): boolean {
    let lo = 0;
    let hi = this.quotes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const q = this.quotes[mid] as QuoteSpan;
      if (at < q.open) hi = mid - 1;
      else if (at >= q.close) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** Index of the first token starting at or after `at`. */
  tokenAt(at: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.tokens[mid] as Token).start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  word(i: number): string {
    return (this.tokens[i]?.text ?? "").toLowerCase().replace(/[’‘`]/g, "'");
  }

  /** The speaker mention covering a character offset, if any. */
  mentionAt(at: number): ResolvedMention | undefined {
    // speakers are in text order: the last one starting at or before `at`, and a few before it (nesting)
    let lo = 0;
    let hi = this.speakers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.speakers[mid] as ResolvedMention).start <= at) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && i >= lo - 4; i--) {
      const m = this.speakers[i] as ResolvedMention;
      if (m.start <= at && at < m.end) return m;
    }
    return undefined;
  }

  /**
   * A bare family name the entity stage left unlinked ("Harvard's Okafor said"): the one person named before
   * whose name begins or ends with it. A synthetic mention over the token, or undefined when none or several fit.
   */
  surname(i: number): ResolvedMention | undefined {
    const t = this.tokens[i];
    if (t?.pos !== "PROPN" || !/^\p{Lu}\p{Ll}+$/u.test(t.text)) return undefined;
    // The persons whose name opens or ends with the word, in order of their first mention: exactly one of them must
    // be named before the token.
    let fit: ResolvedMention[] | undefined;
    for (const named of this.byNamePart().get(t.text) ?? []) {
      if ((named[0] as ResolvedMention).start >= t.start) break;
      if (fit) return undefined;
      fit = named;
    }
    if (!fit) return undefined;
    const m = fit[lastStartingBefore(fit, t.start)] as ResolvedMention;
    return { ...m, start: t.start, end: t.end, text: t.text, form: "short", sentence: t.sentence };
  }

  private namePartIndex: Map<string, ResolvedMention[][]> | undefined;

  /**
   * Person mentions (as speakers: outside quotations) by the first and the last word of the person's name (of two
   * words or more): one list of mentions per person, the persons in order of their first mention.
   */
  private byNamePart(): Map<string, ResolvedMention[][]> {
    if (this.namePartIndex) return this.namePartIndex;
    const byKey = new Map<string, ResolvedMention[]>();
    const index = new Map<string, ResolvedMention[][]>();
    for (const m of this.speakers) {
      if (m.entity.type !== "person") continue;
      let list = byKey.get(m.key);
      if (!list) {
        list = [];
        byKey.set(m.key, list);
        const parts = m.entity.name.split(/\s+/);
        if (parts.length > 1) {
          for (const part of new Set([parts[0] as string, parts[parts.length - 1] as string])) {
            const persons = index.get(part) ?? [];
            persons.push(list);
            index.set(part, persons);
          }
        }
      }
      list.push(m);
    }
    this.namePartIndex = index;
    return index;
  }

  private pronouns: ResolvedMention[] | undefined;

  /** The pronoun mention covering a character offset. */
  pronounAt(at: number): ResolvedMention | undefined {
    this.pronouns ??= this.ctx.mentions.filter((m) => m.form === "pronoun");
    const i = lastStartingBefore(this.pronouns, at + 1);
    for (let k = Math.max(0, i - 1); k <= i; k++) {
      const m = this.pronouns[k] as ResolvedMention;
      if (m.start <= at && at < m.end) return m;
    }
    return undefined;
  }

  /** The last person named before `at` (outside quotations), of the pronoun's gender when the KB knows it. */
  antecedent(at: number, kind: "male" | "female" | "body", sentenceFloor: number): ResolvedMention | undefined {
    const pronoun = this.pronounAt(at);
    if (pronoun && SPEAKER_TYPES.has(pronoun.entity.type)) return pronoun;
    // the latest sentence naming a fitting candidate; in it, the first one that is not the object of a
    // preposition ("during Sato's visit to X, ... he said" -> Sato), else the last one
    let sentence = -1;
    const inSentence: ResolvedMention[] = [];
    for (let i = lastStartingBefore(this.speakers, at); i >= 0; i--) {
      const m = this.speakers[i] as ResolvedMention;
      if (m.sentence < sentenceFloor || (sentence >= 0 && m.sentence !== sentence)) break;
      if (kind === "body") {
        if (m.entity.type === "organization") return m;
        continue;
      }
      if (m.entity.type !== "person" || m.form === "pronoun") continue;
      const gender = (m.entity as { gender?: string }).gender;
      if (gender && gender !== kind) continue;
      sentence = m.sentence;
      inSentence.unshift(m);
    }
    const free = inSentence.filter((m) => !this.isOblique(m));
    const here = this.tokens[this.tokenAt(at)]?.sentence === sentence;
    // in the pronoun's own sentence the nearest name before it; in an earlier one its subject-like first name
    return (here ? free[free.length - 1] : free[0]) ?? inSentence[inSentence.length - 1];
  }

  /** "with Deputy Prime Minister X", "to X": a name in a prepositional phrase (not a possessor). */
  isOblique(m: ResolvedMention): boolean {
    const first = this.tokenAt(m.start);
    const after = this.word(this.tokenAt(m.end));
    if (after === "'s" || after === "'" || /^['’]s$/.test(after)) return false;
    for (let i = first - 1, hops = 0; i >= 0 && hops < 6; i--, hops++) {
      const t = this.tokens[i] as Token;
      if (t.pos === "ADP") return true;
      if (!/^(?:PROPN|NOUN|ADJ)$/.test(t.pos) || this.mentionAt(t.start)) return false;
    }
    return false;
  }

  /** The last mention of a type named within a few sentences before `at`. */
  lastBefore(at: number, types: string[], sentenceFloor: number): ResolvedMention | undefined {
    for (let i = lastStartingBefore(this.speakers, at); i >= 0; i--) {
      const m = this.speakers[i] as ResolvedMention;
      if (m.sentence < sentenceFloor) break;
      if (types.includes(m.entity.type) && m.form !== "demonym") return m;
    }
    return undefined;
  }

  /**
   * The subject of the verb at token `v`: the mention just before it (skipping adverbs and auxiliaries,
   * an appositive "X, an expert at Y, said" gives X), a pronoun resolved to the last person named, or a
   * definite description ("the report", "the spokesman") resolved to the last body or person named.
   * `floor` is the first token the subject may start at.
   */
  subjectOf(v: number, floor: number): ResolvedMention | undefined {
    let i = v - 1;
    while (i >= floor && SKIP_BACK.test(this.word(i)) && this.word(i) !== ",") i--;
    if (i >= floor && this.word(i) === ",") {
      // "X, the head of Y, said": take X when the appositive is followed back to a name
      let j = i - 1;
      let hops = 0;
      while (j >= floor && this.word(j) !== "," && hops < 12) {
        j--;
        hops++;
      }
      if (j >= floor && this.word(j) === ",") {
        const before = this.tokens[j - 1];
        const m = before ? this.mentionAt(before.start) : undefined;
        if (m && m.entity.type === "person") return m;
      }
      i--;
    }
    if (i < floor) return undefined;
    const tok = this.tokens[i] as Token;
    const direct = this.mentionAt(tok.start) ?? this.surname(i);
    if (direct) return this.preferPerson(direct, i, floor);
    if (this.word(i) === ")") {
      // "the International Energy Agency (IEA) said"
      const inner = this.tokens[i - 1];
      const m = inner ? this.mentionAt(inner.start) : undefined;
      if (m) return m;
    }
    const pron = PRONOUN[this.word(i)];
    if (pron) return this.antecedent(tok.start, pron, tok.sentence - 3);
    // a noun phrase without a name of its own: look inside it, then at what it stands for
    let j = i;
    let head = "";
    while (j >= floor) {
      const t = this.tokens[j] as Token;
      const m = this.mentionAt(t.start);
      if (m) return this.preferPerson(m, j, floor, head);
      if (!/^(?:NOUN|ADJ|DET|PROPN|NUM|PART)$/.test(t.pos) && !/^['’]s$/.test(t.text)) break;
      if (!head && t.pos === "NOUN") head = this.word(j);
      if (t.pos === "DET") {
        j--;
        break;
      }
      j--;
    }
    if (!head) return undefined;
    const floorSentence = tok.sentence - 3;
    if (SOURCE_PERSON.test(head)) return this.lastBefore(tok.start, ["person"], floorSentence);
    if (SOURCE_BODY.test(head)) return this.lastBefore(tok.start, ["organization"], floorSentence);
    return undefined;
  }

  /**
   * "Peruvian Finance Minister Rosa Quispe said": the nearest mention may be a demonym or a body before a person's
   * name; and "the Peruvian president said" with a role noun names a person named shortly before, if any.
   */
  preferPerson(m: ResolvedMention, _at: number, _floor: number, head = ""): ResolvedMention {
    if (m.entity.type === "person") return m;
    if (head && SOURCE_PERSON.test(head) && !/s$/.test(head)) {
      const tok = this.tokens[this.tokenAt(m.start)];
      const p = this.lastBefore(m.start, ["person"], (tok?.sentence ?? 0) - 2);
      if (p) return p;
    }
    return m;
  }

  /** "said X", "said Chinese Foreign Ministry spokesman X": the name after the verb (a person first). */
  objectAfter(v: number, limit: number): ResolvedMention | undefined {
    let best: ResolvedMention | undefined;
    for (let i = v + 1; i < limit && i <= v + 12; i++) {
      const t = this.tokens[i] as Token;
      if (/^[,;:.!?]$/.test(t.text) && best) break;
      if (/^[;:.!?]$/.test(t.text)) break;
      const pron = PRONOUN[this.word(i)];
      if (pron && i === v + 1) return this.antecedent(t.start, pron, t.sentence - 3);
      const m = this.mentionAt(t.start);
      if (!m) {
        if (t.pos === "VERB" || t.pos === "AUX") break;
        continue;
      }
      if (m.entity.type === "person") return m;
      best = m;
    }
    return best;
  }
}

function wordsOf(s: string): string[] {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** Title Case: most words capitalised, as in the title of an article or a book. */
function isTitle(words: string[]): boolean {
  const content = words.filter((w) => !/^(?:a|an|the|of|and|or|in|on|to|for|with|from|at|by|as|is|its)$/i.test(w));
  if (content.length < 3) return false;
  const caps = content.filter((w) => /^[\p{Lu}\p{N}‘'"“]/u.test(w)).length;
  return caps / content.length >= 0.75;
}

interface Found {
  speaker: ResolvedMention;
  cueAt: number;
  cueEnd?: number;
  kind: "post" | "pre" | "continued";
}

function sentenceOf(ctx: ExtractContext, at: number): Sentence | undefined {
  const ss = ctx.annotation.sentences;
  let lo = 0;
  let hi = ss.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = ss[mid] as Sentence;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  // between sentences (a mark just outside wink's span): the nearest one before
  return ss[Math.max(0, lo - 1)];
}

/** After the closing mark: "..., said X", "..., X said", "..., she added". */
function cueAfter(r: Reader, q: QuoteSpan, next: QuoteSpan | undefined): Found | undefined {
  const s = sentenceOf(r.ctx, q.close - 1);
  let i = r.tokenAt(q.close);
  // the cue may sit in a short sentence of its own when the quotation ended with a full stop: "“...” he said."
  const limitAt = Math.min(next ? next.open : Number.POSITIVE_INFINITY, (s?.end ?? q.close) + 40);
  const limit = Math.min(r.tokenAt(limitAt), i + 16);
  // "“...,” she said": the quotation ends its clause, with punctuation inside or just after the mark
  const inside = r.text.slice(Math.max(q.open + 1, q.close - 3), q.close - 1);
  const after = r.text.slice(q.close, q.close + 2);
  if (!/[,.!?…—–-]\s*$/.test(inside) && !/^\s*[,.!?…—–-]/.test(after)) return undefined;
  while (i < limit && /^[,.!?…—–-]$/.test(r.tokens[i]?.text ?? "")) i++;
  const first = i;
  // "“...,” according to the ministry."
  if (r.word(first) === "according" && r.word(first + 1) === "to") {
    // only in the quotation's own sentence: "According to X, ..." after a full stop opens the next statement
    if (r.tokens[first]?.sentence !== sentenceOf(r.ctx, q.close - 1)?.index) return undefined;
    const m = r.objectAfter(first + 1, limit + 6);
    return m ? { speaker: m, cueAt: (r.tokens[first] as Token).start, cueEnd: m.end, kind: "post" } : undefined;
  }
  for (let j = first; j < limit && j < first + 10; j++) {
    const t = r.tokens[j] as Token;
    if (r.inQuote(t.start)) break;
    const w = r.word(j);
    if (/^[;:.!?]$/.test(w)) break;
    const isVerb = SPEECH_VERB.test(w) || (POINT_VERB.test(w) && /^(?:out|to)$/.test(r.word(j + 1)));
    if (!isVerb) {
      if (j > first && (t.pos === "VERB" || t.pos === "AUX") && !/^(?:has|have|had|was|were|is)$/.test(w)) break;
      // "“unfair”, while the ministry said": a new clause, not the cue of this quotation
      if (
        t.pos === "SCONJ" ||
        t.pos === "CCONJ" ||
        /^(?:while|whereas|but|and|as|because|although|though|when|where|which|who|that|if)$/.test(w)
      )
        break;
      continue;
    }
    // a cue in the next sentence must be the whole of it: "“...” he said." but not "He said the ..."
    const closeSentence = sentenceOf(r.ctx, q.close - 1)?.index;
    if (t.sentence !== closeSentence) {
      const after = r.tokens.slice(j + 1, j + 8).filter((x) => x.sentence === t.sentence);
      const rest = after.filter((x) => !/^[.!?,]$/.test(x.text));
      const speakerOnly = rest.every((x) => r.mentionAt(x.start) || /^(?:he|she|it|they)$/i.test(x.text));
      if (rest.length > 0 && !(j === first && speakerOnly && rest.length <= 4)) return undefined;
    }
    // "“...” He also said that ...": a verb with a clause of its own introduces what follows, not what came before
    if (/^(?:that|how|what|whether|if|why|when)$/.test(r.word(j + 1))) return undefined;
    let speaker: ResolvedMention | undefined;
    let cueEnd = t.end;
    if (j === first) {
      speaker = r.objectAfter(j, limit + 6);
      if (speaker) cueEnd = Math.max(cueEnd, speaker.end);
    } else speaker = r.subjectOf(j, first);
    if (!speaker) return undefined;
    return { speaker, cueAt: t.start, cueEnd, kind: "post" };
  }
  return undefined;
}

/** Before the opening mark, in the same sentence: a speech verb, a speech noun, or "according to X". */
function cueBefore(r: Reader, q: QuoteSpan, short: boolean): Found | undefined {
  const s = sentenceOf(r.ctx, q.open);
  if (!s) return undefined;
  const floor = r.tokenAt(s.start);
  const end = r.tokenAt(q.open);
  // "Batbold: “...”" (a headline or transcript): a name, a colon, the quotation
  if (r.word(end - 1) === ":" && end - 2 >= floor) {
    const m = r.mentionAt((r.tokens[end - 2] as Token).start);
    if (m && r.text.slice(s.start, m.start).trim() === "") return { speaker: m, cueAt: m.start, kind: "pre" };
  }
  // the nearest cue before the quotation, outside other quotations, within a window of words
  let gap = -1;
  for (let j = end - 1; j >= floor && j >= end - CUE_WINDOW; j--) {
    const t = r.tokens[j] as Token;
    if (r.inQuote(t.start)) continue;
    gap++; // words outside quotations between this one and the quotation
    const w = r.word(j);
    if (short) {
      if (!SHORT_CUE.test(w) || gap > 5) continue;
      if (w.startsWith("call") && /so-?$/i.test(r.text.slice(Math.max(0, t.start - 3), t.start))) continue;
      // nothing but "it was", "Brazil's stance as", "he was" between the verb and the term ("warned against
      // a “...”" is about the term, not in it), and the term is not the subject of what follows ("“...” were")
      let plain = true;
      for (let k = j + 1; k < end; k++) {
        const tk = r.tokens[k] as Token;
        if ((tk.pos === "VERB" || tk.pos === "AUX") && !COPULA.test(tk.text)) plain = false;
        if (tk.pos === "ADP" && r.word(k) !== "as") plain = false;
      }
      // the term ends its phrase: "as “unfair”, while", "“gravely concerned” about", not "“unfair” deal"
      const next = r.tokens[r.tokenAt(q.close)];
      if (next && next.sentence === t.sentence && !/^(?:PUNCT|ADP|CCONJ|SCONJ|PART|ADV)$/.test(next.pos)) plain = false;
      if (!plain) return undefined;
      const speaker = subjectForVerb(r, j, floor);
      return speaker ? { speaker, cueAt: t.start, kind: "pre" } : undefined;
    }
    if (w === "according" && r.word(j + 1) === "to") {
      const m = r.objectAfter(j + 1, end);
      if (m && weakCueAllowed(r, q, end)) return { speaker: m, cueAt: t.start, kind: "pre" };
      continue;
    }
    const isVerb = SPEECH_VERB.test(w) || (POINT_VERB.test(w) && /^(?:out|to)$/.test(r.word(j + 1)));
    if (isVerb && !(w.startsWith("call") && /so-?$/i.test(r.text.slice(Math.max(0, t.start - 3), t.start)))) {
      if (gap > 8 && !weakCueAllowed(r, q, end)) continue;
      const speaker = subjectForVerb(r, j, floor);
      if (speaker) return { speaker, cueAt: t.start, kind: "pre" };
      continue;
    }
    if (SPEECH_NOUN.test(w) && (t.pos === "NOUN" || t.pos === "PROPN")) {
      if (!weakCueAllowed(r, q, end)) continue;
      const speaker = sourceOfNoun(r, j, floor);
      if (speaker) return { speaker, cueAt: t.start, kind: "pre" };
    }
  }
  return undefined;
}

/** A cue far from the quotation does not reach a quoted name ("the launch of the “... campaign”"). */
function weakCueAllowed(r: Reader, _q: QuoteSpan, end: number): boolean {
  return !DETERMINER.test(r.word(end - 1));
}

/** The subject of a speech verb; for "-ing" forms, the subject of the clause's main verb. */
function subjectForVerb(r: Reader, j: number, floor: number): ResolvedMention | undefined {
  const w = r.word(j);
  if (!w.endsWith("ing")) return r.subjectOf(j, floor);
  // "leading Y to declare ..., calling on ...": the speech verb before it; "X sent a message opposing ...":
  // the main verb's subject
  for (let k = j - 1; k >= floor; k--) {
    const t = r.tokens[k] as Token;
    if (r.inQuote(t.start) || !SPEECH_VERB.test(r.word(k)) || r.word(k).endsWith("ing")) continue;
    const s = r.subjectOf(k, floor);
    if (s) return s;
  }
  for (let k = j - 1; k >= floor; k--) {
    const t = r.tokens[k] as Token;
    if (r.inQuote(t.start)) continue;
    if ((t.pos === "VERB" || t.pos === "AUX") && !r.word(k).endsWith("ing")) {
      const s = r.subjectOf(k, floor);
      if (s) return s;
    }
  }
  return undefined;
}

/** "X's statement", "a statement by X", "X issued a statement": who the speech noun belongs to. */
function sourceOfNoun(r: Reader, j: number, floor: number): ResolvedMention | undefined {
  // possessor: "UNICEF's statement", "in its statement" is too vague
  for (let k = j - 1; k >= floor && k >= j - 3; k--) {
    const w = r.word(k);
    if (w === "'s" || w === "’s" || /['’]s$/.test(w)) {
      const t = r.tokens[w.length > 2 ? k : k - 1];
      const m = t ? r.mentionAt(t.start) : undefined;
      if (m) return m;
    }
    const m = r.mentionAt((r.tokens[k] as Token).start);
    if (m && (r.tokens[k + 1]?.text ?? "").match(/^['’]s?$/)) return m;
  }
  // "a report by X"
  if (r.word(j + 1) === "by" || (r.tokens[j + 1]?.pos === "NUM" && r.word(j + 2) === "by")) {
    const m = r.objectAfter(r.word(j + 1) === "by" ? j + 1 : j + 2, j + 12);
    if (m) return m;
  }
  // "X issued a statement": the verb before the noun
  for (let k = j - 1; k >= floor && k >= j - 5; k--) {
    const t = r.tokens[k] as Token;
    if (t.pos === "VERB") return r.subjectOf(k, floor);
  }
  return undefined;
}

/** A quotation standing as a whole sentence, with nothing before it in its sentence. */
function standsAlone(r: Reader, q: QuoteSpan): boolean {
  const s = sentenceOf(r.ctx, q.open);
  if (!s) return false;
  return r.text.slice(s.start, q.open).trim() === "";
}

export function extractQuotes(ctx: ExtractContext): QuoteFact[] {
  const text = ctx.doc.text;
  const spans = quoteSpans(text);
  if (spans.length === 0) return [];
  const r = new Reader(ctx, spans);
  const out: QuoteFact[] = [];
  let previous: { fact: QuoteFact; span: QuoteSpan; found: Found; sentence: number } | undefined;
  let mergeInto: { fact: QuoteFact; until: number } | undefined;

  for (let k = 0; k < spans.length; k++) {
    const q = spans[k] as QuoteSpan;
    const words = quoteText(text, q);
    const n = wordsOf(words).length;
    if (n === 0) continue;

    // "part one," she said, "part two."  -> the second part joins the first
    if (mergeInto && q.open <= mergeInto.until) {
      const f = mergeInto.fact;
      f.text = `${f.text} ${words}`;
      const last = sentenceOf(ctx, q.close - 1);
      if (last && last.end > f.evidence.end) {
        f.evidence = evidenceOf(ctx, span(ctx, f.evidence.start, last.end));
      }
      mergeInto = undefined;
      continue;
    }
    mergeInto = undefined;

    const short = n < 4;
    const title = !short && isTitle(wordsOf(words));
    let found = cueAfter(r, q, spans[k + 1]);
    // quoted words that modify a noun name a thing: the “clean streets for all” campaign
    const next = r.tokens[r.tokenAt(q.close)];
    const modifier =
      next !== undefined &&
      (next.pos === "NOUN" || next.pos === "PROPN") &&
      !/^\s*[,.;:!?]/.test(text.slice(q.close - 2, q.close + 1).replace(/[”"’'»]/g, ""));
    if (!found && !title && !modifier) found = cueBefore(r, q, short);
    if (!found && !short && !title && previous && standsAlone(r, q)) {
      // the next sentence of the same speaker's words
      const s = sentenceOf(ctx, q.open);
      if (
        s &&
        s.index - previous.sentence <= 1 &&
        !/(?<!\n)\n{2,}[^\n]+\n\n/.test(text.slice(previous.span.close, q.open))
      ) {
        found = { speaker: previous.found.speaker, cueAt: q.open, kind: "continued" };
      }
    }
    if (!found) continue;

    const from = Math.min(q.open, found.cueAt);
    const to = Math.max(q.close, found.cueEnd ?? found.cueAt);
    const first = sentenceOf(ctx, from);
    const last = sentenceOf(ctx, Math.max(from, to - 1));
    if (!first || !last) continue;
    const fact: QuoteFact = {
      speaker: found.speaker.key,
      text: words,
      confidence: found.kind === "continued" ? 0.7 : short ? 0.75 : found.kind === "post" ? 0.9 : 0.85,
      evidence: evidenceOf(ctx, span(ctx, first.start, Math.max(first.end, last.end))),
    };
    out.push(fact);
    previous = { fact, span: q, found, sentence: last.index };
    if (found.kind === "post" && found.cueEnd !== undefined) {
      // a second part may follow the cue: `, "`
      const rest = text.slice(found.cueEnd, found.cueEnd + 4);
      const m = /^[,:]?\s*/.exec(rest);
      mergeInto = { fact, until: found.cueEnd + (m?.[0].length ?? 0) };
    }
  }
  return out;
}

/** A sentence-shaped span for evidence running over several sentences (a quotation across them). */
function span(ctx: ExtractContext, start: number, end: number): Sentence {
  const s = sentenceOf(ctx, start);
  return { index: s?.index ?? 0, start, end, text: ctx.doc.text.slice(start, end) };
}
