// Shared test helpers: temporary folders, running the real CLI, a local HTTP server, store checks.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const BIN = join(ROOT, "bin", "heartland.js");
export const SHARED = fileURLToPath(new URL("../../shared/", import.meta.url));
export const SEEDS = join(SHARED, "corpus", "seeds");
export const GOLD = join(SHARED, "gold");
/** Skip reason for tests that need ../shared (present in CI, absent on a user's machine). */
export const NEEDS_SHARED = existsSync(SEEDS) ? false : `../shared not found at ${SHARED}: seed tests skipped`;

export function tempDir(prefix = "heartland-test-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** True when the command was killed for running past `timeoutMs`. */
  timedOut?: boolean;
}

export interface CliOptions {
  input?: Uint8Array | string;
  env?: Record<string, string>;
  /** Kill the command (SIGKILL) after this long, so a hang fails the test instead of blocking it. */
  timeoutMs?: number;
  /** Run as another user (the tests run as root, where file permissions do not bite). */
  uid?: number;
  gid?: number;
}

/** What a child process writes to its standard output and error, read as it arrives. */
function collectOutput(child: ChildProcessWithoutNullStreams): { stdout: string; stderr: string } {
  const out = { stdout: "", stderr: "" };
  child.stdout.on("data", (d) => {
    out.stdout += d;
  });
  child.stderr.on("data", (d) => {
    out.stderr += d;
  });
  return out;
}

/** Runs the built `heartland` command as a user would. */
export function runCli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...opts.env },
      stdio: ["pipe", "pipe", "pipe"],
      uid: opts.uid,
      gid: opts.gid,
    });
    let timedOut = false;
    const timer =
      opts.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill("SIGKILL");
          }, opts.timeoutMs);
    const out = collectOutput(child);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout: out.stdout, stderr: out.stderr, timedOut });
    });
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

export interface EndlessResult {
  code: number | null;
  /** The command was killed after 30 s: it kept reading. */
  killed: boolean;
  stdout: string;
  stderr: string;
  /** Bytes handed to the command's standard input before it went away. */
  written: number;
}

/**
 * Runs the CLI with an endless writer on its standard input (`chunk` again and again, waiting for the pipe to
 * drain) until the command goes away, or kills it after 30 s.
 */
export async function feedEndlessly(args: string[], chunk: Buffer): Promise<EndlessResult> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["pipe", "pipe", "pipe"] });
  const out = collectOutput(child);
  let closed = false;
  const done = new Promise<number | null>((resolve) =>
    child.on("close", (code) => {
      closed = true;
      resolve(code);
    }),
  );
  child.stdin.on("error", () => undefined); // EPIPE once the command stops reading
  let written = 0;
  const killer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  try {
    while (!closed && !child.stdin.destroyed) {
      written += chunk.length;
      if (!child.stdin.write(chunk)) await Promise.race([new Promise((r) => child.stdin.once("drain", r)), done]);
    }
    const code = await done;
    return { code, killed: child.signalCode === "SIGKILL", stdout: out.stdout, stderr: out.stderr, written };
  } finally {
    clearTimeout(killer);
    child.kill("SIGKILL");
  }
}

export function integrityCheck(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.pragma("integrity_check", { simple: true }) as string;
  } finally {
    db.close();
  }
}

export function query<T>(dbPath: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A local HTTP server on 127.0.0.1 with a route table; no test touches the internet. */
export async function startServer(routes: Record<string, Handler>): Promise<{
  url: string;
  port: number;
  /** The path of every request it received, in order. */
  requests: string[];
  close: () => Promise<void>;
}> {
  const sockets = new Set<import("node:net").Socket>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? "/");
    const handler = routes[req.url ?? "/"];
    if (handler) handler(req, res);
    else {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** Parses a JSON Lines export. */
export function parseJsonl(text: string): Record<string, unknown>[] {
  return text
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
