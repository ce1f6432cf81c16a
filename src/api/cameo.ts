// CAMEO root codes (spec/ontology.md) with their names and GDELT quad classes, for labels and colours.

export type QuadClass = "verbal-cooperation" | "material-cooperation" | "verbal-conflict" | "material-conflict";

export interface CameoRoot {
  code: string;
  name: string;
  quad: QuadClass;
}

const NAMES: readonly string[] = [
  "make public statement",
  "appeal",
  "express intent to cooperate",
  "consult",
  "engage in diplomatic cooperation",
  "engage in material cooperation",
  "provide aid",
  "yield",
  "investigate",
  "demand",
  "disapprove",
  "reject",
  "threaten",
  "protest",
  "exhibit force posture",
  "reduce relations",
  "coerce",
  "assault",
  "fight",
  "use unconventional mass violence",
];

function quadOf(n: number): QuadClass {
  if (n <= 5) return "verbal-cooperation";
  if (n <= 8) return "material-cooperation";
  if (n <= 13) return "verbal-conflict";
  return "material-conflict";
}

export const CAMEO_ROOTS: readonly CameoRoot[] = NAMES.map((name, i) => ({
  code: String(i + 1).padStart(2, "0"),
  name,
  quad: quadOf(i + 1),
}));

export const CAMEO_CODES: readonly string[] = CAMEO_ROOTS.map((r) => r.code);

/** "4", "04" and "04.2" all name root "04"; anything else is null. */
export function cameoRoot(input: string): string | null {
  const m = /^(\d{1,2})(\.\d+)?$/.exec(input.trim());
  if (!m) return null;
  const code = (m[1] as string).padStart(2, "0");
  return CAMEO_CODES.includes(code) ? code : null;
}
