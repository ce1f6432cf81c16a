// Response headers that keep untrusted article text inert, and the bearer-token check for write routes.
import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { HttpError } from "./params.js";

/** The UI's policy: only our own bundled scripts and styles run; nothing inline, nothing from elsewhere. */
export const UI_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** JSON needs no capabilities at all. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const h = c.res.headers;
  const isApi = c.req.path.startsWith("/api/");
  h.set("Content-Security-Policy", isApi ? API_CSP : UI_CSP);
  h.set("X-Content-Type-Options", "nosniff");
  h.set("Referrer-Policy", "no-referrer");
  h.set("X-Frame-Options", "DENY");
  h.set("Cross-Origin-Opener-Policy", "same-origin");
  h.set("Cross-Origin-Resource-Policy", "same-origin");
  if (isApi && !h.has("Cache-Control")) h.set("Cache-Control", "no-store");
};

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith("127.");
}

/**
 * On a loopback address, answer only requests that name a loopback host: a web page elsewhere cannot
 * rebind its own domain to 127.0.0.1 and read the API.
 */
export function loopbackHostsOnly(): MiddlewareHandler {
  return async (c, next) => {
    const host = (c.req.header("host") ?? "").replace(/:\d+$/, "").toLowerCase();
    if (!isLoopback(host)) {
      return c.json({ error: `this server answers only on its loopback address, not ${JSON.stringify(host)}` }, 403);
    }
    await next();
  };
}

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Throws 401 without a bearer token, 403 with the wrong one. Compares in constant time. */
export function checkBearer(header: string | undefined, token: string): void {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!m) throw new HttpError(401, "this route needs the server's token: send Authorization: Bearer <token>");
  if (!timingSafeEqual(digest(m[1] as string), digest(token))) throw new HttpError(403, "the token is not valid");
}
