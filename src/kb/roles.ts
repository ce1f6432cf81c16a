// The role vocabulary: titles written before a name ("Foreign Minister Wang Yi"), role nouns in descriptions
// ("the Kazakh president"), and the canonical role each one names, so KB roles and text agree.

/** Written form (lower case, single spaces) -> canonical role. */
const ROLE_FORMS: Record<string, string> = {
  president: "president",
  "vice president": "vice president",
  "vice-president": "vice president",
  "prime minister": "prime minister",
  premier: "prime minister",
  "deputy prime minister": "deputy prime minister",
  "vice premier": "deputy prime minister",
  "foreign minister": "foreign minister",
  "minister of foreign affairs": "foreign minister",
  "foreign affairs minister": "foreign minister",
  "foreign secretary": "foreign minister",
  "secretary of state": "foreign minister",
  "defence minister": "defence minister",
  "defense minister": "defence minister",
  "minister of defence": "defence minister",
  "minister of defense": "defence minister",
  "defence secretary": "defence minister",
  "defense secretary": "defence minister",
  "interior minister": "interior minister",
  "minister of internal affairs": "interior minister",
  "finance minister": "finance minister",
  "minister of finance": "finance minister",
  "economy minister": "economy minister",
  "energy minister": "energy minister",
  "trade minister": "trade minister",
  minister: "minister",
  spokesperson: "spokesperson",
  spokesman: "spokesperson",
  spokeswoman: "spokesperson",
  "foreign ministry spokesperson": "spokesperson",
  "foreign ministry spokesman": "spokesperson",
  "foreign ministry spokeswoman": "spokesperson",
  "general secretary": "general secretary",
  "secretary general": "secretary general",
  "secretary-general": "secretary general",
  chairman: "chairman",
  chairwoman: "chairman",
  chair: "chairman",
  ambassador: "ambassador",
  envoy: "envoy",
  "special envoy": "envoy",
  "special representative": "envoy",
  king: "king",
  queen: "queen",
  emir: "emir",
  "crown prince": "crown prince",
  "supreme leader": "supreme leader",
  chancellor: "chancellor",
  governor: "governor",
  mayor: "mayor",
  senator: "senator",
  general: "general",
  "chief of staff": "chief of staff",
  commander: "commander",
  director: "director",
  "director general": "director",
  "director-general": "director",
  ceo: "chief executive",
  "chief executive": "chief executive",
  leader: "leader",
  "party chief": "party secretary",
  "party secretary": "party secretary",
  "party boss": "party secretary",
  chief: "chief",
  "head of state": "leader",
  "state councilor": "state councillor",
  "state councillor": "state councillor",
  "justice minister": "justice minister",
  "minister of justice": "justice minister",
  "attorney general": "attorney general",
  "attorney-general": "attorney general",
  "health minister": "health minister",
  "minister of health": "health minister",
  "education minister": "education minister",
  "minister of education": "education minister",
  "agriculture minister": "agriculture minister",
  "transport minister": "transport minister",
  "home secretary": "interior minister",
  "home minister": "interior minister",
  "interior secretary": "interior minister",
  secretary: "secretary",
  administrator: "administrator",
  commissioner: "commissioner",
  "high commissioner": "commissioner",
  speaker: "speaker",
  congressman: "congressman",
  congresswoman: "congressman",
  mp: "member of parliament",
  coach: "coach",
  "head coach": "coach",
  manager: "manager",
  "general manager": "manager",
  "police chief": "police chief",
  "chief justice": "chief justice",
};

/** A description with a general role ("the Chinese leader") names whoever holds one of these. */
const ROLE_ALTERNATIVES: Record<string, string[]> = {
  leader: [
    "leader",
    "president",
    "general secretary",
    "supreme leader",
    "prime minister",
    "king",
    "emir",
    "chancellor",
  ],
  "prime minister": ["prime minister", "premier"],
};

/** Honorifics and military ranks: a name follows, and it is a person's. */
const HONORIFIC_FORMS = new Set([
  "mr",
  "mrs",
  "ms",
  "miss",
  "dr",
  "prof",
  "professor",
  "sir",
  "dame",
  "lord",
  "lady",
  "madame",
  "gen",
  "lt",
  "col",
  "colonel",
  "maj",
  "major",
  "capt",
  "captain",
  "admiral",
  "adm",
  "sgt",
  "sergeant",
  "marshal",
  "rev",
  "reverend",
  "judge",
  "justice",
  "sheikh",
  "shaikh",
  "mullah",
  "imam",
  "ayatollah",
  "maulana",
  "emperor",
  "prince",
  "princess",
  "pope",
  "rep",
  "sen",
  "gov",
]);

const clean = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/\.$/, "").replace(/\s+/g, " ").trim();

/** First words of every role form and honorific: a token that is none of these starts no title. */
const FIRST_WORDS: ReadonlySet<string> = new Set(
  [...Object.keys(ROLE_FORMS), ...HONORIFIC_FORMS].flatMap((f) => {
    const w = f.split(/[ -]/)[0] as string;
    return [w, `${w}s`];
  }),
);

/** Can a title start with this (lower-case, folded) word? A cheap test before canonicalRole. */
export function mayStartTitle(word: string): boolean {
  return FIRST_WORDS.has(word.endsWith(".") ? word.slice(0, -1) : word);
}

/** The canonical role of a written form, or undefined: "Spokeswoman" -> "spokesperson". */
export function canonicalRole(form: string): string | undefined {
  const c = clean(form);
  return ROLE_FORMS[c] ?? (c.endsWith("s") ? ROLE_FORMS[c.slice(0, -1)] : undefined);
}

/** Roles a description's role may be filled by ("leader" -> president, general secretary, ...). */
export function roleAlternatives(role: string): string[] {
  return ROLE_ALTERNATIVES[role] ?? [role];
}

/** Is this word an honorific or rank that a person's name follows ("Mr", "Gen.")? */
export function isHonorific(word: string): boolean {
  return HONORIFIC_FORMS.has(clean(word));
}

/** Longest role phrase, in words. */
export const MAX_ROLE_WORDS = Math.max(...Object.keys(ROLE_FORMS).map((k) => k.split(/[ ]/).length));

/** Every written role form, for building matchers. */
export function roleForms(): string[] {
  return Object.keys(ROLE_FORMS);
}

/**
 * Does a KB role hold on an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)? Open ends hold. Each bound is only as precise
 * as it is written: a start of "2019" opens the role on 1 January 2019, an end of "2019" (or "2019-03") closes it
 * at the end of that year (or month), never at its start.
 */
export function roleHoldsOn(r: { start?: string; end?: string }, date: string): boolean {
  const d = date.slice(0, 10);
  if (r.start && r.start.slice(0, d.length) > d.slice(0, r.start.length)) return false;
  if (r.end && r.end.slice(0, d.length) < d.slice(0, r.end.length)) return false;
  return true;
}
