// The timeline: events in date order, drawn on a time axis by CAMEO quad class and listed by month.
import { api, type EntitySummary, type EventView } from "../api.js";
import { cameo, cameoRoots, eventTimelineItem, muted, pageHeader } from "../components.js";
import { h, svg } from "../dom.js";
import { formatDate, formatEventDate, plural } from "../format.js";
import { entityPicker } from "../picker.js";
import { link, navigate, positiveInt, type Route } from "../router.js";
import { csvButton } from "../table.js";
import type { View } from "../view.js";

const QUADS = ["verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict"] as const;
const QUAD_LABELS: Record<string, string> = {
  "verbal-cooperation": "Verbal cooperation",
  "material-cooperation": "Material cooperation",
  "verbal-conflict": "Verbal conflict",
  "material-conflict": "Material conflict",
};

/** The period a partial ISO date covers, in ms. */
function period(iso: string): [number, number] {
  const [y, m, d] = iso.split("-").map(Number) as [number, number?, number?];
  if (d && m) return [Date.UTC(y, m - 1, d), Date.UTC(y, m - 1, d + 1)];
  if (m) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1)];
  return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
}

interface Mark {
  e: EventView & { date: string };
  quad: string;
  x1: number;
  x2: number;
  row: number;
}

/** Puts overlapping marks of one lane on separate rows. Returns the number of rows. */
function pack(marks: Mark[]): number {
  const ends: number[] = [];
  for (const m of marks.sort((a, b) => a.x1 - b.x1)) {
    let row = ends.findIndex((end) => end + 3 < m.x1);
    if (row < 0) row = ends.push(m.x2) - 1;
    else ends[row] = m.x2;
    m.row = row;
  }
  return Math.max(1, ends.length);
}

function axis(events: EventView[], onPick: (e: EventView) => void): SVGElement | null {
  const dated = events.filter((e): e is EventView & { date: string } => Boolean(e.date));
  if (!dated.length) return null;
  const spans = dated.map((e) => period(e.date));
  let min = Math.min(...spans.map((s) => s[0]));
  let max = Math.max(...spans.map((s) => s[1]));
  const pad = Math.max((max - min) * 0.04, 86_400_000 * 5);
  min -= pad;
  max += pad;
  const W = 1000;
  const left = 150;
  const rowH = 16;
  const top = 10;
  const x = (t: number) => left + ((t - min) / (max - min)) * (W - left - 10);
  const marks: Mark[] = dated.map((e) => {
    const [a, b] = period(e.date);
    const w = x(b) - x(a);
    const [x1, x2] = w > 10 ? [x(a), x(b)] : [x(a) + w / 2 - 6, x(a) + w / 2 + 6];
    return { e, quad: cameo(e.root).quad, x1, x2, row: 0 };
  });
  const lanes = QUADS.map((q) => {
    const mine = marks.filter((m) => m.quad === q);
    return { q, marks: mine, rows: pack(mine) };
  });
  let y = top;
  const laneTop = lanes.map((l) => {
    const at = y;
    y += l.rows * rowH + 14;
    return at;
  });
  const axisY = y;
  const H = axisY + 24;
  const root = svg("svg", {
    viewBox: `0 0 ${W} ${H}`,
    class: "timeline-axis",
    role: "img",
    "aria-label": "Events over time",
  });
  lanes.forEach((l, i) => {
    const ly = laneTop[i] as number;
    const h = l.rows * rowH + 10;
    root.append(
      svg("rect", { x: left, y: ly, width: W - left - 10, height: h, class: `lane quad-${l.q}` }),
      svg(
        "text",
        { x: left - 8, y: ly + h / 2 + 4, class: "lane-label", "text-anchor": "end" },
        QUAD_LABELS[l.q] ?? l.q,
      ),
    );
  });
  // Year ticks, or month ticks over short spans.
  const years = new Date(max).getUTCFullYear() - new Date(min).getUTCFullYear();
  const ticks: number[] = [];
  for (
    let d = new Date(Date.UTC(new Date(min).getUTCFullYear(), years > 2 ? 0 : new Date(min).getUTCMonth(), 1));
    d.getTime() <= max;
  ) {
    if (d.getTime() >= min) ticks.push(d.getTime());
    d =
      years > 2
        ? new Date(Date.UTC(d.getUTCFullYear() + 1, 0, 1))
        : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (years > 0 ? 3 : 1), 1));
  }
  for (const t of ticks) {
    const d = new Date(t);
    root.append(
      svg("line", { x1: x(t), x2: x(t), y1: top, y2: axisY, class: "tick" }),
      svg(
        "text",
        { x: x(t) + 3, y: axisY + 14, class: "tick-label" },
        years > 2 ? String(d.getUTCFullYear()) : formatDate(d.toISOString().slice(0, 7)),
      ),
    );
  }
  lanes.forEach((l, i) => {
    for (const m of l.marks) {
      const { e } = m;
      const cy = (laneTop[i] as number) + 5 + m.row * rowH + rowH / 2;
      const cls = `event-mark quad-${m.quad}${e.negated ? " negated" : ""}${e.hypothetical ? " hypothetical" : ""}`;
      const label = `${formatEventDate(e)}: ${e.actors.map((a) => a.name).join(", ")} — ${cameo(e.root).name}${e.targets.length ? ` → ${e.targets.map((t) => t.name).join(", ")}` : ""}`;
      const mark =
        m.x2 - m.x1 > 12
          ? svg("rect", { x: m.x1, y: cy - 5, width: m.x2 - m.x1, height: 10, rx: 5, class: cls })
          : svg("circle", { cx: (m.x1 + m.x2) / 2, cy, r: 6, class: cls });
      mark.setAttribute("tabindex", "0");
      mark.setAttribute("data-event", String(e.id));
      mark.append(svg("title", {}, label));
      mark.addEventListener("click", () => onPick(e));
      mark.addEventListener("keydown", (ev) => {
        if ((ev as KeyboardEvent).key === "Enter") onPick(e);
      });
      root.append(mark);
    }
  });
  return root;
}

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
  const chart = axis(events, pick);
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
    "Dots are dated to the day, bars to the month or year; hollow marks are denied, dashed are hypothetical. Click a mark to find it below.",
  );
}
