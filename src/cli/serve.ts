// `heartland serve`: the JSON API and the web UI over a store, on 127.0.0.1 unless told otherwise.
import type { Command } from "commander";
import { DEFAULT_HOST, DEFAULT_PORT, type RunningServer, startApiServer } from "../api/server.js";
import { existingStorePath, UsageError } from "./common.js";

export function portNumber(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, got "${v}"`);
  return n;
}

/** Keeps the process alive until Ctrl-C or SIGTERM, then closes the server cleanly. */
export function serveUntilSignal(server: RunningServer): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      process.stderr.write("heartland: stopping the server\n");
      server.close().then(resolve, resolve);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

export function describeServer(server: RunningServer, db: string): string {
  return [
    `Heartland is serving ${db} at ${server.url}`,
    `  API: ${server.url}api/openapi.json`,
    server.writable
      ? "  writes: POST /api/ingest with Authorization: Bearer $HEARTLAND_TOKEN"
      : "  read-only (set HEARTLAND_TOKEN to enable POST /api/ingest)",
    "  press Ctrl-C to stop",
  ].join("\n");
}

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("serve the JSON API (/api/openapi.json) and the web UI over the store")
    .option("--host <address>", "address to listen on", DEFAULT_HOST)
    .option("--port <n>", `port to listen on (0 picks a free one; default ${DEFAULT_PORT})`, portNumber)
    .addHelpText(
      "after",
      "\nRead-only unless HEARTLAND_TOKEN is set in the environment: then POST /api/ingest accepts requests\n" +
        "sending it as a bearer token. Listens on 127.0.0.1 unless --host names another address.",
    )
    .action(async (opts: { host: string; port?: number }, cmd: Command) => {
      const db = existingStorePath(cmd);
      let server: RunningServer;
      try {
        server = await startApiServer({
          db,
          host: opts.host,
          port: opts.port ?? DEFAULT_PORT,
          token: process.env.HEARTLAND_TOKEN ?? null,
        });
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      process.stdout.write(`${describeServer(server, db)}\n`);
      await serveUntilSignal(server);
    });
}
