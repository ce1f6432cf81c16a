// What the drawn graph shows and how, read from and written back to the page's address so a view can be shared.
import { humanise } from "../format.js";
import { typedPeriod } from "../period.js";
import type { QueryValues } from "../router.js";
import type { EdgeFilter } from "./edge-filter.js";

export const SIZE_BY = { degree: "links shown", sources: "independent sources", mentions: "mentions" } as const;
export const COLOUR_BY = { type: "entity type", community: "community" } as const;
export type SizeBy = keyof typeof SIZE_BY;
export type ColourBy = keyof typeof COLOUR_BY;

export interface DrawOptions {
  filter: EdgeFilter;
  /** The dates as typed (YYYY[-MM[-DD]]), kept for the form and the address. */
  fromText: string;
  toText: string;
  sizeBy: SizeBy;
  colourBy: ColourBy;
}

const oneOf = <T extends string>(choices: Record<T, string>, v: string | null, fallback: T): T =>
  v !== null && v in choices ? (v as T) : fallback;

export function readDrawOptions(q: URLSearchParams): DrawOptions {
  const fromText = q.get("from") ?? "";
  const toText = q.get("to") ?? "";
  return {
    filter: {
      hidden: new Set((q.get("hide") ?? "").split(",").filter(Boolean)),
      minWeight: Math.max(1, Number.parseInt(q.get("min") ?? "1", 10) || 1),
      from: typedPeriod(fromText)?.[0] ?? null,
      to: typedPeriod(toText)?.[1] ?? null,
    },
    fromText,
    toText,
    sizeBy: oneOf(SIZE_BY, q.get("size"), "degree"),
    colourBy: oneOf(COLOUR_BY, q.get("colour"), "type"),
  };
}

/** The options as query values, defaults left out. */
export function drawQuery(o: DrawOptions): QueryValues {
  return {
    hide: [...o.filter.hidden],
    min: o.filter.minWeight > 1 ? o.filter.minWeight : null,
    from: o.fromText,
    to: o.toText,
    size: o.sizeBy === "degree" ? null : o.sizeBy,
    colour: o.colourBy === "type" ? null : o.colourBy,
  };
}

/** "member of" for a relation type, "events" for event edges. */
export function kindLabel(kind: string): string {
  return kind === "events" ? "events (actor → target)" : humanise(kind);
}
