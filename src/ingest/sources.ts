// Expands what the user named (files, folders, "-" for standard input, URLs) into raw items to read.
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { type FetchOptions, fetchUrl, isUrl } from "./fetch.js";

export interface RawItem {
  /** Where it came from: an absolute path, a URL, or "stdin". */
  uri: string;
  bytes: Uint8Array;
  /** A media type: declared by a server, or guessed from the file name. */
  contentType: string;
}

export interface InputFailure {
  input: string;
  reason: string;
}

export type ReadResult = { ok: true; item: RawItem } | { ok: false; failure: InputFailure };

export const TEXT_EXTENSIONS: Record<string, string> = {
  ".txt": "text/plain",
  ".text": "text/plain",
  ".md": "text/markdown",
  ".markdown": "text/markdown",
  ".html": "text/html",
  ".htm": "text/html",
  ".xhtml": "text/html",
  ".xml": "application/xml",
  ".rss": "application/rss+xml",
  ".atom": "application/atom+xml",
};

export interface SourceOptions extends FetchOptions {
  readStdin: () => Promise<Uint8Array>;
}

/** A unit of work: either one file/URL/stdin, ready to read, or an input already known to fail. */
export type Task = { input: string; read: () => Promise<ReadResult> };

const fail = (input: string, reason: string): ReadResult => ({ ok: false, failure: { input, reason } });

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile() && extname(e.name).toLowerCase() in TEXT_EXTENSIONS) out.push(p);
  }
}

function readFileTask(path: string, input: string, opts: SourceOptions): Task {
  return {
    input,
    read: async () => {
      try {
        const st = await stat(path);
        if (st.size > opts.maxBytes) {
          return fail(input, `file is ${st.size} bytes, over the ${opts.maxBytes}-byte limit (--max-bytes)`);
        }
        const bytes = await readFile(path);
        const type = TEXT_EXTENSIONS[extname(path).toLowerCase()] ?? "text/plain";
        return { ok: true, item: { uri: path, bytes, contentType: type } };
      } catch (err) {
        return fail(
          input,
          (err as NodeJS.ErrnoException).code === "EISDIR" ? "is a directory" : (err as Error).message,
        );
      }
    },
  };
}

/** Turns the inputs into tasks; folders are expanded here, so the caller knows the total up front. */
export async function planInputs(inputs: string[], opts: SourceOptions): Promise<Task[]> {
  const tasks: Task[] = [];
  for (const input of inputs) {
    if (input === "-") {
      tasks.push({
        input: "-",
        read: async () => {
          const bytes = await opts.readStdin();
          return { ok: true, item: { uri: "stdin", bytes, contentType: "text/plain" } };
        },
      });
      continue;
    }
    if (isUrl(input)) {
      tasks.push({
        input,
        read: async () => {
          const r = await fetchUrl(input, opts);
          return r.ok
            ? { ok: true, item: { uri: r.url, bytes: r.bytes, contentType: r.contentType } }
            : fail(input, r.reason);
        },
      });
      continue;
    }
    const path = resolve(input);
    let isDir = false;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const reason = code === "ENOENT" ? "no such file or directory" : (err as Error).message;
      tasks.push({ input, read: async () => fail(input, reason) });
      continue;
    }
    if (isDir) {
      const files: string[] = [];
      await walk(path, files);
      if (files.length === 0)
        tasks.push({ input, read: async () => fail(input, "folder holds no .txt, .md, .html or feed files") });
      for (const f of files) tasks.push(readFileTask(f, f, opts));
    } else {
      tasks.push(readFileTask(path, input, opts));
    }
  }
  return tasks;
}
