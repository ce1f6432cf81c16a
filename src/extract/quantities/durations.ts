// Durations and shares written in words. A count of time units is kept only where it measures something a reader
// records: how long a visit, a jail term, a picket or a spell of unrest lasted ("a three-day visit", "sentenced to
// 15 days in jail", "the picket lasted two hours", "four days of unrest", "for five consecutive years"). Ages, spans
// back or forward in time ("25 years ago", "within two years") and plain dates stay out. Shares written as
// fractions ("half of", "a third of", "two-thirds of") are shares like percentages: 0.5, 0.333, 0.667.

/** Time units, singular, as a duration's unit names them (plural). */
const UNIT_OF: Record<string, string> = {
  hour: "hours",
  day: "days",
  week: "weeks",
  month: "months",
  year: "years",
  decade: "years",
};
const FACTOR_OF: Record<string, number> = { decade: 10 };

/** Nouns a compound duration measures: "a three-day visit", "a 15-year sentence". */
const MEASURED_NOUNS =
  /^(?:visit|trip|tour|stay|summit|meeting|talks|conference|forum|session|truce|ceasefire|cease-fire|strike|protest|protests|picket|rally|sit-in|blockade|siege|lockdown|curfew|emergency|operation|offensive|campaign|exercise|exercises|drills|war|conflict|unrest|standoff|stand-off|sentence|term|jail|prison|detention|arrest|ban|suspension|moratorium|deal|agreement|contract|lease|loan|plan|programme|program|mission|deployment|presence|rule|reign|tenure|mandate|hunger)$/;

/** Words after "N days of": spells of unrest, talks, fighting. */
const SPELL_NOUNS =
  /^(?:unrest|protests?|rallies|demonstrations|riots?|clashes|fighting|violence|talks|negotiations|strikes?|curfew|mourning|lockdown|detention|siege|shelling|war|turmoil|chaos)$/;

/** Prison words after "N years/days": the term of a sentence. */
const PRISON =
  /^(?:in\s+(?:jail|prison|detention|custody|a\s+penal\s+colony)|of\s+(?:imprisonment|jail|prison|detention))\b/;

export interface Duration {
  unit: string;
  measure: string;
  /** What one counted unit is in `unit`: 10 for decades counted in years. */
  factor: number;
}

/**
 * The duration a count of time units measures, from the words around the number (`before` ends at the number,
 * `after` starts right after it; both lower case), or null when it measures nothing worth keeping.
 */
export function durationAt(before: string, after: string): Duration | null {
  // "a three-day visit", "15-year sentence", "a two-week state visit": the noun right after, or the one after that
  const compound = /^-(hour|day|week|month|year|decade)(?:-long)?\s+([a-z-]+)(?:\s+([a-z-]+))?/.exec(after);
  if (compound) {
    const noun = [compound[2], compound[3]].find((w) => w !== undefined && MEASURED_NOUNS.test(w));
    if (!noun) return null;
    const unit = UNIT_OF[compound[1] as string] as string;
    const factor = FACTOR_OF[compound[1] as string] ?? 1;
    return {
      unit,
      factor,
      measure: /^(?:sentence|term|jail|prison)$/.test(noun) ? "prison term" : `duration of ${noun}`,
    };
  }
  const plain =
    /^\s+(?:(?:more|consecutive|straight|full|long)\s+)?(hours?|days?|weeks?|months?|years?|decades?)\b(.*)$/.exec(
      after,
    );
  if (!plain) return null;
  const single = (plain[1] as string).replace(/s$/, "");
  const unit = UNIT_OF[single] as string;
  const factor = FACTOR_OF[single] ?? 1;
  const rest = (plain[2] as string).trimStart();
  // ages and spans back or forward in time
  if (/^(?:ago|old|later|earlier|after|before|since|from\s+now|hence|of\s+age)\b/.test(rest)) return null;
  if (
    /\b(?:in|within|after|over\s+the\s+(?:past|last|next)|the\s+(?:past|last|next)|every|each|per|aged?)\s*$/.test(
      before,
    )
  ) {
    return null;
  }
  if (
    /\b(?:sentenced|jailed|imprisoned|given|handed|faces?|facing|serve|serving|served)\s+(?:to\s+)?(?:a\s+)?(?:up\s+to\s+|at\s+least\s+|nearly\s+|about\s+)?$/.test(
      before,
    ) ||
    PRISON.test(rest)
  ) {
    return { unit, factor, measure: "prison term" };
  }
  const spell = /^of\s+([a-z-]+)(?:\s+([a-z-]+))?/.exec(rest);
  const spelled = spell ? [spell[1], spell[2]].find((w) => w !== undefined && SPELL_NOUNS.test(w)) : undefined;
  if (spelled) return { unit, factor, measure: `duration of ${spelled}` };
  if (
    /\b(?:lasted|lasting|lasts|last|took|takes)\s+(?:for\s+)?(?:about\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+)?$/.test(
      before,
    )
  ) {
    return { unit, factor, measure: "duration" };
  }
  // "for five consecutive years"; "has been an ally for nearly 25 years": a state that has lasted until now
  const forSpan = /\bfor\s+(?:about\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|at\s+least\s+)?$/.test(before);
  const clause = before.slice(Math.max(before.lastIndexOf(","), before.lastIndexOf(";")) + 1);
  if (forSpan && (/\b(?:consecutive|straight)\b/.test(after.slice(0, 24)) || /\b(?:has|have)\s+been\b/.test(clause))) {
    return { unit, factor, measure: "duration" };
  }
  return null;
}

/** A fraction word and its value: "half", "a third", "two-thirds", "three quarters". */
const FRACTION =
  /\b(?:(almost|nearly|about|around|roughly|more\s+than|over|less\s+than|under)\s+)?(half|a\s+third|one[\s-]third|two[\s-]thirds|a\s+quarter|one[\s-]quarter|three[\s-]quarters|a\s+fifth|one[\s-]fifth)\s+(?:of\s+|(?=(?:are|were|is|was|have|had|come|came|go|went)\b))/gi;

const FRACTION_VALUE: Record<string, number> = {
  half: 0.5,
  third: 0.333,
  thirds: 0.667,
  quarter: 0.25,
  quarters: 0.75,
  fifth: 0.2,
};

export interface FractionMatch {
  start: number;
  end: number;
  value: number;
  qualifier: string | null;
  /** Followed by "of" and the whole ("half of the grain"), rather than by a verb. */
  partitive: boolean;
}

/**
 * Shares written as fractions, followed by "of" ("almost half of Chinese investment") or by a verb when the whole
 * was named before ("Of the 40 projects, almost half are in energy").
 */
export function fractionsIn(text: string): FractionMatch[] {
  const out: FractionMatch[] = [];
  FRACTION.lastIndex = 0;
  for (let m = FRACTION.exec(text); m; m = FRACTION.exec(text)) {
    const word = (m[2] as string)
      .toLowerCase()
      .split(/[\s-]+/)
      .pop() as string;
    const value = FRACTION_VALUE[word];
    if (value === undefined) continue;
    // "half of them", "a third of it": a share of nothing named
    if (/^(?:them|it|those|these|this|that|us|you)\b/i.test(text.slice(m.index + m[0].length))) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      value,
      qualifier: m[1] ? (m[1] as string).toLowerCase().replace(/\s+/g, " ") : null,
      partitive: /\bof\s+$/i.test(m[0]),
    });
  }
  return out;
}
