// Membership of organisations, participation in and creation of initiatives and organisations.
import { e, LIST, N } from "./masked.js";
import { isIntergovernmental } from "./orgs.js";
import { ADJ, cueAt, each, type Hit, POSS, type Rule, rule } from "./rule.js";

const g = (m: RegExpExecArray, name: string): number => Number(m.groups?.[name] ?? Number.NaN);
const gl = (m: RegExpExecArray, name: string): number[] =>
  [...(m.groups?.[name] ?? "").matchAll(/⟦[a-z](\d+)⟧/g)].map((x) => Number(x[1]));

const MEMBERS = LIST("co");
const COUNTRIES = LIST("c");
/** Collective nouns for an organisation of states. */
const GROUPING =
  "(?:forum|grouping|bloc|alliance|mechanism|organi[sz]ation|group|partnership|union|club|coalition|platform|format|framework|body|institution|pact)";

/** "is", "are also", "has long been": a copula before a membership noun. */
const BE =
  "(?:is|are|was|were|became|has been|have been|has long been|remains|remain)(?: also| both| all| now| still| not| no longer| never)?";

export const GROUP_RULES: Rule[] = [
  // "Armenia, a member of the EAEU", "X is a founding member of Y", "X and Y are both members of Z"
  rule(
    "is-member-of",
    `(?<subj>${MEMBERS})(?:, (?:like|along with|together with|alongside) (?<also>${MEMBERS}),)?(?:,(?: (?:which|that|who) ${BE})?| ${BE}) (?:(?:a|an|the) )?(?:[a-z-]+ ){0,2}?(?<cue>members?|member states?) (?:of|in) (?:[Tt]he )?${N("org", "o")}`,
    (m) => each("member_of", [...gl(m, "subj"), ...gl(m, "also")], g(m, "org"), 0.85, { cue: cueAt(m) }),
  ),
  // "Chile and Peru ... joined as founding members of the Pacific Alliance" with the subjects earlier in the clause
  rule(
    "subjects-as-members",
    `(?<subj>${MEMBERS}) (?<gap>(?:[a-z-]+ |${e("c")} ){1,10}?)as (?:(?:founding|full|permanent) )?(?<cue>members) of (?:[Tt]he )?${N("org", "o")}`,
    (m, x) => {
      // Only a demonym may stand between ("bound to the Russian economy as members of ...").
      if (gl(m, "gap").some((i) => x.mentions[i]?.form !== "demonym")) return [];
      return each("member_of", gl(m, "subj"), g(m, "org"), 0.75, { cue: cueAt(m) });
    },
  ),
  // "Mercosur, of which Peru is also a member", "the bloc's founders ... the EAEU, in which Armenia remains a member"
  rule(
    "org-of-which-member",
    `${N("org", "o")}(?: \\(${e("o")}\\))?,? (?:of which|in which) (?<subj>${MEMBERS}) ${BE} (?:(?:a|an|the) )?(?:[a-z-]+ ){0,2}?(?<cue>members?|member states?)(?![a-z])`,
    (m) => each("member_of", gl(m, "subj"), g(m, "org"), 0.8, { cue: cueAt(m) }),
  ),
  // "the Andean Pact, whose members include Peru and Bolivia"
  rule(
    "org-whose-members",
    `${N("org", "o")},? whose (?:[a-z-]+ )?(?:members|member states|member countries) (?<cue>include|included|are|were|comprise|comprised) (?:[a-z-]+ ){0,2}?(?<list>${MEMBERS})`,
    (m) => each("member_of", gl(m, "list"), g(m, "org"), 0.8, { cue: cueAt(m) }),
  ),
  // "ASEAN members Laos and Cambodia", "EU member states Poland and Latvia", "fellow NATO member Norway"
  rule(
    "org-members-list",
    `${N("org", "o")} (?:(?:fellow|founding|full|other) )?(?:members?|member states?|member countries|members such as|members including)(?:,| such as| including| like)? (?<list>${MEMBERS})`,
    (m) => each("member_of", gl(m, "list"), g(m, "org"), 0.8),
  ),
  // "Peru, a Mercosur member, objected", "Norway, a founding NATO member state"
  rule(
    "x-an-org-member",
    `(?<subj>${MEMBERS}), (?:(?:a|an|the|both|all|fellow) )?(?:(?:founding|full|key|leading|permanent|longtime|long-standing|new|newest|other) )?${N("org", "o")} (?<cue>members?|member states?|member countries|member nations)(?![a-z])`,
    (m) => each("member_of", gl(m, "subj"), g(m, "org"), 0.8, { cue: cueAt(m) }),
  ),
  // "NATO ally Turkey", "fellow CSTO allies Armenia and Belarus": an ally within an alliance is a member of it
  rule(
    "org-ally-list",
    `${N("org", "o")} (?:(?:fellow|founding|key|close|other) )?(?:ally|allies) (?<list>${MEMBERS})`,
    (m, x) => {
      const org = x.mentions[g(m, "org")]?.entity;
      if (!org || !isIntergovernmental(org)) return [];
      return each("member_of", gl(m, "list"), g(m, "org"), 0.75);
    },
  ),
  // "member states of ASEAN such as Vietnam", "members of the African Union, including Kenya"
  rule(
    "members-of-org-list",
    `(?:members?|member states?|member countries) of (?:[Tt]he )?${N("org", "o")},? (?:such as|including|like|namely) (?<list>${MEMBERS})`,
    (m) => each("member_of", gl(m, "list"), g(m, "org"), 0.8),
  ),
  // "The EAEU, which includes Armenia but not Georgia", "Mercosur comprises Brazil, Argentina and ..."
  rule(
    "org-includes",
    `${N("org", "o")},? (?:which |that )?(?:also )?(?<cue>includes|included|comprises|comprised|consists of|groups|grouped|brings together|brought together|unites|united|counts) (?:[a-z-]+ ){0,3}?(?<list>${MEMBERS})(?: but not (?<neg>${MEMBERS}))?`,
    (m) => {
      const out = each("member_of", gl(m, "list"), g(m, "org"), 0.85, { cue: cueAt(m) });
      out.push(...each("member_of", gl(m, "neg"), g(m, "org"), 0.85, { negated: true }));
      return out;
    },
  ),
  // "X, a regional security forum between Kenya, Uganda and Tanzania"
  rule(
    "org-grouping-of",
    `${N("org", "o")},? (?:(?:a|an|the) )?${ADJ(4)}${GROUPING} (?:between|of|comprising|including|linking|that includes|which includes|bringing together|made up of) (?:[Tt]he )?(?:[a-z-]+ ){0,2}?(?<list>${MEMBERS})`,
    (m, x) => {
      const list = gl(m, "list");
      if (list.length < 2) return [];
      const org = x.mentions[g(m, "org")]?.entity;
      if (!org) return [];
      return each("member_of", list, g(m, "org"), 0.75);
    },
  ),
  // "Malaysia, which chairs ASEAN this year", "Laos, the current chair of ASEAN": a chair of a grouping of states is a member
  rule(
    "state-chairs-org",
    `${N("subj", "c")},? (?:(?:which|that) (?:currently |now |also )?(?<cue>chairs|chaired|holds the (?:rotating )?(?:chair|chairmanship|presidency) of|held the (?:rotating )?(?:chair|chairmanship|presidency) of)|(?:the|this year's|its) (?:current |rotating |incoming |outgoing )?(?:chair|chairman|president) of) (?:[Tt]he )?${N("org", "o")}`,
    (m, x) => {
      const org = x.mentions[g(m, "org")]?.entity;
      if (!org || !isIntergovernmental(org)) return [];
      return [{ type: "member_of", subj: g(m, "subj"), obj: g(m, "org"), confidence: 0.75, cue: cueAt(m) }];
    },
  ),
  // "Indonesian President Joko Widodo, whose country chairs ASEAN": the state of the office named before
  rule(
    "whose-country-chairs",
    `${N("state", "c")}${POSS}? (?:[A-Za-z-]+ ){1,4}${e("p")}, whose (?:country|nation|government) (?:currently |now |also )?(?<cue>chairs|chaired|holds|held|hosts|hosted) (?:the (?:rotating )?(?:chair|chairmanship|presidency) of )?(?:[Tt]he )?${N("org", "o")}`,
    (m, x) => {
      const org = x.mentions[g(m, "org")]?.entity;
      if (!org || !isIntergovernmental(org)) return [];
      return [{ type: "member_of", subj: g(m, "state"), obj: g(m, "org"), confidence: 0.7, cue: cueAt(m) }];
    },
  ),
  // "X joined ASEAN", "X's accession to the WTO", "X's membership in NATO"
  rule(
    "joined",
    `(?<subj>${MEMBERS}) (?:[a-z]+ )?(?<cue>joined|joins|join|has joined|acceded to|accedes to) (?:[Tt]he )?${N("org", "o")}`,
    (m, x) => {
      const org = x.mentions[g(m, "org")]?.entity;
      if (!org) return [];
      return each("member_of", gl(m, "subj"), g(m, "org"), 0.8, { cue: cueAt(m) });
    },
  ),
  rule(
    "membership-of",
    `${N("subj", "co")}${POSS} (?:[a-z-]+ ){0,2}(?<cue>membership|accession) (?:in|of|to) (?:[Tt]he )?${N("org", "o")}`,
    (m) => [{ type: "member_of", subj: g(m, "subj"), obj: g(m, "org"), confidence: 0.75, cue: cueAt(m) }],
  ),
  // "Mercosur's growing membership, which is set to include Bolivia": a prospective member.
  rule(
    "future-membership",
    `${N("org", "o")}${POSS} (?:[a-z-]+ ){0,2}membership,? (?:which |that )?(?:will|is set to|is expected to|is to) (?:include|grow to include|add|welcome) (?<list>${MEMBERS})`,
    (m) =>
      each("member_of", gl(m, "list"), g(m, "org"), 0.6, { attrs: { status: "prospective" }, keepHypothetical: true }),
  ),
  // "the US-led NATO", "a Brazil-led regional mechanism" (after the organisation)
  rule("x-led-org", `${N("lead", "c")}-(?:led|dominated|backed) ${N("org", "o")}`, (m, x) => {
    const org = x.mentions[g(m, "org")]?.entity;
    if (!org || !isIntergovernmental(org)) return [];
    return [
      { type: "member_of", subj: g(m, "lead"), obj: g(m, "org"), attrs: { role: "leading member" }, confidence: 0.75 },
    ];
  }),
  rule(
    "org-a-x-led",
    `${N("org", "o")},? (?:(?:a|an|the) )?${N("lead", "c")}-(?:led|dominated) (?:[a-z-]+ ){0,3}${GROUPING}`,
    (m) => [
      { type: "member_of", subj: g(m, "lead"), obj: g(m, "org"), attrs: { role: "leading member" }, confidence: 0.75 },
    ],
  ),
  // "Mercosur, which Brasília leads together with Buenos Aires"
  rule(
    "org-which-x-dominates",
    `${N("org", "o")}, which (?<list>${MEMBERS}) (?:dominates?|leads?|dominated|led|founded|co-founded)(?: along with| together with| with| and) ?(?<list2>${MEMBERS})?`,
    (m, x) => {
      const org = x.mentions[g(m, "org")]?.entity;
      if (!org || !isIntergovernmental(org)) return [];
      return each("member_of", [...gl(m, "list"), ...gl(m, "list2")], g(m, "org"), 0.75);
    },
  ),
  // "Moscow's Eurasian Economic Union": a state's own intergovernmental body.
  rule("state-poss-igo", `${N("subj", "c")}${POSS} (?:own )?${N("org", "o")}`, (m, x) => {
    const org = x.mentions[g(m, "org")]?.entity;
    if (!org || !isIntergovernmental(org)) return [];
    return [{ type: "member_of", subj: g(m, "subj"), obj: g(m, "org"), confidence: 0.65 }];
  }),
  // "X and Y are (both) members" after the organisation was named: "the African Union ... Kenya, Ghana and Nigeria are members"
  rule(
    "org-then-are-members",
    `${N("org", "o")}[^⟦.;]{0,80}?(?<list>${COUNTRIES}) (?:are|were|became|have become) (?:also )?(?:full |founding |permanent )?(?<cue>members)(?![ ]of)`,
    (m) => each("member_of", gl(m, "list"), g(m, "org"), 0.65, { cue: cueAt(m) }),
  ),

  // ---- participation in initiatives --------------------------------------------------------------
  // "Greece is a key gateway for China's Belt and Road Initiative", "an early showcase of the BRI"
  rule(
    "is-part-of-initiative",
    `${N("subj", "co")}(?:,| is| was| remains| became| has become| serves as| acts as| acting as)(?: also| now| still)?(?: seen as| regarded as)? (?:(?:a|an|the|one of the) )?${ADJ(4)}(?<cue>link|links|part|partner|partners|participant|participants|member|hub|conduit|way station|cradle|cradles|buckle|gateway|node|pillar|corridor|component|centerpiece|centrepiece|showcase|stop|crossroads|beneficiary|recipient) (?:in|of|for|on|to) (?:the |its |his |their |this |that |${e("cp")}${POSS} )?"?${N("ini", "i")}`,
    (m) => [{ type: "participates_in", subj: g(m, "subj"), obj: g(m, "ini"), confidence: 0.8, cue: cueAt(m) }],
  ),
  // "as one of the pillars of the BRI, Pakistan ..."
  rule(
    "one-of-initiative-x",
    `one of the (?:[a-z-]+ ){0,2}(?:cradles|members|participants|partners|hubs|links|beneficiaries|pillars) of (?:[Tt]he )?"?${N("ini", "i")}"?, ${N("subj", "co")}`,
    (m) => [{ type: "participates_in", subj: g(m, "subj"), obj: g(m, "ini"), confidence: 0.75 }],
  ),
  // "BRI investments in Sri Lanka"
  rule(
    "initiative-projects-in",
    `${N("ini", "i")}"? (?:[a-z-]+ )?(?:projects?|investments?|infrastructure|corridors?|routes?|deals?) (?:in|across|through) (?:[Tt]he )?(?<list>${COUNTRIES})`,
    (m) => each("participates_in", gl(m, "list"), g(m, "ini"), 0.75),
  ),
  // "Italy's involvement in the BRI", "Greece's engagement with the Belt and Road"
  rule(
    "participation-in",
    `${N("subj", "co")}${POSS} (?:[a-z-]+ ){0,2}(?:participation|involvement|role|membership|engagement|adherence|commitment|accession|recognition) (?:in|to|with|of) (?:[Tt]he )?"?${N("ini", "i")}`,
    (m) => [{ type: "participates_in", subj: g(m, "subj"), obj: g(m, "ini"), confidence: 0.75 }],
  ),
  // "Hungary has eagerly endorsed the BRI", "Laos signed up to the initiative"
  rule(
    "embraced-initiative",
    `(?<subj>${MEMBERS}) (?:[a-z]+ ){0,4}?(?<cue>joined|embraced|welcomed|endorsed|signed up to|signed on to|signed|participates in|participated in|takes part in|took part in|adheres to|adhered to|backed|supports|supported|is participating in|are participating in) (?:[Tt]he )?(?:[a-z-]+ ){0,2}?"?${N("ini", "i")}`,
    (m) => each("participates_in", gl(m, "subj"), g(m, "ini"), 0.75, { cue: cueAt(m) }),
  ),
  // "Of the states that first endorsed the BRI, Pakistan ..."
  rule(
    "among-welcomed",
    `(?:[Aa]mong|[Oo]f) the (?:countries|states|nations) (?:that|which) (?:[a-z]+ ){0,2}(?:welcomed|embraced|joined|endorsed|signed up to) the "?${N("ini", "i")}"?, (?<list>${MEMBERS})`,
    (m) => each("participates_in", gl(m, "list"), g(m, "ini"), 0.75),
  ),
  // "Both Laos and Cambodia are active participants in the BRI"
  rule(
    "partners-in-initiative",
    `(?:[Bb]oth )?(?<list>${MEMBERS}) (?:are|were|have been|remain)(?: also| both| all)? (?:[a-z-]+ ){0,2}(?<cue>partners|participants|members) (?:in|of) (?:[Tt]he )?"?${N("ini", "i")}`,
    (m) => each("participates_in", gl(m, "list"), g(m, "ini"), 0.75, { cue: cueAt(m) }),
  ),

  // ---- creation ------------------------------------------------------------------------------------
  // "China's signature Global Development Initiative", "Mongolia's transport programme called Steppe Road"
  rule(
    "poss-initiative",
    `${N("owner", "pco")}${POSS} (?:own )?${ADJ(5)}(?:(?:plan|policy|programme|program|strategy|initiative|vision|concept|project|doctrine) (?:called|named|dubbed|known as) )?"?${N("ini", "i")}`,
    (m, x) => {
      const owner = x.mentions[g(m, "owner")]?.entity;
      if (!owner) return [];
      const out: Hit[] = [{ type: "created", subj: g(m, "owner"), obj: g(m, "ini"), confidence: 0.65 }];
      if (owner.type === "country")
        out.push({ type: "participates_in", subj: g(m, "owner"), obj: g(m, "ini"), confidence: 0.7 });
      return out;
    },
  ),
  // "Xi Jinping unveiled his Global Security Initiative", "Modi launched his own policy called Act East"
  rule(
    "x-launched-initiative",
    `${N("subj", "pco")} (?:[a-z]+ )?(?:first )?(?<cue>announced|launched|unveiled|proposed|inaugurated|initiated|introduced|articulated|conceived|devised|pioneered|founded|established|created|set up|formed|co-founded)(?: in \\d{4})? (?:(?:his|her|its|their|the|a|an) )?(?:${e("c")}${POSS} )?(?:own )?${ADJ(4)}(?:(?:plan|policy|programme|program|strategy|initiative|vision|concept|project|doctrine) (?:called|named|dubbed|known as) )?"?${N("obj", "io")}"?(?=[,.;:)"]|$| (?:in|on|at|with|to|as|and|which|that|by|from|for|under|during|after|before|when|while|was|is|has|had|were|are|vision|concept|initiative|\\(|\\d))`,
    (m, x) => {
      const obj = x.mentions[g(m, "obj")]?.entity;
      const verb = m.groups?.cue ?? "";
      if (!obj) return [];
      // Organisations are founded, not announced.
      if (obj.type === "organization" && !/found|establish|creat|set up|form/.test(verb)) return [];
      const out: Hit[] = [{ type: "created", subj: g(m, "subj"), obj: g(m, "obj"), confidence: 0.8, cue: cueAt(m) }];
      return out;
    },
  ),
  // "the GDI, first proposed by Xi in 2021", "the Pacific Alliance, founded by Chile, Colombia, Mexico and Peru"
  rule(
    "initiative-launched-by",
    `${N("obj", "io")}"?,? (?:which was |that was |was |were )?(?:first |originally |jointly )?(?<cue>announced|launched|unveiled|proposed|founded|established|created|set up|initiated|introduced|conceived) (?:in \\d{4} )?by (?:[Tt]he )?(?<list>${LIST("pco")})`,
    (m) => each("created", gl(m, "list"), g(m, "obj"), 0.8),
  ),
  // "the first bloc that Brazil was instrumental in founding, Mercosur"
  rule(
    "instrumental-in-creating",
    `${N("subj", "co")} (?:was|were|had been|has been) instrumental in (?:creating|founding|establishing|setting up|launching),? (?:[Tt]he )?${N("obj", "oi")}`,
    (m) => [{ type: "created", subj: g(m, "subj"), obj: g(m, "obj"), confidence: 0.75 }],
  ),
  rule(
    "instrumental-in-creating-apposition",
    `that ${N("subj", "co")} (?:was|were|had been|has been) instrumental in (?:creating|founding|establishing|setting up|launching), (?:[Tt]he )?${N("obj", "oi")}`,
    (m) => [{ type: "created", subj: g(m, "subj"), obj: g(m, "obj"), confidence: 0.75 }],
  ),
];
