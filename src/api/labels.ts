// One-line plain-text labels for facts, used where a fact is listed without its structure (comparisons, CSV).
import type { FactView } from "../store/sqlite-read.js";
import { CAMEO_ROOTS } from "./cameo.js";
import { relationText } from "./relation-words.js";

const names = (xs: { name: string }[]) => xs.map((x) => x.name).join(", ");

export function cameoName(root: string): string {
  return CAMEO_ROOTS.find((r) => r.code === root)?.name ?? `CAMEO ${root}`;
}

export function factLabel(f: FactView): string {
  switch (f.kind) {
    case "relation":
      return relationText(f.subject.name, f, f.object.name);
    case "event": {
      const realis = [f.negated ? "denied" : "", f.hypothetical ? "hypothetical" : ""].filter(Boolean).join(", ");
      const targets = f.targets.length ? ` → ${names(f.targets)}` : "";
      return `${f.date ?? "undated"}: ${names(f.actors)} ${cameoName(f.root)}${targets}${realis ? ` (${realis})` : ""}`;
    }
    case "quote":
      return `${f.speaker.name}: “${f.text}”`;
    case "quantity":
      return `${f.measure}: ${f.value} ${f.unit}${f.time ? ` (${f.time})` : ""}${f.subjects.length ? ` — ${names(f.subjects)}` : ""}`;
  }
}
