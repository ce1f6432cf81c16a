// The timeline: events in date order, drawn on a time axis by CAMEO quad class and listed by month.
import { api, type EntitySummary, type EventView } from "../api.js";
import { cameo, cameoRoots, eventTimelineItem, muted, pageHeader } from "../components.js";
import { h } from "../dom.js";
import { formatDate, plural } from "../format.js";
import { entityPicker } from "../picker.js";
import { link, navigate, positiveInt, type Route } from "../router.js";
import { csvButton } from "../table.js";
import { timelineChart } from "../timeline/chart.js";
import type { View } from "../view.js";

function grouped(events: EventView[]): HTMLElement {
  const groups = new Map<string, EventView[]>();
  for (const e of events) {
    const k = e.date ? e.date.slice(0, 7) : "undated";
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  return h(
    "div",
    { class: "timeline-groups" },
    [...groups.entries()].map(([k, es]) =>
      h(
        "section",
        { class: "timeline-group" },
        h("h3", null, k === "undated" ? "Undated" : formatDate(k)),
        h(
          "ol",
          { class: "timeline" },
          es.map((e) => eventTimelineItem(e, { anchor: true })),
        ),
      ),
    ),
  );
}

function filters(route: Route, entity: EntitySummary | null): HTMLElement {
  const q = route.query;
  const chosenRoots = (q.get("root") ?? "").split(",").filter(Boolean);
  let picked = entity;
  const form: HTMLFormElement = h("form", {
    class: "filters",
    onsubmit: (e: Event) => {
      e.preventDefault();
      const data = new FormData(form);
      navigate("timeline", {
        entity: picked?.id ?? null,
        root: data.getAll("root").map(String),
        from: String(data.get("from") ?? "").trim(),
        to: String(data.get("to") ?? "").trim(),
        negated: data.get("denied") ? null : "false",
        hypothetical: data.get("hypothetical") ? null : "false",
      });
    },
  });
  const date = (name: string) =>
    h("input", {
      name,
      value: q.get(name) ?? "",
      placeholder: "YYYY[-MM[-DD]]",
      pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?",
      size: 12,
    });
  form.append(
    h(
      "div",
      { class: "filter-row" },
      h(
        "label",
        { class: "field" },
        h("span", null, "Entity"),
        entityPicker(entity, (e) => (picked = e)),
      ),
      h("label", { class: "field" }, h("span", null, "From"), date("from")),
      h("label", { class: "field" }, h("span", null, "To"), date("to")),
      h(
        "fieldset",
        { class: "field" },
        h("legend", null, "Include"),
        h(
          "label",
          null,
          h("input", { type: "checkbox", name: "denied", value: "1", checked: q.get("negated") !== "false" }),
          " denied",
        ),
        h(
          "label",
          null,
          h("input", {
            type: "checkbox",
            name: "hypothetical",
            value: "1",
            checked: q.get("hypothetical") !== "false",
          }),
          " hypothetical",
        ),
      ),
      h("button", { type: "submit", class: "btn primary" }, "Apply"),
    ),
    h(
      "details",
      { class: "roots", open: chosenRoots.length > 0 },
      h("summary", null, chosenRoots.length ? `Event types: ${chosenRoots.join(", ")}` : "Event types: all"),
      h(
        "div",
        { class: "root-grid" },
        cameoRoots().map((r) =>
          h(
            "label",
            { class: `root-option quad-${r.quad}` },
            h("input", { type: "checkbox", name: "root", value: r.code, checked: chosenRoots.includes(r.code) }),
            ` ${r.code} ${r.name}`,
          ),
        ),
      ),
    ),
  );
  return form;
}

export async function timelineView(route: Route): Promise<View> {
  const q = route.query;
  const entityId = positiveInt(q.get("entity"));
  const [entity, page] = await Promise.all([
    entityId ? api.dossier(entityId).then((d) => d.entity) : Promise.resolve(null),
    api.events({
      entity: entityId,
      root: q.get("root"),
      from: q.get("from"),
      to: q.get("to"),
      negated: q.get("negated"),
      hypothetical: q.get("hypothetical"),
      limit: 1000,
    }),
  ]);
  const events = page.items;
  const pick = (e: EventView) => {
    const row = document.getElementById(`event-${e.id}`);
    for (const old of document.querySelectorAll(".timeline-item.picked")) old.classList.remove("picked");
    row?.classList.add("picked");
    row?.scrollIntoView({ block: "center", behavior: "smooth" });
  };
  const chart = timelineChart(events, { from: q.get("from"), to: q.get("to") }, pick);
  const el = h(
    "div",
    { class: "timeline-page" },
    pageHeader(
      entity ? ["Timeline: ", h("a", { href: link(`entity/${entity.id}`) }, entity.name)] : "Timeline",
      `${plural(page.total, "event")}${page.total > events.length ? ` (first ${events.length} shown)` : ""}`,
      events.length
        ? csvButton({
            name: entity ? `${entity.name}-timeline` : "timeline",
            rows: events,
            columns: [
              { label: "id", value: (e) => e.id },
              { label: "date", value: (e) => e.date },
              { label: "date_source", value: (e) => e.dateSource ?? "" },
              { label: "cameo", value: (e) => e.code },
              { label: "event", value: (e) => cameo(e.root).name },
              { label: "actors", value: (e) => e.actors.map((a) => a.name).join("; ") },
              { label: "targets", value: (e) => e.targets.map((a) => a.name).join("; ") },
              { label: "location", value: (e) => e.location?.name ?? "" },
              { label: "negated", value: (e) => e.negated },
              { label: "hypothetical", value: (e) => e.hypothetical },
              { label: "sources", value: (e) => e.sources },
              { label: "confidence", value: (e) => e.confidence },
              { label: "evidence", value: (e) => e.evidence.map((v) => `${v.doc}:${v.start}-${v.end}`).join(" ") },
            ],
          })
        : null,
    ),
    filters(route, entity),
    events.length
      ? [
          chart ? h("section", { class: "card chart-card" }, chart, legend()) : null,
          h("section", { class: "card" }, grouped(events)),
        ]
      : h("section", { class: "card" }, muted("No events match these filters.")),
  );
  return { title: entity ? `Timeline: ${entity.name}` : "Timeline", el };
}

function legend(): HTMLElement {
  return h(
    "p",
    { class: "legend muted" },
    "Curves: events of each class per week or month over the axis. Dots are dated to the day, bars to the month or " +
      "year; hollow marks are denied, dashed are hypothetical; far earlier or later events sit in the columns at " +
      "the edges. Click a mark to find it below.",
  );
}
