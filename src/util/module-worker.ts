// A worker thread running a module file. A worker does not inherit the parent's tsx loader, so a TypeScript module
// (tests, benchmarks, and the source tree run with tsx) is loaded after registering tsx in the worker; compiled
// JavaScript is started directly.
import { Worker } from "node:worker_threads";

export function moduleWorker(module: URL, workerData?: unknown): Worker {
  if (!module.pathname.endsWith(".ts")) return new Worker(module, { workerData });
  const boot = `import("tsx/esm/api").then((t) => { t.register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
