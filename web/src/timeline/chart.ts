// The timeline chart: a volume curve per CAMEO quad class over the selection's span, and below it one lane per
// class with a mark per event (a dot for a day, a bar for a month or year). Events outside the axis sit in an
// "earlier" or "later" column at its edges.
import type { EventView } from "../api.js";
import { cameo } from "../components.js";
import { svg } from "../dom.js";
import { formatDate, formatEventDate, plural } from "../format.js";
import { period } from "../period.js";
import { type TimeDomain, timeDomain } from "./domain.js";
import { volume } from "./volume.js";

export const QUADS = ["verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict"] as const;
export const QUAD_LABELS: Record<string, string> = {
  "verbal-cooperation": "Verbal cooperation",
  "material-cooperation": "Material cooperation",
  "verbal-conflict": "Verbal conflict",
  "material-conflict": "Material conflict",
};

type Dated = EventView & { date: string };

interface Mark {
  e: Dated;
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

const W = 1000;
const LABELS = 150;
const GUTTER = 52;
const ROW = 16;
const BAND = 70;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Month or year ticks across the domain, as [time, label]. */
function ticks(d: TimeDomain): [number, string][] {
  const s = new Date(d.start);
  const years = new Date(d.end).getUTCFullYear() - s.getUTCFullYear();
  const step = years > 2 ? 12 : years > 0 ? 3 : 1;
  const out: [number, string][] = [];
  let y = s.getUTCFullYear();
  let m = step === 12 ? 0 : s.getUTCMonth();
  for (let t = Date.UTC(y, m, 1); t <= d.end; t = Date.UTC(y, m, 1)) {
    if (t >= d.start) out.push([t, step === 12 ? String(y) : formatDate(iso(t).slice(0, 7))]);
    m += step;
    if (m >= 12) {
      y += Math.floor(m / 12);
      m %= 12;
    }
  }
  return out;
}

export function timelineChart(
  events: EventView[],
  selection: { from: string | null; to: string | null },
  onPick: (e: EventView) => void,
): SVGElement | null {
  const dated = events.filter((e): e is Dated => Boolean(e.date));
  const domain = timeDomain(
    dated.map((e) => e.date),
    selection.from,
    selection.to,
  );
  if (!domain) return null;
  const place = (e: Dated) => {
    const [a, b] = period(e.date);
    return b <= domain.start ? "earlier" : a >= domain.end ? "later" : "axis";
  };
  const earlier = dated.filter((e) => place(e) === "earlier");
  const later = dated.filter((e) => place(e) === "later");
  const plotL = LABELS + (earlier.length ? GUTTER + 8 : 0);
  const plotR = W - 10 - (later.length ? GUTTER + 8 : 0);
  const x = (t: number) => plotL + ((t - domain.start) / (domain.end - domain.start)) * (plotR - plotL);
  const gutterX = { earlier: LABELS + 2, later: W - 10 - GUTTER + 2 };

  const byGutter = { earlier: new Map<string, number>(), later: new Map<string, number>() };
  const marks: Mark[] = dated.map((e) => {
    const quad = cameo(e.root).quad;
    const where = place(e);
    if (where !== "axis") {
      // Three marks to a row in the column, in date order.
      const k = byGutter[where].get(quad) ?? 0;
      byGutter[where].set(quad, k + 1);
      const x1 = gutterX[where] + (k % 3) * 16;
      return { e, quad, x1, x2: x1 + 12, row: Math.floor(k / 3) };
    }
    const [a, b] = period(e.date);
    const [l, r] = [x(Math.max(a, domain.start)), x(Math.min(b, domain.end))];
    const [x1, x2] = r - l > 10 ? [l, r] : [(l + r) / 2 - 6, (l + r) / 2 + 6];
    return { e, quad, x1, x2, row: 0 };
  });
  const lanes = QUADS.map((q) => {
    const mine = marks.filter((m) => m.quad === q);
    const onAxis = mine.filter((m) => place(m.e) === "axis");
    const gutterRows = Math.max(0, ...mine.filter((m) => place(m.e) !== "axis").map((m) => m.row + 1));
    return { q, marks: mine, rows: Math.max(pack(onAxis), gutterRows) };
  });
  const top = 10;
  const bandBottom = top + BAND;
  let y = bandBottom + 12;
  const laneTop = lanes.map((l) => {
    const at = y;
    y += l.rows * ROW + 14;
    return at;
  });
  const axisY = y;
  const root = svg("svg", {
    viewBox: `0 0 ${W} ${axisY + 24}`,
    class: "timeline-axis",
    role: "img",
    "aria-label": `Events from ${formatDate(iso(domain.start))} to ${formatDate(iso(domain.end - 1))}`,
    "data-start": iso(domain.start),
    "data-end": iso(domain.end - 1),
  });

  // Volume: events per bin in each class, over the axis.
  const v = volume(
    dated.filter((e) => place(e) === "axis").map((e) => ({ date: e.date, quad: cameo(e.root).quad })),
    domain,
  );
  const peak = Math.max(1, ...[...v.counts.values()].flat());
  const vy = (n: number) => bandBottom - (n / peak) * (BAND - 8);
  root.append(
    svg("rect", { x: plotL, y: top, width: plotR - plotL, height: BAND, class: "volume-band" }),
    svg("text", { x: LABELS - 8, y: top + 12, class: "lane-label", "text-anchor": "end" }, `Events per ${v.unit}`),
    svg(
      "text",
      { x: LABELS - 8, y: top + 26, class: "tick-label", "text-anchor": "end" },
      `peak ${Math.round(peak * 10) / 10}`,
    ),
  );
  for (const q of QUADS) {
    const row = v.counts.get(q);
    if (!row) continue;
    const pts = row.map((n, i) => {
      const mid = ((v.edges[i] as number) + (v.edges[i + 1] as number)) / 2;
      return `${x(Math.min(Math.max(mid, domain.start), domain.end)).toFixed(1)},${vy(n).toFixed(1)}`;
    });
    const total = row.reduce((s, n) => s + n, 0);
    root.append(
      svg(
        "path",
        {
          d: `M${x(domain.start).toFixed(1)},${bandBottom} L${pts.join(" L")} L${x(domain.end).toFixed(1)},${bandBottom}`,
          class: `volume quad-${q}`,
          "data-quad": q,
          "data-total": Math.round(total * 100) / 100,
        },
        svg("title", {}, `${QUAD_LABELS[q]}: ${plural(Math.round(total), "event")} on this axis`),
      ),
    );
  }

  lanes.forEach((l, i) => {
    const ly = laneTop[i] as number;
    const h = l.rows * ROW + 10;
    root.append(
      svg("rect", { x: plotL, y: ly, width: plotR - plotL, height: h, class: `lane quad-${l.q}` }),
      svg(
        "text",
        { x: LABELS - 8, y: ly + h / 2 + 4, class: "lane-label", "text-anchor": "end" },
        QUAD_LABELS[l.q] ?? l.q,
      ),
    );
  });
  for (const [where, list] of [
    ["earlier", earlier],
    ["later", later],
  ] as const) {
    if (!list.length) continue;
    const gx = gutterX[where] - 2;
    root.append(
      svg("rect", { x: gx, y: bandBottom + 8, width: GUTTER, height: axisY - bandBottom - 8, class: "gutter" }),
      svg(
        "text",
        { x: gx + GUTTER / 2, y: axisY + 14, class: "tick-label", "text-anchor": "middle" },
        where,
        svg("title", {}, `${plural(list.length, "event")} ${where === "earlier" ? "before" : "after"} the axis`),
      ),
    );
  }
  for (const [t, label] of ticks(domain)) {
    root.append(svg("line", { x1: x(t), x2: x(t), y1: top, y2: axisY, class: "tick" }));
    // A label that would run past the axis (into the "later" column) is left out; its line still marks the month.
    if (x(t) + 7 * label.length < plotR) {
      root.append(svg("text", { x: x(t) + 3, y: axisY + 14, class: "tick-label" }, label));
    }
  }
  lanes.forEach((l, i) => {
    for (const m of l.marks) {
      const { e } = m;
      const cy = (laneTop[i] as number) + 5 + m.row * ROW + ROW / 2;
      const outside = place(e) !== "axis";
      const cls = `event-mark quad-${m.quad}${e.negated ? " negated" : ""}${e.hypothetical ? " hypothetical" : ""}${outside ? " outside" : ""}`;
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
