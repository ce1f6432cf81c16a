// The document reader: the cleaned text with every evidence sentence highlighted and every mention linked.
// Opened at a span (?start=&end=) or at a fact (?fact=relation:12), it scrolls there and marks it.
// The text is untrusted: it is only ever inserted as text nodes.
import { api, type DocumentView, type EntitySummary, type FactView } from "../api.js";
import { entityLink, factSummary, muted, pageHeader, support } from "../components.js";
import { clear, externalLink, h } from "../dom.js";
import { formatDate, plural } from "../format.js";
import { link, type Route } from "../router.js";
import type { View } from "../view.js";

interface Span {
  start: number;
  end: number;
}

interface Segment extends Span {
  /** Indexes into doc.evidenceSpans covering this segment. */
  evidence: number[];
  mention: DocumentView["mentionSpans"][number] | null;
  target: boolean;
}

const factKey = (kind: string, id: number) => `${kind}:${id}`;

/** Cuts the text at every span boundary; each piece knows what covers it. */
function segments(doc: DocumentView, targets: Span[]): Segment[] {
  const n = doc.text.length;
  const clip = (x: number) => Math.max(0, Math.min(n, x));
  const cuts = new Set([0, n]);
  for (const s of [...doc.evidenceSpans, ...doc.mentionSpans, ...targets]) {
    cuts.add(clip(s.start));
    cuts.add(clip(s.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    if (end <= start) continue;
    const covers = (s: Span) => s.start <= start && s.end >= end;
    const evidence: number[] = [];
    doc.evidenceSpans.forEach((s, j) => {
      if (covers(s)) evidence.push(j);
    });
    const mentions = doc.mentionSpans.filter(covers);
    // The longest mention wins where mentions nest ("Kassym-Jomart Tokayev" over "Tokayev").
    const mention = mentions.sort((a, b) => b.end - b.start - (a.end - a.start))[0] ?? null;
    out.push({ start, end, evidence, mention, target: targets.some(covers) });
  }
  return out;
}

function renderText(
  doc: DocumentView,
  targets: Span[],
  onEvidence: (indexes: number[], el: HTMLElement) => void,
): { body: HTMLElement; first: HTMLElement | null; byEvidence: Map<number, HTMLElement[]> } {
  const body = h("div", { class: "reader-text", lang: "en" });
  const byEvidence = new Map<number, HTMLElement[]>();
  let first: HTMLElement | null = null;
  let p = h("p");
  body.append(p);
  const newParagraph = () => {
    if (p.childNodes.length) {
      p = h("p");
      body.append(p);
    }
  };
  for (const seg of segments(doc, targets)) {
    const pieces = doc.text.slice(seg.start, seg.end).split(/(\n+)/);
    for (const piece of pieces) {
      if (!piece) continue;
      if (/^\n+$/.test(piece)) {
        newParagraph();
        continue;
      }
      let node: HTMLElement = seg.mention
        ? h(
            "a",
            {
              class: `mention type-${seg.mention.entity.type}`,
              href: link(`entity/${seg.mention.entity.id}`),
              title: `${seg.mention.entity.name} (${seg.mention.entity.type})`,
            },
            piece,
          )
        : h("span", null, piece);
      if (seg.evidence.length || seg.target) {
        const classes = ["ev", seg.evidence.length > 1 ? "multi" : "", seg.target ? "target" : ""].filter(Boolean);
        const wrap = h("span", { class: classes.join(" "), "data-evidence": seg.evidence.join(",") }, node);
        if (seg.evidence.length) {
          wrap.addEventListener("click", (e) => {
            if ((e.target as HTMLElement).closest("a")) return;
            onEvidence(seg.evidence, wrap);
          });
        }
        for (const i of seg.evidence) byEvidence.set(i, [...(byEvidence.get(i) ?? []), wrap]);
        if (seg.target && !first) {
          wrap.id = "reader-target";
          wrap.tabIndex = -1;
          first = wrap;
        }
        node = wrap;
      }
      p.append(node);
    }
  }
  return { body, first, byEvidence };
}

function metadata(doc: DocumentView): HTMLElement {
  const row = (label: string, value: Node | string | null) =>
    value === null ? null : [h("dt", null, label), h("dd", null, value)];
  const source = /^https?:\/\//i.test(doc.source) ? externalLink(doc.source, doc.source) : h("code", null, doc.source);
  return h(
    "dl",
    { class: "identity" },
    row("Outlet", doc.outlet ?? "—"),
    row("Authors", doc.authors.length ? doc.authors.join(", ") : "—"),
    row("Published", formatDate(doc.published)),
    row("Source", source),
    row("Words", `${doc.words.toLocaleString("en")} in ${plural(doc.sentences, "sentence")}`),
    doc.flags.length
      ? row(
          "Flags",
          h(
            "span",
            null,
            doc.flags.map((f) => h("span", { class: "badge flag" }, f)),
          ),
        )
      : null,
    doc.duplicateOf
      ? row("Near-copy of", h("a", { href: link(`doc/${encodeURIComponent(doc.duplicateOf)}`) }, doc.duplicateOf))
      : null,
    doc.copies.length
      ? row(
          "Copied by",
          h(
            "span",
            null,
            doc.copies.map((c, i) => [
              i ? ", " : "",
              h("a", { href: link(`doc/${encodeURIComponent(c.id)}`) }, c.outlet ?? c.title ?? c.id),
            ]),
          ),
        )
      : null,
  );
}

function mentionedEntities(doc: DocumentView): HTMLElement {
  const counts = new Map<number, { e: EntitySummary; n: number }>();
  for (const m of doc.mentionSpans) {
    const c = counts.get(m.entity.id) ?? { e: m.entity, n: 0 };
    c.n++;
    counts.set(m.entity.id, c);
  }
  const list = [...counts.values()].sort((a, b) => b.n - a.n || a.e.name.localeCompare(b.e.name));
  return list.length
    ? h(
        "ul",
        { class: "chips" },
        list.map(({ e, n }) => h("li", null, entityLink(e), h("span", { class: "muted" }, ` ${n}`))),
      )
    : muted("No mentions recorded.");
}

function targetsFrom(route: Route, doc: DocumentView): Span[] {
  const q = route.query;
  const start = Number(q.get("start"));
  const end = Number(q.get("end"));
  if (q.has("start") && q.has("end") && Number.isInteger(start) && Number.isInteger(end) && end > start) {
    return [{ start, end }];
  }
  const fact = q.get("fact");
  if (fact) {
    const [kind, id] = fact.split(":");
    return doc.evidenceSpans.filter((s) => s.kind === kind && String(s.fact) === id);
  }
  return [];
}

export async function readerView(route: Route): Promise<View> {
  const id = route.parts[1];
  if (!id) throw new Error("The reader needs a document id: #/doc/doc-…");
  const doc = await api.document(id);
  const targets = targetsFrom(route, doc);
  const facts = new Map<string, FactView>(doc.facts.map((f) => [factKey(f.kind, f.id), f]));
  const selection = h("div", { class: "selection", "aria-live": "polite" });

  const factItem = (f: FactView) =>
    h(
      "li",
      { class: "fact", "data-fact": factKey(f.kind, f.id) },
      h("span", { class: `badge kind-${f.kind}` }, f.kind),
      " ",
      factSummary(f),
      h(
        "div",
        { class: "fact-meta" },
        support(f),
        " ",
        h("button", { type: "button", class: "btn small", onclick: () => focusFact(f) }, "Show in text"),
      ),
    );

  const showEvidence = (indexes: number[], el: HTMLElement) => {
    clear(selection);
    for (const old of text.body.querySelectorAll(".ev.focus")) old.classList.remove("focus");
    el.classList.add("focus");
    const here = indexes
      .map((i) => doc.evidenceSpans[i])
      .filter((s): s is DocumentView["evidenceSpans"][number] => Boolean(s))
      .map((s) => facts.get(factKey(s.kind, s.fact)))
      .filter((f): f is FactView => Boolean(f));
    selection.append(
      h("h3", null, `Read from this sentence: ${plural(here.length, "fact")}`),
      h("ul", { class: "facts" }, here.map(factItem)),
    );
  };

  const text = renderText(doc, targets, showEvidence);

  const focusFact = (f: FactView) => {
    for (const old of text.body.querySelectorAll(".ev.focus")) old.classList.remove("focus");
    const els = doc.evidenceSpans
      .map((s, i) => (s.kind === f.kind && s.fact === f.id ? i : -1))
      .filter((i) => i >= 0)
      .flatMap((i) => text.byEvidence.get(i) ?? []);
    for (const el of els) el.classList.add("focus");
    els[0]?.scrollIntoView({ block: "center", behavior: "smooth" });
  };

  const byKind = (kind: FactView["kind"]) => doc.facts.filter((f) => f.kind === kind);
  const kinds: [FactView["kind"], string][] = [
    ["relation", "Relations"],
    ["event", "Events"],
    ["quote", "Quotes"],
    ["quantity", "Figures"],
  ];
  const el = h(
    "div",
    { class: "reader-page" },
    pageHeader(doc.title ?? doc.id, [
      doc.outlet ? `${doc.outlet} · ` : "",
      formatDate(doc.published),
      " · ",
      plural(doc.evidenceSpans.length, "evidence span"),
      doc.duplicateOf ? [" · ", h("span", { class: "badge copy" }, "near-copy")] : null,
    ]),
    h(
      "div",
      { class: "reader-grid" },
      h(
        "article",
        { class: "card reader" },
        h(
          "p",
          { class: "legend muted" },
          h("span", { class: "ev sample" }, "highlighted"),
          " sentences carry facts (click one); ",
          h("span", { class: "mention sample" }, "underlined"),
          " names link to entities",
          targets.length
            ? ["; ", h("span", { class: "ev target sample" }, "blue"), " marks the evidence you opened"]
            : null,
          ".",
        ),
        text.body,
      ),
      h(
        "aside",
        { class: "reader-side" },
        selection,
        h("section", { class: "card" }, h("h2", null, "Document"), metadata(doc)),
        h("section", { class: "card" }, h("h2", null, "Entities mentioned"), mentionedEntities(doc)),
        h(
          "section",
          { class: "card" },
          h("h2", null, `Facts read here (${doc.facts.length})`),
          doc.facts.length
            ? kinds.map(([k, label]) => {
                const list = byKind(k);
                return list.length ? [h("h3", null, label), h("ul", { class: "facts" }, list.map(factItem))] : null;
              })
            : muted("No facts were read from this document."),
        ),
      ),
    ),
  );
  return {
    title: doc.title ?? doc.id,
    el,
    mounted: () => {
      if (!text.first) return;
      text.first.scrollIntoView({ block: "center" });
      text.first.focus({ preventScroll: true });
      const idx = (text.first.getAttribute("data-evidence") ?? "").split(",").filter(Boolean).map(Number);
      if (idx.length) showEvidence(idx, text.first);
    },
  };
}
