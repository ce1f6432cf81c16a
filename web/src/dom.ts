// Building DOM nodes. Every string becomes a text node or an attribute value; nothing is parsed as HTML,
// so article text, titles and names from the store can never become markup or script.

export type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

const SAFE_HREF = /^(#|\/(?!\/)|https?:\/\/)/i;

/** Only in-app links, same-site paths and http(s) URLs; anything else (javascript:, data:) is dropped. */
export function safeHref(href: string): string | null {
  return SAFE_HREF.test(href.trim()) ? href.trim() : null;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, ...c);
    else if (c instanceof Node) parent.appendChild(c);
    else parent.appendChild(document.createTextNode(String(c)));
  }
}

/** h("a", { href: "#/x", class: "link" }, "text"): attributes set with setAttribute, on* handlers as listeners. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") {
      el.addEventListener(k.slice(2), v);
    } else if (k === "href") {
      const href = safeHref(String(v));
      if (href) el.setAttribute("href", href);
    } else if (k.startsWith("on") || k === "style" || k === "srcdoc") {
      // Handlers only as functions; inline styles are refused by the CSP anyway (use classes).
      throw new Error(`h(): attribute ${k} must not be set from a string`);
    } else if (typeof v !== "function") {
      el.setAttribute(k, v === true ? "" : String(v));
    }
  }
  append(el, ...children);
  return el;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function svg(tag: string, attrs: Record<string, string | number> = {}, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  append(el, ...children);
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** An external link: opens in a new tab without handing it our window or our address. */
export function externalLink(href: string, text: string): HTMLElement {
  const safe = safeHref(href);
  if (!safe || !/^https?:/i.test(safe)) return h("span", null, text);
  return h("a", { href: safe, target: "_blank", rel: "noopener noreferrer nofollow", class: "external" }, text);
}
