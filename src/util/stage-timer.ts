// Per-stage timing for the benchmark (bench/): `timeStage("nlp", () => annotate(text))` adds the call's wall time
// to a process-wide total. Off unless HEARTLAND_STAGE_TIMES=1 or enableStageTimes() was called; when off it is one
// boolean test and a direct call. Names with a dot ("extract.entities") are sub-stages of the part before the dot.
import { performance } from "node:perf_hooks";

export interface StageTotal {
  ms: number;
  calls: number;
}

let enabled = process.env.HEARTLAND_STAGE_TIMES === "1";
const totals = new Map<string, StageTotal>();

export function enableStageTimes(on = true): void {
  enabled = on;
}

export function stageTimesEnabled(): boolean {
  return enabled;
}

function add(name: string, ms: number): void {
  const t = totals.get(name);
  if (t) {
    t.ms += ms;
    t.calls++;
  } else totals.set(name, { ms, calls: 1 });
}

/** Runs fn, adding its wall time to the stage's total when timing is on. */
export function timeStage<T>(name: string, fn: () => T): T {
  if (!enabled) return fn();
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    add(name, performance.now() - t0);
  }
}

/** As timeStage, for a function returning a promise: times until the promise settles. */
export async function timeStageAsync<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (!enabled) return fn();
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    add(name, performance.now() - t0);
  }
}

/** Adds totals measured elsewhere (a worker thread's) to this thread's. */
export function addStageTimes(more: Record<string, StageTotal>): void {
  for (const [name, t] of Object.entries(more)) {
    const mine = totals.get(name);
    if (mine) {
      mine.ms += t.ms;
      mine.calls += t.calls;
    } else totals.set(name, { ...t });
  }
}

/** The totals so far, by stage name. */
export function stageTimes(): Record<string, StageTotal> {
  return Object.fromEntries([...totals].map(([k, v]) => [k, { ...v }]));
}

export function resetStageTimes(): void {
  totals.clear();
}

const noLap = (_name: string) => {};

/**
 * Times the consecutive steps of one function without wrapping each in a closure: every `lap(name)` adds the time
 * since the previous lap (or since stageLaps was called) to that stage.
 */
export function stageLaps(): (name: string) => void {
  if (!enabled) return noLap;
  let last = performance.now();
  return (name) => {
    const now = performance.now();
    add(name, now - last);
    last = now;
  };
}
