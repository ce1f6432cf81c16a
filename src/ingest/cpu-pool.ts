// Worker threads for the CPU part of ingest (annotation and extraction, src/ingest/analyse.ts): the main thread
// reads inputs and is the one writer to the store; the workers analyse articles, and the sections of a long
// document, side by side. Each worker loads the language model and knowledge base once. A worker that dies fails
// the jobs it held and is replaced; a job's own error comes back as a rejected promise naming it.
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { moduleWorker } from "../util/module-worker.js";
import { addStageTimes, type StageTotal, stageTimesEnabled } from "../util/stage-timer.js";
import type { Analysed } from "./analyse.js";
import type { SectionInput, SectionResult } from "./sections.js";
import type { Article } from "./text/article.js";

export type PoolJob =
  | { kind: "article"; article: Article; source: string; contentType: string }
  | { kind: "section"; input: SectionInput };

export interface PoolRequest {
  id: number;
  job: PoolJob;
}

export type PoolReply =
  | { id: number; ok: true; result: Analysed | SectionResult; stages?: Record<string, StageTotal> }
  | { id: number; ok: false; error: string };

interface Pending {
  job: PoolJob;
  resolve: (r: Analysed | SectionResult) => void;
  reject: (e: Error) => void;
}

/**
 * The workers `--workers auto` starts: one per core. The main thread's reading and storing is the smaller part and
 * mostly overlaps the workers' analysis; a long document's sections keep every core busy.
 */
export function autoWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** The worker script beside this module: compiled JavaScript in dist/, TypeScript when run from source (tsx). */
const WORKER_MODULE = new URL(`./cpu-worker.${import.meta.url.endsWith(".ts") ? "ts" : "js"}`, import.meta.url);

export class CpuPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, number>();
  private readonly waiting: PoolRequest[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`a CPU pool needs at least one worker, not ${size}`);
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  private spawn(): Worker {
    const w = moduleWorker(WORKER_MODULE, { stageTimes: stageTimesEnabled() });
    w.on("message", (reply: PoolReply) => this.settle(w, reply));
    w.on("error", (err) => this.lost(w, err));
    w.on("exit", (code) => {
      if (!this.closed) this.lost(w, new Error(`worker thread exited with code ${code}`));
    });
    return w;
  }

  /** A worker died: its job fails, a fresh worker takes its place. */
  private lost(w: Worker, err: Error): void {
    const id = this.busy.get(w);
    this.busy.delete(w);
    const i = this.idle.indexOf(w);
    if (i >= 0) this.idle.splice(i, 1);
    w.removeAllListeners();
    void w.terminate();
    if (id !== undefined) {
      const p = this.pending.get(id);
      this.pending.delete(id);
      p?.reject(new Error(`worker thread failed: ${err.message}`));
    }
    if (this.closed) return;
    this.idle.push(this.spawn());
    this.pump();
  }

  private settle(w: Worker, reply: PoolReply): void {
    this.busy.delete(w);
    this.idle.push(w);
    const p = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (p) {
      if (reply.ok) {
        if (reply.stages) addStageTimes(reply.stages);
        p.resolve(reply.result);
      } else p.reject(new Error(reply.error));
    }
    this.pump();
  }

  private pump(): void {
    while (this.idle.length > 0 && this.waiting.length > 0) {
      const w = this.idle.pop() as Worker;
      const req = this.waiting.shift() as PoolRequest;
      this.busy.set(w, req.id);
      w.postMessage(req);
    }
  }

  private run(job: PoolJob): Promise<Analysed | SectionResult> {
    if (this.closed) return Promise.reject(new Error("the CPU pool is closed"));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { job, resolve, reject });
      this.waiting.push({ id, job });
      this.pump();
    });
  }

  /** Analyses one article (annotation and extraction) in a worker. */
  analyseArticle(article: Article, source: string, contentType: string): Promise<Analysed> {
    return this.run({ kind: "article", article, source, contentType }) as Promise<Analysed>;
  }

  /** Annotates and extracts one section of a long document in a worker. */
  analyseSection(input: SectionInput): Promise<SectionResult> {
    return this.run({ kind: "section", input }) as Promise<SectionResult>;
  }

  /** Stops every worker; jobs not yet finished fail. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const [, p] of this.pending) p.reject(new Error("the CPU pool is closed"));
    this.pending.clear();
    this.waiting.length = 0;
    await Promise.all([...this.idle, ...this.busy.keys()].map((w) => w.terminate()));
  }
}
