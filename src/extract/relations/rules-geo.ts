// Where things are (located_in), who borders whom (borders), and who runs what (operates).
import { e, LIST, N } from "./masked.js";
import { isCompany, isIntergovernmental, isNationalBody, isNonGovernmental } from "./orgs.js";
import { ADJ, antecedent, cueAt, each, type Hit, POSS, type Rule, type RuleInput, rule } from "./rule.js";

const g = (m: RegExpExecArray, name: string): number => Number(m.groups?.[name] ?? Number.NaN);
const gl = (m: RegExpExecArray, name: string): number[] =>
  [...(m.groups?.[name] ?? "").matchAll(/⟦[a-z](\d+)⟧/g)].map((x) => Number(x[1]));

/** Nouns for a sub-national place. */
const PLACE =
  "(?:city|town|village|capital|region|province|prefecture|district|county|oblast|area|territory|territories|republic|autonomous region|state|port|enclave|municipality|valley|corridor|oasis|border town|border city|regions|provinces|cities|districts)";

/** located_in from an organisation to a state only for bodies of that state, never for intergovernmental ones. */
function orgIn(x: RuleInput, org: number, place: number, conf: number): Hit[] {
  const o = x.mentions[org]?.entity;
  if (!o) return [];
  if (o.type === "organization" && isIntergovernmental(o)) return [];
  return [{ type: "located_in", subj: org, obj: place, confidence: conf }];
}

/** Negation written inside the matched words ("does not share a border"). */
const negIn = (s: string | undefined) => /\b(?:not|n't|never|no)\b/.test(s ?? "");

export const GEO_RULES: Rule[] = [
  // "the Kenyan city of Mombasa", "Brazil's Amazonian city of Manaus", "the Peruvian port of Callao"
  rule(
    "state-city-of",
    `${N("state", "cl")}${POSS}? (?:${N("mid", "l")} |[A-Z][a-z]+ )?${ADJ(3)}${PLACE} of ${N("place", "lf")}`,
    (m) => {
      const out: Hit[] = [{ type: "located_in", subj: g(m, "place"), obj: g(m, "state"), confidence: 0.85 }];
      if (m.groups?.mid !== undefined)
        out.push({ type: "located_in", subj: g(m, "place"), obj: g(m, "mid"), confidence: 0.75 });
      return out;
    },
  ),
  // "the Tigray region of Ethiopia", "the Puno region of Peru", "Swat district of Khyber Pakhtunkhwa"
  rule(
    "place-region-of",
    `${N("place", "l")} ${PLACE} of (?:the country's |its |[Tt]he )?${ADJ(2)}${N("state", "cl")}`,
    (m) => [{ type: "located_in", subj: g(m, "place"), obj: g(m, "state"), confidence: 0.85 }],
  ),
  // "Vietnam's Mekong Delta", "India's Assam state", "Russia's National Guard", "Balochistan's Chagai district"
  rule(
    "state-poss-place",
    `${N("state", "cl")}${POSS} ${ADJ(3)}${N("place", "lfo")}(?! (?:in|at|near|outside) ${e("cl")})`,
    (m, x) => {
      const place = x.mentions[g(m, "place")]?.entity;
      const state = x.mentions[g(m, "state")]?.entity;
      if (!place || !state) return [];
      if (place.type === "organization") {
        if (!isNationalBody(place) || state.type !== "country") return [];
        return [{ type: "located_in", subj: g(m, "place"), obj: g(m, "state"), confidence: 0.75 }];
      }
      if (place.type === "facility") return [];
      return [{ type: "located_in", subj: g(m, "place"), obj: g(m, "state"), confidence: 0.8 }];
    },
  ),
  // "the Mongolian defence ministry", "the Nepali army": a demonym before a national body or place
  rule("demonym-body", `${N("state", "c")} ${N("body", "ol")}`, (m, x) => {
    const state = x.mentions[g(m, "state")];
    const body = x.mentions[g(m, "body")]?.entity;
    if (!state || !body || state.form !== "demonym") return [];
    if (body.type === "organization" && isIntergovernmental(body)) return [];
    return [{ type: "located_in", subj: g(m, "body"), obj: g(m, "state"), confidence: 0.7 }];
  }),
  // "the International Crisis Group (ICG) in Brussels", "Osh Region in Kyrgyzstan", "al-Shabaab in Somalia"
  rule(
    "x-in-place",
    `${N("x", "olf")}"? (?:(?:is |are |was )?(?:based|located|headquartered|situated) )?in (?:[Tt]he )?(?:${ADJ(2)}(?:${PLACE} of )?)?(?:${e("c")} ${ADJ(2)}${PLACE} of |${e("c")}'s ${ADJ(2)})?${N("place", "lc")}(?! and ${e("lc")})`,
    (m, x) => {
      const thing = x.mentions[g(m, "x")]?.entity;
      if (!thing) return [];
      if (x.mentions[g(m, "place")]?.form === "demonym") return [];
      if (thing.type === "organization") {
        // An organisation after a preposition is rarely the one the place belongs to:
        // "aid from the African Union in Sudan".
        if (isCompany(thing)) return [];
        const afterPrep = /(?:^|\b)(?:in|from|to|at|of|with|for|by|against|on|through|under)(?: the)? $/i.test(
          x.text.slice(Math.max(0, m.index - 14), m.index),
        );
        if (afterPrep && !isNonGovernmental(thing)) return [];
        return orgIn(x, g(m, "x"), g(m, "place"), 0.7);
      }
      return [{ type: "located_in", subj: g(m, "x"), obj: g(m, "place"), confidence: 0.75 }];
    },
  ),
  // "the Houthi takeover in Yemen", "al-Shabaab militants in Kenya": a group's presence somewhere
  rule(
    "group-presence-in",
    `${N("x", "o")} (?:takeover|take-over|presence|fighters|militants|insurgency|government|rule|regime|branch|units?|cells?|leadership|operations|affiliate|chapter) in (?:[Tt]he )?${N("place", "lc")}(?! and ${e("lc")})`,
    (m, x) => {
      const thing = x.mentions[g(m, "x")]?.entity;
      if (!thing || isCompany(thing) || isNonGovernmental(thing)) return [];
      return orgIn(x, g(m, "x"), g(m, "place"), 0.7);
    },
  ),
  // "the Red Front, which is reported to have bases in Bolivia", "ISWAP maintains camps in the Lake Chad basin"
  rule(
    "has-bases-in",
    `(?<list>${LIST("o")}),? (?:which |that |who )?(?:[a-z]+ ){0,4}?(?<cue>has|have|had|maintains|maintained|keeps|kept|runs|ran|operates|operated|established|set up|built) (?:[a-z-]+ ){0,2}?(?:bases|camps|training camps|strongholds|hideouts|safe havens|sanctuaries|rear bases) (?:in|inside) (?:[Tt]he )?${ADJ(2)}${N("place", "lc")}(?! and ${e("lc")})`,
    (m, x) =>
      gl(m, "list").flatMap((o) => {
        const org = x.mentions[o]?.entity;
        if (!org || isCompany(org) || isNonGovernmental(org)) return [];
        return orgIn(x, o, g(m, "place"), 0.7).map((h) => ({ ...h, cue: cueAt(m), keepHypothetical: true }));
      }),
  ),
  // "the Red Front commands some 3,000 fighters in the northern Puno region", "ISWAP has hundreds of men, gathered in ..."
  rule(
    "group-fighters-in",
    `${N("x", "o")} (?:[a-z]+ )?(?<cue>has|had|have|commands|commanded|fields|fielded|keeps|kept|maintains|maintained|counts|counted|numbers|numbered) (?:(?:some|about|around|approximately|roughly|an|estimated|up|to|between|and|more|than|over|nearly|almost|at|least|several|hundreds|thousands|dozens|of|as|many|[0-9][0-9,.]*|[A-Z][a-z]+|${e("c")}) ){1,6}?(?:fighters|militants|combatants|members|men|gunmen|insurgents)(?:,? (?:gathered|based|concentrated|stationed|deployed|positioned|active|operating)(?: mainly| mostly| primarily| largely| chiefly)?)? in (?:[Tt]he )?${ADJ(2)}(?<list>${LIST("lc")})`,
    (m, x) => {
      const org = x.mentions[g(m, "x")]?.entity;
      if (!org || isCompany(org) || isNonGovernmental(org)) return [];
      return gl(m, "list").flatMap((p) => orgIn(x, g(m, "x"), p, 0.7).map((h) => ({ ...h, cue: cueAt(m) })));
    },
  ),
  // "in the Jurm district of the country's north-eastern Badakhshan province": "the country" is the state named before
  rule(
    "the-countrys-region",
    `\\b(?:the country's|its) ${ADJ(3)}${N("place", "l")}(?<kind> (?:region|province|prefecture|district|county|oblast|state|autonomous region|governorate|territory))?`,
    (m, x) => {
      const place = x.mentions[g(m, "place")];
      if (!place || (!m.groups?.kind && !/\b(?:region|province|prefecture|oblast|governorate)$/i.test(place.text)))
        return [];
      const state = antecedent(x, m.index, "c");
      if (state === undefined) return [];
      return [{ type: "located_in", subj: g(m, "place"), obj: state, confidence: 0.65 }];
    },
  ),
  // "a senior fellow at Nanyang Technological University, Singapore": a university or institute with its state
  rule("org-comma-state", `${N("x", "o")}, ${N("state", "c")}(?=[.;)]|$)`, (m, x) => {
    const org = x.mentions[g(m, "x")]?.entity;
    if (!org || !isNonGovernmental(org) || isCompany(org) || x.mentions[g(m, "state")]?.form !== "name") return [];
    return [{ type: "located_in", subj: g(m, "x"), obj: g(m, "state"), confidence: 0.7 }];
  }),
  // "Andes Petroleum, Peru's largest oil company", "Banco Sur, the country's biggest lender": a body of one state
  rule(
    "org-state-largest",
    `${N("x", "o")}, (?:(?:the|a|an) )?${N("state", "c")}${POSS} ${ADJ(4)}(?:company|firm|producer|bank|lender|carrier|airline|operator|utility|conglomerate|miner|insurer|broadcaster|newspaper|university|think tank|ministry|agency|party|army|military|intelligence service|spy agency)(?![a-z])`,
    (m, x) => {
      const org = x.mentions[g(m, "x")]?.entity;
      if (!org || isIntergovernmental(org)) return [];
      return [{ type: "located_in", subj: g(m, "x"), obj: g(m, "state"), confidence: 0.75 }];
    },
  ),
  // "Boko Haram, ISWAP and several smaller factions still active in Nigeria"
  rule(
    "groups-present-in",
    `(?<list>${LIST("o")}),? [^⟦.;]{0,60}?\\b(?:present|based|active|operating|entrenched|headquartered|holed up) in (?:[Tt]he )?${N("place", "lc")}(?! and ${e("lc")})`,
    (m, x) => gl(m, "list").flatMap((o) => orgIn(x, o, g(m, "place"), 0.65)),
  ),
  // "Cusco, a city in Peru", "Lagos, the largest city in the country"
  rule(
    "place-a-city-in",
    `${N("place", "lf")}, (?:(?:a|an|the) )?${ADJ(3)}${PLACE} (?:in|of) (?:[Tt]he )?${N("state", "lc")}`,
    (m) => [{ type: "located_in", subj: g(m, "place"), obj: g(m, "state"), confidence: 0.8 }],
  ),
  // "Mombasa, Kenya", "Xiamen, Fujian province" (not inside a list)
  rule(
    "place-comma-state",
    `(?<!${e("a-z")}(?:,| and| or)? (?:the )?)(?<!(?:and|or|between|with|among|like|including|to|and the|or the|between the) )(?<!^(?:[A-Za-z]+ )?(?:In|At|From|For|Across|Throughout|Within|Beyond|Like|Unlike|Besides) (?:[Tt]he )?)${N("place", "l")}, ${N("state", "cl")}(?<kind> ${PLACE})?(?!,? (?:and |or )?${e("a-z")})(?=[,.;)]|$)`,
    (m, x) => {
      const state = x.mentions[g(m, "state")]?.entity;
      if (!state) return [];
      if (state.type === "location" && !m.groups?.kind) return [];
      return [{ type: "located_in", subj: g(m, "place"), obj: g(m, "state"), confidence: 0.7 }];
    },
  ),
  // "Mongolia's capital Ulaanbaatar", "Karachi, Pakistan's largest city", "the capital of Laos, Vientiane"
  rule(
    "capital-of",
    `${N("state", "c")}${POSS} (?:${ADJ(2)})(?:capital|city|port|region|province),? ${N("place", "l")}`,
    (m) => [{ type: "located_in", subj: g(m, "place"), obj: g(m, "state"), confidence: 0.8 }],
  ),
  rule(
    "place-state-capital",
    `${N("place", "l")}, (?:the |${N("state2", "c")}${POSS} )(?:${ADJ(2)})(?:capital|city|port|region|province)(?: of ${N("state", "c")})?`,
    (m) => {
      const state = m.groups?.state2 !== undefined ? g(m, "state2") : g(m, "state");
      if (Number.isNaN(state)) return [];
      return [{ type: "located_in", subj: g(m, "place"), obj: state, confidence: 0.8 }];
    },
  ),
  // "the Yemen-based AQAP"
  rule("x-based", `${N("place", "lc")}-based (?:[a-z-]+ ){0,2}${N("x", "o")}`, (m, x) =>
    orgIn(x, g(m, "x"), g(m, "place"), 0.8),
  ),

  // "Jakarta has long tried to calm its troubled province of Papua": "its" is the nearest state before it
  rule(
    "its-region-of",
    `${N("state", "c")}[^⟦.;]{0,120}?\bits (?:own )?${ADJ(4)}(?:region|province|prefecture|territory|autonomous region) of ${N("place", "l")}`,
    (m) => [{ type: "located_in", subj: g(m, "place"), obj: g(m, "state"), confidence: 0.7 }],
  ),
  // "Tongzhou on the outskirts of Beijing", "Pudong in the east of Shanghai"
  rule(
    "on-the-outskirts-of",
    `${N("place", "lf")},? (?:on the (?:outskirts|edge|edges|fringes)|in the (?:suburbs|heart|centre|center|north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)) of (?:[Tt]he )?${N("state", "lc")}`,
    (m) => [{ type: "located_in", subj: g(m, "place"), obj: g(m, "state"), confidence: 0.8 }],
  ),
  // "the mountainous Kurdistan Region of Iraq" when the region word is part of the name
  rule(
    "named-region-of",
    `${N("place", "l")} of (?:the country's |its |[Tt]he )?${ADJ(2)}${N("state", "cl")}`,
    (m, x) => {
      const place = x.mentions[g(m, "place")];
      if (!place || !/\b(?:region|province|oblast|district|prefecture|county|governorate|territory)$/i.test(place.text))
        return [];
      return [{ type: "located_in", subj: g(m, "place"), obj: g(m, "state"), confidence: 0.8 }];
    },
  ),
  // "the oil pipeline which crosses northern Mongolia", "a railway that runs from Mombasa to Nairobi"
  rule(
    "facility-runs-through",
    `${N("f", "f")},? (?:which |that )?(?:runs|ran|passes|passed|stretches|stretched|crosses|crossed|cuts|traverses|traversed|links|linked|connects|connected|goes|went|extends|extended) (?:through|across|from|into|between)? ?(?:[Tt]he )?(?:[a-z]+ )?(?<list>${LIST("lc")})(?: (?:back )?(?:to|and) (?:[a-z]+ )?(?<list2>${LIST("lc")}))?`,
    (m) =>
      [...gl(m, "list"), ...gl(m, "list2")].map((p) => ({
        type: "located_in" as const,
        subj: g(m, "f"),
        obj: p,
        confidence: 0.7,
      })),
  ),

  // ---- borders --------------------------------------------------------------------------------------
  // "Mongolia, on Russia's southern border"
  rule(
    "on-x-border",
    `${N("a", "cl")}(?:,| is| lies| sits)(?: located| situated)? (?:right )?on ${N("b", "cl")}${POSS} ${ADJ(2)}(?<cue>borders?|frontier)`,
    (m) => [{ type: "borders", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.8 }],
  ),
  // "Laos, which shares a short border with Cambodia and a far longer one with Vietnam"
  rule(
    "shares-border-with",
    `(?<a>${LIST("cl")}),? (?:which |that |both of which |all of which |each of which )?(?<neg>(?:do|does|did) not |doesn't |don't |didn't |never )?(?:also )?(?<cue>shares?|shared|sharing|has|have|had) (?:(?:a|an|its|their) )?(?:[0-9][0-9,.]*[- ]?(?:km|kilometers?|kilometres?|miles?|mile)[- ](?:long )?)?${ADJ(3)}borders? with (?:[Tt]he )?(?<b>${LIST("cl")})(?: and (?:a|an) ${ADJ(3)}one with ${N("c", "cl")})?`,
    (m) => {
      const neg = negIn(m.groups?.neg);
      const as = gl(m, "a");
      const out: Hit[] = [];
      for (const a of as) {
        out.push(
          ...gl(m, "b").map((b) => ({ type: "borders" as const, subj: a, obj: b, negated: neg, confidence: 0.85 })),
        );
        if (m.groups?.c !== undefined)
          out.push({ type: "borders", subj: a, obj: g(m, "c"), negated: neg, confidence: 0.8 });
      }
      return out;
    },
  ),
  // "With a 3,400-kilometre border with Russia, Mongolia ..."
  rule(
    "with-border-subject",
    `^(?:[A-Z][a-z]+ )?[Ww]ith (?:a|an|its) [^⟦.;]{0,40}?borders? with (?:[Tt]he )?(?<b>${LIST("cl")})(?: and (?!${e("a-z")})[^.;]{0,80}?)?, (?:[a-z-]+ ){0,2}${N("a", "cl")} [a-z]`,
    (m) => gl(m, "b").map((b) => ({ type: "borders" as const, subj: g(m, "a"), obj: b, confidence: 0.8 })),
  ),
  // "Kenya's border with Somalia", "Nepal's long frontier with India" (only with a named owner)
  rule("x-border-with", `${N("a", "cl")}${POSS} ${ADJ(3)}(?<cue>borders?|frontier) with ${N("b", "cl")}`, (m) => [
    { type: "borders", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.85 },
  ]),
  // "Thailand has stepped up patrols ... along its long border with Myanmar": "its" is the sentence's subject
  rule("its-border-with", `\\bits ${ADJ(3)}(?<cue>borders?|frontier) with (?:[Tt]he )?${N("b", "cl")}`, (m, x) => {
    const a = antecedent(x, m.index, "cl");
    return a === undefined ? [] : [{ type: "borders", subj: a, obj: g(m, "b"), confidence: 0.7 }];
  }),
  // "the Peru-Bolivia border", "the border between Chile and Argentina"
  rule("a-b-border", `${N("a", "cl")}(?:-|–|/| and )${N("b", "cl")} (?:${ADJ(1)})?(?:border|frontier)`, (m) => [
    { type: "borders", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.8 },
  ]),
  // "a Kenyan army camp along the Somali border": what is near a state's border lies in a neighbouring state
  rule(
    "near-x-border",
    `${N("a", "c")} (?:[a-z-]+ ){1,3}(?:near|along|on|at) the ${N("b", "c")} (?:border|frontier)`,
    (m) => [{ type: "borders", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.6 }],
  ),
  rule("border-between", `(?:border|frontier|boundary) between ${N("a", "cl")} and ${N("b", "cl")}`, (m) => [
    { type: "borders", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.85 },
  ]),
  // "Yunnan borders Laos", "Nepal, which borders India"
  rule(
    "x-borders-y",
    `${N("a", "cl")},? (?:which |that )?(?<cue>borders|bordered|bordering|adjoins|abuts) (?:on )?(?<b>${LIST("cl")})`,
    (m) =>
      gl(m, "b").map((b) => ({ type: "borders" as const, subj: g(m, "a"), obj: b, confidence: 0.8, cue: cueAt(m) })),
  ),
  // "India's neighbour Bhutan", "Nepal's largest and most powerful neighbour"
  rule(
    "x-neighbour-y",
    `${N("a", "cl")}${POSS} ${ADJ(4)}(?:immediate )?(?:neighbou?rs?|neighbou?ring (?:country|state)),? (?<b>${LIST("cl")})`,
    (m) => gl(m, "b").map((b) => ({ type: "borders" as const, subj: g(m, "a"), obj: b, confidence: 0.75 })),
  ),
  rule(
    "y-x-neighbour",
    `${N("b", "cl")}(?:,| is| was| remains) (?:(?:as|is|a|an|the|also|another|one) )*(?:of )?${N("a", "cl")}${POSS} ${ADJ(5)}(?:immediate )?neighbou?rs?(?![a-z])`,
    (m) => [{ type: "borders", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.75 }],
  ),
  rule("neighbour-of", `${N("b", "cl")}, (?:(?:a|an|the) )?${ADJ(3)}neighbou?r (?:of|to) ${N("a", "cl")}`, (m) => [
    { type: "borders", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.75 },
  ]),
  rule("are-neighbours", `(?<list>${LIST("cl")}) (?:are|were|remain) (?:[a-z]+ )?neighbou?rs(?! of| to)`, (m) => {
    const l = gl(m, "list");
    return l.length === 2 ? [{ type: "borders", subj: l[0] ?? 0, obj: l[1] ?? 0, confidence: 0.75 }] : [];
  }),
  // "Lesotho is entirely encircled by South Africa", "Bolivia, bordered by Brazil, Paraguay and Peru"
  rule(
    "surrounded-by",
    `${N("a", "cl")},? (?:is |are )?(?:[a-z]+ )?(?:surrounded|encircled|bordered|flanked) by (?:[a-z-]+ ){0,2}(?<list>${LIST("cl")})`,
    (m) => gl(m, "list").map((b) => ({ type: "borders" as const, subj: g(m, "a"), obj: b, confidence: 0.75 })),
  ),

  // ---- operates -----------------------------------------------------------------------------------
  // "Petronas runs the terminal", "the refinery operated by Sinopec", "a Gazprom-run pipeline"
  rule(
    "x-runs-facility",
    `${N("x", "co")} (?:[a-z]+ )?(?<cue>runs|operates|owns|manages|controls|ran|operated|owned|managed|controlled|built|constructed|runs and owns) (?:the |a |an |its )?${ADJ(2)}${N("f", "f")}`,
    (m) => [{ type: "operates", subj: g(m, "x"), obj: g(m, "f"), confidence: 0.75, cue: cueAt(m) }],
  ),
  rule(
    "facility-run-by",
    `${N("f", "f")},? (?:which is |that is |is |was )?(?:jointly )?(?<cue>run|operated|owned|managed|controlled|built|constructed|developed) by (?:[Tt]he )?(?<list>${LIST("co")})`,
    (m) => each("operates", gl(m, "list"), g(m, "f"), 0.75),
  ),
  rule(
    "x-run-facility",
    `${N("x", "co")}-(?:run|operated|owned|built|controlled|managed) ${ADJ(2)}${N("f", "f")}`,
    (m) => [{ type: "operates", subj: g(m, "x"), obj: g(m, "f"), confidence: 0.75 }],
  ),
  // "Norsk Oil took over operations at the Fjell field", "Andes Copper, the firm that won the contract to develop the Cerro Alto mine"
  rule(
    "took-over-operations",
    `${N("x", "co")}(?:, the (?:[a-z]+ ){0,2}(?:firm|company) that)? (?:[a-z]+ )?(?<cue>took over|takes over|won|secured|holds|acquired|bought) (?:[Tt]he )?(?:[a-z-]+ ){0,2}(?:operations?|tender|contract|concession|rights?|stake|control)(?: (?:of|at|for|in|to (?:mine|develop|operate|run|build))) (?:[Tt]he )?${N("f", "fl")}`,
    (m) => [{ type: "operates", subj: g(m, "x"), obj: g(m, "f"), confidence: 0.7, cue: cueAt(m) }],
  ),
  // "Petrobras moved in to develop gas fields in Santos"
  rule(
    "exploit-fields-in",
    `${N("x", "o")} (?:[a-z]+ ){0,4}?(?<cue>exploit|exploits|exploited|operate|operates|operated|develop|develops|developed|run|runs|mine|mines|mined) (?:[Tt]he )?(?:[a-z-]+ ){0,2}(?:fields?|mines?|deposits?|reserves|plants?|refinery|refineries|facilities|terminals?) (?:in|at|near) ${N("l", "l")}`,
    (m) => [{ type: "operates", subj: g(m, "x"), obj: g(m, "l"), confidence: 0.7, cue: cueAt(m) }],
  ),
  // "Turkey has opened a training base in Mogadishu"
  rule(
    "base-in",
    `${N("x", "co")} (?:has |had |have )?(?:[a-z]+ )?(?<cue>established|set up|opened|built|maintains|maintained|operates|runs) (?:a |an |its |their )?(?:[a-z-]+ ){0,3}(?:base|outpost|facility|facilities|garrison|installation|station|post) (?:in|at|near) (?:[Tt]he )?${N("l", "lf")}`,
    (m) => [{ type: "operates", subj: g(m, "x"), obj: g(m, "l"), confidence: 0.7, cue: cueAt(m) }],
  ),
];
