// The controls over what the drawn graph shows, applied at once without asking the server again: least weight,
// date range, what sizes the nodes and what colours them.
import type { Graph } from "../api.js";
import { h } from "../dom.js";
import { PARTIAL_DATE, typedPeriod } from "../period.js";
import { COLOUR_BY, type DrawOptions, SIZE_BY } from "./draw-options.js";
import { edgeWeight } from "./edge-filter.js";

export interface Toolbar {
  el: HTMLElement;
  /** "Showing 12 of 40 links" after each change. */
  setShown(text: string): void;
}

export function graphToolbar(g: Graph, o: DrawOptions, onChange: () => void): Toolbar {
  const maxWeight = Math.max(1, ...g.edges.map(edgeWeight));
  const weightOut = h("output", null, `≥ ${o.filter.minWeight}`);
  const weight = h("input", {
    type: "range",
    name: "min",
    min: 1,
    max: maxWeight,
    step: 1,
    value: Math.min(o.filter.minWeight, maxWeight),
    disabled: maxWeight === 1,
    oninput: () => {
      o.filter.minWeight = Number(weight.value);
      weightOut.textContent = `≥ ${weight.value}`;
      onChange();
    },
  });
  const date = (name: "from" | "to") => {
    const input = h("input", {
      name,
      value: name === "from" ? o.fromText : o.toText,
      placeholder: "YYYY[-MM[-DD]]",
      pattern: PARTIAL_DATE.source.slice(1, -1),
      size: 11,
      onchange: () => {
        const text = input.value.trim();
        if (text && !typedPeriod(text)) return;
        const p = typedPeriod(text);
        if (name === "from") {
          o.fromText = text;
          o.filter.from = p?.[0] ?? null;
        } else {
          o.toText = text;
          o.filter.to = p?.[1] ?? null;
        }
        onChange();
      },
    });
    return input;
  };
  const choice = <K extends string>(name: string, choices: Record<K, string>, value: K, set: (v: K) => void) => {
    const select = h(
      "select",
      {
        name,
        onchange: () => {
          set(select.value as K);
          onChange();
        },
      },
      (Object.entries(choices) as [K, string][]).map(([k, label]) =>
        h("option", { value: k, selected: k === value }, label),
      ),
    );
    return select;
  };
  const shown = h("span", { class: "muted graph-shown", "aria-live": "polite" });
  return {
    el: h(
      "div",
      { class: "graph-tools filter-row" },
      h(
        "label",
        { class: "field", title: "Independent sources of a relation, events of an event link" },
        h("span", null, "Least weight ", weightOut),
        weight,
      ),
      h("label", { class: "field" }, h("span", null, "Dated from"), date("from")),
      h("label", { class: "field" }, h("span", null, "to"), date("to")),
      h(
        "label",
        { class: "field" },
        h("span", null, "Size by"),
        choice("size", SIZE_BY, o.sizeBy, (v) => (o.sizeBy = v)),
      ),
      h(
        "label",
        { class: "field" },
        h("span", null, "Colour by"),
        choice("colour", COLOUR_BY, o.colourBy, (v) => (o.colourBy = v)),
      ),
      shown,
    ),
    setShown: (text) => {
      shown.textContent = text;
    },
  };
}
