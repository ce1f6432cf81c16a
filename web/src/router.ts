// Hash routing: #/entity/12?depth=2. The server serves one page; every view is addressable and bookmarkable.

export interface Route {
  /** Path segments after "#/": ["entity", "12"]. */
  parts: string[];
  query: URLSearchParams;
}

export type QueryValues = Record<string, string | number | boolean | string[] | null | undefined>;

export function currentRoute(): Route {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path = "", qs = ""] = raw.split("?", 2) as [string?, string?];
  const parts = path
    .split("/")
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  return { parts, query: new URLSearchParams(qs) };
}

/** "#/graph/12?depth=2": empty values are left out. */
export function link(path: string, q: QueryValues = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === null || v === undefined || v === "" || v === false || (Array.isArray(v) && !v.length)) continue;
    p.set(k, Array.isArray(v) ? v.join(",") : String(v));
  }
  const s = p.toString();
  return `#/${path.replace(/^\//, "")}${s ? `?${s}` : ""}`;
}

export function navigate(path: string, q: QueryValues = {}): void {
  const target = link(path, q);
  if (location.hash === target) window.dispatchEvent(new HashChangeEvent("hashchange"));
  else location.hash = target;
}

export function positiveInt(v: string | null | undefined): number | null {
  return v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : null;
}
