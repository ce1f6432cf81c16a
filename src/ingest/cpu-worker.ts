// A worker thread of the CPU pool (src/ingest/cpu-pool.ts): analyses articles and sections with the default
// extractor and posts back the results, with the stage times they took when the main thread keeps stage times.
import { parentPort, workerData } from "node:worker_threads";
import { extractFacts } from "../extract/index.js";
import { enableStageTimes, resetStageTimes, stageTimes } from "../util/stage-timer.js";
import { analyseArticle } from "./analyse.js";
import type { PoolReply, PoolRequest } from "./cpu-pool.js";
import { analyseSection } from "./sections.js";

const port = parentPort;
if (!port) throw new Error("cpu-worker runs only as a worker thread");
const timed = (workerData as { stageTimes?: boolean } | undefined)?.stageTimes === true;
enableStageTimes(timed);

port.on("message", (req: PoolRequest) => {
  if (timed) resetStageTimes();
  let reply: PoolReply;
  try {
    const result =
      req.job.kind === "article"
        ? analyseArticle(req.job.article, req.job.source, req.job.contentType, extractFacts)
        : analyseSection(req.job.input, extractFacts);
    reply = { id: req.id, ok: true, result, stages: timed ? stageTimes() : undefined };
  } catch (err) {
    reply = { id: req.id, ok: false, error: (err as Error).message ?? String(err) };
  }
  port.postMessage(reply);
});
