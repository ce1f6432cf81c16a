// A relation read as a sentence: "Kassym-Jomart Tokayev is president of Kazakhstan", "China is not a member of the
// Collective Security Treaty Organization", "Turkmenistan supplies gas to China". The attributes a phrase uses (role,
// status, commodity) go into its words; any other follows in brackets. Pure: the web UI bundles it too.

export interface RelationLike {
  type: string;
  negated: boolean;
  attrs: Record<string, string>;
}

const withArticle = (noun: string) => `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;

/** The words between subject and object, and the attributes they do not say. */
export function relationWords(r: RelationLike): { verb: string; rest: string } {
  const { role, status, commodity } = r.attrs;
  const used = new Set<string>();
  const use = (...keys: string[]) => {
    for (const k of keys) used.add(k);
  };
  const no = r.negated;
  // "is" / "was" (a former office or membership), negated when the text says it does not hold.
  const be = () => {
    if (status === "former") use("status");
    return `${status === "former" ? "was" : "is"}${no ? " not" : ""}`;
  };
  const does = (verb: string, base: string) => (no ? `does not ${base}` : verb);
  let verb: string;
  switch (r.type) {
    case "holds_position":
      if (role) use("role");
      verb = role ? `${be()} ${role} of` : no ? "holds no position in" : "holds a position in";
      break;
    case "affiliated_with":
      if (role) use("role");
      verb = role ? `${be()} ${withArticle(role)} at` : `${be()} affiliated with`;
      break;
    case "member_of":
      if (status === "prospective") {
        use("status");
        verb = no ? "is not set to join" : "is set to join";
      } else {
        if (role) use("role");
        verb = `${be()} ${role ? withArticle(role) : "a member"} of`;
      }
      break;
    case "located_in":
      verb = `${be()} in`;
      break;
    case "borders":
      verb = does("borders", "border");
      break;
    case "trade_partner":
      verb = does("trades with", "trade with");
      break;
    case "supplies":
      if (commodity) use("commodity");
      verb = commodity ? `${does("supplies", "supply")} ${commodity} to` : does("supplies", "supply");
      break;
    case "invests_in":
      verb = does("invests in", "invest in");
      break;
    case "allied_with":
      verb = `${be()} allied with`;
      break;
    case "opposes":
      verb = does("opposes", "oppose");
      break;
    case "operates":
      verb = does("operates", "operate");
      break;
    case "participates_in":
      verb = does("takes part in", "take part in");
      break;
    case "created":
      verb = no ? "did not create" : "created";
      break;
    default:
      verb = `${no ? "not " : ""}${r.type.replace(/_/g, " ")}`;
  }
  const others = Object.entries(r.attrs).filter(([k]) => !used.has(k));
  const rest = others.length
    ? ` (${others.map(([k, v]) => (k === "rank" ? v : `${k.replace(/_/g, " ")}: ${v}`)).join(", ")})`
    : "";
  return { verb, rest };
}

/** The relation as one plain-text sentence (source comparisons, CSV). */
export function relationText(subject: string, r: RelationLike, object: string): string {
  const { verb, rest } = relationWords(r);
  return `${subject} ${verb} ${object}${rest}`;
}
