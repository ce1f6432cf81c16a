// Serves the built web UI (web/dist) from the same process: hashed assets cached for good, index.html never.
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Context } from "hono";

/** web/dist next to src/ and dist/, so it resolves the same from sources (tsx) and from the build. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL("../../web/dist/", import.meta.url));

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json",
};

export function uiBuilt(webRoot: string): boolean {
  return existsSync(join(webRoot, "index.html"));
}

/** The file a URL path names inside webRoot, or null (outside it, hidden, or not a file). */
async function fileFor(webRoot: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.split("/").some((s) => s.startsWith("."))) return null;
  const root = resolve(webRoot);
  const file = resolve(root, `.${decoded === "/" ? "/index.html" : decoded}`);
  if (!file.startsWith(root + sep)) return null;
  try {
    return (await stat(file)).isFile() ? file : null;
  } catch {
    return null;
  }
}

export function serveUi(webRoot: string) {
  return async (c: Context) => {
    if (!uiBuilt(webRoot)) {
      return c.text("The web UI is not built: run `npm run build:web` (the JSON API is at /api/openapi.json).", 503);
    }
    const file = await fileFor(webRoot, c.req.path);
    if (!file) return c.text("not found", 404);
    const body = await readFile(file);
    const immutable = c.req.path.startsWith("/assets/");
    return c.body(body, 200, {
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    });
  };
}
