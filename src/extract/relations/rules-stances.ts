// Political stances between states and organisations: allied_with and opposes.
import { e, LIST, N } from "./masked.js";
import { ADJ, antecedent, cueAt, type Hit, POSS, type Rule, rule } from "./rule.js";

const g = (m: RegExpExecArray, name: string): number => Number(m.groups?.[name] ?? Number.NaN);
const gl = (m: RegExpExecArray, name: string): number[] =>
  [...(m.groups?.[name] ?? "").matchAll(/⟦[a-z](\d+)⟧/g)].map((x) => Number(x[1]));

/** Every pair in a list ("A, B and C are allies"), both ways for a relation that is not symmetric. */
function pairs(l: number[], type: "allied_with" | "opposes", confidence: number, bothWays = false): Hit[] {
  const out: Hit[] = [];
  for (let i = 0; i < l.length; i++)
    for (let j = i + 1; j < l.length; j++) {
      out.push({ type, subj: l[i] ?? 0, obj: l[j] ?? 0, confidence });
      if (bothWays) out.push({ type, subj: l[j] ?? 0, obj: l[i] ?? 0, confidence });
    }
  return out;
}

/** Adjectives that make a "partner" an ally rather than only a customer. */
const TRADE_ONLY = /\b(?:trading|trade|economic|export|import|commercial|business|investment|energy)\b/;

export const STANCE_RULES: Rule[] = [
  // ---- alliance ---------------------------------------------------------------------------------------------
  // "Japan and Australia are strategic partners", "X and Y, close allies"
  rule(
    "a-and-b-are-allies",
    `(?<list>${LIST("co")}),? (?:are|were|remain|became|have become|as)(?: [a-z]+)? (?<adj>${ADJ(3)})(?<cue>allies|partners)(?![a-z]| in | of | for | on )`,
    (m) => {
      if (TRADE_ONLY.test(m.groups?.adj ?? "") && !/strategic|security|military|political/.test(m.groups?.adj ?? ""))
        return [];
      const l = gl(m, "list");
      const out: Hit[] = [];
      for (let i = 0; i < l.length; i++)
        for (let j = i + 1; j < l.length; j++)
          out.push({ type: "allied_with", subj: l[i] ?? 0, obj: l[j] ?? 0, confidence: 0.8, cue: cueAt(m) });
      return out;
    },
  ),
  // "Japan and Australia, longtime allies, met", "Chile and Peru signed a defence pact (with each other)"
  rule(
    "a-and-b-comma-allies",
    `(?<list>${LIST("co")}), (?:(?:both|two|the two) )?(?:(?:longtime|long-time|long-standing|close|old|traditional|staunch|firm|key|strategic|military|regional|treaty) )*(?<cue>allies)(?=[,.;)]|$)`,
    (m) => pairs(gl(m, "list"), "allied_with", 0.8),
  ),
  rule(
    "signed-defence-pact",
    `(?<list>${LIST("co")}) (?:have |has |had )?(?:[a-z]+ )?(?<cue>signed|sealed|concluded|struck|forged|sign|seal|conclude|formed|form) (?:a |an )?(?:new |historic |landmark |formal )?(?:mutual |bilateral |joint )?(?:defen[cs]e|security|military|strategic) (?:pact|treaty|alliance|partnership|cooperation agreement|cooperation treaty)(?: with (?:[Tt]he )?(?<b>${LIST("co")}))?`,
    (m) => {
      const l = gl(m, "list");
      const b = gl(m, "b");
      if (b.length)
        return l.flatMap((a) =>
          b.map((o) => ({ type: "allied_with" as const, subj: a, obj: o, confidence: 0.75, cue: cueAt(m) })),
        );
      return pairs(l, "allied_with", 0.75).map((h) => ({ ...h, cue: cueAt(m) }));
    },
  ),
  // "Belarus remains a loyal ally in Russia's standoff", "Austria is a close neighbour and ally of Germany"
  rule(
    "a-is-ally-of-b",
    `${N("a", "co")},? (?:is|was|remains|became|has become|as|a|an)(?: also| still| now)? (?:(?:a|an|the|its) )?(?<adj>${ADJ(3)})(?:neighbou?r and )?(?<cue>ally|partner|friend)(?: (?:of|to|for) | in )${N("b", "co")}`,
    (m) => {
      if (TRADE_ONLY.test(m.groups?.adj ?? "") && !/strategic|security|military|political/.test(m.groups?.adj ?? ""))
        return [];
      return [{ type: "allied_with", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.8, cue: cueAt(m) }];
    },
  ),
  // "Hezbollah has been one of Iran's most trusted allies"
  rule(
    "a-is-b-poss-ally",
    `${N("a", "co")} (?:is|was|has been|remains|became|has become)(?: also| long| still)? (?:one of )?(?:[Tt]he )?${N("b", "co")}${POSS} (?<adj>${ADJ(4)})(?<cue>ally|allies|partner|partners|friend|friends)(?![a-z])`,
    (m) => {
      if (TRADE_ONLY.test(m.groups?.adj ?? "") && !/strategic|security|military|political/.test(m.groups?.adj ?? ""))
        return [];
      return [{ type: "allied_with", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.8, cue: cueAt(m) }];
    },
  ),
  // "Russia's steadfast ally Belarus", "Tokyo's closest partner, Washington"
  rule(
    "b-poss-ally-a",
    `${N("b", "co")}${POSS} (?<adj>${ADJ(3)})(?<cue>ally|allies|partner|partners|friend)(?:,)? (?<list>${LIST("co")})`,
    (m) => {
      if (TRADE_ONLY.test(m.groups?.adj ?? "") && !/strategic|security|military|political/.test(m.groups?.adj ?? ""))
        return [];
      return gl(m, "list").map((a) => ({ type: "allied_with" as const, subj: a, obj: g(m, "b"), confidence: 0.8 }));
    },
  ),
  rule(
    "a-comma-b-poss-ally",
    `${N("a", "co")}, (?:(?:as|is|a|an|the) )*${N("b", "co")}${POSS} (?<adj>${ADJ(3)})(?<cue>ally|partner|friend)(?![a-z])`,
    (m) => {
      if (TRADE_ONLY.test(m.groups?.adj ?? "") && !/strategic|security|military|political/.test(m.groups?.adj ?? ""))
        return [];
      return [{ type: "allied_with", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.75 }];
    },
  ),
  // "partnership between X and Y", "the alignment of interests between Japan and Australia", "the deepening rapprochement between"
  rule(
    "partnership-between",
    `(?<cue>partnership|alliance|axis|alignment|entente|friendship|closeness|rapprochement|bond|bonds|solidarity)(?: of [a-z]+)? between ${N("a", "co")} and ${N("b", "co")}`,
    (m) => [{ type: "allied_with", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.8, cue: cueAt(m) }],
  ),
  // "the Japan-Australia strategic partnership", "the US-Japan alliance"
  rule(
    "a-b-partnership",
    `${N("a", "co")}(?:-|–|/| and )${N("b", "co")} (?:${ADJ(3)})(?<cue>partnership|alliance|axis|friendship|entente)`,
    (m) => [{ type: "allied_with", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.8, cue: cueAt(m) }],
  ),
  // "Japan's alliance with the US", "X's strategic partnership with Y"
  rule(
    "alliance-with",
    `${N("a", "co")}${POSS} (?<adj>${ADJ(3)})(?<cue>alliance|partnership|friendship|axis|alignment) with ${N("b", "co")}`,
    (m) => {
      if (TRADE_ONLY.test(m.groups?.adj ?? "") && !/strategic|security|military|political/.test(m.groups?.adj ?? ""))
        return [];
      return [{ type: "allied_with", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.8, cue: cueAt(m) }];
    },
  ),
  // "Hanoi regards Tokyo as a trusted partner", "has openly chosen Korea as a trade, defence and cultural partner"
  rule(
    "treats-as-partner",
    `${N("a", "co")} (?:[a-z]+ ){0,3}?(?<cue>treats|treated|sees|saw|regards|regarded|views|viewed|considers|considered|embraced|embraces|chose|chosen) ${N("b", "co")} as (?:a|an|its|their|the) (?<adj>(?:[a-z-]+,? (?:and )?){0,4})(?:ally|partner|friend)(?![a-z])`,
    (m) => {
      const adj = m.groups?.adj ?? "";
      if (TRADE_ONLY.test(adj) && !/strategic|security|military|political|cultural/.test(adj)) return [];
      return [{ type: "allied_with", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.75, cue: cueAt(m) }];
    },
  ),
  rule(
    "allied-with",
    `${N("a", "co")} (?:is |are |was |has )?(?:[a-z]+ )?(?<cue>allied|aligned|allies|sided) (?:itself |themselves )?with ${N("b", "co")}`,
    (m) => [{ type: "allied_with", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.75, cue: cueAt(m) }],
  ),

  // ---- opposition ---------------------------------------------------------------------------------------------
  // "India's rivalry with Pakistan", "Iran's confrontation with the West", "Armenia's war with Azerbaijan"
  rule(
    "rivalry-with",
    `${N("a", "col")}${POSS} ${ADJ(3)}(?<cue>rivalry|confrontation|competition|conflict|hostility|hostilities|war|feud|dispute|standoff|stand-off|tensions|struggle|enmity|animosity|antagonism|showdown|clash|clashes) (?:with|against) (?:[Tt]he )?${N("b", "col")}`,
    (m) => [{ type: "opposes", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.8, cue: cueAt(m) }],
  ),
  // "... gain an ally in its long dispute with Pakistan": "its" is the nearest state before it
  rule(
    "its-rivalry-with",
    `\\bits ${ADJ(3)}(?<cue>rivalry|confrontation|competition|conflict|hostility|war|feud|dispute|standoff|stand-off|tensions|struggle|enmity|animosity|antagonism) (?:with|against) (?:[Tt]he )?${N("b", "col")}`,
    (m, x) => {
      const a = antecedent(x, m.index, "co");
      return a === undefined ? [] : [{ type: "opposes", subj: a, obj: g(m, "b"), confidence: 0.65, cue: cueAt(m) }];
    },
  ),
  // "Beijing ... to expand its influence in rivalry with the US": the rival of the state named before
  rule(
    "in-rivalry-with-antecedent",
    `\\b(?:in|amid|amidst) (?:(?:its|their|a|an) )?(?:(?:growing|rising|deepening|intensifying|increasing|escalating|fierce|open|strategic|great-power) )*(?<cue>rivalry|confrontation|standoff|stand-off|hostility) with (?:[Tt]he )?${N("b", "col")}`,
    (m, x) => {
      const a = antecedent(x, m.index, "co");
      if (a === undefined || x.mentions[a]?.key === x.mentions[g(m, "b")]?.key) return [];
      return [{ type: "opposes", subj: a, obj: g(m, "b"), confidence: 0.65, cue: cueAt(m) }];
    },
  ),
  // "the Iraqi war with Iran" (a demonym before the noun)
  rule(
    "demonym-war-with",
    `${N("a", "c")} ${ADJ(2)}(?<cue>war|invasion|aggression|occupation|rivalry|confrontation|conflict|offensive) (?:with|of|against|in|on) (?:[Tt]he )?${N("b", "c")}`,
    (m, x) => {
      if (x.mentions[g(m, "a")]?.form !== "demonym") return [];
      return [{ type: "opposes", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.8 }];
    },
  ),
  rule(
    "rivalry-between",
    `(?<cue>rivalry|confrontation|competition|conflict|hostility|war|feud|dispute|standoff|tensions|enmity|animosity|antagonism) between ${N("a", "col")} and ${N("b", "col")}`,
    (m) => [
      { type: "opposes", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.75, cue: cueAt(m) },
      { type: "opposes", subj: g(m, "b"), obj: g(m, "a"), confidence: 0.75, cue: cueAt(m) },
    ],
  ),
  // "Chile and Peru are locked in a bitter dispute with Bolivia", "Moscow, mired in confrontation with the West"
  rule(
    "in-rivalry-with",
    `(?<list>${LIST("co")}),? (?:is |are |was |were |has been |have been |remains? |stays? |staying |remained )?(?:[a-z]+ )?(?:locked|engaged|embroiled|mired|caught up|entangled|involved|at war|in lockstep) (?:[a-z-]+ ){0,2}?(?:in|into) (?:a |an |the |its |their )?${ADJ(3)}(?<cue>rivalry|confrontation|conflict|war|standoff|stand-off|dispute|feud|struggle|showdown) with (?:[Tt]he )?${N("b", "col")}`,
    (m) =>
      gl(m, "list").map((a) => ({
        type: "opposes" as const,
        subj: a,
        obj: g(m, "b"),
        confidence: 0.75,
        cue: cueAt(m),
      })),
  ),
  // "ISWAP, an anti-government militia", "the anti-Taliban Northern Alliance": a group defined by its enemy
  rule(
    "anti-x-group",
    `(?:${N("a", "co")},? (?:(?:a|an|the|its) )?(?:[a-z-]+ ){0,3}?anti-${N("b", "col")}|anti-${N("b2", "col")} (?:[a-z-]+ ){0,2}?${N("a2", "o")})(?: [a-z-]+){0,2}?(?<kind> (?:group|organi[sz]ation|movement|militia|faction|force|forces|insurgency|insurgents|alliance|coalition|outfit|front|rebels|fighters|network))?`,
    (m) => {
      const a = m.groups?.a !== undefined ? g(m, "a") : g(m, "a2");
      const b = m.groups?.b !== undefined ? g(m, "b") : g(m, "b2");
      if (m.groups?.a !== undefined && !m.groups?.kind) return [];
      return [{ type: "opposes", subj: a, obj: b, confidence: 0.7 }];
    },
  ),
  // "Chile and Bolivia are bitter rivals", "India, Pakistan's arch-rival"
  rule(
    "are-rivals",
    `(?<list>${LIST("co")}),? (?:are|were|remain|remained|have long been|have been|became|as)(?: [a-z]+)? (?:(?:bitter|fierce|old|longtime|long-time|historic|historical|regional|arch|sworn|strategic|nuclear-armed|implacable) )*(?<cue>rivals|arch-rivals|enemies|arch-enemies|adversaries|foes)(?![a-z])`,
    (m) => pairs(gl(m, "list"), "opposes", 0.75, true).map((h) => ({ ...h, cue: cueAt(m) })),
  ),
  rule(
    "a-b-poss-rival",
    `${N("a", "co")}, (?:(?:as|is|a|an|the) )*${N("b", "co")}${POSS} (?:(?:main|chief|bitter|fierce|old|longtime|historic|regional|arch|sworn|biggest|principal|strategic) )*(?<cue>rival|arch-rival|enemy|arch-enemy|adversary|foe|nemesis)(?![a-z])`,
    (m) => [
      { type: "opposes", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.75 },
      { type: "opposes", subj: g(m, "b"), obj: g(m, "a"), confidence: 0.75 },
    ],
  ),
  // "Iraq's invasion of Kuwait", "Baghdad's aggression against Tehran"
  rule(
    "invasion-of",
    `${N("a", "co")}${POSS} ${ADJ(3)}(?<cue>invasion|aggression|attack|attacks|occupation|annexation|offensive|war|assault|bombing|military action|intervention) (?:of|on|against|in|upon) (?:[Tt]he )?${N("b", "co")}`,
    (m) => [{ type: "opposes", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.75, cue: cueAt(m) }],
  ),
  // "Iraq invaded Kuwait", "X threatens to annex Y"
  rule(
    "a-invaded-b",
    `${N("a", "co")} (?:has |had |have )?(?:[a-z]+ )?(?<threat>threatens to |threatened to |has threatened to )?(?<cue>invaded|invades|attacked|attacks|occupied|occupies|annexed|annexes|went to war with|waged war on|waged war against|declared war on|invade|attack|annex) (?:[Tt]he )?${N("b", "co")}`,
    (m) => [
      {
        type: "opposes",
        subj: g(m, "a"),
        obj: g(m, "b"),
        confidence: 0.75,
        cue: m.groups?.threat ? undefined : cueAt(m),
      },
    ],
  ),
  // "Y, which X has threatened to annex"
  rule(
    "which-a-threatens",
    `${N("b", "co")}, which ${N("a", "co")} (?:has |had )?(?:threatens|threatened|has threatened|vows|vowed) to (?:invade|attack|annex|reunify|take)`,
    (m) => [{ type: "opposes", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.75 }],
  ),
  // "Iran's hostility towards Israel", "X is opposed to Y"
  rule(
    "opposition-to",
    `${N("a", "co")}${POSS} ${ADJ(2)}(?<cue>opposition|hostility|antipathy|resistance) (?:to|toward|towards|against) (?:[Tt]he )?${N("b", "co")}`,
    (m) => [{ type: "opposes", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.75, cue: cueAt(m) }],
  ),
  rule(
    "is-opposed-to",
    `${N("a", "co")} (?:is|are|was|were|remains|remain) (?:[a-z]+ )?(?<cue>opposed|hostile) to (?:[Tt]he )?${N("b", "co")}`,
    (m) => [{ type: "opposes", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.75, cue: cueAt(m) }],
  ),
  // "Iran's plan to build a regional network of militias aimed at Israel and the US"
  rule(
    "directed-against",
    `${N("a", "co")}${POSS} [^⟦.;]{0,120}?(?<cue>directed|aimed|targeted|targeting|aiming) (?:at|against) (?:[Tt]he )?(?<list>${LIST("co")})`,
    (m) =>
      gl(m, "list").map((b) => ({ type: "opposes" as const, subj: g(m, "a"), obj: b, confidence: 0.7, cue: cueAt(m) })),
  ),
  // "Ankara answered with sanctions and a diplomatic campaign against Sweden"; "a jihad ... against India"
  rule(
    "retaliation-against",
    `^(?:[A-Z][a-z]+ ){0,2}?${N("a", "col")} [^.;]{0,100}?(?<cue>retaliation|crusade|campaign|sanctions|offensives?|jihad|war|struggle|measures|pressure|coercion|hostility) (?:[a-z-]+ |${e("l")} ){0,4}?(?:against|on) (?:[Tt]he )?${N("b", "co")}`,
    (m) => [{ type: "opposes", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.65, cue: cueAt(m) }],
  ),
  // "the Red Front, which Lima blames for the bombings", "Kabul blamed the Haqqani network for the attack":
  // a state that blames a group for violence against it is its enemy
  rule(
    "blames-for-violence",
    `(?:${N("b", "co")},? (?:which|whom) ${N("a", "co")}|${N("a2", "co")} (?:[a-z]+ )?(?:has |have |had )?(?:repeatedly |long |also )?(?<cue>blames|blamed|blame|accuses|accused|holds|held) (?:[Tt]he )?${N("b2", "co")}) (?:(?:has |have |had )?(?:repeatedly |long |also )?(?:blames|blamed|blame|accuses|accused|holds|held) )?(?:responsible )?(?:for|of) (?:[a-z-]+ ){0,3}?(?:attacks?|bombings?|terrorism|terrorist attacks|violence|unrest|insurgency|killings?|assassinations?|massacres?|raids?|shelling|strikes)(?![a-z])`,
    (m) => {
      const a = m.groups?.a !== undefined ? g(m, "a") : g(m, "a2");
      const b = m.groups?.b !== undefined ? g(m, "b") : g(m, "b2");
      return [{ type: "opposes", subj: a, obj: b, confidence: 0.7, cue: cueAt(m) }];
    },
  ),
  // "X poses a serious threat to Y", "Y fears threats from groups such as X"
  rule(
    "poses-threat",
    `${N("a", "co")} (?:[a-z]+ )?(?<cue>poses|posed|pose|represents|represented) (?:a |an )?(?:[a-z-]+ ){0,2}threat to (?:[Tt]he )?${N("b", "co")}`,
    (m) => [{ type: "opposes", subj: g(m, "a"), obj: g(m, "b"), confidence: 0.7, cue: cueAt(m) }],
  ),
  rule(
    "threats-from",
    `${N("b", "co")} (?:[a-z]+ ){0,4}?(?<cue>faces|faced|sees|saw|perceives|perceived|fears|feared) (?:[a-z-]+ ){0,3}?threats? from (?:groups (?:like|such as) |militants (?:like|such as) )?(?:[Tt]he )?(?<list>${LIST("co")})`,
    (m) =>
      gl(m, "list").map((a) => ({ type: "opposes" as const, subj: a, obj: g(m, "b"), confidence: 0.7, cue: cueAt(m) })),
  ),
  // "India is the one neighbour that Islamabad sees as a real rival"
  rule(
    "considers-rival",
    `${N("a", "co")} (?:is|was|remains) (?:the|a|an) (?:[a-z]+ ){0,3}?(?:that|which|whom) ${N("b", "co")} (?:considers|sees|regards|views|perceives) (?:as )?(?:a|an|its) (?:[a-z-]+ ){0,2}(?<cue>competitor|rival|adversary|enemy|threat|foe)`,
    (m) => [{ type: "opposes", subj: g(m, "b"), obj: g(m, "a"), confidence: 0.7 }],
  ),
  rule(
    "b-considers-a-rival",
    `${N("b", "co")} (?:[a-z]+ )?(?:considers|sees|regards|views|perceives|treats) ${N("a", "co")} (?:as )?(?:a|an|its|the) (?:[a-z-]+ ){0,2}(?<cue>competitor|rival|adversary|enemy|threat|foe)`,
    (m) => [{ type: "opposes", subj: g(m, "b"), obj: g(m, "a"), confidence: 0.7, cue: cueAt(m) }],
  ),
  // "Eritrea and Ethiopia were long in open war with each other"
  rule(
    "each-other",
    `${N("a", "co")} and ${N("b", "co")} (?<gap>[^⟦.;]{0,60}?)(?<cue>conflict|war|rivalry|confrontation|competition|hostilities|clashes|clash|fight|feud) with each other`,
    (m) => {
      // "have no reason to clash with each other" says they do not.
      const negated = /\b(?:no|not|never|n't)\b/.test(m.groups?.gap ?? "");
      return [
        { type: "opposes", subj: g(m, "a"), obj: g(m, "b"), negated, confidence: 0.7 },
        { type: "opposes", subj: g(m, "b"), obj: g(m, "a"), negated, confidence: 0.7 },
      ];
    },
  ),
];
