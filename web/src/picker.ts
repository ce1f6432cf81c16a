// Choosing an entity by name: a text box whose suggestions come from /api/entities.
import { api, type EntitySummary } from "./api.js";
import { h } from "./dom.js";

let serial = 0;

export function entityPicker(
  current: EntitySummary | null,
  onPick: (e: EntitySummary | null) => void,
  placeholder = "Any entity",
): HTMLElement {
  const listId = `entity-options-${++serial}`;
  const options = h("datalist", { id: listId });
  const known = new Map<string, EntitySummary>();
  const label = (e: EntitySummary) => `${e.name} (${e.type})`;
  const input = h("input", {
    type: "search",
    list: listId,
    value: current ? label(current) : "",
    placeholder,
    "aria-label": "Entity",
    autocomplete: "off",
  });
  let timer = 0;
  const suggest = async () => {
    const name = input.value.replace(/\s*\([a-z]+\)$/, "").trim();
    const page = await api.entities({ name: name || null, limit: 25 }).catch(() => null);
    if (!page) return;
    options.replaceChildren(
      ...page.items.map((e) => {
        known.set(label(e), e);
        return h("option", { value: label(e) });
      }),
    );
  };
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void suggest(), 150);
  });
  input.addEventListener("focus", () => void suggest(), { once: true });
  input.addEventListener("change", () => {
    if (!input.value.trim()) onPick(null);
    else {
      const e = known.get(input.value);
      if (e) onPick(e);
    }
  });
  return h("span", { class: "picker" }, input, options);
}
