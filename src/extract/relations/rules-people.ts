// Offices and affiliations of people: holds_position (to a state or a state body, party, armed
// group) and affiliated_with (universities, think tanks, outlets, companies), plus founders.
import { e, N } from "./masked.js";
import { isIntergovernmental, isNonGovernmental } from "./orgs.js";
import { ADJ, cueAt, type Hit, POSS, type Rule, type RuleInput, rule } from "./rule.js";

/** Words a title is made of ("Deputy Prime Minister and Finance Minister", "then Chancellor"). */
const TITLE_WORDS = [
  "president",
  "vice-president",
  "prime",
  "minister",
  "premier",
  "foreign",
  "defence",
  "defense",
  "interior",
  "finance",
  "economy",
  "economic",
  "trade",
  "energy",
  "justice",
  "state",
  "councilor",
  "councillor",
  "ambassador",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "leader",
  "chairman",
  "chairwoman",
  "chair",
  "chief",
  "general",
  "secretary",
  "secretary-general",
  "vice",
  "deputy",
  "head",
  "commander",
  "envoy",
  "governor",
  "mayor",
  "king",
  "emir",
  "chancellor",
  "speaker",
  "party",
  "security",
  "national",
  "adviser",
  "advisor",
  "special",
  "representative",
  "permanent",
  "director",
  "lieutenant",
  "colonel",
  "major",
  "admiral",
  "marshal",
  "first",
  "senior",
  "top",
  "military",
  "army",
  "intelligence",
  "police",
  "designate",
  "elect",
  "acting",
  "interim",
  "former",
  "then",
  "current",
  "late",
  "outgoing",
  "incoming",
  "supreme",
  "political",
  "commission",
  "sharia",
  "committee",
  "and",
];
/** A title must contain one of these. */
const HEADS = new Set([
  "president",
  "vice-president",
  "minister",
  "premier",
  "ambassador",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "leader",
  "chairman",
  "chairwoman",
  "chair",
  "chief",
  "secretary",
  "secretary-general",
  "commander",
  "envoy",
  "governor",
  "mayor",
  "king",
  "emir",
  "chancellor",
  "speaker",
  "head",
  "director",
  "councilor",
  "councillor",
  "representative",
  "adviser",
  "advisor",
]);
const MODIFIERS = new Set(["former", "then", "current", "late", "outgoing", "incoming", "acting", "interim"]);
/** Titles of people who work at a non-governmental body. */
const ACADEMIC =
  /\b(?:fellow|analyst|scholar|professor|researcher|research|lecturer|expert|economist|historian|specialist|academic|commentator|correspondent|reporter|editor|journalist|columnist|anchor|candidate|student|graduate|associate|coordinator|director|founder|president|chair|chairman|head|dean|member|adviser|advisor|manager|officer|scientist|writer|author|consultant|partner|programme|program)\b/i;

const word = (w: string) => `[${w[0]?.toUpperCase()}${w[0]}]${w.slice(1).replace(/-/g, "\\-")}`;
const TW = `(?:${TITLE_WORDS.map(word).join("|")})`;
/** 1 to 6 title words ("Deputy Prime Minister and Finance Minister"); validated by `roleOf`. */
const TITLE = `(?:${TW}[ -]){0,5}${TW}(?![A-Za-z-])`;

/** The role a title names, or null when it has no head word: "then Brazilian UN Ambassador" -> "ambassador". */
export function roleOf(title: string | undefined): { role: string; former: boolean } | null {
  if (!title) return null;
  const words = title
    .toLowerCase()
    .replace(/-$/, "")
    .split(/[ ]+/)
    .filter(Boolean)
    .map((w) => w.replace(/-$/, ""));
  if (!words.some((w) => HEADS.has(w))) return null;
  const former = words.some((w) => w === "former" || w === "then" || w === "late");
  while (words.length && (MODIFIERS.has(words[0] ?? "") || words[0] === "and" || words[0] === "the")) words.shift();
  while (words.length && (words.at(-1) === "and" || words.at(-1) === "designate" || words.at(-1) === "elect"))
    words.pop();
  if (!words.length) return null;
  return { role: words.join(" "), former };
}

/** holds_position or affiliated_with, chosen by the organisation and the title. */
function office(x: RuleInput, person: number, body: number, title: string | undefined, conf: number): Hit[] {
  const org = x.mentions[body]?.entity;
  if (!org) return [];
  const r = roleOf(title);
  const attrs: Record<string, string> = {};
  if (r) attrs.role = r.role;
  else if (title?.trim()) attrs.role = title.trim().replace(/^(?:a|an|the) /i, "");
  if (r?.former) attrs.status = "former";
  if (org.type === "country")
    return r ? [{ type: "holds_position", subj: person, obj: body, attrs, confidence: conf }] : [];
  if (org.type !== "organization" || (isIntergovernmental(org) && !r)) return [];
  const academic = title ? ACADEMIC.test(title) : false;
  if (isNonGovernmental(org) && (academic || !r)) {
    return [{ type: "affiliated_with", subj: person, obj: body, attrs, confidence: conf }];
  }
  if (r) return [{ type: "holds_position", subj: person, obj: body, attrs, confidence: conf }];
  return [];
}

const g = (m: RegExpExecArray, name: string): number => Number(m.groups?.[name] ?? Number.NaN);

/** Another name for the person in brackets: "Abu Bakr (or Abu Bakr al-Baghdadi)", "(also known as X)". */
const ALIAS = `(?: \\((?:or |aka |a\\.k\\.a\\. |also known as |also called |born )?${N("alias", "p")}\\)|, (?:or|aka|a\\.k\\.a\\.|also known as) ${N("alias2", "p")}(?=,))?`;
/** The same hits for the other name in brackets, when there is one (the two may be linked as one entity or not). */
function andAlias(m: RegExpExecArray, hits: Hit[]): Hit[] {
  const alias = m.groups?.alias !== undefined ? g(m, "alias") : g(m, "alias2");
  if (Number.isNaN(alias)) return hits;
  const person = g(m, "person");
  return [...hits, ...hits.filter((h) => h.subj === person).map((h) => ({ ...h, subj: alias }))];
}
/** Verbs that put a person in an office. */
const TOOK_OFFICE =
  "(?:became|become|becomes|has become|had become|rose to become|rose to be|was named|was appointed|was elected|was made|is now|was then|served as|serves as|has served as|had served as|has been serving as|took over as|takes over as|stepped in as|was installed as|was sworn in as)";

/** "X, director of the Asia Centre (at the University of Toronto's Munk School)": the office and its host. */
function nameCommaTitle(m: RegExpExecArray, x: RuleInput, body: number): Hit[] {
  const out = office(x, g(m, "person"), body, m.groups?.title, 0.85);
  // "director of the Asia Centre at the University of Toronto's Munk School of Global Affairs"
  const c = /^ at (?:[Tt]he )?⟦o(\d+)⟧(?:'s? ⟦o(\d+)⟧)?/.exec(x.text.slice(m.index + m[0].length));
  if (c && out.some((h) => h.type === "affiliated_with")) {
    const host = Number(c[2] ?? c[1]);
    out.push(...office(x, g(m, "person"), host, m.groups?.title, 0.75));
    if (c[2] !== undefined) out.push({ type: "member_of", subj: Number(c[2]), obj: Number(c[1]), confidence: 0.65 });
  }
  return out;
}

export const PEOPLE_RULES: Rule[] = [
  // "Mongolian President Nara Batbold", "Brazil's Foreign Minister Ana Ribeiro", "then Kenyan UN Ambassador
  // Peter Otieno", "MFA spokeswoman Lin Mei", "Myanmar Foreign Minister designate Thant Zaw".
  rule(
    "title-before-name",
    `${N("body", "co")}${POSS}? (?:${N("via", "o")} )?(?<title>${TITLE})(?: (?<to>to|for|at) (?:[Tt]he )?${N("dest", "co")},?)? ${N("person", "p")}`,
    (m, x) => {
      const via = m.groups?.via !== undefined ? `${x.mentions[g(m, "via")]?.text ?? ""} ` : "";
      const dest = m.groups?.dest !== undefined ? ` ${m.groups.to} ${x.mentions[g(m, "dest")]?.entity.name ?? ""}` : "";
      return office(x, g(m, "person"), g(m, "body"), `${via}${m.groups?.title ?? ""}${dest}`, 0.9);
    },
  ),
  // "Lula da Silva, Brazil's president", "Helen Marsh, director of the Asia Centre", "X, the foreign minister of Y"
  rule(
    "name-comma-title",
    `${N("person", "p")}${ALIAS}, (?:(?:the|a|an) )?(?:(?:long-standing|longtime|long-time|slain|powerful|influential|veteran|newly appointed) )?(?:${N("owner", "co")}${POSS} )?(?<title>${TITLE})(?: (?:of|for|at|to) (?:[Tt]he )?(?:${e("cl")}-based )?${N("body", "co")}(?! (?:office|offices|branch|bureau|unit|chapter|division|desk|arm|wing|operations|programme|program)\\b))?(?=[ ,.;)]|$)`,
    (m, x) => {
      const body = m.groups?.owner !== undefined ? g(m, "owner") : g(m, "body");
      if (Number.isNaN(body)) return [];
      return andAlias(m, nameCommaTitle(m, x, body));
    },
  ),
  // "Laos's president and the Lao People's Revolutionary Party's general secretary, Khamsay Vong"
  rule(
    "title-comma-name",
    `(?:^|[^,] )${N("a", "co")}${POSS} (?<ta>${TITLE})(?:,? (?:and )?(?:[Tt]he )?${N("b", "co")}${POSS} (?<tb>${TITLE}))?, ${N("person", "p")}`,
    (m, x) => {
      const out = office(x, g(m, "person"), g(m, "a"), m.groups?.ta, 0.8);
      if (m.groups?.b !== undefined) out.push(...office(x, g(m, "person"), g(m, "b"), m.groups?.tb, 0.8));
      return out;
    },
  ),
  // "X, who became president of Andes Petroleum in 2019", "X has served as a deputy commander in the Red Front",
  // "X took over as army chief of Y". Not an envoy: an "ambassador in Lima" is not Peru's.
  rule(
    "took-office-of",
    `${N("person", "p")}${ALIAS},? (?:(?:who|whom) )?(?:(?:also|later|reportedly|previously|briefly|then|once|has|had) ){0,3}(?<cue>${TOOK_OFFICE}) (?:(?:the|a|an) )?(?:(?:long-standing|longtime|first|new|interim|acting) )?(?<title>${TITLE}) (?:of|for|at|in|with) (?:[Tt]he )?${N("body", "co")}(?!-)`,
    (m, x) => {
      if (/\b(?:ambassador|envoy|representative)\b/i.test(m.groups?.title ?? "")) return [];
      return andAlias(
        m,
        office(x, g(m, "person"), g(m, "body"), m.groups?.title, 0.8).map((h) => ({ ...h, cue: cueAt(m) })),
      );
    },
  ),
  // "X was appointed as the PLA's commander", "X took over as Mercosur chair"
  rule(
    "took-office-as-body-title",
    `${N("person", "p")}${ALIAS},? (?:(?:who|whom) )?(?:(?:also|later|reportedly|previously|then|has|had) ){0,3}(?:[a-z]+ ){0,2}?(?<cue>named|appointed|elected|installed|took over|takes over|take over|served|serves|serve|stepped in|sworn in) as (?:(?:the|a|an) )?${N("body", "co")}${POSS}? (?<title>${TITLE})(?![A-Za-z-])`,
    (m, x) => {
      if (/\b(?:ambassador|envoy|representative)\b/i.test(m.groups?.title ?? "")) return [];
      return andAlias(
        m,
        office(x, g(m, "person"), g(m, "body"), m.groups?.title, 0.8).map((h) => ({ ...h, cue: cueAt(m) })),
      );
    },
  ),
  // "X is a research fellow at the Lowy Institute", "X, a doctoral student in Economics at UCL"
  rule(
    "name-is-title-at",
    `${N("person", "p")}(?: is| was| has been| became|,) (?:(?:a|an|the|also) )*(?<title>(?:[A-Za-z-]+ ){1,5}?)(?:in [A-Z][A-Za-z ]{2,40}? )?(?:at|of|with) (?:[Tt]he )?${N("org", "o")}`,
    (m, x) => {
      const title = m.groups?.title ?? "";
      if (!ACADEMIC.test(title) && !roleOf(title)) return [];
      const person = g(m, "person");
      const out = office(x, person, g(m, "org"), title, 0.8);
      // A chain of bodies: "at CMS, a constituent unit of IPR, Meridian University"
      let tail = x.text.slice(m.index + m[0].length);
      // "... at CMS, a constituent unit of IPR, Meridian University", "at the University of
      // Toronto's Munk School", "... in Geneva and a visiting fellow at IISS"
      const chain =
        /^(?: (?:in|of) [A-Z][A-Za-z ]{2,40}?| in ⟦[lc]\d+⟧)?(?: \(⟦o\d+⟧\))?(?:,? (?:a constituent unit of |part of |at |of )?(?:[Tt]he )?⟦o(\d+)⟧(?:'s? ⟦o(\d+)⟧)?| and (?:a |an |the )?(?<t2>(?:[A-Za-z-]+ |⟦[a-z]\d+⟧ ){1,8}?)(?:at|of|with) (?:[Tt]he )?⟦o(\d+)⟧)/;
      for (let k = 0; k < 4; k++) {
        const c = chain.exec(tail);
        if (!c) break;
        if (c[4] !== undefined) out.push(...office(x, person, Number(c[4]), c.groups?.t2 ?? title, 0.75));
        else if (c[2] !== undefined) {
          out.push(...office(x, person, Number(c[2]), title, 0.7));
          out.push({ type: "member_of", subj: Number(c[2]), obj: Number(c[1]), confidence: 0.65 });
        } else out.push(...office(x, person, Number(c[1]), title, 0.7));
        tail = tail.slice(c[0].length);
      }
      return out.filter((h) => h.type === "affiliated_with" || h.type === "member_of");
    },
  ),
  // "Bruegel's deputy director Anna Keller", "NHK news anchor Aiko Tanaka"
  rule("org-title-name", `${N("org", "o")}${POSS}? (?<title>(?:[a-z-]+ ){1,3})${N("person", "p")}`, (m, x) => {
    const title = m.groups?.title ?? "";
    if (!ACADEMIC.test(title) && !roleOf(title)) return [];
    return office(x, g(m, "person"), g(m, "org"), title, 0.75);
  }),
  // "Clara Mendes, a Cambridge University Brazil expert"
  rule(
    "name-an-org-expert",
    `${N("person", "p")}, (?:a|an|the) (?:[a-z-]+ )?${N("org", "o")} (?:[A-Za-z-]+ |${e("cl")} ){0,3}?(?<role>expert|analyst|scholar|professor|researcher|fellow|economist|historian|specialist|lecturer|academic)`,
    (m) => [
      {
        type: "affiliated_with",
        subj: g(m, "person"),
        obj: g(m, "org"),
        attrs: { role: m.groups?.role ?? "" },
        confidence: 0.8,
      },
    ],
  ),
  // "X, a prominent ISIS-linked preacher", "X, a senior recruiter within al-Shabaab": members of armed groups and movements
  rule(
    "name-linked-org",
    `${N("person", "p")}, (?:a|an|the) ${ADJ(3)}${N("org", "o")}-(?:linked|affiliated|aligned|allied|backed) `,
    (m) => [{ type: "affiliated_with", subj: g(m, "person"), obj: g(m, "org"), confidence: 0.7 }],
  ),
  rule(
    "name-member-within",
    `${N("person", "p")}, (?:a|an|the) ${ADJ(3)}(?<role>ideologue|member|fighter|militant|operative|activist|cleric|preacher|propagandist|recruiter|financier) (?:within|of|in|with|for) (?:[Tt]he )?${N("org", "o")}`,
    (m, x) => {
      const org = x.mentions[g(m, "org")]?.entity;
      if (!org || isIntergovernmental(org)) return [];
      return [
        {
          type: "affiliated_with",
          subj: g(m, "person"),
          obj: g(m, "org"),
          attrs: { role: m.groups?.role ?? "" },
          confidence: 0.7,
        },
      ];
    },
  ),
  // "Clara Mendes of Cambridge University" (non-governmental bodies only)
  rule("name-of-org", `${N("person", "p")},? (?:of|from) (?:[Tt]he )?${N("org", "o")}(?=[ ,.;)]|$)`, (m, x) => {
    const org = x.mentions[g(m, "org")]?.entity;
    if (!org || !isNonGovernmental(org)) return [];
    return [{ type: "affiliated_with", subj: g(m, "person"), obj: g(m, "org"), confidence: 0.7 }];
  }),
  // "X is (the) founder and president of Y": affiliation and creation.
  rule(
    "founder-of",
    `${N("person", "p")}(?:,| is| was) (?:the |a )?(?:co-)?(?<cue>founder)(?: and [a-z]+)? of (?:[Tt]he )?${N("org", "o")}`,
    (m, x) => {
      const org = x.mentions[g(m, "org")]?.entity;
      const out: Hit[] = [{ type: "created", subj: g(m, "person"), obj: g(m, "org"), confidence: 0.8 }];
      if (org && !isIntergovernmental(org))
        out.push({
          type: "affiliated_with",
          subj: g(m, "person"),
          obj: g(m, "org"),
          attrs: { role: "founder" },
          confidence: 0.8,
        });
      return out;
    },
  ),
  // "Munk School, the University of Toronto's public policy school": a unit of a university or institute
  rule(
    "unit-of-org",
    `${N("unit", "o")}, (?:[Tt]he )?${N("host", "o")}${POSS} ${ADJ(3)}(?:think tank|institute|centre|center|unit|department|school|faculty|programme|program|project|research arm|arm|branch|wing|subsidiary|affiliate)(?![a-z])`,
    (m, x) => {
      const host = x.mentions[g(m, "host")]?.entity;
      const unit = x.mentions[g(m, "unit")]?.entity;
      if (!host || !unit || !isNonGovernmental(host) || isIntergovernmental(unit)) return [];
      return [{ type: "member_of", subj: g(m, "unit"), obj: g(m, "host"), confidence: 0.7 }];
    },
  ),
  // "Brazilian President Ana Costa and her Chilean counterpart Diego Rojas": the same office.
  rule(
    "counterpart",
    `(?<title>${TITLE}) ${e("p")}(?: [a-z]+){0,6}? (?:his|her|its|their) ${N("body", "co")} counterparts?,? ${N("person", "p")}`,
    (m, x) => office(x, g(m, "person"), g(m, "body"), m.groups?.title, 0.75),
  ),
];
