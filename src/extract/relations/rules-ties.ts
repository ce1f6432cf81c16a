// Economic ties between states and organisations: trade_partner, supplies, invests_in (stances are in
// rules-stances.ts).
import { e, LIST, N } from "./masked.js";
import { ADJ, antecedent, cueAt, type Hit, POSS, type Rule, rule } from "./rule.js";

const g = (m: RegExpExecArray, name: string): number => Number(m.groups?.[name] ?? Number.NaN);
const gl = (m: RegExpExecArray, name: string): number[] =>
  [...(m.groups?.[name] ?? "").matchAll(/⟦[a-z](\d+)⟧/g)].map((x) => Number(x[1]));

/** A state or body as an actor noun phrase: "Korean firms", "the Mongolian government". */
const ACTOR_TAIL =
  "(?: (?:firms|companies|government|authorities|officials|military|forces|state|side|businesses|traders|investors|banks|leadership|regime))?";
/** Ranks of a partner: "largest", "second-largest", "most significant". */
const RANK =
  "(?<rank>(?:(?:single |very )?(?:largest|biggest|second-largest|third-largest|second largest|third largest|second-biggest|top|main|leading|principal|chief|primary|most important|most significant|key|major|important|significant|fastest-growing|number one|no\\. 1) )+)?";
const SUPPLY_VERBS =
  "supplies|supplied|supplying|exports|exported|exporting|sells|sold|selling|ships|shipped|shipping|delivers|delivered|delivering|provides|provided|providing|sends|sent|sending";
const BUY_VERBS =
  "sources|sourced|sourcing|imports|imported|importing|buys|bought|buying|purchases|purchased|purchasing|gets|got|getting|receives|received|receiving|obtains|obtained";
/** A commodity: up to three lower-case words. */
const COMMODITY = "(?<commodity>(?:[a-z][a-z-]* ){0,2}?[a-z][a-z-]*)";
const NOT_COMMODITY = new Set([
  "it",
  "them",
  "this",
  "that",
  "more",
  "most",
  "some",
  "all",
  "support",
  "assistance",
  "help",
  "troops",
  "forces",
  "message",
  "messages",
  "statement",
  "signal",
  "signals",
  "letter",
  "delegation",
  "envoy",
  "envoys",
  "diplomats",
  "delegations",
  "officials",
  "ministers",
  "observers",
  "representatives",
  "condolences",
  "congratulations",
  "greetings",
  "invitations",
]);

function commodity(m: RegExpExecArray): string | null {
  let c = (m.groups?.commodity ?? "").trim();
  c = c.replace(/^(?:the|its|their|his|her|of|worth of|some|more|most|much|cheap|large amounts of|amounts of) /, "");
  if (!c || NOT_COMMODITY.has(c) || NOT_COMMODITY.has(c.split(" ")[0] ?? "")) return null;
  return c;
}

/** The "seller" group supplies the "buyer" group with the matched commodity (nothing when it is no commodity). */
function sellerSuppliesBuyer(m: RegExpExecArray): Hit[] {
  const c = commodity(m);
  if (!c) return [];
  return [
    {
      type: "supplies",
      subj: g(m, "seller"),
      obj: g(m, "buyer"),
      attrs: { commodity: c },
      confidence: 0.8,
      cue: cueAt(m),
    },
  ];
}

export const TIES_RULES: Rule[] = [
  // ---- trade -------------------------------------------------------------------------------------------
  // "Germany is Poland's largest export partner", "Japan was Vietnam's second-largest trading partner"
  rule(
    "is-trading-partner",
    `${N("a", "c")} (?:is|was|remains|became|has become|had become|has been|is now|is also|was also|has long been)(?: also| now| already| still| rapidly becoming)? (?:${N("b", "c")}${POSS}|the|a|an|its|their) ${RANK}(?<noun>(?:trading|trade|export|import|economic|commercial) partner|export market|export destination|customer|market for [a-z]+ exports)(?: (?:of|for|to) ${N("b2", "c")})?(?<inv> \\(?and [a-z-]+ investor)?`,
    (m) => {
      const b = m.groups?.b !== undefined ? g(m, "b") : g(m, "b2");
      if (Number.isNaN(b)) return [];
      const rank = (m.groups?.rank ?? "").trim();
      const attrs: Record<string, string> = rank ? { rank: `${rank} ${m.groups?.noun ?? ""}`.trim() } : {};
      const out: Hit[] = [{ type: "trade_partner", subj: g(m, "a"), obj: b, attrs, confidence: 0.85 }];
      if (m.groups?.inv) out.push({ type: "invests_in", subj: g(m, "a"), obj: b, confidence: 0.75 });
      return out;
    },
  ),
  // "Germany remains the top donor to Moldova, is Poland's biggest trading partner (and leading investor), and
  // since 2016 has been Czechia's main trading partner": a coordinated predicate
  // whose subject opens the sentence.
  rule(
    "coordinated-trading-partner",
    `^(?:[A-Z][a-z]+,? ){0,2}?(?:[Tt]he )?${N("a", "c")} [^.;]{0,160}?(?:, |,? and )(?:[a-z0-9 ]{0,25} )?(?:is|was|has been|remains|has become|became) (?:also )?${N("b", "c")}${POSS} ${RANK}(?<noun>(?:trading|trade|export|import|economic) partner)(?<inv> \\(?and [a-z-]+ investor)?`,
    (m) => {
      const rank = (m.groups?.rank ?? "").trim();
      const attrs: Record<string, string> = rank ? { rank: `${rank} ${m.groups?.noun ?? ""}`.trim() } : {};
      const out: Hit[] = [{ type: "trade_partner", subj: g(m, "a"), obj: g(m, "b"), attrs, confidence: 0.75 }];
      if (m.groups?.inv) out.push({ type: "invests_in", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.75 });
      return out;
    },
  ),
  // "with India overtaking Japan as the country's second-largest trading partner": both were partners.
  rule(
    "overtaking-as-partner",
    `${N("a", "c")} (?:overtaking|overtook|overtakes|replacing|replaced|surpassing|surpassed|displacing|displaced) ${N("z", "c")} as (?:${N("b", "c")}${POSS}|the country's|its) ${RANK}(?:trading|trade|export|import|economic) partner`,
    (m) => {
      const out: Hit[] = [];
      if (m.groups?.b !== undefined) {
        out.push({ type: "trade_partner", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.8 });
        out.push({ type: "trade_partner", subj: g(m, "z"), obj: g(m, "b"), confidence: 0.75 });
      }
      return out;
    },
  ),
  // "... with China overtaking Russia as the country's biggest trading partner": "the country" is the state named before
  rule(
    "overtaking-as-its-partner",
    `${N("a", "c")} (?:overtaking|overtook|overtakes|replacing|replaced|surpassing|surpassed|displacing|displaced) ${N("z", "c")} as (?:the country's|its) ${RANK}(?:trading|trade|export|import|economic) partner`,
    (m, x) => {
      const b = antecedent(x, m.index, "c");
      if (b === undefined || x.mentions[b]?.entity.key === x.mentions[g(m, "a")]?.entity.key) return [];
      return [
        { type: "trade_partner", subj: g(m, "a"), obj: b, confidence: 0.7 },
        { type: "trade_partner", subj: g(m, "z"), obj: b, confidence: 0.65 },
      ];
    },
  ),
  // "Brazil's agricultural trade with Argentina", "trade between Chile and Peru", "Chile-Peru trade"
  rule(
    "trade-with",
    `${N("a", "c")}${POSS} ${ADJ(3)}(?:trade|trading relationship|trade ties|trade relations|commerce) (?:with|to) ${N("b", "c")}`,
    (m) => [{ type: "trade_partner", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.8 }],
  ),
  rule(
    "trade-between",
    `(?:trade|commerce|trade ties|trade relations|trade turnover|trade volume) between ${N("a", "c")} and ${N("b", "c")}`,
    (m) => [{ type: "trade_partner", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.85 }],
  ),
  rule("a-b-trade", `${N("a", "c")}(?:-|–|/)${N("b", "c")} (?:bilateral )?(?:trade|commerce)(?! war)`, (m) => [
    { type: "trade_partner", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.8 },
  ]),
  rule(
    "a-trades-with-b",
    `${N("a", "c")}${ACTOR_TAIL} (?:[a-z]+ )?(?<cue>trades|traded|trade|trading) (?:extensively |heavily )?with ${N("b", "c")}`,
    (m) => [{ type: "trade_partner", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.75, cue: cueAt(m) }],
  ),
  // "Peru concluded a Free Trade Agreement with Seoul"
  rule(
    "free-trade-agreement",
    `${N("a", "c")} (?:[a-z]+ ){0,4}?(?<cue>signed|sign|concluded|agreed) (?:a |an )?(?:bilateral )?[Ff]ree [Tt]rade [Aa]greement with ${N("b", "c")}`,
    (m) => [{ type: "trade_partner", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.75, cue: cueAt(m) }],
  ),

  // "Georgia ... went so far as to sign a Free Trade Agreement with Beijing": both parties take part in the agreement
  rule(
    "signed-agreement-with",
    `${N("a", "co")}(?:[^⟦.;]|${e("il")}){0,100}? (?<cue>signed|signs|sign|signing|concluded|concludes|conclude|ratified|ratifies) (?:a|an|the) (?:[a-z-]+ ){0,2}?${N("ini", "i")} with (?:[Tt]he )?${N("b", "co")}`,
    (m, x) => {
      const ini = x.mentions[g(m, "ini")]?.entity;
      if (!ini || !/\b(?:Agreement|Treaty|Pact|Accord|Partnership|Deal)\b/i.test(ini.name)) return [];
      const out: Hit[] = [
        { type: "participates_in", subj: g(m, "a"), obj: g(m, "ini"), confidence: 0.7, cue: cueAt(m) },
        { type: "participates_in", subj: g(m, "b"), obj: g(m, "ini"), confidence: 0.7, cue: cueAt(m) },
      ];
      if (/\btrade\b/i.test(ini.name))
        out.push({ type: "trade_partner", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.7, cue: cueAt(m) });
      return out;
    },
  ),

  // ---- supplies ----------------------------------------------------------------------------------------
  // "Italy gets 40% of its pipeline gas from Algeria" -> Algeria supplies Italy
  rule(
    "buys-from",
    `${N("buyer", "co")}${ACTOR_TAIL} (?:[a-z]+ )?(?<cue>${BUY_VERBS}) (?:(?:at least|about|around|some|nearly|almost|more than|over|roughly|half|a third|a quarter) )?(?:(?:[0-9][0-9.,]*|one|two|three|four|five|six|seven|eight|nine|ten) ?(?:%|per ?cent|percent|times|million tonnes|tonnes|tons|barrels|cubic metres|bcm)? ?(?:of )?)?(?:(?:most|much|all|part|the bulk|the majority|a (?:large |small |growing )?(?:share|portion|part)) of )?(?:its |their |the )?${COMMODITY} (?:(?:directly |mainly |mostly )?from|via|through) (?:or via )?(?:[Tt]he )?${N("seller", "co")}`,
    sellerSuppliesBuyer,
  ),
  // "Norway supplies gas to Germany", "Japan shipping $3.4 billion worth of machinery to Vietnam"
  rule(
    "supplies-to",
    `${N("seller", "co")}${ACTOR_TAIL} (?:[a-z]+ ){0,2}?(?<cue>${SUPPLY_VERBS}) (?:(?:an estimated|about|around|some|nearly|more than|over) )?(?:(?:US)?\\$?[0-9][0-9.,]* ?(?:billion|million|bn|m|tonnes|tons|barrels)? (?:worth of |of )?)?(?:[a-z-]+ )?${COMMODITY} to (?:[Tt]he )?${N("buyer", "co")}`,
    sellerSuppliesBuyer,
  ),
  // "X supplied Y with ammunition"
  rule(
    "supplies-with",
    `${N("seller", "co")}${ACTOR_TAIL} (?:[a-z]+ ){0,2}?(?<cue>supplies|supplied|supplying|provides|provided|providing|furnished|equipped|armed) (?:[Tt]he )?${N("buyer", "co")}${ACTOR_TAIL} with ${COMMODITY}(?=[ ,.;)]|$)`,
    sellerSuppliesBuyer,
  ),
  // "Chile is Japan's largest supplier of copper", "a major source of gas for Italy"
  rule(
    "is-supplier-of",
    `${N("seller", "co")} (?:is|was|remains|became|has become)(?: also| now)? (?:${N("buyer", "co")}${POSS}|a|an|the) ${RANK}(?:supplier|source|exporter|provider) of (?:imported )?${COMMODITY}(?: (?:to|for) (?:[Tt]he )?${N("buyer2", "co")})?(?=[ ,.;)]|$)`,
    (m) => {
      const c = commodity(m);
      const buyer = m.groups?.buyer !== undefined ? g(m, "buyer") : g(m, "buyer2");
      if (!c || Number.isNaN(buyer)) return [];
      return [{ type: "supplies", subj: g(m, "seller"), obj: buyer, attrs: { commodity: c }, confidence: 0.8 }];
    },
  ),
  // "India's imports of oil from Iraq", "Qatar's gas exports to Japan"
  rule(
    "imports-of-from",
    `${N("buyer", "co")}${POSS} ${ADJ(2)}imports of ${COMMODITY} from ${N("seller", "co")}`,
    (m) => {
      const c = commodity(m);
      if (!c) return [];
      return [{ type: "supplies", subj: g(m, "seller"), obj: g(m, "buyer"), attrs: { commodity: c }, confidence: 0.8 }];
    },
  ),
  rule(
    "exports-of-to",
    `${N("seller", "co")}${POSS} ${COMMODITY} (?:exports|supplies|deliveries|shipments|sales) to ${N("buyer", "co")}`,
    (m) => {
      const c = commodity(m);
      if (!c) return [];
      return [{ type: "supplies", subj: g(m, "seller"), obj: g(m, "buyer"), attrs: { commodity: c }, confidence: 0.8 }];
    },
  ),

  // ---- investment ---------------------------------------------------------------------------------------
  // "Japan has poured several billion dollars into Vietnam"
  rule(
    "invested-in",
    `${N("a", "co")}${ACTOR_TAIL} (?:has |had |have |is |are |also )*(?:[a-z]+ )?(?<cue>invested|invests|investing|poured|pumped|sunk)(?: [^⟦.;]{0,60}?)? (?:in|into) (?:[Tt]he )?(?<list>${LIST("cof")})`,
    (m) =>
      gl(m, "list").map((b) => ({
        type: "invests_in" as const,
        subj: g(m, "a"),
        obj: b,
        confidence: 0.8,
        cue: cueAt(m),
      })),
  ),
  // "Germany's direct investment in Hungary", "Korean private sector investment in Vietnam"
  rule(
    "investment-in",
    `${N("a", "co")}(?:${POSS})? ${ADJ(3)}(?<cue>investments?|investors?|FDI|capital) (?:in|into) (?:[Tt]he )?(?<list>${LIST("cof")})`,
    (m, x) => {
      const a = x.mentions[g(m, "a")];
      // "X's investment" or the demonym "Chinese investment"; not "Vietnam investment in ..." as a compound.
      const possessive = /^⟦[a-z]\d+⟧'/.test(m[0]);
      if (!possessive && a?.form !== "demonym" && a?.entity.type !== "organization") return [];
      return gl(m, "list").map((b) => ({
        type: "invests_in" as const,
        subj: g(m, "a"),
        obj: b,
        confidence: 0.8,
        cue: cueAt(m),
      }));
    },
  ),
  rule(
    "investment-from-in",
    `investments? (?:from|by) ${N("a", "co")} (?:in|into) (?:[Tt]he )?${N("b", "cof")}`,
    (m) => [{ type: "invests_in", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.8 }],
  ),
  // "Japan is Vietnam's second-biggest investor", "Germany remains the top foreign investor in Czechia"
  rule(
    "is-investor",
    `${N("a", "co")} (?:is|was|remains|became|has become)(?: also| now| still)?(?: the putative| the)? (?:${N("b", "co")}${POSS} )?[^⟦.;]{0,60}?\\b(?<cue>investor)(?: (?:in|to) (?:[Tt]he )?${N("b2", "cof")})?`,
    (m) => {
      const b = m.groups?.b !== undefined ? g(m, "b") : g(m, "b2");
      if (Number.isNaN(b)) return [];
      return [{ type: "invests_in", subj: g(m, "a"), obj: b, confidence: 0.75, cue: cueAt(m) }];
    },
  ),
  // "Vietnam has long been courting Korean investment", "Hanoi ... open its markets to Japanese investment"
  rule(
    "welcomes-investment",
    `${N("b", "cof")}(?: (?:government|authorities))? (?:[a-z]+ ){0,6}?(?:embrac|welcom|attract|court|receiv|accept|open(?:ed|ing|s)? (?:up )?(?:its |their )?(?:[a-z]+ )?to)[a-z]* (?:[a-z]+ ){0,2}?(?:more |further |greater |increased )?${N("a", "c")} (?:[a-z-]+ ){0,2}?(?<cue>investment|investments|capital|FDI)`,
    (m, x) => {
      if (x.mentions[g(m, "a")]?.form !== "demonym") return [];
      return [{ type: "invests_in", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.75, cue: cueAt(m) }];
    },
  ),
];
