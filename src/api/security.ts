// Response headers that keep untrusted article text inert, and the bearer-token check for write routes.
import { createHash, timingSafeEqual } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";
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

/**
 * True for a loopback host: "localhost" exactly, an IPv4 dotted quad in 127.0.0.0/8, or ::1 (in any spelling,
 * with or without brackets). A name that merely starts with "127." (127.0.0.1.evil.example) is not one.
 */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase();
  if (h === "localhost") return true;
  if (isIPv4(h)) return h.split(".")[0] === "127";
  const bare = h.startsWith("[") && h.endsWith("]") ? h.slice(1, -1) : h;
  return isIPv6(bare) && new URL(`http://[${bare}]/`).hostname === "[::1]";
}

/** The host named by a Host header ("name", "name:port", "1.2.3.4:port", "[v6]:port"), or null if malformed. */
export function hostOfHeader(header: string): string | null {
  const m = /^(\[[0-9a-f:.]+\]|[^[\]:]+)(?::(\d{1,5}))?$/i.exec(header.trim());
  return m ? (m[1] as string) : null;
}

/**
 * On a loopback address, answer only requests that name a loopback host: a web page elsewhere cannot
 * rebind its own domain to 127.0.0.1 and read the API.
 */
export function loopbackHostsOnly(): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header("host") ?? "";
    const host = hostOfHeader(header);
    if (host === null || !isLoopback(host)) {
      return c.json(
        { error: `this server answers only on its loopback address, not ${JSON.stringify(host ?? header)}` },
        403,
      );
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
