// Small building blocks shared by the pages: entity links, evidence links, badges, sections, messages.
import {
  ApiError,
  api,
  type EntitySummary,
  type EventView,
  type EvidenceView,
  type FactView,
  type Vocabulary,
} from "./api.js";
import { append, type Child, h } from "./dom.js";
import { formatConfidence, formatDate, formatEventDate, formatQuantity, plural } from "./format.js";
import { relationSentence } from "./relation-sentence.js";
import { link } from "./router.js";

let vocabulary: Vocabulary | null = null;
export function setVocabulary(v: Vocabulary): void {
  vocabulary = v;
}

export function cameo(root: string): { name: string; quad: string } {
  const r = vocabulary?.cameo.find((c) => c.code === root);
  return { name: r?.name ?? `CAMEO ${root}`, quad: r?.quad ?? "unknown" };
}

export function cameoRoots(): readonly { code: string; name: string; quad: string }[] {
  return vocabulary?.cameo ?? [];
}

export function relationTypes(): readonly string[] {
  return vocabulary?.relationTypes ?? [];
}

export function entityTypes(): readonly string[] {
  return vocabulary?.entityTypes ?? [];
}

export function entityHref(e: { id: number }): string {
  return link(`entity/${e.id}`);
}

export function entityLink(e: EntitySummary): HTMLElement {
  return h("a", { href: entityHref(e), class: `entity type-${e.type}`, "data-entity": e.id }, e.name);
}

export function entityList(es: EntitySummary[], empty = "—"): Child {
  if (!es.length) return h("span", { class: "muted" }, empty);
  return es.flatMap((e, i) => (i ? [", ", entityLink(e)] : [entityLink(e)]));
}

export function typeBadge(type: string): HTMLElement {
  return h("span", { class: `badge type-${type}` }, type);
}

export function cameoBadge(root: string): HTMLElement {
  const c = cameo(root);
  return h("span", { class: `badge quad-${c.quad}`, title: `CAMEO ${root}` }, `${root} ${c.name}`);
}

export function realisBadges(f: { negated: boolean; hypothetical?: boolean }): Child {
  return [
    f.negated
      ? h("span", { class: "badge negated", title: "The text says this did not happen or does not hold" }, "denied")
      : null,
    f.hypothetical
      ? h("span", { class: "badge hypothetical", title: "Possible, planned or conditional" }, "hypothetical")
      : null,
  ];
}

/** The reader, opened at a span of a document. */
export function readerHref(doc: string, start?: number, end?: number): string {
  return link(`doc/${encodeURIComponent(doc)}`, { start, end });
}

function evidenceLink(ev: EvidenceView, i: number): HTMLElement {
  return h(
    "a",
    {
      href: readerHref(ev.doc, ev.start, ev.end),
      class: `evidence-link${ev.canonical !== ev.doc ? " copy" : ""}`,
      title: ev.text,
      "data-doc": ev.doc,
    },
    `[${i + 1}] ${ev.outlet ?? ev.title ?? ev.doc}${ev.published ? `, ${formatDate(ev.published)}` : ""}`,
    ev.canonical !== ev.doc ? " (copy)" : "",
    ev.basis === "reference" ? " (reference knowledge)" : "",
  );
}

type EvidenceOf = Pick<FactView, "kind" | "id" | "evidence" | "evidenceTotal">;

/**
 * Links from a fact to each sentence it was read from; the sentence shows on hover. Lists carry only a fact's
 * first few sentences: "all N sentences" reads the rest from the fact's own route and lists them in place.
 */
export function evidenceLinks(f: EvidenceOf): HTMLElement {
  const box = h("span", { class: "evidence" });
  const show = (evidence: EvidenceView[], total: number) => {
    box.replaceChildren();
    if (!evidence.length) return append(box, h("span", { class: "muted" }, "no evidence"));
    append(box, evidence.map(evidenceLink));
    if (total > evidence.length) {
      const more: HTMLButtonElement = h(
        "button",
        {
          type: "button",
          class: "link evidence-more",
          title: `Show every sentence this ${f.kind} was read from`,
          onclick: () => {
            more.disabled = true;
            more.textContent = "loading…";
            api.fact(f.kind, f.id).then(
              (full) => show(full.evidence, full.evidence.length),
              (err: unknown) => {
                more.disabled = false;
                more.textContent = `all ${total} sentences (failed: ${(err as Error)?.message ?? err})`;
              },
            );
          },
        },
        `all ${total} sentences`,
      );
      append(box, more);
    }
  };
  show(f.evidence, f.evidenceTotal ?? f.evidence.length);
  return box;
}

export function support(f: { sources: number; confidence: number }): HTMLElement {
  return h(
    "span",
    {
      class: `support${f.sources > 1 ? " multi" : ""}`,
      title: "Independent sources (syndicated copies count once) and combined confidence",
    },
    plural(f.sources, "source"),
    " · ",
    formatConfidence(f.confidence),
  );
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return h("section", { class: "card" }, h("h2", null, title), ...children);
}

export function sectionWithActions(title: string, actions: Child, ...children: Child[]): HTMLElement {
  return h(
    "section",
    { class: "card" },
    h("div", { class: "card-head" }, h("h2", null, title), h("div", { class: "actions" }, actions)),
    ...children,
  );
}

export function muted(text: string): HTMLElement {
  return h("p", { class: "muted" }, text);
}

export function loading(what = "Loading"): HTMLElement {
  return h("p", { class: "loading", role: "status" }, `${what}…`);
}

export function errorBox(err: unknown): HTMLElement {
  const e = err as Error;
  const status = err instanceof ApiError ? err.status : 0;
  const title = status === 404 ? "Not found" : status === 400 ? "Bad request" : "Something went wrong";
  return h(
    "div",
    { class: "error-box", role: "alert" },
    h("strong", null, title),
    h("p", null, e?.message ?? String(err)),
    err instanceof ApiError && err.parameter ? h("p", { class: "muted" }, `parameter: ${err.parameter}`) : null,
  );
}

export function pageHeader(title: Child, subtitle?: Child, actions?: Child): HTMLElement {
  return h(
    "header",
    { class: "page-header" },
    h("div", null, h("h1", null, title), subtitle ? h("div", { class: "subtitle" }, subtitle) : null),
    actions ? h("div", { class: "actions" }, actions) : null,
  );
}

export function button(label: string, onclick: () => void, cls = ""): HTMLButtonElement {
  return h("button", { type: "button", class: `btn ${cls}`.trim(), onclick }, label);
}

export function linkButton(label: string, href: string, cls = ""): HTMLAnchorElement {
  return h("a", { href, class: `btn ${cls}`.trim() }, label);
}

/** A fact in one line, its entities linked. */
export function factSummary(f: FactView): HTMLElement {
  switch (f.kind) {
    case "relation":
      return h(
        "span",
        { class: "fact-summary" },
        relationSentence(entityLink(f.subject), f, entityLink(f.object)),
        " ",
        realisBadges(f),
      );
    case "event":
      return h(
        "span",
        { class: "fact-summary" },
        cameoBadge(f.root),
        " ",
        entityList(f.actors),
        f.targets.length ? [" → ", entityList(f.targets)] : null,
        f.location ? [" in ", entityLink(f.location)] : null,
        h("span", { class: "muted" }, ` · ${formatEventDate(f)}`),
        " ",
        realisBadges(f),
      );
    case "quote":
      return h("span", { class: "fact-summary" }, entityLink(f.speaker), ": ", h("q", null, f.text));
    case "quantity":
      return h(
        "span",
        { class: "fact-summary" },
        `${f.measure}: `,
        h("strong", null, formatQuantity(f.value, f.unit)),
        f.time ? ` (${f.time})` : "",
        f.subjects.length ? [" — ", entityList(f.subjects)] : null,
      );
  }
}

/** One event on a timeline: date, CAMEO badge, actors → targets, place, realis, support and evidence links. */
export function eventTimelineItem(
  e: EventView,
  opts: { role?: "actor" | "target"; anchor?: boolean } = {},
): HTMLElement {
  const c = cameo(e.root);
  return h(
    "li",
    {
      class: `timeline-item quad-${c.quad}${e.negated ? " is-negated" : ""}`,
      ...(opts.anchor ? { id: `event-${e.id}` } : {}),
      "data-fact": `event:${e.id}`,
    },
    h(
      "time",
      {
        datetime: e.date ?? "",
        ...(e.date && e.dateSource === "published"
          ? { class: "reported", title: "The text gives no date: this is the date the report was published." }
          : {}),
      },
      formatEventDate(e),
    ),
    h(
      "div",
      { class: "timeline-body" },
      h(
        "div",
        { class: "fact-main" },
        cameoBadge(e.root),
        " ",
        entityList(e.actors),
        e.targets.length ? [" → ", entityList(e.targets)] : null,
        e.location ? [" in ", entityLink(e.location)] : null,
        " ",
        opts.role ? [h("span", { class: "role" }, `as ${opts.role}`), " "] : null,
        realisBadges(e),
      ),
      h("div", { class: "fact-meta" }, support(e), " ", evidenceLinks(e)),
    ),
  );
}

/** Previous / "page n of m" / next links for a paged list at `path`, keeping the other query parameters. */
export function pager(path: string, q: URLSearchParams, pageNo: number, pages: number): HTMLElement | null {
  if (pages <= 1) return null;
  const at = (p: number) => link(path, { ...Object.fromEntries(q.entries()), page: p || null });
  return h(
    "nav",
    { class: "pager" },
    pageNo > 0 ? h("a", { href: at(pageNo - 1), class: "btn" }, "← Previous") : null,
    h("span", { class: "muted" }, `page ${pageNo + 1} of ${pages}`),
    pageNo + 1 < pages ? h("a", { href: at(pageNo + 1), class: "btn" }, "Next →") : null,
  );
}
