// The HTTP server: the JSON API, its OpenAPI document and the web UI, over one SQLite store.
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { Hono } from "hono";
import { storeMissing } from "../store/open.js";
import { SqliteStore } from "../store/sqlite.js";
import { SqliteReader } from "../store/sqlite-read.js";
import { mountWriteRoutes, type WriteAccess } from "./ingest-route.js";
import { openApiDocument } from "./openapi.js";
import { HttpError, parseParams } from "./params.js";
import { READ_ROUTES, type RouteContext } from "./routes.js";
import { isLoopback, loopbackHostsOnly, securityHeaders } from "./security.js";
import { DEFAULT_WEB_ROOT, serveUi } from "./static-ui.js";

export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 8080;

const VERSION = (() => {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    return pkg.version;
  } catch {
    return "0.0.0";
  }
})();

export interface AppOptions extends WriteAccess {
  reader: SqliteReader;
  webRoot?: string;
  /** Answer only requests naming a loopback host (on by default when listening on one). */
  loopbackOnly?: boolean;
  /** Where unexpected errors are reported. */
  logError?: (err: unknown) => void;
}

const honoPath = (p: string) => p.replace(/\{(\w+)\}/g, ":$1");

export function createApp(opts: AppOptions): Hono {
  const app = new Hono();
  const ctx: RouteContext = { reader: opts.reader };
  app.use("*", securityHeaders);
  if (opts.loopbackOnly) app.use("*", loopbackHostsOnly());
  app.onError((err, c) => {
    if (err instanceof HttpError) {
      const headers: Record<string, string> =
        err.status === 401 ? { "WWW-Authenticate": 'Bearer realm="heartland"' } : {};
      return c.json(err.body(), err.status, headers);
    }
    (opts.logError ?? ((e) => console.error("heartland serve:", e)))(err);
    return c.json({ error: "internal error" }, 500);
  });

  const openapi = openApiDocument(READ_ROUTES, VERSION);
  app.get("/api/openapi.json", (c) => {
    parseParams({}, c.req.queries(), {});
    return c.json(openapi);
  });
  for (const route of READ_ROUTES) {
    app.on(route.method.toUpperCase(), honoPath(route.path), (c) => {
      const args = parseParams(route.params, c.req.queries(), c.req.param() as Record<string, string>);
      return c.json(route.handle(args, ctx) as object);
    });
  }
  mountWriteRoutes(app, opts);
  app.all("/api/*", (c) => c.json({ error: `no route ${c.req.method} ${c.req.path}: see /api/openapi.json` }, 404));
  app.get("*", serveUi(opts.webRoot ?? DEFAULT_WEB_ROOT));
  return app;
}

export interface ServeOptions {
  db: string;
  host?: string;
  port?: number;
  /** Enables write routes; the CLI passes $HEARTLAND_TOKEN. */
  token?: string | null;
  webRoot?: string;
  logError?: (err: unknown) => void;
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  writable: boolean;
  close: () => Promise<void>;
}

function urlFor(host: string, port: number): string {
  const shown = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
  return `http://${shown}:${port}/`;
}

/** Opens the store (read-only unless a token allows writes) and listens. Port 0 picks a free port. */
export async function startApiServer(opts: ServeOptions): Promise<RunningServer> {
  const missing = storeMissing(opts.db);
  if (missing) throw new Error(missing);
  const token = opts.token?.trim() ? opts.token.trim() : null;
  // Opening the store brings an older file's schema up to date; reads then go through a read-only connection.
  const store = new SqliteStore(opts.db);
  if (!token) await store.close();
  const reader = new SqliteReader(opts.db);
  const host = opts.host ?? DEFAULT_HOST;
  const app = createApp({
    reader,
    token,
    store: token ? store : null,
    webRoot: opts.webRoot,
    loopbackOnly: isLoopback(host),
    logError: opts.logError,
  });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  const closeAll = async () => {
    reader.close();
    await store.close();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(opts.port ?? DEFAULT_PORT, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (err) {
    await closeAll();
    const e = err as NodeJS.ErrnoException;
    if (e.code === "EADDRINUSE") throw new Error(`port ${opts.port} on ${host} is in use: pick another with --port`);
    if (e.code === "EACCES") throw new Error(`not allowed to listen on ${host}:${opts.port}`);
    throw err;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: urlFor(host, port),
    host,
    port,
    writable: token !== null,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          closeAll().then(resolve, resolve);
        });
        server.closeAllConnections();
      }),
  };
}
